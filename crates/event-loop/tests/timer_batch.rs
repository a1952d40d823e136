//! Timer batches: one runner call per run of due batch timers, in the order closure timers
//! keep, with intervals, clears and refreshes behaving as for closure timers.

mod common;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use common::Log;
use node_event_loop::{EventLoop, LoopHandle, RunMode, Timer, TimerBatch};

/// What a batch timer does when the test runner takes it.
type Action = Box<dyn FnMut(&Ctx)>;

/// A runner that logs each id it takes, runs that id's action, and counts its calls.
#[derive(Clone, Default)]
struct Ctx {
    log: Log,
    calls: Rc<Cell<usize>>,
    actions: Rc<RefCell<HashMap<u64, Action>>>,
    timers: Rc<RefCell<HashMap<u64, Timer>>>,
    batch: Rc<RefCell<Option<TimerBatch>>>,
}

impl Ctx {
    fn new(h: &LoopHandle) -> Ctx {
        let ctx = Ctx::default();
        let c = ctx.clone();
        let batch = h.timer_batch(move |b| {
            c.calls.set(c.calls.get() + 1);
            while let Some(id) = b.next_due() {
                c.log.push(format!("b{id}"));
                let action = c.actions.borrow_mut().remove(&id);
                if let Some(mut a) = action {
                    a(&c);
                    c.actions.borrow_mut().entry(id).or_insert(a);
                }
            }
        });
        *ctx.batch.borrow_mut() = Some(batch);
        ctx
    }

    fn batch(&self) -> TimerBatch {
        self.batch.borrow().clone().expect("registered")
    }

    fn timeout(&self, ms: u64, id: u64) {
        let t = self.batch().set_timeout(ms, id);
        self.timers.borrow_mut().insert(id, t);
    }

    fn on(&self, id: u64, f: impl FnMut(&Ctx) + 'static) {
        self.actions.borrow_mut().insert(id, Box::new(f));
    }

    fn timer(&self, id: u64, f: impl FnOnce(&Timer)) {
        if let Some(t) = self.timers.borrow().get(&id) {
            f(t);
        }
    }
}

/// Every due batch timer goes to one runner call, in creation order within a duration and
/// shorter durations first.
#[test]
fn one_runner_call_for_all_due_timers() {
    let ev = EventLoop::new().unwrap();
    let ctx = Ctx::new(&ev.handle());
    ctx.timeout(2, 1);
    ctx.timeout(1, 2);
    ctx.timeout(2, 3);
    ctx.timeout(1, 4);
    // All four are due at the first timers phase once 2 ms passed.
    std::thread::sleep(std::time::Duration::from_millis(5));
    ev.handle().update_time();
    ev.run(RunMode::Default);
    assert_eq!(ctx.log.take(), ["b2", "b4", "b1", "b3"]);
    assert_eq!(ctx.calls.get(), 1);
}

/// A closure timer due between batch timers ends the runner call; the loop runs it and
/// calls the runner again for the rest, so the order is the loop's order.
#[test]
fn closure_timers_interleave_in_loop_order() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let ctx = Ctx::new(&h);
    ctx.timeout(5, 1);
    h.set_timeout(5, ctx.log.cb("closure"));
    ctx.timeout(5, 2);
    ev.run(RunMode::Default);
    assert_eq!(ctx.log.take(), ["b1", "closure", "b2"]);
    assert_eq!(ctx.calls.get(), 2);
}

/// A runner's callback may clear a later timer of the same list (it never fires) and
/// refresh one (it moves behind the timers armed before, to a later phase).
#[test]
fn clear_and_refresh_during_the_run() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let ctx = Ctx::new(&h);
    for id in 1..=4 {
        ctx.timeout(3, id);
    }
    ctx.on(1, |c| {
        c.timer(2, Timer::clear);
        c.timer(3, Timer::refresh);
    });
    ev.run(RunMode::Default);
    assert_eq!(ctx.log.take(), ["b1", "b4", "b3"]);
}

/// An interval is re-armed when the runner takes the next timer (after its callback), so a
/// timer of the same duration armed by that callback comes first next time; a timer armed
/// during the run never fires in the same phase.
#[test]
fn intervals_rearm_after_their_callback() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let ctx = Ctx::new(&h);
    let iv = ctx.batch().set_interval(4, 1);
    ctx.timers.borrow_mut().insert(1, iv);
    let runs = Rc::new(Cell::new(0));
    let r = runs.clone();
    ctx.on(1, move |c| {
        r.set(r.get() + 1);
        match r.get() {
            1 => c.timeout(4, 2),
            _ => c.timer(1, Timer::clear),
        }
    });
    ev.run(RunMode::Default);
    assert_eq!(ctx.log.take(), ["b1", "b2", "b1"]);
    assert_eq!(ctx.calls.get(), 2);
}

/// Unref'd batch timers do not keep the loop alive; ref'd ones do.
#[test]
fn unref_batch_timers_do_not_keep_the_loop_alive() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let ctx = Ctx::new(&h);
    // A loop that ignored unref() would fire it after 1.5 s: the log check fails instead of
    // the test hanging.
    ctx.timeout(1_500, 1);
    ctx.timer(1, Timer::unref);
    assert!(!ev.run(RunMode::Default));
    assert!(ctx.log.take().is_empty());
    ctx.timer(1, Timer::ref_);
    assert!(h.is_alive());
    ctx.timer(1, Timer::clear);
    assert!(!h.is_alive());
}

/// The loop runs its checkpoint after the runner returns, and a runner may run one between
/// two timers after finishing the first.
#[test]
fn checkpoints_between_and_after() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let log = Log::default();
    let (l, h2) = (log.clone(), h.clone());
    let batch = h.timer_batch(move |b| {
        let mut first = true;
        while let Some(id) = b.next_due() {
            if !first {
                h2.checkpoint();
            }
            first = false;
            l.push(format!("b{id}"));
            h2.next_tick(l.cb("tick"));
            b.finish();
        }
    });
    batch.set_timeout(2, 1);
    batch.set_timeout(2, 2);
    ev.run(RunMode::Default);
    assert_eq!(log.take(), ["b1", "tick", "b2", "tick"]);
}

/// A runner that takes nothing leaves its timers due for the next iteration instead of
/// spinning in the timers phase; outside a runner `next_due` is `None`.
#[test]
fn a_runner_that_takes_nothing_does_not_hang() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let calls = Rc::new(Cell::new(0));
    let c = calls.clone();
    let batch = h.timer_batch(move |b| {
        c.set(c.get() + 1);
        if c.get() == 3 {
            while b.next_due().is_some() {}
        }
    });
    batch.set_timeout(1, 9);
    assert_eq!(batch.next_due(), None);
    ev.run(RunMode::Default);
    assert_eq!(calls.get(), 3);
}
