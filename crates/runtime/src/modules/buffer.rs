//! Native side of `buffer`: node-stdlib's encodings, search, fill, compare and swap run on
//! the bytes of a `Uint8Array` (a Buffer) in place. Strings cross once, as the engine's
//! WTF-8 (or UTF-16 for utf16le); argument validation and dispatch live in buffer.js.

use node_stdlib::buffer::{self as sb, Encoding, FillValue, SearchValue};
use rquickjs::{ArrayBuffer, Ctx, Function, Object, Result, Value};

use super::throw_node;
use crate::host::guard;

/// buffer.js passes encodings as these numbers (its `encodingCode`).
fn encoding(code: i32) -> Encoding {
    match code {
        1 => Encoding::Utf16le,
        2 => Encoding::Latin1,
        3 => Encoding::Ascii,
        4 => Encoding::Base64,
        5 => Encoding::Base64url,
        6 => Encoding::Hex,
        _ => Encoding::Utf8,
    }
}

fn not_uint8array(ctx: &Ctx<'_>) -> rquickjs::Error {
    rquickjs::Exception::throw_type(ctx, "argument must be a Uint8Array")
}

/// Runs `f` on the bytes of a `Uint8Array` view (any subclass, such as Buffer).
fn with_bytes<'js, R>(
    ctx: &Ctx<'js>,
    view: &Value<'js>,
    f: impl FnOnce(&mut [u8]) -> Result<R>,
) -> Result<R> {
    let mut len: rquickjs::qjs::size_t = 0;
    // SAFETY: `view` is a live value of this context. JS_GetUint8Array returns null for
    // anything but a Uint8Array, else a pointer to `len` bytes of its backing store. No JS
    // runs while `f` holds the slice (f only calls Rust), so the buffer can be neither
    // detached nor resized meanwhile; the slice does not escape `f`.
    let bytes = unsafe {
        let p = rquickjs::qjs::JS_GetUint8Array(ctx.as_raw().as_ptr(), &mut len, view.as_raw());
        if p.is_null() {
            // Drop the TypeError QuickJS raised; ours names the problem.
            drop(ctx.catch());
            return Err(not_uint8array(ctx));
        }
        std::slice::from_raw_parts_mut(p, len as usize)
    };
    f(bytes)
}

/// Runs `f` on a JS string's WTF-8 bytes (borrowed from the engine for ASCII strings).
fn with_wtf8<'js, R>(ctx: &Ctx<'js>, s: &Value<'js>, f: impl FnOnce(&[u8]) -> R) -> Result<R> {
    let raw = ctx.as_raw().as_ptr();
    let mut len: rquickjs::qjs::size_t = 0;
    // SAFETY: JS_ToCStringLen2 returns a NUL-terminated buffer of `len` bytes owned by the
    // engine (or null with an exception pending); it stays valid until JS_FreeCString,
    // which runs once after `f` returns. No JS runs meanwhile.
    unsafe {
        let p = rquickjs::qjs::JS_ToCStringLen2(raw, &mut len, s.as_raw(), false);
        if p.is_null() {
            return Err(rquickjs::Error::Exception);
        }
        let r = f(std::slice::from_raw_parts(p.cast::<u8>(), len as usize));
        rquickjs::qjs::JS_FreeCString(raw, p);
        Ok(r)
    }
}

/// Runs `f` on a JS string as UTF-8 (lone surrogates as U+FFFD, as node writes them).
pub(crate) fn with_utf8<'js, R>(
    ctx: &Ctx<'js>,
    s: &Value<'js>,
    f: impl FnOnce(&[u8]) -> R,
) -> Result<R> {
    with_wtf8(ctx, s, |wtf8| f(&sb::from_wtf8(wtf8, Encoding::Utf8)))
}

/// Runs `f` on a JS string's UTF-16 code units.
fn with_utf16<'js, R>(ctx: &Ctx<'js>, s: &Value<'js>, f: impl FnOnce(&[u16]) -> R) -> Result<R> {
    let raw = ctx.as_raw().as_ptr();
    let mut len: rquickjs::qjs::size_t = 0;
    // SAFETY: as in `with_wtf8`, for JS_ToCStringLenUTF16 / JS_FreeCStringUTF16.
    unsafe {
        let p = rquickjs::qjs::JS_ToCStringLenUTF16(raw, &mut len, s.as_raw());
        if p.is_null() {
            return Err(rquickjs::Error::Exception);
        }
        let r = f(std::slice::from_raw_parts(p, len as usize));
        rquickjs::qjs::JS_FreeCStringUTF16(raw, p);
        Ok(r)
    }
}

