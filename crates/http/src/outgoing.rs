//! Staged outgoing headers and the head serialiser shared by responses and requests
//! (Node's `OutgoingMessage`, lib/_http_outgoing.js `_storeHeader`).

use bytes::BytesMut;

use crate::errors::Result;
use crate::headers::HeaderValue;
use crate::validate::{has_invalid_header_char, invalid_char, invalid_token, is_token};

/// Headers set with `setHeader`/`appendHeader`, in insertion order, names as given.
#[derive(Debug, Clone, Default)]
pub(crate) struct OutgoingHeaders {
    entries: Vec<(String, HeaderValue)>,
}

pub(crate) fn check_header(name: &str, value: &HeaderValue) -> Result<()> {
    if !is_token(name) {
        return Err(invalid_token("Header name", name));
    }
    if value.values().iter().any(|v| has_invalid_header_char(v)) {
        return Err(invalid_char("header content", name));
    }
    Ok(())
}

impl OutgoingHeaders {
    fn pos(&self, name: &str) -> Option<usize> {
        self.entries
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case(name))
    }

    pub(crate) fn set(&mut self, name: &str, value: HeaderValue) -> Result<()> {
        check_header(name, &value)?;
        match self.pos(name) {
            Some(i) => self.entries[i] = (name.to_owned(), value),
            None => self.entries.push((name.to_owned(), value)),
        }
        Ok(())
    }

    pub(crate) fn append(&mut self, name: &str, value: HeaderValue) -> Result<()> {
        check_header(name, &value)?;
        match self.pos(name) {
            Some(i) => {
                let mut all = self.entries[i].1.to_vec();
                all.extend(value.to_vec());
                self.entries[i].1 = HeaderValue::Many(all);
            }
            None => self.entries.push((name.to_owned(), value)),
        }
        Ok(())
    }

    pub(crate) fn get(&self, name: &str) -> Option<&HeaderValue> {
        self.pos(name).map(|i| &self.entries[i].1)
    }

    pub(crate) fn remove(&mut self, name: &str) {
        if let Some(i) = self.pos(name) {
            self.entries.remove(i);
        }
    }

    pub(crate) fn names(&self) -> Vec<String> {
        self.entries
            .iter()
            .map(|(n, _)| n.to_ascii_lowercase())
            .collect()
    }

    pub(crate) fn raw_names(&self) -> Vec<String> {
        self.entries.iter().map(|(n, _)| n.clone()).collect()
    }

    pub(crate) fn to_map(&self) -> Vec<(String, HeaderValue)> {
        self.entries
            .iter()
            .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
            .collect()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// What the serialiser needs to know about the message.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HeadCtx {
    pub(crate) send_date: bool,
    pub(crate) should_keep_alive: bool,
    /// `Keep-Alive: timeout=N` (server default keep-alive only).
    pub(crate) keep_alive_timeout_secs: Option<u64>,
    pub(crate) use_chunked_by_default: bool,
    pub(crate) has_body: bool,
    pub(crate) content_length: Option<u64>,
    /// Client requests through an agent always announce keep-alive or close.
    pub(crate) agent: bool,
    pub(crate) has_trailer_header: bool,
}

/// What the serialiser decided.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct HeadOut {
    pub(crate) chunked: bool,
    /// Close the connection after this message (Node's `_last`).
    pub(crate) last: bool,
    /// The head says `Connection: close`.
    pub(crate) conn_close: bool,
}

fn contains_token(v: &str, token: &str) -> bool {
    // Node's /(?:^|\W)close(?:$|\W)/i and /(?:^|\W)chunked(?:$|\W)/i.
    v.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|w| w.eq_ignore_ascii_case(token))
}

/// Serialises `first_line` and the headers, adding Date, Connection, Keep-Alive and
/// Content-Length/Transfer-Encoding as Node's `_storeHeader` does.
pub(crate) fn store_header(
    out: &mut BytesMut,
    first_line: &[u8],
    headers: &OutgoingHeaders,
    ctx: HeadCtx,
) -> HeadOut {
    out.extend_from_slice(first_line);
    let mut res = HeadOut::default();
    let (mut has_conn, mut has_cl, mut has_te, mut has_date) = (false, false, false, false);
    let mut keep_alive = ctx.should_keep_alive;
    for (name, value) in &headers.entries {
        for v in value.values() {
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b": ");
            out.extend_from_slice(&latin1_bytes(v));
            out.extend_from_slice(b"\r\n");
        }
        let v = || value.values().join(", ");
        if name.eq_ignore_ascii_case("connection") {
            let v = v();
            has_conn = true;
            if contains_token(&v, "close") {
                res.last = true;
                res.conn_close = true;
            } else {
                keep_alive = true;
            }
        } else if name.eq_ignore_ascii_case("content-length") {
            has_cl = true;
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            has_te = true;
            res.chunked = contains_token(&v(), "chunked");
        } else if name.eq_ignore_ascii_case("date") {
            has_date = true;
        }
    }
    if !has_date && ctx.send_date {
        out.extend_from_slice(b"Date: ");
        crate::date::push_date(out);
        out.extend_from_slice(b"\r\n");
    }
    if !has_conn {
        let send_ka = keep_alive
            && (has_cl || ctx.content_length.is_some() || ctx.use_chunked_by_default || ctx.agent);
        if send_ka {
            out.extend_from_slice(b"Connection: keep-alive\r\n");
            if let Some(t) = ctx.keep_alive_timeout_secs {
                out.extend_from_slice(b"Keep-Alive: timeout=");
                push_u64(out, t);
                out.extend_from_slice(b"\r\n");
            }
        } else {
            res.last = true;
            res.conn_close = true;
            out.extend_from_slice(b"Connection: close\r\n");
        }
    }
    if !has_cl && !has_te {
        if !ctx.has_body {
            res.chunked = false;
        } else if !ctx.use_chunked_by_default {
            res.last = true;
        } else if let (false, Some(n)) = (ctx.has_trailer_header, ctx.content_length) {
            out.extend_from_slice(b"Content-Length: ");
            push_u64(out, n);
            out.extend_from_slice(b"\r\n");
        } else {
            out.extend_from_slice(b"Transfer-Encoding: chunked\r\n");
            res.chunked = true;
        }
    }
    out.extend_from_slice(b"\r\n");
    res
}

/// Appends `n` in decimal without allocating.
pub(crate) fn push_u64(out: &mut BytesMut, mut n: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&tmp[i..]);
}

/// Node writes header strings as latin1.
pub(crate) fn latin1_bytes(s: &str) -> std::borrow::Cow<'_, [u8]> {
    if s.is_ascii() {
        std::borrow::Cow::Borrowed(s.as_bytes())
    } else {
        std::borrow::Cow::Owned(s.chars().map(|c| c as u32 as u8).collect())
    }
}

/// Serialises trailers (`name: value\r\n` lines) after checking them as Node's
/// `addTrailers` does.
pub(crate) fn trailers_bytes(trailers: &[(String, String)]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for (name, value) in trailers {
        if !is_token(name) {
            return Err(invalid_token("Trailer name", name));
        }
        if has_invalid_header_char(value) {
            return Err(invalid_char("trailer content", name));
        }
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(b": ");
        out.extend_from_slice(&latin1_bytes(value));
        out.extend_from_slice(b"\r\n");
    }
    Ok(out)
}
