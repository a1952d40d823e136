//! Native side of the `fetch` global: node-http's `fetch` (redirects, `data:` URLs,
//! decoding, keep-alive pool) runs each request as a task; JS keeps the `Request`/
//! `Response` objects in fetch.js's table, keyed by the ids used here.
//!
//! `fetchStart(id, { method, url, headers, body, redirect, streamed })` starts request `id`;
//! with `streamed` the body arrives by `fetchWrite(id, bytes)` and `fetchWriteEnd(id)`.
//! The head comes back as the hook `fetchResponse(id, [status, text, headers, urls])`;
//! JS pulls the body with `fetchRead(id)`, answered by `fetchChunk(id, bytes | null)`.
//! Failures arrive as `fetchError(id, err)`. `fetchAbort(id)` cancels whatever is in
//! flight and forgets the request.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use bytes::Bytes;
use node_http::{fetch, FetchBody, FetchRequest, FetchResponse, RedirectMode};
use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray, Value};
use tokio::sync::{mpsc, Notify};

use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};
use crate::modules::bytes_of;

/// One fetch: the way to cancel it, the sender of a streamed body, and the response
/// while its body is not being read.
struct Entry {
    abort: Rc<Notify>,
    body: Option<mpsc::UnboundedSender<Bytes>>,
    response: Option<FetchResponse>,
}

thread_local! {
    static FETCHES: RefCell<HashMap<u32, Entry>> = RefCell::new(HashMap::new());
}

fn call<'js, A: rquickjs::function::IntoArgs<'js>>(
    hooks: &Object<'js>,
    name: &str,
    args: A,
) -> Result<()> {
    let f: Function<'js> = hooks.get(name)?;
    f.call(args)
}

/// An error as fetch.js rebuilds it: `['net', net's array]`, `['fetch', message]` or
/// `['node', class, code, message]`.
fn error_value<'js>(ctx: &Ctx<'js>, err: &node_http::Error) -> Result<Value<'js>> {
    let a = Array::new(ctx.clone())?;
    match err {
        node_http::Error::Net(e) => {
            a.set(0, "net")?;
            a.set(1, crate::modules::net::net_error(ctx, e)?)?;
        }
        node_http::Error::Fetch(m) => {
            a.set(0, "fetch")?;
            a.set(1, m.as_str())?;
        }
        node_http::Error::Node(n) => {
            a.set(0, "node")?;
            a.set(1, n.class().name())?;
            a.set(2, n.code())?;
            a.set(3, n.message())?;
        }
        e => {
            a.set(0, "node")?;
            a.set(1, "Error")?;
            a.set(2, e.code())?;
            a.set(3, e.to_string())?;
        }
    }
    Ok(a.into_value())
}

/// Queues `f` for the poll phase; the handle lives until `f` has run, so the loop stays
/// alive for it.
fn post(io: node_event_loop::IoHandle, f: impl FnOnce() + 'static) {
    let io = Rc::new(io);
    let keep = io.clone();
    io.post(move || {
        drop(keep);
        f();
    });
}

fn post_error(io: node_event_loop::IoHandle, id: u32, err: node_http::Error) {
    post(io, move || {
        with_hooks(move |ctx, hooks| {
            let e = error_value(ctx, &err)?;
            call(&hooks, "fetchError", (id, e))
        })
    });
}

fn abort_of(id: u32) -> Option<Rc<Notify>> {
    FETCHES.with(|m| m.borrow().get(&id).map(|e| e.abort.clone()))
}

fn start(id: u32, req: FetchRequest) {
    let Some(h) = LoopHandle::current() else {
        return;
    };
    let Some(abort) = abort_of(id) else {
        return;
    };
    let io = h.keep_alive();
    h.spawn_local(async move {
        let res = tokio::select! {
            r = fetch(req) => r,
            () = abort.notified() => return,
        };
        match res {
            Err(e) => post_error(io, id, e),
            Ok(res) => {
                let head = (
                    res.status(),
                    res.status_text().to_owned(),
                    res.headers()
                        .iter()
                        .flat_map(|(k, v)| [k.clone(), v.clone()])
                        .collect::<Vec<_>>(),
                    res.url_list().to_vec(),
                );
                FETCHES.with(|m| {
                    if let Some(e) = m.borrow_mut().get_mut(&id) {
                        e.body = None;
                        e.response = Some(res);
                    }
                });
                post(io, move || {
                    with_hooks(move |ctx, hooks| {
                        let a = Array::new(ctx.clone())?;
                        a.set(0, head.0)?;
                        a.set(1, head.1)?;
                        a.set(2, head.2)?;
                        a.set(3, head.3)?;
                        call(&hooks, "fetchResponse", (id, a))
                    })
                });
            }
        }
    });
}

