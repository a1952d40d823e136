// Records Buffer encoding/search/fill cases as a Rust test file (see README.md here).
const r = (s) => JSON.stringify(s).replace(/\\u([0-9a-fA-F]{4})/g, '\\u{$1}');
const units = (s) => `&[${Array.from({ length: s.length }, (_, i) => '0x' + s.charCodeAt(i).toString(16)).join(', ')}]`;
const hex = (b) => Buffer.from(b).toString('hex');
const encs = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
const rustEnc = { utf8: 'Utf8', utf16le: 'Utf16le', latin1: 'Latin1', ascii: 'Ascii', base64: 'Base64', base64url: 'Base64url', hex: 'Hex' };
const out = [];
out.push(`//! Buffer cases recorded from node ${process.version}; do not edit by hand.`);
out.push(`//! Regenerate: see crates/stdlib/tests/node/README.md.`);
out.push(`use node_stdlib::buffer::*;`);
out.push(`fn unhex(s: &str) -> Vec<u8> { from_string(s, Encoding::Hex) }`);
out.push(`fn le_hex(units: &[u16]) -> String { to_string(&units.iter().flat_map(|u| u.to_le_bytes()).collect::<Vec<u8>>(), Encoding::Hex) }`);

// Decoding: bytes -> string, recorded as the UTF-16 units of the JS string.
let seed = 42; const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const byteCases = ['', '00', '41', '80', 'ff', 'c0', 'c080', 'c1bf', 'c2', 'c241', 'e0', 'e080', 'e0a0', 'e0a041', 'eda080', 'eda080edb080', 'edbfbf', 'f0', 'f09f', 'f09f98', 'f09f9841', 'f4908080', 'f48fbfbf', 'f5', 'f8888080', 'fe', 'ff', 'efbbbf41', 'e282ac', 'f09f9880', '41c3', 'c3c3a9', 'e0a0c0', 'f08f8080', 'f0908080', '00d8', '00d861', '00dc00d8', '3dd800de', '010203', '0102030405', '68656c6c6f20776f726c64', 'fbff', 'fbffbf', 'fbffbfff'];
for (let n = 0; n < 12; n++) { const len = Math.floor(rnd() * 40); let s = ''; for (let i = 0; i < len; i++) s += Math.floor(rnd() * 256).toString(16).padStart(2, '0'); byteCases.push(s); }
out.push(`\n#[test]\nfn decode() {\n    let cases: &[(&str, Encoding, &str)] = &[`);
for (const c of byteCases) for (const e of encs) out.push(`        (${r(c)}, Encoding::${rustEnc[e]}, ${r(Buffer.from(Buffer.from(c, 'hex').toString(e), 'utf16le').toString('hex'))}),`);
out.push(`    ];\n    for (bytes, enc, want) in cases {\n        let units = to_utf16_units(&unhex(bytes), *enc);\n        assert_eq!(&le_hex(&units), want, "to_utf16_units({bytes}, {enc:?})");\n        assert_eq!(to_string(&unhex(bytes), *enc), String::from_utf16_lossy(&units), "to_string({bytes}, {enc:?})");\n    }\n}`);

