//! Native side of `timers`: Node's Timeout/Immediate objects live in JS (timers.js). A
//! Timeout's loop timer lives here in a slot table; JS keeps the Timeout in a dense array
//! under the same slot. Slots are reused, so the tables stay as small as the number of live
//! timers (a server arms one per request). The loop timers belong to one
//! [`TimerBatch`]: when timers are due, the loop makes one JS call (`processTimers`, as
//! node's), and JS takes the due slots one by one with `nextDue` — no closure per timer and
//! no JS call per timer.
//! Immediates are queued in JS and run as one batch per check phase: the loop holds a single
//! Immediate for the whole queue (ref'd while any queued immediate is), as libuv's check
//! handle does for node — one JS call per phase instead of a loop entry, a map entry and a
//! JS call per immediate.

use std::cell::RefCell;

use rquickjs::{Ctx, Function, Object, Result};

use crate::evloop::{Immediate, LoopHandle, Timer, TimerBatch};
use crate::host::{call_hook, fatal_value, guard};

thread_local! {
    static TIMERS: RefCell<Slots> = RefCell::new(Slots::default());
    /// The batch every Timeout's loop timer belongs to, made on first use.
    static BATCH_TIMERS: RefCell<Option<TimerBatch>> = const { RefCell::new(None) };
    /// The loop entry that runs timers.js's immediate queue, while one is scheduled.
    static BATCH: RefCell<Option<Immediate>> = const { RefCell::new(None) };
}

/// The loop timers of live Timeouts, by slot (0 is never used: JS reads it as "none"), each
/// with whether it repeats.
#[derive(Default)]
struct Slots {
    items: Vec<Option<(Timer, bool)>>,
    free: Vec<u32>,
}

impl Slots {
    /// A free slot, to be filled with [`Slots::fill`].
    fn reserve(&mut self) -> u32 {
        if let Some(i) = self.free.pop() {
            return i;
        }
        if self.items.is_empty() {
            self.items.push(None);
        }
        self.items.push(None);
        (self.items.len() - 1) as u32
    }

    fn fill(&mut self, slot: u32, t: Timer, repeat: bool) {
        self.items[slot as usize] = Some((t, repeat));
    }

    fn remove(&mut self, slot: u32) -> Option<Timer> {
        let t = self.items.get_mut(slot as usize)?.take();
        if t.is_some() {
            self.free.push(slot);
        }
        t.map(|(t, _)| t)
    }

    fn get(&self, slot: u32) -> Option<&Timer> {
        self.items.get(slot as usize)?.as_ref().map(|(t, _)| t)
    }

    fn repeats(&self, slot: u32) -> bool {
        matches!(self.items.get(slot as usize), Some(Some((_, true))))
    }
}

fn handle() -> Option<LoopHandle> {
    LoopHandle::current()
}

/// The Timeouts' batch on this thread's loop; its runner is timers.js's `processTimers`.
fn batch(h: &LoopHandle) -> TimerBatch {
    BATCH_TIMERS.with(|b| {
        let mut b = b.borrow_mut();
        match b.as_ref() {
            Some(batch) if batch.belongs_to(h) => batch.clone(),
            _ => {
                let batch = h.timer_batch(|_| {
                    let now = handle().map(|h| h.now() as f64).unwrap_or(0.0);
                    call_hook("processTimers", (now,))
                });
                *b = Some(batch.clone());
                batch
            }
        }
    })
}

/// Builds the `timers` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    // (ms, repeat, refed) -> slot: arms a loop timer of the Timeouts' batch.
    let start = Function::new(
        ctx.clone(),
        |ctx: Ctx<'js>, ms: f64, repeat: bool, refed: bool| {
            guard(&ctx, || {
                let Some(h) = handle() else { return Ok(0) };
                let ms = if ms.is_finite() && ms >= 1.0 {
                    ms.min(2_147_483_647.0) as u64
                } else {
                    1
                };
                let slot = TIMERS.with(|m| m.borrow_mut().reserve());
                let b = batch(&h);
                let t = if repeat {
                    b.set_interval(ms, u64::from(slot))
                } else {
                    b.set_timeout(ms, u64::from(slot))
                };
                if !refed {
                    t.unref();
                }
                TIMERS.with(|m| m.borrow_mut().fill(slot, t, repeat));
                Ok(slot)
            })
        },
    )?;
    o.set("start", start)?;
    // Inside processTimers: finishes the Timeout run last (an interval is re-armed), runs
    // the pending promise jobs when `run_jobs` (the microtask half of the checkpoint between
    // two timers, when no tick waits to run first), then takes the next due Timeout.
    // Returns `slot * 2 + rejections`: slot 0 when none is left, and whether unhandled
    // rejections wait to be processed. A timeout's slot is freed here, before JS runs it
    // (its callback may arm a timer that reuses the slot).
    o.set(
        "nextDue",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, run_jobs: bool| -> f64 {
            let Some(b) = BATCH_TIMERS.with(|b| b.borrow().clone()) else {
                return 0.0;
            };
            let mut rejections = false;
            if run_jobs {
                b.finish();
                rejections = crate::host::run_jobs_nested(&ctx);
            }
            let slot = b.next_due().map_or(0, |id| u32::try_from(id).unwrap_or(0));
            if slot != 0 {
                TIMERS.with(|m| {
                    let mut m = m.borrow_mut();
                    if !m.repeats(slot) {
                        drop(m.remove(slot));
                    }
                });
            }
            f64::from(slot) * 2.0 + f64::from(u8::from(rejections))
        })?,
    )?;
    o.set(
        "clear",
        Function::new(ctx.clone(), |slot: u32| {
            if let Some(t) = TIMERS.with(|m| m.borrow_mut().remove(slot)) {
                t.clear();
            }
        })?,
    )?;
    o.set(
        "setRef",
        Function::new(ctx.clone(), |slot: u32, on: bool| {
            TIMERS.with(|m| {
                if let Some(t) = m.borrow().get(slot) {
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
        Function::new(ctx.clone(), |slot: u32| {
            TIMERS.with(|m| {
                if let Some(t) = m.borrow().get(slot) {
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
