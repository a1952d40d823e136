//! `data:` URLs: the Fetch standard's *data: URL processor* (mime type, percent-decoding,
//! forgiving base64).

use bytes::Bytes;

/// The MIME type (serialised) and body of a `data:` URL, or `None` when it is malformed.
pub(crate) fn parse(url: &url::Url) -> Option<(String, Bytes)> {
    let full = &url[..url::Position::AfterQuery];
    let input = full.get(5..)?;
    let (mime, encoded) = input.split_once(',')?;
    let mut mime = mime.trim_matches(is_ascii_ws).to_owned();
    let mut body: Vec<u8> = percent_encoding::percent_decode_str(encoded).collect();
    if let Some(stripped) = strip_base64_suffix(&mime) {
        body = forgiving_base64(&body)?;
        mime = stripped;
    }
    if mime.starts_with(';') {
        mime.insert_str(0, "text/plain");
    }
    let mime = serialize_mime(&mime).unwrap_or_else(|| "text/plain;charset=US-ASCII".to_owned());
    Some((mime, Bytes::from(body)))
}

fn is_ascii_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// `…;base64` (spaces allowed before the word, any case) without that suffix and its `;`.
fn strip_base64_suffix(mime: &str) -> Option<String> {
    let n = mime.len();
    if n < 6 || !mime.is_char_boundary(n - 6) || !mime[n - 6..].eq_ignore_ascii_case("base64") {
        return None;
    }
    let rest = mime[..n - 6].trim_end_matches(' ');
    rest.strip_suffix(';').map(str::to_owned)
}

/// The WHATWG *forgiving-base64 decode*.
pub(crate) fn forgiving_base64(input: &[u8]) -> Option<Vec<u8>> {
    let mut data: Vec<u8> = input
        .iter()
        .copied()
        .filter(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
        .collect();
    if data.len() % 4 == 0 {
        for _ in 0..2 {
            if data.last() == Some(&b'=') {
                data.pop();
            }
        }
    }
    if data.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in data {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// The WHATWG MIME type parser followed by its serialiser; `None` for an invalid type.
pub(crate) fn serialize_mime(input: &str) -> Option<String> {
    let input = input.trim_matches(is_ascii_ws);
    let mut parts = input.splitn(2, ';');
    let essence = parts.next().unwrap_or("");
    let (ty, sub) = essence.split_once('/')?;
    let sub = sub.trim_end_matches(is_ascii_ws);
    if !is_token(ty) || !is_token(sub) {
        return None;
    }
    let mut out = format!("{}/{}", ty.to_ascii_lowercase(), sub.to_ascii_lowercase());
    let mut seen: Vec<String> = Vec::new();
    let mut rest = parts.next().unwrap_or("");
    while !rest.is_empty() {
        rest = rest.trim_start_matches(is_ascii_ws);
        let end = rest.find([';', '=']).unwrap_or(rest.len());
        let name = rest[..end].to_ascii_lowercase();
        rest = &rest[end..];
        if let Some(r) = rest.strip_prefix(';') {
            rest = r;
            continue;
        }
        rest = rest.strip_prefix('=').unwrap_or(rest);
        let value;
        if let Some(r) = rest.strip_prefix('"') {
            let mut v = String::new();
            let mut chars = r.char_indices();
            let mut consumed = r.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some((_, n)) => v.push(n),
                        None => v.push('\\'),
                    },
                    '"' => {
                        consumed = i + 1;
                        break;
                    }
                    c => v.push(c),
                }
            }
            rest = &r[consumed..];
            rest = rest.find(';').map_or("", |i| &rest[i + 1..]);
            value = v;
        } else {
            let end = rest.find(';').unwrap_or(rest.len());
            value = rest[..end].trim_end_matches(is_ascii_ws).to_owned();
            rest = rest.get(end + 1..).unwrap_or("");
            if value.is_empty() {
                continue;
            }
        }
        let valid_value = value
            .chars()
            .all(|c| c == '\t' || (' '..='~').contains(&c) || ('\u{80}'..='\u{ff}').contains(&c));
        if is_token(&name) && valid_value && !seen.contains(&name) {
            out.push(';');
            out.push_str(&name);
            out.push('=');
            if is_token(&value) {
                out.push_str(&value);
            } else {
                out.push('"');
                for c in value.chars() {
                    if c == '"' || c == '\\' {
                        out.push('\\');
                    }
                    out.push(c);
                }
                out.push('"');
            }
            seen.push(name);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(s: &str) -> Option<(String, Bytes)> {
        parse(&url::Url::parse(s).unwrap())
    }

    #[test]
    fn plain_and_base64() {
        let (m, b) = data("data:,a%20b").unwrap();
        assert_eq!(
            (m.as_str(), &b[..]),
            ("text/plain;charset=US-ASCII", &b"a b"[..])
        );
        let (m, b) = data("data:text/HTML;Base64,aGk=").unwrap();
        assert_eq!((m.as_str(), &b[..]), ("text/html", &b"hi"[..]));
        let (m, _) = data("data:;charset=utf-8,x").unwrap();
        assert_eq!(m, "text/plain;charset=utf-8");
        assert!(data("data:;base64,a").is_none());
        assert!(data("data:text/plain").is_none());
    }

    #[test]
    fn base64_rules() {
        assert_eq!(forgiving_base64(b"aGk").unwrap(), b"hi");
        assert_eq!(forgiving_base64(b" aG k= ").unwrap(), b"hi");
        assert!(forgiving_base64(b"a===").is_none());
        assert!(forgiving_base64(b"a*bc").is_none());
    }

    #[test]
    fn mime_serialisation() {
        assert_eq!(
            serialize_mime("Text/Plain ; A=\"b c\"").unwrap(),
            "text/plain;a=\"b c\""
        );
        assert_eq!(serialize_mime("a/b;x=1;x=2").unwrap(), "a/b;x=1");
        assert!(serialize_mime("nope").is_none());
    }
}
