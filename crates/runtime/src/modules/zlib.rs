//! Native side of `zlib`: node-streams' zlib [`Processor`]s kept in a table by handle id
//! (zlib.js's streams hold the id, as node's hold their native handle), one-shot calls and
//! `crc32`. A call with a request id below 0 runs at once; otherwise the work runs on the
//! blocking pool and `hooks.zlibComplete(id, err, value)` gets the outcome in the poll
//! phase (zlib.js keeps the callbacks). Errors reach JS as `[code, errno, message, class]`
//! and zlib.js shapes them as node does (`errno` then `code` own properties).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use bytes::Bytes;
use node_streams::zlib::{
    self, BrotliMode, BrotliOptions, Error, Flush, Mode, Processor, Strategy, ZlibOptions,
};
use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray, Value};

use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};
use crate::modules::bytes_of;

/// A handle's processor; `None` while a write runs on the blocking pool.
struct Slot {
    processor: Option<Box<Processor>>,
    closed: bool,
}

thread_local! {
    static HANDLES: RefCell<HashMap<u32, Slot>> = RefCell::new(HashMap::new());
    static NEXT_HANDLE: Cell<u32> = const { Cell::new(1) };
}

/// Node's zlib modes (`binding.DEFLATE` …), as zlib.js numbers them.
fn mode(n: i32) -> Option<Mode> {
    Some(match n {
        1 => Mode::Deflate,
        2 => Mode::Inflate,
        3 => Mode::Gzip,
        4 => Mode::Gunzip,
        5 => Mode::DeflateRaw,
        6 => Mode::InflateRaw,
        7 => Mode::Unzip,
        8 => Mode::BrotliDecode,
        9 => Mode::BrotliEncode,
        _ => return None,
    })
}

fn is_brotli(m: Mode) -> bool {
    matches!(m, Mode::BrotliDecode | Mode::BrotliEncode)
}

/// A flush value: `Z_*` for zlib modes, `BROTLI_OPERATION_*` for brotli ones.
fn flush(m: Mode, n: i32) -> std::result::Result<Flush, Error> {
    if is_brotli(m) {
        return match n {
            0 => Ok(Flush::None),
            1 => Ok(Flush::Sync),
            2 => Ok(Flush::Finish),
            _ => Err(not_implemented("zlib BROTLI_OPERATION_EMIT_METADATA")),
        };
    }
    Ok(match n {
        1 => Flush::Partial,
        2 => Flush::Sync,
        3 => Flush::Full,
        4 => Flush::Finish,
        5 => Flush::Block,
        _ => Flush::None,
    })
}

fn not_implemented(what: &str) -> Error {
    Error::not_implemented(what)
}

fn strategy(n: i32) -> Strategy {
    match n {
        1 => Strategy::Filtered,
        2 => Strategy::HuffmanOnly,
        3 => Strategy::Rle,
        4 => Strategy::Fixed,
        _ => Strategy::Default,
    }
}

/// Options as zlib.js passes them (already validated there, as node validates in JS).
struct Options {
    zlib: ZlibOptions,
    brotli: BrotliOptions,
}

