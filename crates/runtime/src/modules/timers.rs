//! Native side of `timers`: Node's Timeout/Immediate objects live in JS (timers.js) and are
//! keyed by id; the loop handles live here, and a firing calls back into JS by id.

use std::cell::RefCell;
use std::collections::HashMap;

use rquickjs::{Ctx, Function, Object, Result};

use crate::evloop::{Immediate, LoopHandle, Timer};
use crate::host::{call_hook, guard};

thread_local! {
    static TIMERS: RefCell<HashMap<u32, Timer>> = RefCell::new(HashMap::new());
    static IMMEDIATES: RefCell<HashMap<u32, Immediate>> = RefCell::new(HashMap::new());
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
        "immediate",
        Function::new(ctx.clone(), |id: u32| {
            if let Some(h) = handle() {
                let i = h.set_immediate(move || {
                    IMMEDIATES.with(|m| m.borrow_mut().remove(&id));
                    call_hook("fireImmediate", (id,))
                });
                IMMEDIATES.with(|m| m.borrow_mut().insert(id, i));
            }
        })?,
    )?;
    o.set(
        "clearImmediate",
        Function::new(ctx.clone(), |id: u32| {
            if let Some(i) = IMMEDIATES.with(|m| m.borrow_mut().remove(&id)) {
                i.clear();
            }
        })?,
    )?;
    o.set(
        "immediateRef",
        Function::new(ctx.clone(), |id: u32, on: bool| {
            IMMEDIATES.with(|m| {
                if let Some(i) = m.borrow().get(&id) {
                    if on {
                        i.ref_()
                    } else {
                        i.unref()
                    }
                }
            })
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
