//! [`Readable`]: Node's `stream.Readable`.

use std::fmt;
use std::rc::Rc;

use node_core::NodeError;

use crate::chunk::Chunk;
use crate::common::common_methods;
use crate::core::{build, Shared};
use crate::options::ReadableOptions;
use crate::source::{IterSource, Source, StreamSource};

/// Node's [`stream.Readable`](https://nodejs.org/api/stream.html#class-streamreadable): a
/// buffered, pull-driven source of chunks with highWaterMark read-ahead, paused and
/// flowing modes, and Node's event order.
///
/// A `Readable` is a cheap handle (`Clone` shares the stream). Deferred steps run on its
/// [`Scheduler`](crate::Scheduler); with the default [`LocalScheduler`](crate::LocalScheduler)
/// they run when an adapter is polled or when [`LocalScheduler::run`](crate::LocalScheduler::run)
/// is awaited.
///
/// # Examples
/// ```
/// # futures::executor::block_on(async {
/// use futures::StreamExt;
/// use node_streams::Readable;
/// let mut r = Readable::from_iter(["a", "b"]).into_stream();
/// let mut all = Vec::new();
/// while let Some(chunk) = r.next().await {
///     all.extend_from_slice(chunk.unwrap().as_bytes().unwrap());
/// }
/// assert_eq!(all, b"ab");
/// # });
/// ```
#[derive(Clone)]
pub struct Readable {
    pub(crate) inner: Rc<Shared>,
}

impl fmt::Debug for Readable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Readable")
            .field("length", &self.readable_length())
            .field("flowing", &self.readable_flowing())
            .field("ended", &self.readable_ended())
            .field("destroyed", &self.destroyed())
            .finish()
    }
}

impl Readable {
    /// A byte-mode readable over `source` with default options (`new Readable({ read })`).
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::new(node_streams::PushSource);
    /// assert_eq!(r.readable_high_water_mark(), 16 * 1024);
    /// ```
    pub fn new(source: impl Source) -> Self {
        Self::build(Box::new(source), &ReadableOptions::default())
    }

    /// A readable with options. An unsupported `encoding` destroys the stream with
    /// `ERR_NOT_IMPLEMENTED` (see [`set_encoding`](Self::set_encoding)).
    ///
    /// # Examples
    /// ```
    /// use node_streams::{PushSource, Readable, ReadableOptions};
    /// let r = Readable::with_options(PushSource, ReadableOptions {
    ///     high_water_mark: Some(64 * 1024), ..Default::default()
    /// });
    /// assert_eq!(r.readable_high_water_mark(), 65536);
    /// ```
    pub fn with_options(source: impl Source, options: ReadableOptions) -> Self {
        Self::build(Box::new(source), &options)
    }

    fn build(source: Box<dyn Source>, options: &ReadableOptions) -> Self {
        Readable {
            inner: build(Some(options), None, true, Some(source), None),
        }
    }

    /// `Readable.from(iterable)`: an objectMode readable yielding each item.
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::from_iter(vec!["x", "y"]);
    /// assert!(r.readable_object_mode());
    /// ```
    #[doc(alias = "from")]
    #[allow(clippy::should_implement_trait)]
    pub fn from_iter<I>(iter: I) -> Self
    where
        I: IntoIterator + 'static,
        I::Item: Into<Chunk>,
    {
        Self::with_options(
            IterSource(iter.into_iter()),
            ReadableOptions {
                object_mode: true,
                ..Default::default()
            },
        )
    }

    /// `Readable.from(asyncIterable)` for a `futures::Stream` of results (objectMode).
    ///
    /// # Examples
    /// ```
    /// let s = futures::stream::iter(vec![Ok::<_, node_core::NodeError>("a")]);
    /// let r = node_streams::Readable::from_stream(s);
    /// assert!(r.readable_object_mode());
    /// ```
    pub fn from_stream<S, T>(stream: S) -> Self
    where
        S: futures::Stream<Item = Result<T, NodeError>> + Unpin + 'static,
        T: Into<Chunk>,
    {
        Self::with_options(
            StreamSource(stream),
            ReadableOptions {
                object_mode: true,
                ..Default::default()
            },
        )
    }

    /// `readable.push(chunk)`: adds data; returns `false` once the buffer reaches
    /// highWaterMark (stop pushing until the next `_read`).
    ///
    /// # Examples
    /// ```
    /// use node_streams::{PushSource, Readable, ReadableOptions};
    /// let r = Readable::with_options(PushSource, ReadableOptions {
    ///     high_water_mark: Some(2), ..Default::default()
    /// });
    /// assert!(r.push("a".into()));
    /// assert!(!r.push("b".into()));
    /// ```
    pub fn push(&self, chunk: Chunk) -> bool {
        self.inner.add_chunk(Some(chunk), false)
    }

    /// `readable.push(null)`: signals the end of the data.
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::new(node_streams::PushSource);
    /// r.push_end();
    /// assert!(r.read(None).is_none());
    /// ```
    #[doc(alias = "push")]
    pub fn push_end(&self) -> bool {
        self.inner.add_chunk(None, false)
    }

    /// `readable.unshift(chunk)`: puts data back at the front of the buffer.
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::new(node_streams::PushSource);
    /// r.push("b".into());
    /// r.unshift("a".into());
    /// assert_eq!(&r.read(None).unwrap().as_bytes().unwrap()[..], b"ab");
    /// ```
    pub fn unshift(&self, chunk: Chunk) -> bool {
        self.inner.add_chunk(Some(chunk), true)
    }