fn options(o: &Object<'_>) -> Result<std::result::Result<Options, Error>> {
    let num = |k: &str, d: f64| -> Result<f64> {
        let v: Value<'_> = o.get(k)?;
        Ok(v.as_number().unwrap_or(d))
    };
    let dictionary: Value<'_> = o.get("dictionary")?;
    let dictionary = if dictionary.is_undefined() || dictionary.is_null() {
        None
    } else {
        Some(Bytes::from(bytes_of(&dictionary)?))
    };
    let chunk_size = num("chunkSize", 16384.0)? as usize;
    let max_output_length = num("maxOutputLength", (1u64 << 32) as f64)? as usize;
    let m = mode(num("mode", 0.0)? as i32).unwrap_or(Mode::Deflate);
    let fl = match (
        flush(m, num("flush", 0.0)? as i32),
        flush(
            m,
            num("finishFlush", if is_brotli(m) { 2.0 } else { 4.0 })? as i32,
        ),
    ) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return Ok(Err(e)),
    };
    let zlib = ZlibOptions {
        flush: fl.0,
        finish_flush: fl.1,
        chunk_size,
        window_bits: num("windowBits", 15.0)? as u8,
        level: num("level", -1.0)? as i32,
        mem_level: num("memLevel", 8.0)? as u8,
        strategy: strategy(num("strategy", 0.0)? as i32),
        dictionary,
        max_output_length,
    };
    let mut brotli = BrotliOptions {
        chunk_size,
        flush: fl.0,
        finish_flush: fl.1,
        max_output_length,
        ..Default::default()
    };
    // [[BROTLI_PARAM_*, value], …]
    let params: Value<'_> = o.get("params")?;
    if let Some(params) = params.as_array() {
        for pair in params.iter::<Array<'_>>() {
            let pair = pair?;
            let (k, v): (i32, f64) = (pair.get(0)?, pair.get(1)?);
            let v = v as i64 as u32;
            match k {
                0 => {
                    brotli.mode = match v {
                        1 => BrotliMode::Text,
                        2 => BrotliMode::Font,
                        _ => BrotliMode::Generic,
                    }
                }
                1 => brotli.quality = v,
                2 => brotli.lgwin = v,
                3 => brotli.lgblock = v,
                4 => brotli.disable_literal_context_modeling = v != 0,
                5 => brotli.size_hint = v as usize,
                6 => brotli.large_window = v != 0,
                // The Rust encoder picks its own distance coding: only the default 0.
                7 | 8 if v == 0 => {}
                _ => {
                    return Ok(Err(not_implemented(
                        "zlib BROTLI_PARAM_NPOSTFIX/BROTLI_PARAM_NDIRECT other than 0",
                    )))
                }
            }
        }
    }
    Ok(Ok(Options { zlib, brotli }))
}

/// `[code, errno, message, class]` for zlib.js to shape.
fn error_value<'js>(ctx: &Ctx<'js>, e: &Error) -> Result<Value<'js>> {
    let a = Array::new(ctx.clone())?;
    a.set(0, e.code())?;
    a.set(1, e.errno())?;
    a.set(2, e.message())?;
    a.set(3, e.class().name())?;
    Ok(a.into_value())
}

fn chunks_value<'js>(ctx: &Ctx<'js>, chunks: Vec<Bytes>) -> Result<Value<'js>> {
    let a = Array::new(ctx.clone())?;
    for (i, c) in chunks.into_iter().enumerate() {
        a.set(i, TypedArray::<u8>::new(ctx.clone(), c.to_vec())?)?;
    }
    Ok(a.into_value())
}

/// `[err, value]` for a sync call.
fn pair<'js>(ctx: &Ctx<'js>, r: std::result::Result<Value<'js>, Error>) -> Result<Value<'js>> {
    let a = Array::new(ctx.clone())?;
    match r {
        Ok(v) => {
            a.set(0, Value::new_null(ctx.clone()))?;
            a.set(1, v)?;
        }
        Err(e) => a.set(0, error_value(ctx, &e)?)?,
    }
    Ok(a.into_value())
}

/// Runs `work` on the blocking pool; `zlibComplete(id, err, value)` gets its outcome in
/// the poll phase, after `after` has taken back what the work owned.
fn submit<T: Send + 'static>(
    id: u32,
    work: impl FnOnce() -> T + Send + 'static,
    after: impl for<'js> FnOnce(&Ctx<'js>, T) -> Result<(Value<'js>, Value<'js>)> + 'static,
) {
    let Some(h) = LoopHandle::current() else {
        return;
    };
    let fut = async move { tokio::task::spawn_blocking(work).await };
    h.spawn_io(fut, move |out| {
        with_hooks(move |ctx, hooks| {
            let done: Function<'_> = hooks.get("zlibComplete")?;
            match out {
                Ok(v) => {
                    let (err, value) = after(ctx, v)?;
                    done.call((id, err, value))
                }
                Err(_) => {
                    let e = Error::not_implemented("zlib work that panicked");
                    done.call((id, error_value(ctx, &e)?))
                }
            }
        })
    });
}

