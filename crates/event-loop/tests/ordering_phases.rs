//! Phase order and checkpoint placement.

mod common;

use std::time::Duration;

use common::Log;
use node_event_loop::{EventLoop, LoopHandle, RunMode};

/// Timers with equal deadlines fire in creation order; a tick queued by the first runs
/// before the second (a checkpoint after every callback).
#[test]
fn equal_deadlines_in_creation_order_with_checkpoints_between() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let (h2, l2) = (h.clone(), log.clone());
    h.set_timeout(5, move || {
        l2.push("t1");
        h2.next_tick(l2.cb("tick"));
    });
    h.set_timeout(5, log.cb("t2"));
    h.set_timeout(5, log.cb("t3"));
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["t1", "tick", "t2", "t3"]);
}

/// Shorter timers fire first whatever the creation order.
#[test]
fn deadlines_order_timers() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    h.set_timeout(30, log.cb("30"));
    h.set_timeout(10, log.cb("10"));
    h.set_timeout(20, log.cb("20"));
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["10", "20", "30"]);
}

/// A timer created in a timer callback never runs in the same timers phase; the check
/// phase comes first.
#[test]
fn timer_from_timer_waits_for_next_iteration() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let (h2, l2) = (h.clone(), log.clone());
    h.set_timeout(0, move || {
        l2.push("A");
        h2.set_timeout(0, l2.cb("C"));
        h2.set_immediate(l2.cb("B"));
    });
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["A", "B", "C"]);
}

/// Immediates queued by an immediate run in the next iteration, after the ones already
/// queued; ticks queued by an immediate run before the next immediate.
#[test]
fn immediates_queued_during_check_wait_one_iteration() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let (h2, l2) = (h.clone(), log.clone());
    h.set_immediate(move || {
        l2.push("A");
        h2.set_immediate(l2.cb("C"));
        h2.next_tick(l2.cb("tick"));
    });
    h.set_immediate(log.cb("B"));
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["A", "tick", "B", "C"]);
}

/// Close callbacks run after the check phase of the same iteration and before the next
/// timers. Moving the close phase before check makes this fail.
#[test]
fn close_callbacks_after_check() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let (h2, l2) = (h.clone(), log.clone());
    h.spawn_io(async {}, move |()| {
        h2.set_timeout(0, l2.cb("timer"));
        h2.queue_close(l2.cb("close"));
        h2.set_immediate(l2.cb("immediate"));
    });
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["immediate", "close", "timer"]);
}

/// Pending-phase callbacks run at the start of the next iteration, before poll.
#[test]
fn pending_before_poll_and_check() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let (h2, l2) = (h.clone(), log.clone());
    h.set_timeout(0, move || {
        h2.set_immediate(l2.cb("immediate"));
        h2.queue_pending(l2.cb("pending"));
    });
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["pending", "immediate"]);
}

/// The poll phase waits for I/O and wakes as soon as it completes, before a later timer.
#[test]
fn poll_waits_for_io_until_the_next_timer() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    h.set_timeout(200, log.cb("timer"));
    let l2 = log.clone();
    h.spawn_io(
        async { tokio::time::sleep(Duration::from_millis(5)).await },
        move |()| l2.push("io"),
    );
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["io", "timer"]);
}

/// A remote post from another thread wakes a loop blocked in poll.
#[test]
fn remote_post_wakes_the_loop() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let remote = h.remote();
    let guard = remote.keep_alive();
    let l2 = log.clone();
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(5));
        remote.post(move || l2.lock().unwrap().push("remote"));
        drop(guard);
    });
    assert!(!ev.run(RunMode::Default));
    t.join().unwrap();
    assert_eq!(*log.lock().unwrap(), ["remote"]);
}

/// Run modes: NoWait runs one iteration without blocking and reports the loop alive.
#[test]
fn run_modes() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let t = h.set_timeout(10_000, log.cb("late"));
    h.set_immediate(log.cb("immediate"));
    assert!(ev.run(RunMode::NoWait));
    assert_eq!(log.take(), ["immediate"]);
    assert!(ev.run(RunMode::NoWait));
    t.clear();
    assert!(!ev.run(RunMode::Once));
}

/// refresh() re-arms a fired timeout; clearing an interval from its own callback stops it.
#[test]
fn refresh_and_self_clear() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let t = h.set_timeout(1, log.cb("fired"));
    ev.run(RunMode::Default);
    assert!(!t.is_active());
    t.refresh();
    assert!(t.is_active());
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["fired", "fired"]);
}

