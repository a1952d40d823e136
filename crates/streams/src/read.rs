//! The readable algorithm of Node's `lib/internal/streams/readable.js`: `push`, `read`,
//! `'readable'`, flowing mode and the end of the stream, over [`Shared`].

use std::rc::Rc;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use node_core::NodeError;

use crate::chunk::Chunk;
use crate::core::{RState, Shared};
use crate::errors;
use crate::events::StreamEvent;

/// Node's `computeNewHighWaterMark`: the next power of two, capped at 1 GiB.
fn compute_new_hwm(n: usize) -> usize {
    const MAX: usize = 1 << 30;
    if n >= MAX {
        MAX
    } else {
        n.next_power_of_two()
    }
}

/// Node's `howMuchToRead`; `None` is `read()` with no argument (NaN).
fn how_much_to_read(n: Option<usize>, r: &RState) -> usize {
    match n {
        Some(0) => 0,
        _ if r.length == 0 && r.ended => 0,
        _ if r.object_mode => 1,
        None => {
            if r.flowing == Some(true) && r.length > 0 {
                r.buffer.front().map_or(0, Chunk::byte_len)
            } else {
                r.length
            }
        }
        Some(n) if n <= r.length => n,
        Some(_) => {
            if r.ended {
                r.length
            } else {
                0
            }
        }
    }
}

/// Node's `fromList`: takes `n` units off the buffer (everything for `n >= length`).
fn from_list(n: usize, r: &mut RState) -> Option<Chunk> {
    if r.length == 0 {
        return None;
    }
    if r.object_mode {
        return r.buffer.pop_front();
    }
    if n >= r.length && r.buffer.len() == 1 {
        return r.buffer.pop_front();
    }
    if r.decoder.is_some() {
        let mut s = String::new();
        let mut want = n.min(r.length);
        while want > 0 {
            let Some(Chunk::Str(front)) = r.buffer.pop_front() else {
                break;
            };
            if front.len() <= want {
                want -= front.len();
                s.push_str(&front);
            } else {
                let mut cut = want;
                while !front.is_char_boundary(cut) {
                    cut += 1;
                }
                s.push_str(&front[..cut]);
                r.buffer.push_front(Chunk::Str(front[cut..].into()));
                want = 0;
            }
        }
        return Some(Chunk::Str(s.into()));
    }
    let n = n.min(r.length);
    if let Some(Chunk::Bytes(front)) = r.buffer.front_mut() {
        if n < front.len() {
            return Some(Chunk::Bytes(front.split_to(n)));
        }
        if n == front.len() {
            return r.buffer.pop_front();
        }
    }
    let mut out = BytesMut::with_capacity(n);
    while out.len() < n {
        let Some(Chunk::Bytes(mut front)) = r.buffer.pop_front() else {
            break;
        };
        let need = n - out.len();
        if front.len() > need {
            out.extend_from_slice(&front.split_to(need));
            r.buffer.push_front(Chunk::Bytes(front));
        } else {
            out.extend_from_slice(&front);
        }
    }
    Some(Chunk::Bytes(out.freeze()))
}

impl Shared {
    /// Node's `readableAddChunk`: `push(chunk)`, `push(null)` (`None`) and `unshift`.
    pub(crate) fn add_chunk(self: &Rc<Self>, chunk: Option<Chunk>, front: bool) -> bool {
        let mut st = self.st.borrow_mut();
        let destroyed = st.life.destroyed || st.life.errored.is_some();
        let Some(r) = st.r.as_mut() else {
            return false;
        };
        let Some(mut chunk) = chunk else {
            r.reading = false;
            drop(st);
            self.on_eof_chunk();
            return self.push_result();
        };
        if !r.object_mode {
            match chunk {
                Chunk::Value(_) => {
                    drop(st);
                    self.error_or_destroy(errors::invalid_chunk(false), false);
                    return false;
                }
                Chunk::Str(ref s) if r.decoder.is_none() => {
                    chunk = Chunk::Bytes(Bytes::copy_from_slice(s.as_bytes()));
                }
                _ => {}
            }
        }
        if !r.object_mode && chunk.byte_len() == 0 {
            if !front {
                r.reading = false;
                drop(st);
                self.maybe_read_more();
            }
            return self.push_result();
        }
        if front {
            if r.end_emitted {
                drop(st);
                self.error_or_destroy(errors::unshift_after_end(), false);
                return false;
            }
            if destroyed {
                return false;
            }
        } else if r.ended {
            drop(st);
            self.error_or_destroy(errors::push_after_eof(), false);
            return false;
        } else if destroyed {
            return false;
        } else {
            r.reading = false;
            if let (Some(dec), Chunk::Bytes(b)) = (r.decoder.as_mut(), &chunk) {
                let s = dec.write(b);
                if s.is_empty() {
                    drop(st);
                    self.maybe_read_more();
                    return self.push_result();
                }
                chunk = Chunk::Str(s.into());
            }
        }
        drop(st);
        self.add_chunk_inner(chunk, front);
        self.push_result()
    }

    fn push_result(&self) -> bool {
        let st = self.st.borrow();
        st.r.as_ref()
            .is_some_and(|r| !r.ended && (r.length < r.hwm || r.length == 0))
    }