fn one_shot(m: Mode, input: &[u8], o: &Options) -> std::result::Result<Vec<u8>, Error> {
    match m {
        Mode::Deflate => zlib::deflate_sync(input, &o.zlib),
        Mode::Inflate => zlib::inflate_sync(input, &o.zlib),
        Mode::Gzip => zlib::gzip_sync(input, &o.zlib),
        Mode::Gunzip => zlib::gunzip_sync(input, &o.zlib),
        Mode::DeflateRaw => zlib::deflate_raw_sync(input, &o.zlib),
        Mode::InflateRaw => zlib::inflate_raw_sync(input, &o.zlib),
        Mode::Unzip => zlib::unzip_sync(input, &o.zlib),
        Mode::BrotliEncode => zlib::brotli_compress_sync(input, &o.brotli),
        Mode::BrotliDecode => zlib::brotli_decompress_sync(input, &o.brotli),
    }
}

fn result_pair<'js>(
    ctx: &Ctx<'js>,
    r: std::result::Result<Value<'js>, Error>,
) -> Result<(Value<'js>, Value<'js>)> {
    Ok(match r {
        Ok(v) => (Value::new_undefined(ctx.clone()), v),
        Err(e) => (error_value(ctx, &e)?, Value::new_undefined(ctx.clone())),
    })
}

fn bad_mode(ctx: &Ctx<'_>) -> rquickjs::Error {
    rquickjs::Exception::throw_internal(ctx, "nrt: unknown zlib mode")
}

