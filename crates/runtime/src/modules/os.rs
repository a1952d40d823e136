//! Native side of `os`: node-stdlib's `os` functions and constants. os.js names the
//! functions as node does and checks argument types; failures come back as node's
//! `ERR_SYSTEM_ERROR` / `ERR_OUT_OF_RANGE` through `throw_node`.

use node_core::{format_received_number, NodeError};
use node_stdlib::os;
use rquickjs::{Array, Ctx, Function, IntoJs, Object, Result, Value};

use super::throw_node;

fn ok<'js, T>(ctx: &Ctx<'js>, r: std::result::Result<T, NodeError>) -> Result<T> {
    r.map_err(|e| throw_node(ctx, e))
}

/// A `[name, value]` table as a null-prototype object (node's `os.constants.*`).
fn table<'js>(ctx: &Ctx<'js>, entries: &[(&str, i32)]) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set_prototype(None)?;
    for (k, v) in entries {
        o.set(*k, *v)?;
    }
    Ok(o)
}

/// `validateInt32(value, name, min, max)` for a value os.js already checked is a number.
fn int32(value: f64, name: &str, min: i32, max: i32) -> std::result::Result<i32, NodeError> {
    let received = format_received_number(value);
    if value.fract() != 0.0 || !value.is_finite() {
        return Err(NodeError::out_of_range(name, "an integer", &received));
    }
    if value < f64::from(min) || value > f64::from(max) {
        let range = format!(">= {min} && <= {max}");
        return Err(NodeError::out_of_range(name, &range, &received));
    }
    Ok(value as i32)
}

/// A crate function returning a string or a system error.
type StringFn = fn() -> std::result::Result<String, NodeError>;

/// Builds the `os` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    let strings: [(&str, StringFn); 6] = [
        ("hostname", os::hostname),
        ("homedir", os::homedir),
        ("type", os::type_),
        ("release", os::release),
        ("version", os::version),
        ("machine", os::machine),
    ];
    for (name, f) in strings {
        o.set(
            name,
            Function::new(ctx.clone(), move |ctx: Ctx<'js>| ok(&ctx, f()))?,
        )?;
    }
    o.set("tmpdir", Function::new(ctx.clone(), os::tmpdir)?)?;
    o.set("arch", os::arch())?;
    o.set("platform", os::platform())?;
    o.set("endianness", os::endianness())?;
    o.set("EOL", os::EOL)?;
    o.set("devNull", os::DEV_NULL)?;
    o.set(
        "availableParallelism",
        Function::new(ctx.clone(), || os::available_parallelism() as f64)?,
    )?;
    o.set(
        "freemem",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            ok(&ctx, os::freemem()).map(|n| n as f64)
        })?,
    )?;
    o.set(
        "totalmem",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            ok(&ctx, os::totalmem()).map(|n| n as f64)
        })?,
    )?;
    o.set(
        "uptime",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| ok(&ctx, os::uptime()))?,
    )?;
    o.set(
        "loadavg",
        Function::new(ctx.clone(), || os::loadavg().to_vec())?,
    )?;
    o.set("cpus", Function::new(ctx.clone(), cpus)?)?;
    o.set(
        "networkInterfaces",
        Function::new(ctx.clone(), network_interfaces)?,
    )?;
    o.set("userInfo", Function::new(ctx.clone(), user_info)?)?;
    o.set(
        "getPriority",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, pid: f64| {
            let pid = ok(&ctx, int32(pid, "pid", i32::MIN, i32::MAX))?;
            ok(&ctx, os::get_priority(pid))
        })?,
    )?;
    o.set(
        "setPriority",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, pid: f64, priority: f64| {
            let pid = ok(&ctx, int32(pid, "pid", i32::MIN, i32::MAX))?;
            let priority = ok(&ctx, int32(priority, "priority", -20, 19))?;
            ok(&ctx, os::set_priority(pid, priority))
        })?,
    )?;
    o.set(
        "validateInt32",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, value: f64, name: String, min: i32, max: i32| {
                ok(&ctx, int32(value, &name, min, max)).map(|_| ())
            },
        )?,
    )?;
    let constants = Object::new(ctx.clone())?;
    constants.set_prototype(None)?;
    constants.set("UV_UDP_REUSEADDR", os::UV_UDP_REUSEADDR)?;
    constants.set("dlopen", table(ctx, os::dlopen_constants())?)?;
    constants.set("errno", table(ctx, os::errno_constants())?)?;
    constants.set("signals", table(ctx, os::signal_constants())?)?;
    constants.set("priority", table(ctx, os::priority_constants())?)?;
    o.set("constants", constants)?;
    Ok(o)
}

fn cpus<'js>(ctx: Ctx<'js>) -> Result<Array<'js>> {
    let list = ok(&ctx, os::cpus())?;
    let arr = Array::new(ctx.clone())?;
    for (i, c) in list.into_iter().enumerate() {
        let times = Object::new(ctx.clone())?;
        times.set("user", c.times.user as f64)?;
        times.set("nice", c.times.nice as f64)?;
        times.set("sys", c.times.sys as f64)?;
        times.set("idle", c.times.idle as f64)?;
        times.set("irq", c.times.irq as f64)?;
        let o = Object::new(ctx.clone())?;
        o.set("model", c.model)?;
        o.set("speed", c.speed as f64)?;
        o.set("times", times)?;
        arr.set(i, o)?;
    }
    Ok(arr)
}

fn network_interfaces<'js>(ctx: Ctx<'js>) -> Result<Object<'js>> {
    let list = ok(&ctx, os::network_interfaces())?;
    let out = Object::new(ctx.clone())?;
    for (name, addrs) in list {
        let arr = Array::new(ctx.clone())?;
        for (i, a) in addrs.into_iter().enumerate() {
            let o = Object::new(ctx.clone())?;
            o.set("address", a.address)?;
            o.set("netmask", a.netmask)?;
            o.set("family", a.family)?;
            o.set("mac", a.mac)?;
            o.set("internal", a.internal)?;
            o.set("cidr", nullable(&ctx, a.cidr)?)?;
            if let Some(id) = a.scopeid {
                o.set("scopeid", id)?;
            }
            arr.set(i, o)?;
        }
        out.set(name, arr)?;
    }
    Ok(out)
}

fn user_info<'js>(ctx: Ctx<'js>) -> Result<Object<'js>> {
    let u = ok(&ctx, os::user_info())?;
    let o = Object::new(ctx.clone())?;
    o.set("uid", u.uid)?;
    o.set("gid", u.gid)?;
    o.set("username", u.username)?;
    o.set("homedir", u.homedir)?;
    o.set("shell", nullable(&ctx, u.shell)?)?;
    Ok(o)
}

/// `Some(s)` as a string, `None` as `null` (rquickjs maps `None` to `undefined`).
fn nullable<'js>(ctx: &Ctx<'js>, s: Option<String>) -> Result<Value<'js>> {
    match s {
        Some(s) => s.into_js(ctx),
        None => Ok(Value::new_null(ctx.clone())),
    }
}
