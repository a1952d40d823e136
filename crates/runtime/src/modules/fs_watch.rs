//! Native side of `fs.watch` and `fs.watchFile`: node-fs's watchers as loop handles.
//!
//! Each watcher is an [`IoHandle`] (ref'd unless `persistent: false`, so it keeps the loop
//! alive exactly while node's `FSEvent`/`StatWatcher` handle would) plus a task on the loop
//! that forwards the node-fs stream's items through the handle into the poll phase, where
//! the `fsWatchEvent` / `fsStatChange` hooks hand them to JS by watcher id (fs_watch.js
//! keeps the JS objects, so QuickJS's GC sees them).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use futures::stream::{AbortHandle, Abortable};
use futures::{Stream, StreamExt};
use node_event_loop::IoHandle;
use rquickjs::{Ctx, Function, Object, Result, Value};

use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};
use crate::modules::fs::stats_to_js;
use crate::modules::throw_node;

/// A running watcher: its loop handle and the switch that ends its forwarding task.
struct Watch {
    io: Rc<IoHandle>,
    abort: AbortHandle,
}

thread_local! {
    static WATCHES: RefCell<HashMap<u32, Watch>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Registers `stream` under a new id and forwards each item with `deliver` (which runs in
/// the poll phase with the JS context) until the watcher closes.
fn start<S, T>(
    ctx: &Ctx<'_>,
    stream: S,
    persistent: bool,
    deliver: for<'js> fn(&Ctx<'js>, &Object<'js>, u32, T) -> Result<()>,
) -> Result<u32>
where
    S: Stream<Item = T> + Unpin + 'static,
    T: 'static,
{
    let Some(h) = LoopHandle::current() else {
        return Err(rquickjs::Exception::throw_internal(
            ctx,
            "nrt: no event loop",
        ));
    };
    let id = NEXT_ID.with(|n| n.replace(n.get().wrapping_add(1)));
    let io = Rc::new(h.keep_alive());
    if !persistent {
        io.unref();
    }
    let (abort, registration) = AbortHandle::new_pair();
    let mut items = Abortable::new(stream, registration);
    let poster = io.clone();
    h.spawn_local(async move {
        while let Some(item) = items.next().await {
            poster.post(move || with_hooks(move |ctx, hooks| deliver(ctx, &hooks, id, item)));
        }
    });
    WATCHES.with(|w| w.borrow_mut().insert(id, Watch { io, abort }));
    Ok(id)
}

fn deliver_event<'js>(
    ctx: &Ctx<'js>,
    hooks: &Object<'js>,
    id: u32,
    item: node_fs::Result<node_fs::WatchEvent>,
) -> Result<()> {
    let f: Function<'js> = hooks.get("fsWatchEvent")?;
    match item {
        Ok(ev) => f.call((
            id,
            Value::new_undefined(ctx.clone()),
            ev.event_type.as_str(),
            ev.filename,
        )),
        Err(e) => {
            let _ = throw_node(ctx, e);
            f.call((id, ctx.catch()))
        }
    }
}

/// Stats changes carry the `bigint` choice made at start.
struct Change(node_fs::StatChange, bool);

fn deliver_change<'js>(ctx: &Ctx<'js>, hooks: &Object<'js>, id: u32, c: Change) -> Result<()> {
    let f: Function<'js> = hooks.get("fsStatChange")?;
    let (curr, prev) = (
        stats_to_js(ctx, c.0.current, c.1)?,
        stats_to_js(ctx, c.0.previous, c.1)?,
    );
    f.call((id, curr, prev))
}

/// Adds the watcher natives to the `fs` binding object.
pub(crate) fn register<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    macro_rules! export {
        ($name:literal, $f:expr) => {
            o.set($name, Function::new(ctx.clone(), $f)?.with_name($name)?)?;
        };
    }
    // watchStart(path, persistent, recursive) -> id; throws node's start errors.
    export!("watchStart", |ctx: Ctx<'js>,
                           path: String,
                           persistent: bool,
                           recursive: bool| {
        guard(&ctx, || {
            let opts = node_fs::WatchOptions { recursive };
            let w = node_fs::watch(&path, opts).map_err(|e| throw_node(&ctx, e))?;
            start(&ctx, w, persistent, deliver_event)
        })
    });
    // watchFileStart(path, persistent, interval ms, bigint) -> id.
    export!(
        "watchFileStart",
        |ctx: Ctx<'js>, path: String, persistent: bool, interval: f64, bigint: bool| {
            guard(&ctx, || {
                let opts = node_fs::WatchFileOptions {
                    interval: Duration::from_millis(interval.max(1.0) as u64),
                };
                let w = node_fs::watch_file(&path, opts).map_err(|e| throw_node(&ctx, e))?;
                start(
                    &ctx,
                    w.map(move |c| Change(c, bigint)),
                    persistent,
                    deliver_change,
                )
            })
        }
    );
    export!("watchRef", |id: u32, on: bool| {
        WATCHES.with(|w| {
            if let Some(w) = w.borrow().get(&id) {
                w.io.set_ref(on);
            }
        })
    });
    export!("watchHasRef", |id: u32| {
        WATCHES.with(|w| w.borrow().get(&id).is_some_and(|w| w.io.has_ref()))
    });
    // Closing drops events already queued (the JS side forgets the id first).
    export!("watchClose", |id: u32| {
        if let Some(w) = WATCHES.with(|w| w.borrow_mut().remove(&id)) {
            w.abort.abort();
            w.io.close();
        }
    });
    Ok(())
}