// Encoding: string (as UTF-16 units) -> bytes, plus byteLength.
const strCases = ['', 'a', 'abc', 'héllo', '€', '😀', '\ud800', 'a\udc00b', '\u0141', 'ÿ', '\u00a0', 'YQ', 'YQ=', 'YQ==', 'YQ===', 'YR==', 'YWJj', 'YW Jj', 'Y\nW\tJ\rj', 'YWJj=YWJj', 'YQ==YWJj', 'YW=Jj', '=YWJj', 'Y', 'YW', 'YWJ', 'YWJjZ', '-_-_', '+/+/', '+_-/', 'YW*Jj', '*YWJj', 'YWJj*', 'Y*W*J*j', 'ŁŁŁŁ', 'YWJjŁ', 'ÿÿÿÿ', '====', 'Y===', 'YQ=a', 'YQ= =', 'YWJjZA', 'YWJjZA=', 'YWJjZA==', 'YWJjZA=x', 'aGVsbG8gd29ybGQ', 'a\u00a0b', 'AAAAAAAAAAAAA', 'Ľ', 'YWĽJj', 'ab', 'abc', 'abcd', 'zz', 'abzz12', 'a b', 'AB', 'Ł1', '0g', 'g0', '1234567', 'DEADbeef', '日本語', 'a\u0000b', '\u007f\u0080'];
out.push(`\n#[test]\nfn encode() {\n    let cases: &[(&[u16], Encoding, &str, usize)] = &[`);
for (const s of strCases) for (const e of encs) out.push(`        (${units(s)}, Encoding::${rustEnc[e]}, ${r(hex(Buffer.from(s, e)))}, ${Buffer.byteLength(s, e)}),`);
out.push(`    ];\n    for (units, enc, want, len) in cases {\n        assert_eq!(to_string(&from_utf16_units(units, *enc), Encoding::Hex), *want, "from_utf16_units({units:x?}, {enc:?})");\n        if let Ok(s) = String::from_utf16(units) {\n            assert_eq!(to_string(&from_string(&s, *enc), Encoding::Hex), *want, "from_string({s:?}, {enc:?})");\n            assert_eq!(byte_length(&s, *enc), *len, "byte_length({s:?}, {enc:?})");\n        }\n    }\n}`);

// Names.
const names = ['utf8', 'UTF8', 'utf-8', 'Utf-8', 'ucs2', 'UCS-2', 'utf16le', 'UTF-16LE', 'utf-16', 'utf16', 'latin1', 'LATIN1', 'binary', 'Binary', 'ascii', 'ASCII', 'base64', 'BASE64', 'base64url', 'Base64URL', 'hex', 'HEX', '', 'nope', 'utf 8', 'latin-1', 'base-64', 'ucs2 ', 'raw', 'raws'];
out.push(`\n#[test]\nfn names() {\n    let cases: &[(&str, bool)] = &[`);
for (const n of names) out.push(`        (${r(n)}, ${Buffer.isEncoding(n)}),`);
out.push(`    ];\n    for (name, want) in cases {\n        assert_eq!(is_encoding(name), *want, "is_encoding({name:?})");\n    }\n}`);

// Search.
const hays = ['', 'a', 'abc', 'abcabc', 'this is a buffer', 'aXbXc', '61006200630061006200', '610062006300610062', 'ééé', '\u0000\u0001\u0000\u0001'];
const needles = [['s', ''], ['s', 'a'], ['s', 'b'], ['s', 'bc'], ['s', 'abc'], ['s', 'is'], ['s', 'é'], ['s', 'YWI='], ['s', '6162'], ['s', 'X'], ['n', 98], ['n', 98 + 256], ['n', -158], ['n', 0], ['b', ''], ['b', '62'], ['b', '6100'], ['b', '0062'], ['b', '61'], ['b', '9999']];
const offsets = [undefined, 0, 1, 2, 3, -1, -2, -3, -100, 100, 1.9, -0.5, 2147483648, -2147483649, NaN];
out.push(`\n#[test]\nfn search() {\n    // (haystack hex, kind, needle, offset, encoding, indexOf, lastIndexOf)\n    let cases: &[(&str, char, &str, f64, Encoding, i64, i64)] = &[`);
for (const hh of hays) {
  const hay = /^[0-9a-f]+$/.test(hh) && hh.length % 2 === 0 && hh.length > 8 ? Buffer.from(hh, 'hex') : Buffer.from(hh);
  for (const [k, nv] of needles) for (const o of offsets) for (const e of ['utf8', 'utf16le', 'latin1', 'base64', 'hex', 'ascii']) {
    if (k === 'n' && e !== 'utf8') continue;
    const v = k === 'b' ? Buffer.from(nv, 'hex') : nv;
    let a, b;
    try { a = hay.indexOf(v, o, e); b = hay.lastIndexOf(v, o, e); } catch (err) { continue; }
    const ns = k === 'n' ? String((nv >>> 0) & 255) : k === 'b' ? nv : nv;
    out.push(`        (${r(hay.toString('hex'))}, '${k}', ${r(ns)}, ${o === undefined || Number.isNaN(o) ? 'f64::NAN' : o.toFixed(1)}, Encoding::${rustEnc[e]}, ${a}, ${b}),`);
  }
}
out.push(`    ];\n    for (hay, kind, needle, offset, enc, first, last) in cases {\n        let hay = unhex(hay);\n        let bytes = unhex(needle);\n        let value = match kind {\n            's' => SearchValue::Str(needle),\n            'n' => SearchValue::Byte(needle.parse().unwrap()),\n            _ => SearchValue::Bytes(&bytes),\n        };\n        let got = index_of(&hay, value, *offset, *enc).map_or(-1, |x| x as i64);\n        assert_eq!(got, *first, "indexOf({hay:x?}, {value:?}, {offset}, {enc:?})");\n        let got = last_index_of(&hay, value, *offset, *enc).map_or(-1, |x| x as i64);\n        assert_eq!(got, *last, "lastIndexOf({hay:x?}, {value:?}, {offset}, {enc:?})");\n    }\n}`);

