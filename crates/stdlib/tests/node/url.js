// Records WHATWG URL cases as a Rust test file (see README.md here).
const url = require('url');
const r = (s) => JSON.stringify(s).replace(/\\u([0-9a-fA-F]{4})/g, '\\u{$1}');
const out = [];
out.push(`//! WHATWG URL cases recorded from node ${process.version}; do not edit by hand.`);
out.push(`//! Regenerate: see crates/stdlib/tests/node/README.md.`);
out.push(`use node_stdlib::url::*;`);
const parses = [
  ['http://example.com'], ['HTTP://EXAMPLE.COM:80/a/../b/./c?q=1#f'], ['https://user:pa ss@host:443/p'], ['http://[::1]:8080/'], ['http://[0:0::1]/'], ['http://0x7f.1/'], ['http://127.0.0.1.'], ['http://1.2.3'],
  ['http://ex ample.com'], ['http://exa%41mple.com'], ['http://EXAMPLE.com./'], ['http://münchen.de/'], ['http://xn--mnchen-3ya.de'], ['http://a.b/%7e?%7e#%7e'], ['http://a/ é?é#é'], ['file:///C:/x'], ['file://localhost/etc/passwd'], ['file:///a/../../b'], ['file:c:\\foo'],
  ['mailto:a@b.c'], ['data:text/plain,hi there'], ['javascript:alert(1)'], ['blob:https://a.com/uuid'], ['urn:isbn:123'], ['foo://bar/baz?x#y'], ['foo:/bar'], ['foo:bar baz'], ['ws://h:80/'], ['wss://h:443'], ['ftp://h:21/'], ['http://h:0/'], ['http://h:65536/'], ['http://h:/x'],
  ['x', 'http://a/b/c'], ['../x', 'http://a/b/c/d'], ['?q', 'http://a/b?c#d'], ['#h', 'http://a/b?c#d'], ['//other/x', 'https://a/b'], ['/abs', 'file:///C:/dir/f'], ['', 'http://a/b?c#d'], ['http:x', 'http://a/b'], ['x', 'mailto:a@b'], ['x', 'not a url'], ['\\\\x\\y', 'http://a/'], ['  http://a/  '], ['http://a/\t\nb'], ['http://a\u0000b/'], ['http://%zz/'], ['https://'], ['http://a:b@c:d/'], ['http://@a/'], ['http://a/?a=b c&d=%20'], ['non-special://host/%2e%2E/x'], ['http://a/%2e%2E/x'], ['http://1.2.3.4.5/'], ['http://[1::2::3]/'], ['http://a/b;c'],
];
const comp = (u) => [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash];
out.push(`\n#[test]\nfn parse_components() {\n    // (input, base, [href, origin, protocol, username, password, host, hostname, port, pathname, search, hash] or None)\n    type Case = (&'static str, Option<&'static str>, Option<[&'static str; 11]>);\n    let cases: &[Case] = &[`);
for (const [i, b] of parses) {
  let c; try { c = `Some([${comp(new URL(i, b)).map(r).join(', ')}])`; } catch (e) { c = 'None'; }
  out.push(`        (${r(i)}, ${b === undefined ? 'None' : `Some(${r(b)})`}, ${c}),`);
}
out.push(`    ];\n    for (input, base, want) in cases {\n        match (Url::parse(input, *base), want) {\n            (Ok(u), Some(w)) => {\n                let got = [u.href(), &u.origin(), u.protocol(), u.username(), u.password(), u.host(), u.hostname(), u.port(), u.pathname(), u.search(), u.hash()];\n                assert_eq!(&got, w, "URL({input:?}, {base:?})");\n            }\n            (Err(e), None) => assert_eq!(e.code(), "ERR_INVALID_URL"),\n            (got, want) => panic!("URL({input:?}, {base:?}): {got:?} vs {want:?}"),\n        }\n        assert_eq!(Url::can_parse(input, *base), want.is_some());\n    }\n}`);
const setters = [
  ['http://a/b', 'protocol', 'https'], ['http://a/b', 'protocol', 'ftp:'], ['http://a/b', 'protocol', 'foo'], ['foo://a/b', 'protocol', 'http'], ['http://a/b', 'username', 'u s'], ['http://a/b', 'password', 'p@ss'], ['file:///x', 'username', 'u'],
  ['http://a/b', 'host', 'c:81'], ['http://a/b', 'host', ''], ['http://a:81/b', 'hostname', 'z'], ['http://a/b', 'hostname', 'a b'], ['http://a/b', 'port', '8080'], ['http://a/b', 'port', '80'], ['http://a:81/b', 'port', ''], ['http://a/b', 'port', '12ab'], ['http://a/b', 'port', '70000'], ['http://a/b', 'port', 'x'],
  ['http://a/b', 'pathname', 'c d/é'], ['http://a/b', 'pathname', '../../x'], ['mailto:x', 'pathname', 'y'], ['http://a/b', 'search', 'q=1 2'], ['http://a/b?x', 'search', ''], ['http://a/b', 'search', '??a'], ['http://a/b', 'hash', 'x y'], ['http://a/b#x', 'hash', ''], ['http://a/b', 'href', 'https://c/d'],
];
out.push(`\n#[test]\nfn setters() {\n    let cases: &[(&str, &str, &str, &str)] = &[`);
for (const [u, k, v] of setters) { const x = new URL(u); x[k] = v; out.push(`        (${r(u)}, ${r(k)}, ${r(v)}, ${r(x.href)}),`); }
out.push(`    ];\n    for (input, key, value, want) in cases {\n        let mut u = Url::parse(input, None).unwrap();\n        match *key {\n            "protocol" => u.set_protocol(value),\n            "username" => u.set_username(value),\n            "password" => u.set_password(value),\n            "host" => u.set_host(value),\n            "hostname" => u.set_hostname(value),\n            "port" => u.set_port(value),\n            "pathname" => u.set_pathname(value),\n            "search" => u.set_search(value),\n            "hash" => u.set_hash(value),\n            _ => u.set_href(value).unwrap(),\n        }\n        assert_eq!(u.href(), *want, "{input} .{key} = {value:?}");\n    }\n}`);
const sps = ['', '?', 'a=1&b=2', '?a=1&a=2', 'a=b=c', 'a', '=b', '&&a&&', 'a+b=c+d', 'a%20b=%2B', '%zz=%', 'é=€', 'a=%E2%82', 'q=~!*()\'', 'x=a/b?c#d', 'z=1&y=2&x=3&y=1', '\ufffd=a&\ud83d\ude00=b&\uffff=c'];
out.push(`\n#[test]\nfn search_params() {\n    // (input, pairs, toString, sorted toString)\n    type Case = (&'static str, &'static [(&'static str, &'static str)], &'static str, &'static str);\n    let cases: &[Case] = &[`);
for (const s of sps) { const p = new URLSearchParams(s); const pairs = [...p].map(([a, b]) => `(${r(a)}, ${r(b)})`).join(', '); const t = p.toString(); p.sort(); out.push(`        (${r(s)}, &[${pairs}], ${r(t)}, ${r(p.toString())}),`); }
out.push(`    ];\n    for (input, pairs, text, sorted) in cases {\n        let mut p = UrlSearchParams::parse(input);\n        let got: Vec<(&str, &str)> = p.pairs().iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();\n        assert_eq!(&got, pairs, "{input:?}");\n        assert_eq!(&p.to_string(), text, "{input:?}");\n        p.sort();\n        assert_eq!(&p.to_string(), sorted, "{input:?} sorted");\n    }\n}`);
const f2p = [['file:///a/b', false], ['file:///a%20b/%E2%82%AC', false], ['file://localhost/x', false], ['file://host/x', false], ['file:///a%2fb', false], ['file:///a%2Fb', false], ['file:///a%5cb', false], ['file:///%E2', false], ['http://a/', false], ['not a url', false], ['file:///C:/x/y', true], ['file:///c:/a%20b', true], ['file://host/share/f', true], ['file:///x/y', true], ['file:///C:/a%5cb', true], ['file:///C:/a%2Fb', true], ['file://xn--mnchen-3ya.de/s/f', true], ['file:///C:', true], ['file:///a/b?q#h', false]];
out.push(`\n#[test]\nfn file_url_to_path_cases() {\n    let cases: &[(&str, bool, Result<&str, &str>)] = &[`);
for (const [u, w] of f2p) { let res; try { res = `Ok(${r(url.fileURLToPath(u, { windows: w }))})`; } catch (e) { res = `Err(${r(e.code || 'ERR_INVALID_URI')})`; } out.push(`        (${r(u)}, ${w}, ${res}),`); }
out.push(`    ];\n    for (input, windows, want) in cases {\n        let got = file_url_to_path(input, *windows);\n        match (got, want) {\n            (Ok(p), Ok(w)) => assert_eq!(&p, w, "{input}"),\n            (Err(e), Err(code)) => assert_eq!(e.code(), *code, "{input}"),\n            (got, want) => panic!("{input}: {got:?} vs {want:?}"),\n        }\n    }\n}`);
process.chdir('/tmp');
const p2f = [['/a/b', false], ['/a b/%/#?/é', false], ['rel/x', false], ['dir/', false], ['/a\\b', false], ['/t\ta\nb\rc"d[e]f^g|h~i', false], ['/', false], ['C:\\a\\b', true], ['C:\\a b\\', true], ['\\\\server\\share\\f x', true], ['\\\\?\\UNC\\server\\share\\f', true], ['\\\\server', true], ['\\\\\\x', true], ['c:/x/y', true]];
out.push(`\n#[test]\nfn path_to_file_url_cases() {\n    let cases: &[(&str, bool, Result<&str, &str>)] = &[`);
for (const [p, w] of p2f) { let res; try { res = `Ok(${r(url.pathToFileURL(p, { windows: w }).href)})`; } catch (e) { res = `Err(${r(e.code)})`; } out.push(`        (${r(p)}, ${w}, ${res}),`); }
out.push(`    ];\n    for (input, windows, want) in cases {\n        // node ran in /tmp; for win32 its resolve sees that POSIX cwd too.\n        match (path_to_file_url(input, *windows, "/tmp"), want) {\n            (Ok(u), Ok(w)) => assert_eq!(u.href(), *w, "{input}"),\n            (Err(e), Err(code)) => assert_eq!(e.code(), *code, "{input}"),\n            (got, want) => panic!("{input}: {got:?} vs {want:?}"),\n        }\n    }\n}`);
const doms = ['example.com', 'EXAMPLE.com', 'español.com', 'xn--espaol-zwa.com', 'münchen.de', '日本.jp', 'xn--iñvalid.com', 'a..b', '', 'ß.de', 'faß.de', 'a b', '[::1]', '1.2.3.4', 'xn--', '☃.net', 'ＡＢＣ.com'];
out.push(`\n#[test]\nfn domains() {\n    let cases: &[(&str, &str, &str)] = &[`);
for (const d of doms) out.push(`        (${r(d)}, ${r(url.domainToASCII(d))}, ${r(url.domainToUnicode(d))}),`);
out.push(`    ];\n    for (d, ascii, unicode) in cases {\n        assert_eq!(&domain_to_ascii(d), ascii, "domainToASCII({d:?})");\n        assert_eq!(&domain_to_unicode(d), unicode, "domainToUnicode({d:?})");\n    }\n}`);
const fmts = ['https://user:pw@xn--mnchen-3ya.de:8080/p?q=1#h', 'http://[::1]:80/x', 'http://a/', 'file:///x#y', 'http://u@h/?#', 'http://%E2@h/', 'http://日本.jp/'];
out.push(`\n#[test]\nfn format_with_options() {\n    let cases: &[(&str, [bool; 4], &str)] = &[`);
for (const c of fmts) for (const o of [{}, { fragment: false }, { unicode: true }, { search: false }, { auth: false }, { fragment: false, unicode: true, search: false, auth: false }]) {
  const f = [o.fragment ?? true, o.unicode ?? false, o.search ?? true, o.auth ?? true];
  out.push(`        (${r(c)}, [${f.join(', ')}], ${r(url.format(new URL(c), o))}),`);
}
out.push(`    ];\n    for (input, [fragment, unicode, search, auth], want) in cases {\n        let o = UrlFormatOptions { fragment: *fragment, unicode: *unicode, search: *search, auth: *auth };\n        assert_eq!(Url::parse(input, None).unwrap().format(&o), *want, "{input} {o:?}");\n    }\n    type Http = (&'static str, &'static str, Option<u16>, Option<&'static str>);\n    let http: &[(&str, Option<Http>)] = &[`);
for (const c of fmts) { let res; try { const o = url.urlToHttpOptions(new URL(c)); res = `Some((${r(o.hostname)}, ${r(o.path)}, ${o.port === undefined ? 'None' : `Some(${o.port})`}, ${o.auth === undefined ? 'None' : `Some(${r(o.auth)})`}))`; } catch (e) { res = 'None'; } out.push(`        (${r(c)}, ${res}),`); }
out.push(`    ];\n    for (input, want) in http {\n        let got = url_to_http_options(&Url::parse(input, None).unwrap()).ok();\n        let got = got.as_ref().map(|o| (o.hostname.as_str(), o.path.as_str(), o.port, o.auth.as_deref()));\n        assert_eq!(got, *want, "{input}");\n    }\n}`);
console.log(out.join('\n'));
