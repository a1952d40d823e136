//! Where a net/http server's connections come from when it does not bind a socket of its
//! own: a listening descriptor passed by a cluster primary (`SCHED_NONE`, `listen({ fd })`
//! style), or connections pushed one by one (a round-robin worker: the primary accepts
//! and passes each connection's fd). JS describes it as the `special` argument of
//! `listen`: `{ fd: handleId }` or `{ pushed: address | path }`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use node_net::{AddressInfo, Pusher, ServerAddress};
use rquickjs::{Object, Result, Value};

thread_local! {
    static PUSHERS: RefCell<HashMap<u32, Pusher>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// A server ready to accept and, for a pushed one, its pusher's id (0 otherwise).
pub(crate) type Ready = node_net::Result<(node_net::Server, u32)>;

/// The server `special` describes, or `None` when it is undefined (bind as usual).
pub(crate) fn ready_server(special: &Value<'_>) -> Result<Option<Ready>> {
    let Some(o) = special.as_object() else {
        return Ok(None);
    };
    if let Some(h) = o.get::<_, Option<u32>>("fd")? {
        let Some(fd) = crate::modules::handles::take(h) else {
            return Ok(Some(Err(node_net::SystemError::plain(
                libc::EBADF,
                "listen",
            )
            .into())));
        };
        return Ok(Some(node_net::Server::from_fd(fd).map(|s| (s, 0))));
    }
    let pushed: Value<'_> = o.get("pushed")?;
    let address = if let Some(s) = pushed.as_string() {
        ServerAddress::Unix(s.to_string()?)
    } else if let Some(a) = pushed.as_object() {
        ServerAddress::Inet(inet_of(a)?)
    } else {
        return Ok(None);
    };
    let (server, pusher) = node_net::Server::pushed(address);
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    PUSHERS.with(|m| m.borrow_mut().insert(id, pusher));
    Ok(Some(Ok((server, id))))
}

fn inet_of(a: &Object<'_>) -> Result<AddressInfo> {
    let family: String = a.get("family")?;
    Ok(AddressInfo {
        address: a.get("address")?,
        family: if family == "IPv6" { "IPv6" } else { "IPv4" },
        port: a.get("port")?,
    })
}

/// Hands received connection `handle` to pushed server `pusher`; `false` (and the
/// descriptor closed) when either is gone.
pub(crate) fn push(pusher: u32, handle: u32) -> bool {
    let Some(fd) = crate::modules::handles::take(handle) else {
        return false;
    };
    PUSHERS.with(|m| m.borrow().get(&pusher).is_some_and(|p| p.push(fd)))
}

/// Forgets pusher `id` (its server closed).
pub(crate) fn drop_pusher(id: u32) {
    PUSHERS.with(|m| m.borrow_mut().remove(&id));
}
