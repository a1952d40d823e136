//! [`Transform`] and [`PassThrough`]: Node's `stream.Transform`, a duplex whose output is
//! computed from its input by a [`Transformer`].

use std::ops::Deref;
use std::rc::Rc;

use node_core::NodeError;

use crate::chunk::Chunk;
use crate::core::{build, Completion, Output, Shared};
use crate::duplex::Duplex;
use crate::options::DuplexOptions;

/// Node's `_transform(chunk, enc, cb)` and `_flush(cb)`, synchronous: push output chunks
/// into `out`.
///
/// # Examples
/// ```
/// use node_streams::{Chunk, Transform, Transformer};
/// struct Upper;
/// impl Transformer for Upper {
///     fn transform(&mut self, c: Chunk, out: &mut Vec<Chunk>) -> Result<(), node_core::NodeError> {
///         out.push(c.as_bytes().unwrap().to_ascii_uppercase().into());
///         Ok(())
///     }
/// }
/// let t = Transform::new(Upper);
/// t.writable().write("abc".into()).unwrap();
/// assert_eq!(&t.readable().read(None).unwrap().as_bytes().unwrap()[..], b"ABC");
/// ```
pub trait Transformer: 'static {
    /// Transforms one written chunk.
    ///
    /// # Errors
    /// An error fails the write and destroys the stream.
    fn transform(&mut self, chunk: Chunk, out: &mut Vec<Chunk>) -> Result<(), NodeError>;

    /// Emits what is left once the writable side ended (`_flush`).
    ///
    /// # Errors
    /// An error destroys the stream instead of ending it.
    fn flush(&mut self, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        let _ = out;
        Ok(())
    }

    /// `true` when `transform`/`flush` only start the work and completion comes through
    /// [`Transform::transform_callback`] / [`Transform::flush_callback`] (a JS
    /// `_transform(chunk, enc, callback)`).
    fn completes_externally(&self) -> bool {
        false
    }
}

/// Node's [`stream.Transform`](https://nodejs.org/api/stream.html#class-streamtransform):
/// written chunks go through a [`Transformer`] and come out of the readable side, with
/// Node's backpressure (a write's callback waits while the readable buffer is full).
/// Derefs to [`Duplex`].
///
/// # Examples
/// ```
/// let t = node_streams::PassThrough::new();
/// t.writable().write("x".into()).unwrap();
/// t.writable().end().unwrap();
/// assert_eq!(&t.readable().read(None).unwrap().as_bytes().unwrap()[..], b"x");
/// ```
#[derive(Clone, Debug)]
pub struct Transform {
    duplex: Duplex,
}

impl Transform {
    /// A transform with default options.
    ///
    /// # Examples
    /// ```
    /// let t = node_streams::Transform::new(node_streams::Identity);
    /// assert!(!t.destroyed());
    /// ```
    pub fn new(t: impl Transformer) -> Self {
        Self::with_options(t, DuplexOptions::default())
    }

    /// A transform with options.
    ///
    /// # Examples
    /// ```
    /// use node_streams::{DuplexOptions, Identity, Transform};
    /// let mut o = DuplexOptions::default();
    /// o.readable.object_mode = true;
    /// o.writable.object_mode = true;
    /// let t = Transform::with_options(Identity, o);
    /// assert!(t.readable().readable_object_mode());
    /// ```
    pub fn with_options(t: impl Transformer, options: DuplexOptions) -> Self {
        let o = options;
        let duplex = Duplex {
            inner: build(
                Some(&o.readable),
                Some(&o.writable),
                o.allow_half_open,
                None,
                Some(Output::Transform(Box::new(t))),
            ),
        };
        // Node's Transform constructor clears the readable `sync` guard: its `_read` is
        // ready before the first read.
        if let Some(r) = duplex.inner.st.borrow_mut().r.as_mut() {
            r.sync = false;
        }
        Transform { duplex }
    }
}

impl Deref for Transform {
    type Target = Duplex;
    fn deref(&self) -> &Duplex {
        &self.duplex
    }
}

/// The identity [`Transformer`] behind [`PassThrough`].
///
/// # Examples
/// ```
/// let t = node_streams::Transform::new(node_streams::Identity);
/// # let _ = t;
/// ```
#[derive(Debug, Default, Clone, Copy)]
pub struct Identity;

impl Transformer for Identity {
    fn transform(&mut self, chunk: Chunk, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        out.push(chunk);
        Ok(())
    }
}

/// Node's [`stream.PassThrough`](https://nodejs.org/api/stream.html#class-streampassthrough).
///
/// # Examples
/// ```
/// let p = node_streams::PassThrough::new();
/// p.writable().write("a".into()).unwrap();
/// assert_eq!(p.readable().readable_length(), 1);
/// ```
#[derive(Debug)]
pub struct PassThrough;

impl PassThrough {
    /// A new pass-through transform.
    ///
    /// # Examples
    /// ```
    /// let _t: node_streams::Transform = node_streams::PassThrough::new();
    /// ```
    #[allow(clippy::new_ret_no_self)]
    pub fn new() -> Transform {
        Transform::new(Identity)
    }

    /// A pass-through with options.
    ///
    /// # Examples
    /// ```
    /// let _t = node_streams::PassThrough::with_options(Default::default());
    /// ```
    pub fn with_options(options: DuplexOptions) -> Transform {
        Transform::with_options(Identity, options)
    }
}