/// Runs `f` on a string encoded with `enc`.
fn with_encoded<'js, R>(
    ctx: &Ctx<'js>,
    s: &Value<'js>,
    enc: Encoding,
    f: impl FnOnce(&[u8]) -> R,
) -> Result<R> {
    if enc == Encoding::Utf16le {
        return with_utf16(ctx, s, |units| {
            f(&sb::from_utf16_units(units, Encoding::Utf16le))
        });
    }
    with_wtf8(ctx, s, |wtf8| f(&sb::from_wtf8(wtf8, enc)))
}

/// A JS string from UTF-16 code units (which may hold lone surrogates).
fn js_string_utf16<'js>(ctx: &Ctx<'js>, units: &[u16]) -> Result<Value<'js>> {
    // SAFETY: `units` is valid for `units.len()` code units during the call; QuickJS copies
    // them and returns an owned value (or an exception), handed to rquickjs once.
    unsafe {
        let v = rquickjs::qjs::JS_NewStringUTF16(
            ctx.as_raw().as_ptr(),
            units.as_ptr(),
            units.len() as _,
        );
        if rquickjs::qjs::JS_IsException(v) {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Value::from_raw(ctx.clone(), v))
    }
}

/// `bytes[start..end]` with the bounds clamped (buffer.js validated them already).
fn range(bytes: &mut [u8], start: f64, end: f64) -> &mut [u8] {
    let end = (end.max(0.0) as usize).min(bytes.len());
    let start = (start.max(0.0) as usize).min(end);
    &mut bytes[start..end]
}

