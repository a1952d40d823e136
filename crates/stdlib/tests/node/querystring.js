// Records querystring cases as a Rust test file (see README.md here).
const qs = require('querystring');
const r = (s) => JSON.stringify(s).replace(/\\u([0-9a-fA-F]{4})/g, '\\u{$1}');
const out = [];
out.push(`//! querystring cases recorded from node ${process.version}; do not edit by hand.`);
out.push(`//! Regenerate: see crates/stdlib/tests/node/README.md.`);
out.push(`use node_stdlib::querystring::*;`);
out.push(`type Pairs = &'static [(&'static str, &'static [&'static str])];`);
out.push(`fn flat(p: Vec<(String, ParsedValue)>) -> Vec<(String, Vec<String>)> {\n    p.into_iter().map(|(k, v)| (k, match v { ParsedValue::Single(s) => vec![s], ParsedValue::Multiple(v) => { assert!(v.len() > 1); v } })).collect()\n}`);
out.push(`fn want(p: Pairs) -> Vec<(String, Vec<String>)> {\n    p.iter().map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect())).collect()\n}`);
const inputs = ['', 'a', 'a=', '=a', '=', '&', '&&', 'a=1', 'a=1&b=2', 'a=1&a=2&a=3', 'a&b', 'a=b=c', 'a==b', 'a+b=c+d', '+=+', '%20=%20', 'a%20b=c%2Bd', 'a=%zz', 'a=%', 'a=%2', 'a=%E2%82', 'a=%E2%82%AC', '%E2%82%AC=%E2%82%AC', 'a=%C3%A9', 'w=%D6%D0%CE%C4', 'a=%41%42', '%7A=%7a', 'a=100%', 'a=%%20', 'a=%2%20', 'é=ü', '__proto__=1', 'constructor=x', 'hasOwnProperty=1', 'a[]=1&a[]=2', 'a=1;b=2', 'a=1&&b=2&', '&a=1', 'foo=bar&baz=qux&baz=quux&corge=', 'a=b&c', 'x=%F0%9F%98%80', 'x=%ED%A0%80', 'x=%C0%AF', 'x=%+', 'x=a%2', 'x=%%%', '2=b&1=a&b=c'];
const opts = [[undefined, undefined, undefined], [';', ':', undefined], ['&&', '==', undefined], ['', '', undefined], [undefined, undefined, { maxKeys: 1 }], [undefined, undefined, { maxKeys: 2 }], [undefined, undefined, { maxKeys: 0 }], ['b', 'a', undefined], ['§', '¤', undefined], ['😀', '=', undefined]];
const extra = ['a=1;b=2;;c', 'a:1;b:2', 'a==1&&b==2', 'x§y¤z§', 'a¤b§c¤d', 'a😀b=c😀', 'bab', 'aaa', 'abab'];
out.push(`\n#[test]\nfn parse_cases() {\n    let cases: &[(&str, &str, &str, usize, Pairs)] = &[`);
for (const [sep, eq, o] of opts) for (const s of [...inputs, ...extra]) {
  const p = qs.parse(s, sep, eq, o);
  const pairs = Object.keys(p).map((k) => `(${r(k)}, &[${(Array.isArray(p[k]) ? p[k] : [p[k]]).map(r).join(', ')}] as &[&str])`);
  out.push(`        (${r(s)}, ${r(sep || '&')}, ${r(eq || '=')}, ${o ? o.maxKeys : 1000}, &[${pairs.join(', ')}]),`);
}
out.push(`    ];\n    for (s, sep, eq, max_keys, pairs) in cases {\n        let o = ParseOptions { sep, eq, max_keys: *max_keys };\n        let mut got = flat(parse(s, &o));\n        let mut want = want(pairs);\n        // JavaScript orders integer-like keys first; compare as sets of entries.\n        got.sort();\n        want.sort();\n        assert_eq!(got, want, "parse({s:?}, {sep:?}, {eq:?}, {max_keys})");\n    }\n}`);
const customDecode = (s) => { if (s.includes('!')) throw new Error('x'); return s.toUpperCase(); };
out.push(`\n#[test]\nfn parse_custom_decoder() {\n    let cases: &[(&str, Pairs)] = &[`);
for (const s of ['a=b+c', 'a!=b', 'x=%41!', 'k=v&k=w', 'a', 'a%21=1']) {
  const p = qs.parse(s, null, null, { decodeURIComponent: customDecode });
  out.push(`        (${r(s)}, &[${Object.keys(p).map((k) => `(${r(k)}, &[${(Array.isArray(p[k]) ? p[k] : [p[k]]).map(r).join(', ')}] as &[&str])`).join(', ')}]),`);
}
out.push(`    ];\n    for (s, pairs) in cases {\n        let mut dec = |s: &str| if s.contains('!') { None } else { Some(s.to_uppercase()) };\n        let mut got = flat(parse_with(s, &ParseOptions::default(), &mut dec));\n        let mut want = want(pairs);\n        got.sort();\n        want.sort();\n        assert_eq!(got, want, "parse_with({s:?})");\n    }\n}`);
const esc = ['', 'abc', 'a b', "!'()*-._~", '&=+/?#[]@', 'é€😀', '\u0000\u007f', 'AZaz09', '%', ' \t\n'];
out.push(`\n#[test]\nfn escape_unescape() {\n    let cases: &[(&str, &str)] = &[`);
for (const s of esc) out.push(`        (${r(s)}, ${r(qs.escape(s))}),`);
out.push(`    ];\n    for (s, want) in cases {\n        assert_eq!(&escape(s), want, "escape({s:?})");\n        assert_eq!(&unescape(want, false), s, "unescape({want:?})");\n    }\n    let un: &[(&str, bool, &str, &str)] = &[`);
for (const s of ['a+b', 'a%20b', '%zz', '%', '%4', '%41%4', '%E2%82', '100%', 'é%41', '%%41', '%4g', '+%2B+', 'Ł%41', '%C3%A9%C3']) for (const d of [false, true]) out.push(`        (${r(s)}, ${d}, ${r(qs.unescape(s, d))}, ${r(qs.unescapeBuffer(s, d).toString('hex'))}),`);
out.push(`    ];\n    for (s, spaces, want, want_hex) in un {\n        assert_eq!(&unescape(s, *spaces), want, "unescape({s:?}, {spaces})");\n        let hex: String = unescape_buffer(s, *spaces).iter().map(|b| format!("{b:02x}")).collect();\n        assert_eq!(&hex, want_hex, "unescape_buffer({s:?}, {spaces})");\n    }\n}`);
// stringify
const V = (v) => {
  if (typeof v === 'string') return `V::Str(${r(v)})`;
  if (typeof v === 'number') return Number.isNaN(v) ? 'V::Number(f64::NAN)' : !Number.isFinite(v) ? `V::Number(f64::${v > 0 ? 'INFINITY' : 'NEG_INFINITY'})` : `V::Number(${v.toExponential()}_f64)`;
  if (typeof v === 'bigint') return `V::BigInt(${r(String(v))})`;
  if (typeof v === 'boolean') return `V::Bool(${v})`;
  if (Array.isArray(v)) return `V::Array(vec![${v.map(V).join(', ')}])`;
  return 'V::Other';
};
const objs = [{}, { a: 'b' }, { a: '' }, { '': 'x' }, { a: [] }, { a: [], b: 1 }, { a: ['x', 'y'], b: 'z' }, { a: 1, b: -0, c: 1.5, d: 1e21, e: 1e-7, f: NaN, g: Infinity, h: 123456789.123 }, { a: true, b: false, c: null, d: undefined, e: {}, f: () => 1 }, { big: 10n }, { 'a b': 'c&d', 'é': '€' }, { a: [['n'], 'x', null, 2] }, { x: 'a=b', y: '😀' }, { a: 1e21 }, { a: -1e21 }, { a: 2.5e-7 }];
out.push(`\n#[test]\nfn stringify_cases() {\n    use StringifyValue as V;\n    type Case = (Vec<(&'static str, V<'static>)>, &'static str, &'static str, &'static str);\n    let cases: Vec<Case> = vec![`);
for (const o of objs) for (const [sep, eq] of [[undefined, undefined], [';', ':']]) {
  out.push(`        (vec![${Object.keys(o).map((k) => `(${r(k)}, ${V(o[k])})`).join(', ')}], ${r(sep || '&')}, ${r(eq || '=')}, ${r(qs.stringify(o, sep, eq))}),`);
}
out.push(`    ];\n    for (pairs, sep, eq, want) in cases {\n        assert_eq!(stringify(&pairs, &StringifyOptions { sep, eq }), want, "stringify({pairs:?})");\n    }\n}`);
out.push(`\n#[test]\nfn stringify_custom_encoder() {\n    use StringifyValue as V;\n    let pairs = vec![("a", V::Str("x y")), ("b", V::Array(vec![V::Number(1.0), V::Other, V::Array(vec![])])), ("c", V::Number(1e21)), ("", V::Str(""))];\n    let got = stringify_with(&pairs, &StringifyOptions::default(), &mut |s: &str| format!("<{s}>"));\n    assert_eq!(got, ${r(qs.stringify({ a: 'x y', b: [1, undefined, []], c: 1e21, '': '' }, null, null, { encodeURIComponent: (s) => `<${s}>` }))});\n}`);
console.log(out.join('\n'));
