//! The seed document's event-loop examples, in Rust.

mod common;

use common::Log;
use node_event_loop::{EventLoop, RunMode};

/// console.log("Start"); setTimeout(() => console.log("Timeout"), 0); console.log("End");
#[test]
fn start_end_timeout() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    log.push("Start");
    h.set_timeout(0, log.cb("Timeout"));
    log.push("End");
    h.checkpoint();
    assert!(!ev.run(RunMode::Default));
    assert_eq!(log.take(), ["Start", "End", "Timeout"]);
}

/// process.nextTick vs setImmediate from the main script.
#[test]
fn main_code_next_tick_set_immediate() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    h.set_immediate(log.cb("Set Immediate"));
    h.next_tick(log.cb("Next Tick"));
    log.push("Main Code");
    h.checkpoint();
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["Main Code", "Next Tick", "Set Immediate"]);
}

/// Inside an I/O callback, setImmediate always runs before setTimeout(0): the check phase
/// follows the poll phase, and timers come only in the next iteration. Swapping the check
/// and timers phases in `Phases::run` makes this test fail.
#[test]
fn io_callback_immediate_before_timeout() {
    for _ in 0..20 {
        let ev = EventLoop::new().unwrap();
        let h = ev.handle();
        let log = Log::default();
        let (h2, l2) = (h.clone(), log.clone());
        h.spawn_io(async {}, move |()| {
            h2.set_timeout(0, l2.cb("timeout"));
            h2.set_immediate(l2.cb("immediate"));
        });
        ev.run(RunMode::Default);
        assert_eq!(log.take(), ["immediate", "timeout"]);
    }
}

/// Next ticks run before promise jobs (microtasks), and the whole tick queue drains first.
#[test]
fn next_tick_before_microtasks() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    h.queue_microtask(log.cb("promise 1"));
    h.next_tick(log.cb("tick 1"));
    h.queue_microtask(log.cb("promise 2"));
    h.next_tick(log.cb("tick 2"));
    h.checkpoint();
    assert_eq!(log.take(), ["tick 1", "tick 2", "promise 1", "promise 2"]);
}

/// A tick queued by a microtask waits until the microtask queue is empty
/// (`Promise.resolve().then(() => process.nextTick(A)); Promise.resolve().then(B)` → B, A).
#[test]
fn tick_from_microtask_runs_after_the_microtask_queue() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let (h2, l2) = (h.clone(), log.clone());
    h.queue_microtask(move || h2.next_tick(l2.cb("A")));
    h.queue_microtask(log.cb("B"));
    h.checkpoint();
    assert_eq!(log.take(), ["B", "A"]);
}

/// setInterval fires until clearInterval; the loop then exits.
#[test]
fn interval_until_cleared() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let slot: std::rc::Rc<std::cell::RefCell<Option<node_event_loop::Timer>>> = Default::default();
    let (l2, s2) = (log.clone(), slot.clone());
    let mut n = 0;
    *slot.borrow_mut() = Some(h.set_interval(1, move || {
        n += 1;
        l2.push(format!("tick {n}"));
        if n == 3 {
            if let Some(t) = s2.borrow_mut().take() {
                t.clear();
            }
        }
    }));
    assert!(!ev.run(RunMode::Default));
    assert_eq!(log.take(), ["tick 1", "tick 2", "tick 3"]);
}

/// An unref'd timer does not keep the loop alive; it still fires while something else
/// does.
#[test]
fn unrefed_timers_do_not_keep_the_loop_alive() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    // Short enough that a loop ignoring unref() fails this test in a second or two instead
    // of hanging it (xtask mutants breaks unref() on purpose).
    h.set_timeout(1_500, log.cb("never")).unref();
    assert!(!ev.run(RunMode::Default));
    assert!(log.take().is_empty());

    h.set_timeout(1, log.cb("unref'd")).unref();
    h.set_timeout(30, log.cb("ref'd"));
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["unref'd", "ref'd"]);
}