/// Builds the `buffer` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    // byteLengthUtf8(string): WTF-8 and UTF-8 lengths agree (a lone surrogate and U+FFFD
    // both take three bytes).
    o.set(
        "byteLengthUtf8",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, s: Value<'js>| {
            guard(&ctx, || with_wtf8(&ctx, &s, |b| b.len() as f64))
        })?,
    )?;
    // fromString(string, enc) -> ArrayBuffer holding the encoded bytes.
    o.set(
        "fromString",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, s: Value<'js>, enc: i32| {
            guard(&ctx, || {
                let bytes = with_encoded(&ctx, &s, encoding(enc), <[u8]>::to_vec)?;
                ArrayBuffer::new(ctx.clone(), bytes)
            })
        })?,
    )?;
    // toString(view, enc, start, end)
    o.set(
        "toString",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, view: Value<'js>, enc: i32, start: f64, end: f64| {
                guard(&ctx, || {
                    let s = with_bytes(&ctx, &view, |b| {
                        let r = range(b, start, end);
                        // The string is built after the borrow ends (allocation may run GC).
                        Ok(match encoding(enc) {
                            Encoding::Utf16le => Err(sb::to_utf16_units(r, Encoding::Utf16le)),
                            Encoding::Utf8 => Ok(String::from_utf8_lossy(r).into_owned()),
                            e => Ok(sb::to_string(r, e)),
                        })
                    })?;
                    match s {
                        Ok(s) => {
                            rquickjs::String::from_str(ctx.clone(), &s).map(|s| s.into_value())
                        }
                        Err(units) => js_string_utf16(&ctx, &units),
                    }
                })
            },
        )?,
    )?;
    // write(view, string, offset, length, enc) -> bytes written
    o.set(
        "write",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, view: Value<'js>, s: Value<'js>, offset: f64, length: f64, enc: i32| {
                guard(&ctx, || {
                    let enc = encoding(enc);
                    let encoded = with_encoded(&ctx, &s, enc, |b| b.to_vec())?;
                    with_bytes(&ctx, &view, |b| {
                        let dst = range(b, offset, offset + length);
                        let n = sb::write_len(&encoded, dst.len(), enc);
                        dst[..n].copy_from_slice(&encoded[..n]);
                        Ok(n as f64)
                    })
                })
            },
        )?,
    )?;
    // fill(view, value: string | Uint8Array, start, end, enc) -> false when a non-empty
    // range would be filled with a pattern that encodes to no bytes (buffer.js throws).
    o.set(
        "fill",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, view: Value<'js>, value: Value<'js>, start: f64, end: f64, enc: i32| {
                guard(&ctx, || {
                    let enc = encoding(enc);
                    let pattern = if value.is_string() {
                        with_encoded(&ctx, &value, enc, <[u8]>::to_vec)?
                    } else {
                        // The pattern may share memory with the target: copy it first.
                        with_bytes(&ctx, &value, |p| Ok(p.to_vec()))?
                    };
                    with_bytes(&ctx, &view, |b| {
                        let dst = range(b, start, end);
                        if dst.is_empty() {
                            return Ok(true);
                        }
                        if pattern.is_empty() {
                            return Ok(false);
                        }
                        Ok(sb::fill(dst, FillValue::Bytes(&pattern), enc).is_ok())
                    })
                })
            },
        )?,
    )?;
    // indexOf(view, value: string | Uint8Array | number, byteOffset, enc, forward) -> index or -1
    o.set(
        "indexOf",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             view: Value<'js>,
             value: Value<'js>,
             byte_offset: f64,
             enc: i32,
             forward: bool| {
                guard(&ctx, || {
                    let enc = encoding(enc);
                    let search = |b: &[u8], v: SearchValue<'_>| {
                        let r = if forward {
                            sb::index_of(b, v, byte_offset, enc)
                        } else {
                            sb::last_index_of(b, v, byte_offset, enc)
                        };
                        r.map_or(-1.0, |i| i as f64)
                    };
                    if let Some(n) = value.as_number() {
                        return with_bytes(&ctx, &view, |b| {
                            Ok(search(b, SearchValue::Byte(n as i64 as u8)))
                        });
                    }
                    let needle = if value.is_string() {
                        with_encoded(&ctx, &value, enc, <[u8]>::to_vec)?
                    } else {
                        with_bytes(&ctx, &value, |p| Ok(p.to_vec()))?
                    };
                    // A string needle is searched as its encoded bytes; for utf16le the
                    // haystack is cut to whole code units (as node does for strings).
                    let is_string = value.is_string();
                    with_bytes(&ctx, &view, |b| {
                        if is_string && enc == Encoding::Utf16le {
                            let whole = b.len() & !1;
                            return Ok(search(&b[..whole], SearchValue::Bytes(&needle)));
                        }
                        Ok(search(b, SearchValue::Bytes(&needle)))
                    })
                })
            },
        )?,
    )?;
    // compare(a, aStart, aEnd, b, bStart, bEnd) -> -1 | 0 | 1
    o.set(
        "compare",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             a: Value<'js>,
             a_start: f64,
             a_end: f64,
             b: Value<'js>,
             b_start: f64,
             b_end: f64| {
                guard(&ctx, || {
                    // The two views may share memory: copy one side's range first.
                    let left = with_bytes(&ctx, &a, |x| Ok(range(x, a_start, a_end).to_vec()))?;
                    with_bytes(&ctx, &b, |y| {
                        Ok(sb::compare(&left, range(y, b_start, b_end)))
                    })
                })
            },
        )?,
    )?;
    // equals(a, b): same length checked in JS.
    o.set(
        "equals",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, a: Value<'js>, b: Value<'js>| {
                guard(&ctx, || {
                    let left = with_bytes(&ctx, &a, |x| Ok(x.to_vec()))?;
                    with_bytes(&ctx, &b, |y| Ok(left == y))
                })
            },
        )?,
    )?;
    // swap(view, width: 2 | 4 | 8); sizes were checked in JS.
    o.set(
        "swap",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, view: Value<'js>, width: i32| {
                guard(&ctx, || {
                    let r = with_bytes(&ctx, &view, |b| {
                        Ok(match width {
                            2 => sb::swap16(b),
                            4 => sb::swap32(b),
                            _ => sb::swap64(b),
                        })
                    })?;
                    r.map_err(|e| throw_node(&ctx, e))
                })
            },
        )?,
    )?;
    o.set(
        "isUtf8",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, view: Value<'js>| {
            guard(&ctx, || with_bytes(&ctx, &view, |b| Ok(sb::is_utf8(b))))
        })?,
    )?;
    o.set(
        "isAscii",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, view: Value<'js>| {
            guard(&ctx, || with_bytes(&ctx, &view, |b| Ok(sb::is_ascii(b))))
        })?,
    )?;
    Ok(o)
}
