//! Native side of `timers`: Node's Timeout/Immediate objects live in JS (timers.js). Timeouts
//! are keyed by id; the loop handles live here, and a firing calls back into JS by id.
//! Immediates are queued in JS and run as one batch per check phase: the loop holds a single
//! Immediate for the whole queue (ref'd while any queued immediate is), as libuv's check
//! handle does for node — one JS call per phase instead of a loop entry, a map entry and a
//! JS call per immediate.

use std::cell::RefCell;
use std::collections::HashMap;

use rquickjs::{Ctx, Function, Object, Result};

use crate::evloop::{Immediate, LoopHandle, Timer};
use crate::host::{call_hook, fatal_value, guard};

thread_local! {
    static TIMERS: RefCell<HashMap<u32, Timer>> = RefCell::new(HashMap::new());
    /// The loop entry that runs timers.js's immediate queue, while one is scheduled.
    static BATCH: RefCell<Option<Immediate>> = const { RefCell::new(None) };
}

fn handle() -> Option<LoopHandle> {
    LoopHandle::current()
}

/// Builds the `timers` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    let start = Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, id: u32, ms: f64, repeat: bool| {
            guard(&ctx, || {
                let Some(h) = handle() else { return Ok(()) };
                let ms = if ms.is_finite() && ms >= 1.0 {
                    ms.min(2_147_483_647.0) as u64
                } else {
                    1
                };
                let t = if repeat {
                    h.set_interval(ms, move || call_hook("fireTimer", (id,)))
                } else {
                    h.set_timeout(ms, move || {
                        TIMERS.with(|t| t.borrow_mut().remove(&id));
                        call_hook("fireTimer", (id,))
                    })
                };
                TIMERS.with(|m| {
                    if let Some(old) = m.borrow_mut().insert(id, t) {
                        old.clear();
                    }
                });
                Ok(())
            })
        },
    )?;
    o.set("start", start)?;
    o.set(
        "clear",
        Function::new(ctx.clone(), |id: u32| {
            if let Some(t) = TIMERS.with(|m| m.borrow_mut().remove(&id)) {
                t.clear();
            }
        })?,
    )?;
    o.set(
        "setRef",
        Function::new(ctx.clone(), |id: u32, on: bool| {
            TIMERS.with(|m| {
                if let Some(t) = m.borrow().get(&id) {
                    if on {
                        t.ref_()
                    } else {
                        t.unref()
                    }
                }
            })
        })?,
    )?;
    o.set(
        "refresh",
        Function::new(ctx.clone(), |id: u32| {
            TIMERS.with(|m| {
                if let Some(t) = m.borrow().get(&id) {
                    t.refresh();
                    true
                } else {
                    false
                }
            })
        })?,
    )?;
    o.set(
        "scheduleImmediates",
        Function::new(ctx.clone(), |refed: bool| {
            let Some(h) = handle() else { return };
            let i = h.set_immediate(|| {
                BATCH.with(|b| b.borrow_mut().take());
                call_hook("runImmediates", ());
            });
            if !refed {
                i.unref();
            }
            BATCH.with(|b| {
                if let Some(old) = b.borrow_mut().replace(i) {
                    old.clear();
                }
            });
        })?,
    )?;
    o.set(
        "immediatesRef",
        Function::new(ctx.clone(), |on: bool| {
            BATCH.with(|b| {
                if let Some(i) = b.borrow().as_ref() {
                    if on {
                        i.ref_()
                    } else {
                        i.unref()
                    }
                }
            })
        })?,
    )?;
    // Between two immediates of a batch timers.js runs node's checkpoint itself (nextTicks,
    // then promise jobs); this drains the promise jobs. Returns whether unhandled rejections
    // wait to be processed.
    o.set(
        "runMicrotasks",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            crate::host::run_jobs_nested(&ctx)
        })?,
    )?;
    // An immediate threw: report it as uncaught (the process may exit here) and let the
    // batch go on, as node's processImmediate does.
    o.set(
        "uncaught",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, err: rquickjs::Value<'js>| {
            fatal_value(&ctx, err);
        })?,
    )?;
    o.set(
        "now",
        Function::new(ctx.clone(), || {
            handle().map(|h| h.now() as f64).unwrap_or(0.0)
        })?,
    )?;
    Ok(o)
}
