//! The poll phase's blocked time is counted as idle time (libuv's `uv_metrics_idle_time`).

use std::time::Duration;

use node_event_loop::{EventLoop, RunMode};

#[test]
fn idle_time_counts_a_timer_wait() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    assert!(h.loop_start().is_none());
    h.set_timeout(30, || {});
    ev.run(RunMode::Default);
    assert!(h.loop_start().is_some());
    // The loop slept in the poll phase until the timer was due.
    assert!(
        h.idle_time() >= Duration::from_millis(20),
        "{:?}",
        h.idle_time()
    );
}

#[test]
fn busy_callbacks_are_not_idle() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    h.set_immediate(|| std::thread::sleep(Duration::from_millis(30)));
    ev.run(RunMode::Default);
    assert!(
        h.idle_time() < Duration::from_millis(20),
        "{:?}",
        h.idle_time()
    );
}