impl Transform {
    /// The `_transform` callback, `callback(err, data)`, for a [`Transformer`] that
    /// [completes externally](Transformer::completes_externally).
    ///
    /// # Examples
    /// ```
    /// use node_streams::{Chunk, Transform, Transformer};
    /// struct Later;
    /// impl Transformer for Later {
    ///     fn transform(&mut self, _: Chunk, _: &mut Vec<Chunk>) -> Result<(), node_core::NodeError> { Ok(()) }
    ///     fn completes_externally(&self) -> bool { true }
    /// }
    /// let t = Transform::new(Later);
    /// t.writable().write("a".into()).unwrap();
    /// assert_eq!(t.writable().writable_length(), 1);
    /// t.transform_callback(None, Some("A".into()));
    /// assert_eq!(t.writable().writable_length(), 0);
    /// assert_eq!(t.readable().readable_length(), 1);
    /// ```
    pub fn transform_callback(&self, err: Option<NodeError>, data: Option<Chunk>) {
        self.inner.complete(Completion::Transform(err, data));
    }

    /// The `_flush` callback, `callback(err, data)`, for a [`Transformer`] that
    /// [completes externally](Transformer::completes_externally): pushes `data`, then the
    /// end of the readable side.
    ///
    /// # Examples
    /// ```
    /// use node_streams::{Chunk, Transform, Transformer};
    /// struct Later;
    /// impl Transformer for Later {
    ///     fn transform(&mut self, _: Chunk, _: &mut Vec<Chunk>) -> Result<(), node_core::NodeError> { Ok(()) }
    ///     fn completes_externally(&self) -> bool { true }
    /// }
    /// let t = Transform::new(Later);
    /// t.writable().end().unwrap();
    /// t.flush_callback(None, Some("tail".into()));
    /// assert_eq!(t.readable().readable_length(), 4);
    /// ```
    pub fn flush_callback(&self, err: Option<NodeError>, data: Option<Chunk>) {
        self.inner.complete(Completion::Flush(err, data));
    }
}

impl Shared {
    fn transformer_external(&self) -> bool {
        self.caps.transform && self.caps.output_external
    }

    /// Transform's `_write`: run the transformer, push its output, and hold the callback
    /// while the readable buffer is full (Node's `kCallback`).
    pub(crate) fn transform_write(self: &Rc<Self>, chunk: Chunk) {
        let before = self.st.borrow().r.as_ref().map_or(0, |r| r.length);
        self.st.borrow_mut().transform_before = before;
        let mut out = Vec::new();
        let res = match self.output.try_borrow_mut() {
            Ok(mut o) => match o.as_mut() {
                Some(Output::Transform(t)) => t.transform(chunk, &mut out),
                _ => Ok(()),
            },
            Err(_) => Err(NodeError::new(
                node_core::ErrorClass::Error,
                "ERR_INTERNAL_ASSERTION",
                "transform re-entered",
            )),
        };
        if self.transformer_external() && res.is_ok() {
            for c in out {
                self.add_chunk(Some(c), false);
            }
            self.apply_deferred();
            return;
        }
        self.transform_done(before, res.err(), out);
    }

    /// The body of Node's `final` callback given to `_flush`.
    pub(crate) fn flush_done(self: &Rc<Self>, err: Option<NodeError>, data: Option<Chunk>) {
        if let Some(e) = err {
            self.on_final(Some(e));
            return;
        }
        if let Some(c) = data {
            self.add_chunk(Some(c), false);
        }
        self.add_chunk(None, false);
        self.on_final(None);
    }

    /// The body of Node's `_transform` callback.
    pub(crate) fn transform_done(
        self: &Rc<Self>,
        before: usize,
        err: Option<NodeError>,
        out: Vec<Chunk>,
    ) {
        if let Some(e) = err {
            self.on_write(Some(e));
            return;
        }
        for c in out {
            self.add_chunk(Some(c), false);
        }
        let mut st = self.st.borrow_mut();
        let ended = st.w.as_ref().is_some_and(|w| w.ended);
        let done =
            st.r.as_ref()
                .is_none_or(|r| ended || r.length == before || r.length < r.hwm);
        if done {
            drop(st);
            self.on_write(None);
        } else {
            st.transform_cb = true;
        }
    }

    /// Transform's `_read`: releases a held write callback.
    pub(crate) fn transform_read(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        if st.transform_cb {
            st.transform_cb = false;
            drop(st);
            self.on_write(None);
        }
    }

    /// Transform's `final`: `_flush`, push its output, then `push(null)`. `None` when the
    /// transformer completes externally ([`Transform::flush_callback`]).
    pub(crate) fn transform_flush(self: &Rc<Self>) -> Option<Result<(), NodeError>> {
        let mut out = Vec::new();
        let external = self.transformer_external();
        if !self.is_destroyed() {
            if let Ok(mut o) = self.output.try_borrow_mut() {
                if let Some(Output::Transform(t)) = o.as_mut() {
                    if let Err(e) = t.flush(&mut out) {
                        return Some(Err(e));
                    }
                }
            }
        }
        if external {
            for c in out {
                self.add_chunk(Some(c), false);
            }
            return None;
        }
        for c in out {
            self.add_chunk(Some(c), false);
        }
        self.add_chunk(None, false);
        Some(Ok(()))
    }
}
