//! The event loop nrt runs on: node-event-loop (libuv's phases and node's checkpoints).

pub(crate) use node_event_loop::{EventLoop, Immediate, LoopHandle, RunMode, Timer, TimerBatch};