    /// Node's `addChunk`.
    fn add_chunk_inner(self: &Rc<Self>, chunk: Chunk, front: bool) {
        let mut st = self.st.borrow_mut();
        let Some(r) = st.r.as_mut() else { return };
        if r.flowing == Some(true) && r.length == 0 && !r.sync && self.has_data_listeners() {
            r.await_drain = 0;
            r.data_emitted = true;
            drop(st);
            self.emit(StreamEvent::Data(chunk));
        } else {
            r.length += if r.object_mode { 1 } else { chunk.byte_len() };
            if front {
                r.buffer.push_front(chunk);
            } else {
                r.buffer.push_back(chunk);
            }
            let need = r.need_readable;
            drop(st);
            if need {
                self.emit_readable();
            }
        }
        self.maybe_read_more();
    }

    pub(crate) fn has_data_listeners(&self) -> bool {
        self.listeners("data") > 0 || self.hook_count("data") > 0
    }

    /// Node's `onEofChunk`.
    fn on_eof_chunk(self: &Rc<Self>) {
        let mut st = self.st.borrow_mut();
        let Some(r) = st.r.as_mut() else { return };
        if r.ended {
            return;
        }
        if let Some(dec) = r.decoder.as_mut() {
            let rest = dec.end();
            if !rest.is_empty() {
                r.length += rest.len();
                r.buffer.push_back(Chunk::Str(rest.into()));
            }
        }
        r.ended = true;
        if r.sync {
            drop(st);
            self.emit_readable();
        } else {
            r.need_readable = false;
            r.emitted_readable = true;
            drop(st);
            self.emit_readable_now();
        }
    }

    /// Node's `Readable.prototype.read(n)`.
    pub(crate) fn read(self: &Rc<Self>, n_orig: Option<usize>) -> Option<Chunk> {
        let mut st = self.st.borrow_mut();
        let (destroyed, errored) = (st.life.destroyed, st.life.errored.is_some());
        let constructed = st.life.constructed;
        let r = st.r.as_mut()?;
        if let Some(n) = n_orig {
            if n > r.hwm {
                r.hwm = compute_new_hwm(n);
            }
        }
        if n_orig != Some(0) {
            r.emitted_readable = false;
        }
        if n_orig == Some(0)
            && r.need_readable
            && ((if r.hwm != 0 {
                r.length >= r.hwm
            } else {
                r.length > 0
            }) || r.ended)
        {
            let end = r.length == 0 && r.ended;
            drop(st);
            if end {
                self.end_readable();
            } else {
                self.emit_readable();
            }
            return None;
        }
        let mut n = how_much_to_read(n_orig, r);
        if n == 0 && r.ended {
            let end = r.length == 0;
            drop(st);
            if end {
                self.end_readable();
            }
            return None;
        }
        let mut do_read = r.need_readable;
        if r.length == 0 || r.length - n < r.hwm {
            do_read = true;
        }
        if r.ended || r.reading || destroyed || errored || !constructed {
            do_read = false;
        }
        if do_read {
            r.reading = true;
            r.sync = true;
            if r.length == 0 {
                r.need_readable = true;
            }
            let hwm = r.hwm;
            drop(st);
            self.call_read(hwm);
            st = self.st.borrow_mut();
            let r = st.r.as_mut()?;
            r.sync = false;
            if !r.reading {
                n = how_much_to_read(n_orig, r);
            }
        }
        let life_ok = !st.life.error_emitted && !st.life.close_emitted;
        let r = st.r.as_mut()?;
        let ret = if n > 0 { from_list(n, r) } else { None };
        match &ret {
            None => {
                r.need_readable = r.length <= r.hwm;
                n = 0;
            }
            Some(c) => {
                r.length = r
                    .length
                    .saturating_sub(if r.object_mode { 1 } else { c.byte_len() });
                r.await_drain = 0;
            }
        }
        let mut end = false;
        if r.length == 0 {
            if !r.ended {
                r.need_readable = true;
            }
            end = n_orig != Some(n) && r.ended;
        }
        let emit = ret.is_some() && life_ok;
        if emit {
            r.data_emitted = true;
        }
        drop(st);
        if end {
            self.end_readable();
        }
        if let (true, Some(c)) = (emit, &ret) {
            self.emit(StreamEvent::Data(c.clone()));
        }
        ret
    }

    /// Node's `_read(size)`: polls the source once; a pending poll continues as a local
    /// future on the scheduler.
    fn call_read(self: &Rc<Self>, size: usize) {
        if !self.caps.source {
            // A Transform's readable side: `_read` releases a held write callback.
            if self.caps.transform {
                self.transform_read();
                return;
            }
            self.error_or_destroy(NodeError::method_not_implemented("_read()"), false);
            return;
        }
        let mut cx = Context::from_waker(futures::task::noop_waker_ref());
        match self.poll_source(&mut cx, size) {
            Poll::Ready(res) => self.on_pulled(res),
            Poll::Pending => {
                if self.caps.source_external {
                    return;
                }
                self.spawn_io(
                    move |s, cx| {
                        if s.is_destroyed() {
                            return Poll::Ready(None);
                        }
                        s.poll_source(cx, size).map(Some)
                    },
                    |s, res| s.on_pulled(res),
                );
            }
        }
    }

    fn poll_source(
        &self,
        cx: &mut Context<'_>,
        size: usize,
    ) -> Poll<Result<Option<Chunk>, NodeError>> {
        let Ok(mut src) = self.source.try_borrow_mut() else {
            return Poll::Pending;
        };
        match src.as_mut() {
            Some(s) => s.poll_pull(cx, size),
            None => Poll::Pending,
        }
    }

    fn on_pulled(self: &Rc<Self>, res: Result<Option<Chunk>, NodeError>) {
        match res {
            Ok(chunk) => {
                self.add_chunk(chunk, false);
            }
            Err(e) => self.error_or_destroy(e, false),
        }
    }
}