// Fill and compare.
const fills = [['s', ''], ['s', 'a'], ['s', 'abc'], ['s', 'é'], ['s', '€'], ['s', 'zz'], ['s', 'abzz'], ['s', 'YWJj'], ['s', 'ab'], ['s', '\u0141'], ['b', '0102'], ['b', '01'], ['n', 255], ['n', 0]];
out.push(`\n#[test]\nfn fill_patterns() {\n    let cases: &[(usize, char, &str, Encoding, Option<&str>)] = &[`);
for (const len of [0, 1, 5, 8]) for (const [k, v] of fills) for (const e of encs) {
  if (k !== 's' && e !== 'utf8') continue;
  let res;
  try { const b = Buffer.alloc(len, 7); if (k === 's') b.fill(v, e); else b.fill(k === 'b' ? Buffer.from(v, 'hex') : v); res = `Some(${r(b.toString('hex'))})`; } catch (err) { res = 'None'; }
  out.push(`        (${len}, '${k}', ${r(String(v))}, Encoding::${rustEnc[e]}, ${res}),`);
}
out.push(`    ];\n    for (len, kind, value, enc, want) in cases {\n        let mut buf = vec![7u8; *len];\n        let bytes = unhex(value);\n        let v = match kind {\n            's' => FillValue::Str(value),\n            'n' => FillValue::Byte(value.parse().unwrap()),\n            _ => FillValue::Bytes(&bytes),\n        };\n        match (fill(&mut buf, v, *enc), want) {\n            (Ok(()), Some(w)) => assert_eq!(&to_string(&buf, Encoding::Hex), w, "fill({len}, {v:?}, {enc:?})"),\n            (Err(e), None) => assert_eq!(e.code(), "ERR_INVALID_ARG_VALUE"),\n            (got, want) => panic!("fill({len}, {v:?}, {enc:?}): {got:?} vs {want:?}"),\n        }\n    }\n}`);
const cmps = [['', ''], ['', '00'], ['00', ''], ['01', '02'], ['0102', '01'], ['ff', '00ff'], ['abcd', 'abcd']];
out.push(`\n#[test]\nfn compare_bytes() {\n    let cases: &[(&str, &str, i32)] = &[`);
for (const [a, b] of cmps) out.push(`        (${r(a)}, ${r(b)}, ${Buffer.compare(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'))}),`);
out.push(`    ];\n    for (a, b, want) in cases {\n        assert_eq!(compare(&unhex(a), &unhex(b)), *want);\n    }\n}`);
const errs = [];
for (const [v, e] of [['zz', 'hex'], ["it's", 'hex'], ["it'\"s", 'hex'], ['a\nb', 'hex'], ['\u0001', 'hex']]) { try { Buffer.alloc(2).fill(v, e); } catch (err) { errs.push([v, err.message]); } }
out.push(`\n#[test]\nfn fill_error_messages() {\n    let cases: &[(&str, &str)] = &[`);
for (const [v, m] of errs) out.push(`        (${r(v)}, ${r(m)}),`);
out.push(`    ];\n    for (value, msg) in cases {\n        let err = fill(&mut [0u8; 2], FillValue::Str(value), Encoding::Hex).unwrap_err();\n        assert_eq!(err.code(), "ERR_INVALID_ARG_VALUE");\n        assert_eq!(&err.message(), msg);\n    }\n}`);
// write(): as much as fits.
out.push(`\n#[test]\nfn write_partial() {\n    let cases: &[(&[u16], usize, Encoding, &str, usize)] = &[`);
for (const st of ['', 'abc', 'a€b', '€€', '😀x', 'héllo', 'abcdef12', 'zz12', 'YWJjZGVm', 'YWJj ZGVm', '\u0141\u0142', 'a\ud83d\ude00']) for (const cap of [0, 1, 2, 3, 4, 5, 8]) for (const e of encs) {
  const b = Buffer.alloc(cap, 0xee); const n = b.write(st, 0, cap, e);
  out.push(`        (${units(st)}, ${cap}, Encoding::${rustEnc[e]}, ${r(b.subarray(0, n).toString('hex'))}, ${n}),`);
}
out.push(`    ];\n    for (units, cap, enc, want, n) in cases {\n        let Ok(s) = String::from_utf16(units) else { continue };\n        let mut buf = vec![0xeeu8; *cap];\n        let got = write(&mut buf, &s, *enc);\n        assert_eq!(got, *n, "write({s:?}, {cap}, {enc:?})");\n        assert_eq!(&to_string(&buf[..got], Encoding::Hex), want, "write({s:?}, {cap}, {enc:?})");\n    }\n}`);
const ab = ['', 'YQ', 'YQ==', 'YQ=', 'YQ===', ' Y Q = = ', 'YWJj', 'YWJjZA', 'a', 'abcde', 'ab=c', 'a*b=', '-_', 'aOlsbG8=', '\u00e9', 'YR==', '====', 'ab\tcd\n', 'ab\u000bcd', 'abc=d'];
out.push(`\n#[test]\nfn atob_btoa() {\n    let cases: &[(&str, Result<&str, &str>)] = &[`);
for (const a of ab) { let res; try { res = `Ok(${r(Buffer.from(atob(a), 'latin1').toString('hex'))})`; } catch (e) { res = `Err(${r(e.message)})`; } out.push(`        (${r(a)}, ${res}),`); }
out.push(`    ];\n    for (input, want) in cases {\n        match (atob(input), want) {\n            (Ok(s), Ok(w)) => assert_eq!(&to_string(&from_string(&s, Encoding::Latin1), Encoding::Hex), w, "atob({input:?})"),\n            (Err(e), Err(m)) => {\n                assert_eq!(e.code(), "InvalidCharacterError");\n                assert_eq!(&e.message(), m, "atob({input:?})");\n            }\n            (got, want) => panic!("atob({input:?}): {got:?} vs {want:?}"),\n        }\n    }\n    let b: &[(&str, Result<&str, &str>)] = &[`);
for (const a of ['', 'a', 'héllo', '\u00ff\u0000', '€', 'ab😀']) { let res; try { res = `Ok(${r(btoa(a))})`; } catch (e) { res = `Err(${r(e.message)})`; } out.push(`        (${r(a)}, ${res}),`); }
out.push(`    ];\n    for (input, want) in b {\n        match (btoa(input), want) {\n            (Ok(s), Ok(w)) => assert_eq!(&s, w),\n            (Err(e), Err(m)) => assert_eq!(&e.message(), m),\n            (got, want) => panic!("btoa({input:?}): {got:?} vs {want:?}"),\n        }\n    }\n}`);
console.log(out.join('\n'));
