//! Native side of `perf_hooks`: the high-resolution clock behind `performance.now()`
//! (milliseconds since process start, as node's) and the loop's idle-time metrics behind
//! `performance.eventLoopUtilization()`.

use std::time::{SystemTime, UNIX_EPOCH};

use rquickjs::{Ctx, Function, Object, Result};

use crate::evloop::LoopHandle;
use crate::modules::process::START;

fn since_start_ms() -> f64 {
    START
        .get()
        .map(|s| s.elapsed().as_secs_f64() * 1e3)
        .unwrap_or(0.0)
}

/// Builds the `perf_hooks` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("now", Function::new(ctx.clone(), since_start_ms)?)?;
    // The wall-clock time of process start, in ms since the epoch (`timeOrigin`).
    let wall = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1e3)
        .unwrap_or(0.0);
    o.set("timeOrigin", wall - since_start_ms())?;
    // loopMetrics() -> [idle ms, loop start in ms since process start, or -1 before it].
    o.set(
        "loopMetrics",
        Function::new(ctx.clone(), || {
            let Some(h) = LoopHandle::current() else {
                return vec![0.0, -1.0];
            };
            let idle = h.idle_time().as_secs_f64() * 1e3;
            let start = match (h.loop_start(), START.get()) {
                (Some(l), Some(s)) => l.saturating_duration_since(*s).as_secs_f64() * 1e3,
                _ => -1.0,
            };
            vec![idle, start]
        })?,
    )?;
    Ok(o)
}
