//! [`NodeStream`]: any stream class, for functions that take streams of mixed types.

use std::rc::Rc;

use crate::core::Shared;
use crate::duplex::Duplex;
use crate::readable::Readable;
use crate::transform::Transform;
use crate::writable::Writable;

/// An opaque reference to a stream of any class.
///
/// # Examples
/// ```
/// use node_streams::{NodeStream, PassThrough};
/// let h = PassThrough::new().handle();
/// # let _ = h;
/// ```
#[derive(Clone)]
pub struct StreamHandle {
    pub(crate) inner: Rc<Shared>,
}

impl std::fmt::Debug for StreamHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StreamHandle")
    }
}

/// Implemented by every stream class ([`Readable`], [`Writable`], [`Duplex`],
/// [`Transform`]) so [`pipeline`](crate::pipeline) and [`finished`](crate::finished) take
/// any of them, as Node's do.
///
/// # Examples
/// ```
/// use node_streams::{NodeStream, Readable};
/// fn takes(_: &dyn NodeStream) {}
/// takes(&Readable::from_iter(["a"]));
/// ```
pub trait NodeStream {
    /// The stream behind this value.
    fn handle(&self) -> StreamHandle;
}

macro_rules! impl_node_stream {
    ($($t:ty),*) => {$(
        impl NodeStream for $t {
            fn handle(&self) -> StreamHandle {
                StreamHandle { inner: self.inner.clone() }
            }
        }
    )*};
}

impl_node_stream!(Readable, Writable, Duplex, StreamHandle);

impl NodeStream for Transform {
    fn handle(&self) -> StreamHandle {
        StreamHandle {
            inner: self.inner.clone(),
        }
    }
}
