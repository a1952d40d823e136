//! gzip, deflate, deflateRaw and their inverses plus unzip, over zlib-rs.

use std::cell::RefCell;
use std::rc::Rc;

use bytes::Bytes;
use node_core::NodeError;

use super::engine::{Action, Engine, Format};
use super::error::Error;
use super::options::{check, Flush, Strategy, ZlibOptions};
use crate::chunk::Chunk;
use crate::options::DuplexOptions;
use crate::transform::{Transform, Transformer};

struct FlateTransformer(Rc<RefCell<Engine>>);

impl Transformer for FlateTransformer {
    fn transform(&mut self, chunk: Chunk, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        let mut e = self.0.borrow_mut();
        let flush = e.flush;
        let mut v = Vec::new();
        let res = match &chunk {
            Chunk::Bytes(b) if b.is_empty() && !e.actions.is_empty() => e.action(&mut v),
            Chunk::Bytes(b) => e.write(b, flush, &mut v),
            Chunk::Str(s) => e.write(s.as_bytes(), flush, &mut v),
            Chunk::Value(_) => return Err(crate::errors::invalid_chunk(true)),
        };
        out.extend(v.into_iter().map(Chunk::Bytes));
        res.map_err(Into::into)
    }

    fn flush(&mut self, out: &mut Vec<Chunk>) -> Result<(), NodeError> {
        let mut v = Vec::new();
        let res = self.0.borrow_mut().finish(&mut v);
        out.extend(v.into_iter().map(Chunk::Bytes));
        res.map_err(Into::into)
    }
}

/// A zlib stream (`zlib.Gzip`, `zlib.Deflate`, …): a [`Transform`] (through `Deref`) with
/// Node's `flush()` and `params()`.
///
/// # Examples
/// ```
/// use node_streams::zlib::{create_deflate, Flush};
/// let z = create_deflate(&Default::default()).unwrap();
/// z.writable().write("abc".into()).unwrap();
/// z.flush(Flush::Sync).unwrap();
/// assert!(z.readable().readable_length() > 0);
/// ```
#[derive(Clone)]
pub struct Zlib {
    transform: Transform,
    engine: Rc<RefCell<Engine>>,
}

impl std::fmt::Debug for Zlib {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Zlib")
            .field("transform", &self.transform)
            .finish()
    }
}

impl std::ops::Deref for Zlib {
    type Target = Transform;
    fn deref(&self) -> &Transform {
        &self.transform
    }
}

impl crate::handle::NodeStream for Zlib {
    fn handle(&self) -> crate::handle::StreamHandle {
        self.transform.handle()
    }
}

impl Zlib {
    /// `zlib.flush(kind)`: after what was written so far, flushes with `kind` (Node's
    /// default is `Z_FULL_FLUSH`) — an empty write carries it, in order with the data.
    ///
    /// # Errors
    /// As [`Writable::write`](crate::Writable::write) (after `end()` or `destroy()`).
    ///
    /// # Examples
    /// ```
    /// let z = node_streams::zlib::create_gzip(&Default::default()).unwrap();
    /// z.flush(node_streams::zlib::Flush::Full).unwrap();
    /// ```
    pub fn flush(&self, kind: Flush) -> Result<(), NodeError> {
        self.engine
            .borrow_mut()
            .actions
            .push_back(Action::Flush(kind));
        self.transform
            .writable()
            .write(Chunk::Bytes(Bytes::new()))?;
        Ok(())
    }

    /// `zlib.bytesWritten`: input bytes the engine has consumed.
    ///
    /// # Examples
    /// ```
    /// let z = node_streams::zlib::create_gzip(&Default::default()).unwrap();
    /// z.writable().write("hello".into()).unwrap();
    /// assert_eq!(z.bytes_written(), 5);
    /// ```
    #[doc(alias = "bytesWritten")]
    pub fn bytes_written(&self) -> u64 {
        self.engine.borrow().bytes_written
    }

    /// `zlib.params(level, strategy)`: changes the compression level and strategy for what
    /// is written next (after a sync flush, as Node).
    ///
    /// # Errors
    /// `ERR_OUT_OF_RANGE` for a level outside -1..=9; write errors.
    ///
    /// # Examples
    /// ```
    /// use node_streams::zlib::{create_deflate, Strategy};
    /// let z = create_deflate(&Default::default()).unwrap();
    /// z.params(1, Strategy::Default).unwrap();
    /// ```
    pub fn params(&self, level: i32, strategy: Strategy) -> Result<(), NodeError> {
        check(&ZlibOptions {
            level,
            strategy,
            ..Default::default()
        })
        .map_err(NodeError::from)?;
        self.flush(Flush::Sync)?;
        self.engine
            .borrow_mut()
            .actions
            .push_back(Action::Params(level, strategy));
        self.transform
            .writable()
            .write(Chunk::Bytes(Bytes::new()))?;
        Ok(())
    }
}