fn read(id: u32) {
    let Some(h) = LoopHandle::current() else {
        return;
    };
    let taken = FETCHES.with(|m| {
        m.borrow_mut()
            .get_mut(&id)
            .and_then(|e| Some((e.response.take()?, e.abort.clone())))
    });
    let Some((mut res, abort)) = taken else {
        return;
    };
    let io = h.keep_alive();
    h.spawn_local(async move {
        let chunk = tokio::select! {
            c = res.chunk() => c,
            () = abort.notified() => return,
        };
        let done = !matches!(chunk, Ok(Some(_)));
        if !done {
            FETCHES.with(|m| {
                if let Some(e) = m.borrow_mut().get_mut(&id) {
                    e.response = Some(res);
                }
            });
        } else {
            FETCHES.with(|m| m.borrow_mut().remove(&id));
        }
        match chunk {
            Err(e) => post_error(io, id, e),
            Ok(c) => post(io, move || {
                with_hooks(move |ctx, hooks| {
                    let v = match c {
                        Some(b) => TypedArray::<u8>::new(ctx.clone(), b.to_vec())?.into_value(),
                        None => Value::new_null(ctx.clone()),
                    };
                    call(&hooks, "fetchChunk", (id, v))
                })
            }),
        }
    });
}

/// Builds the `fetch` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "fetchStart",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, id: u32, o: Object<'js>| {
            guard(&ctx, || {
                let method: String = o.get("method")?;
                let url: String = o.get("url")?;
                let headers: Vec<String> = o.get("headers")?;
                let body: Value<'js> = o.get("body")?;
                let redirect: String = o.get("redirect")?;
                let streamed: bool = o.get("streamed")?;
                let mut req = FetchRequest::new(&method, &url);
                for p in headers.chunks(2) {
                    if let [k, v] = p {
                        req.headers.push((k.clone(), v.clone()));
                    }
                }
                req.redirect = match redirect.as_str() {
                    "manual" => RedirectMode::Manual,
                    "error" => RedirectMode::Error,
                    _ => RedirectMode::Follow,
                };
                let mut tx = None;
                if streamed {
                    let (s, mut r) = mpsc::unbounded_channel::<Bytes>();
                    tx = Some(s);
                    req.body = FetchBody::Stream(Box::pin(futures::stream::poll_fn(move |cx| {
                        r.poll_recv(cx)
                    })));
                } else if !body.is_undefined() && !body.is_null() {
                    req.body = FetchBody::Bytes(Bytes::from(bytes_of(&body)?));
                }
                let entry = Entry {
                    abort: Rc::new(Notify::new()),
                    body: tx,
                    response: None,
                };
                FETCHES.with(|m| m.borrow_mut().insert(id, entry));
                start(id, req);
                Ok(())
            })
        })?,
    )?;
    o.set(
        "fetchWrite",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, id: u32, data: Value<'js>| {
            guard(&ctx, || {
                let bytes = Bytes::from(bytes_of(&data)?);
                Ok(FETCHES.with(|m| {
                    m.borrow()
                        .get(&id)
                        .and_then(|e| e.body.as_ref())
                        .is_some_and(|tx| tx.send(bytes).is_ok())
                }))
            })
        })?,
    )?;
    o.set(
        "fetchWriteEnd",
        Function::new(ctx.clone(), |id: u32| {
            FETCHES.with(|m| {
                if let Some(e) = m.borrow_mut().get_mut(&id) {
                    e.body = None;
                }
            })
        })?,
    )?;
    o.set("fetchRead", Function::new(ctx.clone(), read)?)?;
    o.set(
        "fetchAbort",
        Function::new(ctx.clone(), |id: u32| {
            if let Some(e) = FETCHES.with(|m| m.borrow_mut().remove(&id)) {
                // notify_one stores a permit, so a task that has not polled yet stops too.
                e.abort.notify_one();
            }
        })?,
    )?;
    Ok(o)
}
