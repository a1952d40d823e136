// Records legacy url.parse/url.format cases as a Rust test file (see README.md here).
process.noDeprecation = true;
const url = require('url');
const r = (s) => s === null || s === undefined ? 'None' : `Some(${JSON.stringify(String(s)).replace(/\\u([0-9a-fA-F]{4})/g, '\\u{$1}')})`;
const rs = (s) => JSON.stringify(s).replace(/\\u([0-9a-fA-F]{4})/g, '\\u{$1}');
const out = [];
out.push(`//! Legacy url.parse/format cases recorded from node ${process.version}; do not edit by hand.`);
out.push(`//! Regenerate: see crates/stdlib/tests/node/README.md.`);
out.push(`use node_stdlib::url::{url_format, url_parse, LegacyQuery, LegacyUrl};`);
out.push(`type Fields = [Option<&'static str>; 11];`);
out.push(`fn fields(u: &LegacyUrl) -> [Option<String>; 11] {\n    let query = match &u.query { LegacyQuery::Null => None, LegacyQuery::Str(s) => Some(s.clone()), LegacyQuery::Parsed(_) => Some("[object]".to_string()) };\n    [u.protocol.clone(), u.slashes.map(|b| b.to_string()), u.auth.clone(), u.host.clone(), u.port.clone(), u.hostname.clone(), u.hash.clone(), u.search.clone(), query, u.pathname.clone(), u.path.clone()]\n}`);
const inputs = ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', 'HTTP://EXAMPLE.COM/A?B#C', '//foo/bar', '/foo/bar?x=1', '/foo bar', 'foo/bar', '?q', '#h', '', '  http://a.com/  ', 'http://a.com\\b\\c?d\\e', 'http://a b.com/', 'http://a.com:abc/', 'http://a.com:/', 'http://[::1]:3000/x', 'http://[fe80::1%25eth0]/', 'https://münchen.de/', 'http://xn--mnchen-3ya.de', 'mailto:a@b.com', 'javascript:alert(1)', 'javascript://x\nalert(1)', 'file:///etc/passwd', 'file://localhost/x', 'file:x', 'ftp://a/b', 'ws://h', 'news:comp.lang', 'http://a.com/p?a=1&b=2&a=3', 'http://a.com/"<>`{}|^\'', 'http://user%40x:p%3As@h/', 'http://us er@h/', 'http://a@b@c/', 'http://h/p#a#b', 'http://h?x#y', 'HtTp://h/', 'x:y', 'a.b+c-d://h/', '//user@host/p', 'http:\\\\h\\p', 'http://\ta.com/\tp', 'http://a.com./', 'http://1.2.3.4:80/', 'http://ex%41mple.com/', 'http://a_b.com/', 'svn+ssh://h/x', 'http://h/%zz', '\u00a0http://h/', 'http://h/é ü', 'http://' + 'a'.repeat(256) + '/', 'http://[/'];
const flds = (u) => [u.protocol, u.slashes, u.auth, u.host, u.port, u.hostname, u.hash, u.search, typeof u.query === 'object' && u.query !== null ? '[object]' : u.query, u.pathname, u.path];
out.push(`\n#[test]\nfn parse_cases() {\n    // (input, parseQueryString, slashesDenoteHost, fields or error code, href)\n    type Case = (&'static str, bool, bool, Result<Fields, &'static str>, &'static str);\n    let cases: &[Case] = &[`);
for (const i of inputs) for (const [pq, sd] of [[false, false], [true, false], [false, true]]) {
  let res, href = '';
  try { const u = url.parse(i, pq, sd); res = `Ok([${flds(u).map(r).join(', ')}])`; href = u.href; } catch (e) { res = `Err(${rs(e.code || 'URIError')})`; }
  out.push(`        (${rs(i)}, ${pq}, ${sd}, ${res}, ${rs(href)}),`);
}
out.push(`    ];\n    for (input, pq, sd, want, href) in cases {\n        match (url_parse(input, *pq, *sd), want) {\n            (Ok(u), Ok(w)) => {\n                let want: Vec<Option<String>> = w.iter().map(|o| o.map(str::to_string)).collect();\n                assert_eq!(fields(&u).to_vec(), want, "url.parse({input:?}, {pq}, {sd})");\n                assert_eq!(u.href.as_deref(), Some(*href), "href of {input:?}");\n            }\n            (Err(e), Err(code)) => assert_eq!(e.code(), *code, "{input:?}"),\n            (got, want) => panic!("url.parse({input:?}): {got:?} vs {want:?}"),\n        }\n    }\n}`);
const objs = [{ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } }, { protocol: 'http:', host: 'a.com:81', hostname: 'ignored', port: '9' }, { hostname: '::1', port: '80', protocol: 'http' }, { protocol: 'file', pathname: '/x' }, { protocol: 'mailto', auth: 'a:b c', hostname: 'h', pathname: 'p#q?r' }, { slashes: true, hostname: 'h', pathname: 'rel', search: 'a=1#x', hash: 'frag' }, { pathname: 'a/b', search: '?s' }, { protocol: 'x', host: 'h' }, { auth: 'u@x', host: 'h', protocol: 'http' }];
out.push(`\n#[test]\nfn format_cases() {\n    let cases: Vec<(LegacyUrl, &str)> = vec![`);
for (const o of objs) {
  let q = 'LegacyQuery::Null';
  if (o.query) q = `LegacyQuery::Parsed(vec![${Object.keys(o.query).map((k) => `(${rs(k)}.to_string(), node_stdlib::querystring::ParsedValue::Single(${rs(String(o.query[k]))}.to_string()))`).join(', ')}])`;
  const f = (k) => o[k] === undefined ? 'None' : `Some(${rs(String(o[k]))}.to_string())`;
  out.push(`        (LegacyUrl { protocol: ${f('protocol')}, slashes: ${o.slashes === undefined ? 'None' : `Some(${o.slashes})`}, auth: ${f('auth')}, host: ${f('host')}, port: ${f('port')}, hostname: ${f('hostname')}, hash: ${f('hash')}, search: ${f('search')}, query: ${q}, pathname: ${f('pathname')}, path: None, href: None }, ${rs(url.format(o))}),`);
}
out.push(`    ];\n    for (u, want) in cases {\n        assert_eq!(url_format(&u), want, "{u:?}");\n    }\n}`);
const base = 'http://a/b/c/d;p?q';
const rels = ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', 'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g', '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'g?y/./x', 'g?y/../x', 'g#s/./x', 'g#s/../x', 'http:g', 'http:', 'https:g', 'mailto:x@y', 'javascript:x', 'file:x', '//user@h2/p', 'HTTP://A/B'];
const pairs = rels.map((r) => [base, r]).concat([
  ['/foo/bar/baz', 'quux'], ['/foo/bar/baz', '../quux/baz'], ['/foo/bar/baz', '/bar'], ['foo/bar', '../../../baz'], ['foo/bar/', '../../../../baz'], ['http://example.com/b//c//d;p?q#blarg', 'https:#hash2'], ['http://example.com/b//c//d;p?q#blarg', 'https:/p/a/t/h?s#hash2'], ['http://example.com/b//c//d;p?q#blarg', 'https://u:p@h.com/p/a/t/h?s#hash2'], ['http://example.com/b//c//d;p?q#blarg', 'https:/a/b/c/d'], ['http://example.com/b//c//d;p?q#blarg', 'http:#hash2'], ['http://example.com/b//c//d;p?q#blarg', 'http:/p/a/t/h?s#hash2'], ['http://example.com/b//c//d;p?q#blarg', 'mailto:local1@domain1?query1'], ['mailto:local1@domain1', 'local2@domain2'], ['mailto:local1@domain1?query1', 'local2@domain2?query2'], ['mailto:local1@domain1', '?query2'], ['mailto:local1@domain1?query1', '?query2'], ['http://u:p@a.com/x', '//b.com/y'], ['http://u:p@a.com/x', '/y'], ['http://a.com', 'b'], ['', 'a'], ['a', ''], ['http://a/', '..'], ['file:///a/b', '../c'], ['http://a.com/x', 'http://b.com'],
]);
out.push(`\n#[test]\nfn resolve_cases() {\n    let cases: &[(&str, &str, &str)] = &[`);
for (const [a, b] of pairs) out.push(`        (${rs(a)}, ${rs(b)}, ${rs(url.resolve(a, b))}),`);
out.push(`    ];\n    for (from, to, want) in cases {\n        assert_eq!(&node_stdlib::url::url_resolve(from, to).unwrap(), want, "url.resolve({from:?}, {to:?})");\n    }\n}`);
console.log(out.join('\n'));