fn stream(compress: bool, format: Format, o: &ZlibOptions) -> Result<Zlib, Error> {
    let engine = Rc::new(RefCell::new(Engine::new(compress, format, o)?));
    // Node's ZlibBase is a Transform with default highWaterMarks (not `chunkSize`).
    let transform =
        Transform::with_options(FlateTransformer(engine.clone()), DuplexOptions::default());
    Ok(Zlib { transform, engine })
}

fn one_shot(
    compress: bool,
    format: Format,
    data: &[u8],
    o: &ZlibOptions,
) -> Result<Vec<u8>, Error> {
    let mut o = o.clone();
    // One-shot calls need no small output chunks.
    o.chunk_size = o.chunk_size.max(256 * 1024);
    let mut e = Engine::new(compress, format, &o)?;
    e.max_output = o.max_output_length;
    let mut out = Vec::new();
    e.write(data, o.flush, &mut out)?;
    e.finish(&mut out)?;
    let n = out.iter().map(Bytes::len).sum::<usize>();
    let mut v = Vec::with_capacity(n);
    for b in &out {
        v.extend_from_slice(b);
    }
    Ok(v)
}

macro_rules! flate_api {
    ($(($create:ident, $sync:ident, $compress:expr, $format:expr, $js:literal, $jssync:literal, $pack:ident, $unpack:ident)),* $(,)?) => {$(
        #[doc = concat!("`zlib.", $js, "(options)`: a [`Zlib`] transform stream.")]
        ///
        /// # Errors
        /// `ERR_OUT_OF_RANGE` for a bad level, chunk size or window size;
        /// `ERR_NOT_IMPLEMENTED` for options nrt lacks. Data errors reach the stream's
        /// `'error'` as `Z_DATA_ERROR` / `Z_BUF_ERROR` with Node's messages.
        ///
        /// # Examples
        /// ```
        #[doc = concat!("let t = node_streams::zlib::", stringify!($create), "(&Default::default()).unwrap();")]
        /// assert!(!t.destroyed());
        /// ```
        #[doc(alias = $js)]
        pub fn $create(options: &ZlibOptions) -> Result<Zlib, Error> {
            stream($compress, $format, options)
        }

        #[doc = concat!("`zlib.", $jssync, "(buffer, options)`: one-shot.")]
        ///
        /// # Errors
        /// As Node: `Z_DATA_ERROR` (-3) for bad data, `Z_BUF_ERROR` (-5, "unexpected end
        /// of file") for truncated input, and option errors.
        ///
        /// # Examples
        /// ```
        /// use node_streams::zlib::*;
        #[doc = concat!("let packed = ", stringify!($pack), "(b\"hello\", &Default::default()).unwrap();")]
        #[doc = concat!("let back = ", stringify!($unpack), "(&packed, &Default::default()).unwrap();")]
        /// assert_eq!(back, b"hello");
        /// ```
        #[doc(alias = $jssync)]
        pub fn $sync(data: &[u8], options: &ZlibOptions) -> Result<Vec<u8>, Error> {
            one_shot($compress, $format, data, options)
        }
    )*};
}

flate_api!(
    (
        create_gzip,
        gzip_sync,
        true,
        Format::Gzip,
        "createGzip",
        "gzipSync",
        gzip_sync,
        gunzip_sync
    ),
    (
        create_gunzip,
        gunzip_sync,
        false,
        Format::Gzip,
        "createGunzip",
        "gunzipSync",
        gzip_sync,
        gunzip_sync
    ),
    (
        create_deflate,
        deflate_sync,
        true,
        Format::Zlib,
        "createDeflate",
        "deflateSync",
        deflate_sync,
        inflate_sync
    ),
    (
        create_inflate,
        inflate_sync,
        false,
        Format::Zlib,
        "createInflate",
        "inflateSync",
        deflate_sync,
        inflate_sync
    ),
    (
        create_deflate_raw,
        deflate_raw_sync,
        true,
        Format::Raw,
        "createDeflateRaw",
        "deflateRawSync",
        deflate_raw_sync,
        inflate_raw_sync
    ),
    (
        create_inflate_raw,
        inflate_raw_sync,
        false,
        Format::Raw,
        "createInflateRaw",
        "inflateRawSync",
        deflate_raw_sync,
        inflate_raw_sync
    ),
    (
        create_unzip,
        unzip_sync,
        false,
        Format::Auto,
        "createUnzip",
        "unzipSync",
        gzip_sync,
        unzip_sync
    ),
);
