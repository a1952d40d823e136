//! Native side of `vm`: new realms and running code in one (crate::realm). vm.js links a
//! realm's global object to the user's sandbox and shapes node's options and errors.

use std::time::Duration;

use rquickjs::{Ctx, Function, Object, Result, Value};

use crate::host::guard;
use crate::realm::{self, Outcome, RunOptions};

/// `flags` bit: only parse the code.
const COMPILE_ONLY: u32 = 1;
/// `flags` bit: run the queued promise jobs before returning (`microtaskMode`).
const DRAIN_JOBS: u32 = 2;
/// `flags` bit: stop on SIGINT (`breakOnSigint`).
const BREAK_ON_SIGINT: u32 = 4;

/// `evaluate(code, filename, line, timeoutMs, flags, tokens)`: runs `code` in the realm of
/// the calling context and returns its completion value, or the caller's token
/// `tokens.timedOut` when the timeout (milliseconds, 0 for none) expired, or
/// `tokens.interrupted` after a SIGINT.
fn evaluate<'js>(
    ctx: Ctx<'js>,
    code: String,
    filename: String,
    line: i32,
    timeout_ms: f64,
    flags: u32,
    tokens: Object<'js>,
) -> Result<Value<'js>> {
    guard(&ctx, || {
        let opts = RunOptions {
            timeout: (timeout_ms > 0.0).then(|| Duration::from_secs_f64(timeout_ms / 1000.0)),
            compile_only: flags & COMPILE_ONLY != 0,
            drain_jobs: flags & DRAIN_JOBS != 0,
            break_on_sigint: flags & BREAK_ON_SIGINT != 0,
        };
        match realm::evaluate(&ctx, &code, &filename, line, &opts)? {
            Outcome::Value(v) => Ok(v),
            Outcome::TimedOut => tokens.get("timedOut"),
            Outcome::Interrupted => tokens.get("interrupted"),
        }
    })
}

/// Builds the `vm` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "createRealm",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            guard(&ctx, || realm::create(&ctx))
        })?
        .with_name("createRealm")?,
    )?;
    o.set(
        "evaluate",
        Function::new(ctx.clone(), evaluate)?.with_name("evaluate")?,
    )?;
    o.set(
        "createSandboxView",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             proto: Object<'js>,
             get: Function<'js>,
             set: Function<'js>,
             missing: Value<'js>| {
                guard(&ctx, || {
                    crate::sandbox_view::create(&ctx, proto, get, set, missing)
                })
            },
        )?
        .with_name("createSandboxView")?,
    )?;
    o.set("COMPILE_ONLY", COMPILE_ONLY)?;
    o.set("DRAIN_JOBS", DRAIN_JOBS)?;
    o.set("BREAK_ON_SIGINT", BREAK_ON_SIGINT)?;
    Ok(o)
}
