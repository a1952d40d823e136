//! [`Duplex`]: Node's `stream.Duplex`, a readable and a writable side in one stream.

use std::fmt;
use std::rc::Rc;

use crate::common::common_methods;
use crate::core::{build, Output, Shared};
use crate::options::DuplexOptions;
use crate::readable::Readable;
use crate::sink::Sink;
use crate::source::Source;
use crate::writable::Writable;

/// Node's [`stream.Duplex`](https://nodejs.org/api/stream.html#class-streamduplex): one
/// stream with both sides, one `destroy`, one `'close'`, and `allowHalfOpen`.
///
/// # Examples
/// ```
/// use node_streams::{sink_fn, Duplex, DuplexOptions, PushSource};
/// let d = Duplex::new(PushSource, sink_fn(|_| Ok(())), DuplexOptions::default());
/// d.writable().write("to the sink".into()).unwrap();
/// d.readable().push("from the source".into());
/// assert!(d.readable().readable_length() > 0);
/// ```
#[derive(Clone)]
pub struct Duplex {
    pub(crate) inner: Rc<Shared>,
}

impl fmt::Debug for Duplex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Duplex")
            .field("readable", &self.readable())
            .field("writable", &self.writable())
            .finish()
    }
}

impl Duplex {
    /// A duplex over a source and a sink (`new Duplex({ read, write, final })`).
    ///
    /// # Examples
    /// ```
    /// use node_streams::{sink_fn, Duplex, PushSource};
    /// let d = Duplex::new(PushSource, sink_fn(|_| Ok(())), Default::default());
    /// assert!(!d.destroyed());
    /// ```
    pub fn new(source: impl Source, sink: impl Sink, options: DuplexOptions) -> Self {
        let o = options;
        Duplex {
            inner: build(
                Some(&o.readable),
                Some(&o.writable),
                o.allow_half_open,
                Some(Box::new(source)),
                Some(Output::Sink(Box::new(sink))),
            ),
        }
    }

    /// The readable side (same stream, readable methods).
    ///
    /// # Examples
    /// ```
    /// let t = node_streams::PassThrough::new();
    /// assert_eq!(t.readable().readable_length(), 0);
    /// ```
    pub fn readable(&self) -> Readable {
        Readable {
            inner: self.inner.clone(),
        }
    }

    /// The writable side (same stream, writable methods).
    ///
    /// # Examples
    /// ```
    /// let t = node_streams::PassThrough::new();
    /// assert_eq!(t.writable().writable_length(), 0);
    /// ```
    pub fn writable(&self) -> Writable {
        Writable {
            inner: self.inner.clone(),
        }
    }

    common_methods!();
}
