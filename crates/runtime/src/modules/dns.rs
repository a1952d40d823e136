//! Native side of `dns`: node-net's `lookup`/`lookupService` on the blocking pool. Each call
//! takes a request id; `hooks.dnsComplete(id, err, result)` delivers the answer in the poll
//! phase (dns.js keeps the callbacks by id, as fs.js and crypto.js do). `err` is
//! `[code, errno, syscall, hostname]` for dns.js to build node's error object from.

use std::net::IpAddr;

use node_net::dns::{self, DnsError, LookupOptions};
use rquickjs::{Array, Ctx, Function, IntoJs, Object, Result, Value};

use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};

fn error_value<'js>(ctx: &Ctx<'js>, e: &DnsError) -> Result<Value<'js>> {
    let a = Array::new(ctx.clone())?;
    a.set(0, e.code)?;
    a.set(1, e.errno)?;
    a.set(2, e.syscall)?;
    a.set(3, e.hostname.as_str())?;
    Ok(a.into_value())
}

/// Delivers `result` (built on the JS thread by `make`) or the error to `dnsComplete`.
fn complete<T>(
    id: u32,
    out: std::result::Result<T, DnsError>,
    make: for<'js> fn(&Ctx<'js>, T) -> Result<Value<'js>>,
) {
    with_hooks(move |ctx, hooks| {
        let done: Function<'_> = hooks.get("dnsComplete")?;
        match out {
            Ok(v) => done.call((id, Value::new_null(ctx.clone()), make(ctx, v)?)),
            Err(e) => done.call((id, error_value(ctx, &e)?)),
        }
    })
}

fn addresses<'js>(ctx: &Ctx<'js>, found: Vec<dns::LookupAddress>) -> Result<Value<'js>> {
    // Flat [address, family, address, family, ...]: one array for any count.
    let a = Array::new(ctx.clone())?;
    for (i, f) in found.iter().enumerate() {
        a.set(2 * i, f.address.to_string())?;
        a.set(2 * i + 1, f.family)?;
    }
    Ok(a.into_value())
}

fn service<'js>(ctx: &Ctx<'js>, (host, service): (String, String)) -> Result<Value<'js>> {
    vec![host, service].into_js(ctx)
}

/// Builds the `dns` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    // lookup(id, hostname, family 0|4|6, hints): answers through dnsComplete.
    o.set(
        "lookup",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, id: u32, host: String, family: u8, hints: i32| {
                guard(&ctx, || {
                    let Some(h) = LoopHandle::current() else {
                        return Ok(());
                    };
                    let opts = LookupOptions { family, hints };
                    h.spawn_io(async move { dns::lookup(&host, opts).await }, move |out| {
                        complete(id, out, addresses)
                    });
                    Ok(())
                })
            },
        )?,
    )?;
    // lookupService(id, address, port): dns.js has checked that address is an IP.
    o.set(
        "lookupService",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, id: u32, address: String, port: u16| {
                guard(&ctx, || {
                    let Some(h) = LoopHandle::current() else {
                        return Ok(());
                    };
                    let Ok(ip) = address.parse::<IpAddr>() else {
                        return Ok(());
                    };
                    h.spawn_io(dns::lookup_service(ip, port), move |out| {
                        complete(id, out, service)
                    });
                    Ok(())
                })
            },
        )?,
    )?;
    o.set(
        "systemServers",
        Function::new(ctx.clone(), dns::system_servers)?,
    )?;
    o.set("ADDRCONFIG", dns::ADDRCONFIG)?;
    o.set("V4MAPPED", dns::V4MAPPED)?;
    o.set("ALL", dns::ALL)?;
    Ok(o)
}