/// Builds the `zlib` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    macro_rules! export {
        ($name:literal, $f:expr) => {
            o.set($name, Function::new(ctx.clone(), $f)?.with_name($name)?)?;
        };
    }
    // oneShot(req, opts, data) -> [err, Uint8Array] now (req < 0) or through zlibComplete.
    export!("oneShot", |ctx: Ctx<'js>,
                        req: i32,
                        opts: Object<'js>,
                        input: Value<'js>| {
        guard(&ctx, || {
            let m = mode(opts.get::<_, f64>("mode")? as i32).ok_or_else(|| bad_mode(&ctx))?;
            let o = options(&opts)?;
            let input = bytes_of(&input)?;
            let o = match o {
                Ok(o) => o,
                Err(e) if req < 0 => return pair(&ctx, Err(e)),
                Err(e) => {
                    submit(
                        req as u32,
                        move || Err(e),
                        |ctx, r: std::result::Result<Vec<u8>, Error>| {
                            result_pair(ctx, r.map(|_| Value::new_undefined(ctx.clone())))
                        },
                    );
                    return Ok(Value::new_undefined(ctx.clone()));
                }
            };
            if req < 0 {
                let r = one_shot(m, &input, &o);
                let r = match r {
                    Ok(v) => Ok(TypedArray::<u8>::new(ctx.clone(), v)?.into_value()),
                    Err(e) => Err(e),
                };
                return pair(&ctx, r);
            }
            submit(
                req as u32,
                move || one_shot(m, &input, &o),
                |ctx, r| {
                    let r = match r {
                        Ok(v) => Ok(TypedArray::<u8>::new(ctx.clone(), v)?.into_value()),
                        Err(e) => Err(e),
                    };
                    result_pair(ctx, r)
                },
            );
            Ok(Value::new_undefined(ctx.clone()))
        })
    });
    // create(opts) -> [err, handle id]
    export!("create", |ctx: Ctx<'js>, opts: Object<'js>| {
        guard(&ctx, || {
            let m = mode(opts.get::<_, f64>("mode")? as i32).ok_or_else(|| bad_mode(&ctx))?;
            let p = options(&opts)?.and_then(|o| {
                if is_brotli(m) {
                    Processor::new_brotli(m == Mode::BrotliEncode, &o.brotli)
                } else {
                    Processor::new(m, &o.zlib)
                }
            });
            let r = p.map(|p| {
                let id = NEXT_HANDLE.with(|n| n.replace(n.get().wrapping_add(1).max(1)));
                HANDLES.with(|h| {
                    h.borrow_mut().insert(
                        id,
                        Slot {
                            processor: Some(Box::new(p)),
                            closed: false,
                        },
                    )
                });
                Value::new_number(ctx.clone(), id.into())
            });
            pair(&ctx, r)
        })
    });
    // write(req, handle, data, flush) -> [err, chunks] now (req < 0) or through
    // zlibComplete(req, err, chunks).
    export!("write", |ctx: Ctx<'js>,
                      req: i32,
                      id: u32,
                      input: Value<'js>,
                      fl: i32| {
        guard(&ctx, || {
            let input = bytes_of(&input)?;
            let taken =
                HANDLES.with(|h| h.borrow_mut().get_mut(&id).and_then(|s| s.processor.take()));
            let Some(mut p) = taken else {
                return Err(rquickjs::Exception::throw_internal(
                    &ctx,
                    "nrt: zlib handle is closed or busy",
                ));
            };
            let m = p.mode();
            let f = flush(m, fl);
            if req < 0 {
                let r = f.and_then(|f| p.write(&input, f));
                put_back(id, p);
                let r = match r {
                    Ok(c) => Ok(chunks_value(&ctx, c)?),
                    Err(e) => Err(e),
                };
                return pair(&ctx, r);
            }
            submit(
                req as u32,
                move || {
                    let r = f.and_then(|f| p.write(&input, f));
                    (p, r)
                },
                move |ctx, (p, r)| {
                    put_back(id, p);
                    let r = match r {
                        Ok(c) => Ok(chunks_value(ctx, c)?),
                        Err(e) => Err(e),
                    };
                    result_pair(ctx, r)
                },
            );
            Ok(Value::new_undefined(ctx.clone()))
        })
    });
    // params(handle, level, strategy) -> [err, chunks]
    export!("params", |ctx: Ctx<'js>, id: u32, level: i32, st: i32| {
        guard(&ctx, || {
            let r = with_processor(id, |p| p.params(level, strategy(st)));
            let r = match r {
                Some(Ok(c)) => Ok(chunks_value(&ctx, c)?),
                Some(Err(e)) => Err(e),
                None => Ok(Value::new_undefined(ctx.clone())),
            };
            pair(&ctx, r)
        })
    });
    // reset(handle) -> [err]
    export!("reset", |ctx: Ctx<'js>, id: u32| {
        guard(&ctx, || {
            let r = with_processor(id, |p| p.reset());
            let r = match r {
                Some(Err(e)) => Err(e),
                _ => Ok(Value::new_undefined(ctx.clone())),
            };
            pair(&ctx, r)
        })
    });
    export!("close", |id: u32| {
        HANDLES.with(|h| {
            let mut h = h.borrow_mut();
            match h.get_mut(&id) {
                // A write in flight drops the processor when it comes back.
                Some(s) if s.processor.is_none() => s.closed = true,
                Some(_) => {
                    h.remove(&id);
                }
                None => {}
            }
        });
    });
    export!("crc32", |ctx: Ctx<'js>, input: Value<'js>, value: f64| {
        guard(&ctx, || {
            Ok(f64::from(zlib::crc32(&bytes_of(&input)?, value as u32)))
        })
    });
    Ok(o)
}

fn with_processor<T>(id: u32, f: impl FnOnce(&mut Processor) -> T) -> Option<T> {
    HANDLES.with(|h| {
        h.borrow_mut()
            .get_mut(&id)
            .and_then(|s| s.processor.as_mut())
            .map(|p| f(p))
    })
}

fn put_back(id: u32, p: Box<Processor>) {
    HANDLES.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(s) = h.get_mut(&id) {
            if s.closed {
                h.remove(&id);
            } else {
                s.processor = Some(p);
            }
        }
    });
}