/// The microtask hook (the JS engine's job queue) runs after ticks at every checkpoint, and
/// the checkpoint repeats while it reports work.
#[test]
fn host_microtask_hook_runs_after_ticks() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let jobs = std::rc::Rc::new(std::cell::Cell::new(2));
    let (l2, j2, h2) = (log.clone(), jobs.clone(), h.clone());
    h.set_microtask_hook(move || {
        if j2.get() == 0 {
            return false;
        }
        j2.set(j2.get() - 1);
        l2.push("job");
        h2.next_tick(l2.cb("tick from job"));
        true
    });
    h.set_timeout(1, log.cb("timer"));
    ev.run(RunMode::Default);
    assert_eq!(
        log.take(),
        ["timer", "job", "tick from job", "job", "tick from job"]
    );
}

/// `LoopHandle::current` finds this thread's loop.
#[test]
fn current_handle() {
    let ev = EventLoop::new().unwrap();
    let log = Log::default();
    LoopHandle::current()
        .unwrap()
        .set_immediate(log.cb("via current"));
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["via current"]);
}

/// When the loop is late, Node runs every due timer of the list that expires first before
/// the next list, even if a timer of the next list has an earlier deadline
/// (lib/internal/timers.js listOnTimeout). Recorded from node 20: `setup A B D`.
/// A global deadline order would give `setup A D B`.
#[test]
fn late_loop_runs_timers_list_by_list() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    h.set_timeout(100, log.cb("A"));
    let (h2, l2) = (h.clone(), log.clone());
    h.set_timeout(2, move || {
        l2.push("setup");
        h2.set_timeout(100, l2.cb("B")); // due setup+100
        h2.set_timeout(99, l2.cb("D")); // due setup+99, after A's 100 since setup >= 2
        std::thread::sleep(Duration::from_millis(150));
    });
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["setup", "A", "B", "D"]);
}

/// A log the loop thread writes from `Send` callbacks (remote posts).
type SendLog = std::sync::Arc<std::sync::Mutex<Vec<&'static str>>>;

fn send_push(log: &SendLog, s: &'static str) {
    log.lock().unwrap().push(s);
}

/// Deferred (pending) callbacks run before the poll phase's completions of the same
/// iteration. A remote post is picked up by the next poll, so both are queued when the
/// iteration starts; running the pending phase after poll makes this fail.
#[test]
fn pending_runs_before_poll_completions() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = SendLog::default();
    let (h2, l2) = (h.clone(), log.clone());
    h.set_timeout(0, move || {
        let l3 = l2.clone();
        h2.remote().post(move || send_push(&l3, "io"));
        let l4 = l2.clone();
        h2.queue_pending(move || send_push(&l4, "pending"));
    });
    ev.run(RunMode::Default);
    assert_eq!(*log.lock().unwrap(), ["pending", "io"]);
}

/// Node's checkpoint runs after each I/O callback, not after the poll phase's whole batch:
/// a tick queued by the first completion runs before the second completion.
#[test]
fn checkpoint_between_io_callbacks() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = SendLog::default();
    let remote = h.remote();
    let l1 = log.clone();
    remote.post(move || {
        send_push(&l1, "io 1");
        let l = l1.clone();
        LoopHandle::current()
            .unwrap()
            .next_tick(move || send_push(&l, "tick"));
    });
    let l2 = log.clone();
    remote.post(move || send_push(&l2, "io 2"));
    ev.run(RunMode::Default);
    assert_eq!(*log.lock().unwrap(), ["io 1", "tick", "io 2"]);
}

/// An immediate queued during the check phase waits for the next iteration: the close
/// callbacks of this iteration come first.
#[test]
fn immediate_from_immediate_runs_after_close_callbacks() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let (h2, l2) = (h.clone(), log.clone());
    h.set_immediate(move || {
        l2.push("A");
        h2.set_immediate(l2.cb("B"));
        h2.queue_close(l2.cb("close"));
    });
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["A", "close", "B"]);
}

/// libuv >= 1.45 (node 20) runs timers already due before the first iteration, so a due
/// timeout from the main script beats an immediate. Recorded from node 20: `T I`, every run
/// (`setTimeout(T, 1); setImmediate(I);` then a 3 ms busy wait).
#[test]
fn timers_due_at_start_run_before_the_first_check() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    h.set_timeout(1, log.cb("T"));
    h.set_immediate(log.cb("I"));
    std::thread::sleep(Duration::from_millis(3));
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["T", "I"]);
}