    /// `readable.read(size)`: `None` reads everything buffered (one chunk in flowing
    /// mode); returns `None` when less than `size` is buffered and the stream has not
    /// ended.
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::new(node_streams::PushSource);
    /// r.push("abc".into());
    /// assert_eq!(&r.read(Some(2)).unwrap().as_bytes().unwrap()[..], b"ab");
    /// assert!(r.read(Some(2)).is_none());
    /// ```
    pub fn read(&self, size: Option<usize>) -> Option<Chunk> {
        self.inner.read(size)
    }

    /// `readable.pause()`: leaves flowing mode (emits `'pause'`).
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::from_iter(["a"]);
    /// r.pause();
    /// assert!(r.is_paused());
    /// ```
    pub fn pause(&self) -> &Self {
        self.inner.pause();
        self
    }

    /// `readable.resume()`: enters flowing mode; `'resume'` follows on the next tick.
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::from_iter(["a"]);
    /// r.resume();
    /// assert_eq!(r.readable_flowing(), Some(true));
    /// ```
    pub fn resume(&self) -> &Self {
        self.inner.resume();
        self
    }

    /// `readable.isPaused()`.
    ///
    /// # Examples
    /// ```
    /// assert!(!node_streams::Readable::from_iter(["a"]).is_paused());
    /// ```
    pub fn is_paused(&self) -> bool {
        let st = self.inner.st.borrow();
        st.r.as_ref()
            .is_some_and(|r| r.paused == Some(true) || r.flowing == Some(false))
    }

    /// `readable.setEncoding(enc)`: `'data'` then carries strings, with multibyte
    /// characters split across chunks kept whole.
    ///
    /// # Errors
    /// `ERR_NOT_IMPLEMENTED` for encodings other than UTF-8.
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::new(node_streams::PushSource);
    /// r.set_encoding("utf8").unwrap();
    /// r.push(vec![0xe2, 0x82].into());
    /// r.push(vec![0xac].into());
    /// assert_eq!(r.read(None).unwrap().as_str(), Some("€"));
    /// ```
    pub fn set_encoding(&self, encoding: &str) -> Result<&Self, NodeError> {
        let dec = crate::decoder::decoder_for(encoding)?;
        let mut st = self.inner.st.borrow_mut();
        if let Some(r) = st.r.as_mut() {
            r.decoder = Some(dec);
            // Node re-decodes what is already buffered.
            let old: Vec<Chunk> = r.buffer.drain(..).collect();
            let mut s = String::new();
            for c in old {
                match c {
                    Chunk::Bytes(b) => {
                        s.push_str(&r.decoder.as_mut().map(|d| d.write(&b)).unwrap_or_default())
                    }
                    Chunk::Str(t) => s.push_str(&t),
                    v @ Chunk::Value(_) => r.buffer.push_back(v),
                }
            }
            if !s.is_empty() {
                r.length = s.len();
                r.buffer.push_back(Chunk::Str(s.into()));
            } else if !r.object_mode {
                r.length = 0;
            }
        }
        Ok(self)
    }

    /// `readable.readableLength`: buffered bytes (or objects).
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_streams::Readable::new(node_streams::PushSource).readable_length(), 0);
    /// ```
    pub fn readable_length(&self) -> usize {
        self.inner.st.borrow().r.as_ref().map_or(0, |r| r.length)
    }

    /// `readable.readableHighWaterMark`.
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::from_iter(["a"]);
    /// assert_eq!(r.readable_high_water_mark(), 16);
    /// ```
    pub fn readable_high_water_mark(&self) -> usize {
        self.inner.st.borrow().r.as_ref().map_or(0, |r| r.hwm)
    }

    /// `readable.readableObjectMode`.
    ///
    /// # Examples
    /// ```
    /// assert!(!node_streams::Readable::new(node_streams::PushSource).readable_object_mode());
    /// ```
    pub fn readable_object_mode(&self) -> bool {
        self.inner
            .st
            .borrow()
            .r
            .as_ref()
            .is_some_and(|r| r.object_mode)
    }

    /// `readable.readableEnded`: `'end'` was emitted.
    ///
    /// # Examples
    /// ```
    /// assert!(!node_streams::Readable::from_iter(["a"]).readable_ended());
    /// ```
    pub fn readable_ended(&self) -> bool {
        self.inner
            .st
            .borrow()
            .r
            .as_ref()
            .is_some_and(|r| r.end_emitted)
    }

    /// `readable.readableFlowing`: `None` before any consumer, then flowing or paused.
    ///
    /// # Examples
    /// ```
    /// assert_eq!(node_streams::Readable::from_iter(["a"]).readable_flowing(), None);
    /// ```
    pub fn readable_flowing(&self) -> Option<bool> {
        self.inner.st.borrow().r.as_ref().and_then(|r| r.flowing)
    }

    /// Adds a `'data'` listener that receives the chunk (starts flowing mode).
    ///
    /// # Errors
    /// `ERR_NOT_IMPLEMENTED` when the stream reports to a custom [`EventSink`](crate::EventSink).
    ///
    /// # Examples
    /// ```
    /// let r = node_streams::Readable::from_iter(["a"]);
    /// r.on_data(|c| assert_eq!(c.as_bytes().unwrap().as_ref(), b"a")).unwrap();
    /// node_streams::LocalScheduler::current().run_until_stalled();
    /// ```
    pub fn on_data(&self, f: impl Fn(&Chunk) + 'static) -> Result<&Self, NodeError> {
        self.inner.events.add_rust_listener(
            "data",
            false,
            false,
            node_core::Callback::new(move |ev: &crate::StreamEvent| {
                if let crate::StreamEvent::Data(c) = ev {
                    f(c);
                }
            }),
        )?;
        self.inner.listener_added("data");
        Ok(self)
    }

    common_methods!();
}
