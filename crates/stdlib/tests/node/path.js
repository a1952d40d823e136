// Records path.posix / path.win32 cases as a Rust test file (see README.md here).
const path = require('path');
const flavour = process.argv[2];
const P = path[flavour];
const r = (s) => JSON.stringify(s).replace(/\\u([0-9a-fA-F]{4})/g, '\\u{$1}');
const inputs = [
  '', '.', '..', '/', '//', '///', '\\', '\\\\', '\\\\\\', 'a', 'a/', 'a//', '/a', '/a/', '//a', '///a', 'a/b', 'a/b/', 'a//b',
  '/a/b/c', '/a/b/c/', 'a/./b', 'a/../b', '../a', '../../a', '/..', '/../a', '/a/..', '/a/../..', '/a/../../b', 'a/..', 'a/../..', './', './a', './/a', 'a/.', 'a/./', 
  '/foo/bar//baz/asdf/quux/..', 'foo/bar/../../..', '.index', 'index.', 'index.html', 'index.coffee.md', '.index.md', '..', '...', '....', 'a..', '..a', 'file.', 'file..', '.a.', '/a/.b', '/a/b.c/', '/a/b.c//', 'a/.../b', 
  'C:', 'C:\\', 'C:/', 'c:\\a', 'C:\\a\\', 'C:a', 'C:a\\b', 'C:..', 'C:\\..\\..', 'C:\\a\\..\\..\\b', 'C:.x', 'C:\\.x', 'C:foo.txt', 'C:/a/b.txt',
  '\\\\server', '\\\\server\\', '\\\\server\\share', '\\\\server\\share\\', '\\\\server\\share\\a', '\\\\server\\share\\a\\b.c', '//server/share', '//server/share/a/../..', '\\\\.\\PHYSICALDRIVE0', '\\\\?\\C:\\x', '\\\\.\\a\\b', '\\\\?\\UNC\\s\\h',
  '\\a\\b', '/a\\b', 'a\\b', 'a\\b\\..\\c', 'a\\..\\..', 'a:b', 'c:', 'x/c:', 'a/../c:x', 'a/../c:/x', 'CON', 'CON:', 'con:x', 'CONx', 'COM1:foo', 'lpt9:', 'AUX:\\x', 'NUL', 'a:\\', 'file:stream', 'a/b:c',
  '/héllo/wörld.txt', 'ü/..', '日本/語.md', 'ﬁle.ﬁ', 'İ/x', '/a/b/c.tar.gz', 'dir/', 'dir//', '\\dir\\', 
];
const out = [];
const call = (fn, ...args) => { try { return P[fn](...args); } catch (e) { return null; } };
out.push(`//! \`path.${flavour}\` cases recorded from node ${process.version}; do not edit by hand.`);
out.push(`//! Regenerate: see crates/stdlib/tests/node/README.md.`);
out.push(`use node_stdlib::path::${flavour};`);
out.push(`use node_stdlib::path::ParsedPath;`);
out.push(`const CWD: &str = ${r(process.cwd())};`);
const one = (fn, rust) => {
  out.push(`\n#[test]\nfn ${rust}() {\n    let cases: &[(&str, &str)] = &[`);
  for (const i of inputs) out.push(`        (${r(i)}, ${r(call(fn, i))}),`);
  out.push(`    ];\n    for (input, want) in cases {\n        assert_eq!(&${flavour}::${rust}(input), want, "${rust}({input:?})");\n    }\n}`);
};
one('normalize', 'normalize'); one('dirname', 'dirname'); one('extname', 'extname');
out.push(`\n#[test]\nfn is_absolute() {\n    let cases: &[(&str, bool)] = &[`);
for (const i of inputs) out.push(`        (${r(i)}, ${P.isAbsolute(i)}),`);
out.push(`    ];\n    for (input, want) in cases {\n        assert_eq!(${flavour}::is_absolute(input), *want, "is_absolute({input:?})");\n    }\n}`);
// basename with and without suffix
const suffixes = [undefined, '', '.html', 'html', 'a', 'b', '.c', 'index.html', 'x', '/', '\\', 'ba', '.md', 'é', 'éa', 'c\\', 'b.c/'];
out.push(`\n#[test]\nfn basename() {\n    let cases: &[(&str, Option<&str>, &str)] = &[`);
for (const i of inputs) for (const s of suffixes) out.push(`        (${r(i)}, ${s === undefined ? 'None' : `Some(${r(s)})`}, ${r(P.basename(i, s))}),`);
out.push(`    ];\n    for (input, suffix, want) in cases {\n        assert_eq!(&${flavour}::basename(input, *suffix), want, "basename({input:?}, {suffix:?})");\n    }\n}`);
// parse + format round trip
out.push(`\n#[test]\nfn parse_and_format() {\n    let cases: &[(&str, [&str; 5], &str)] = &[`);
for (const i of inputs) { const p = P.parse(i); out.push(`        (${r(i)}, [${[p.root, p.dir, p.base, p.ext, p.name].map(r).join(', ')}], ${r(P.format(p))}),`); }
out.push(`    ];\n    for (input, [root, dir, base, ext, name], formatted) in cases {\n        let want = ParsedPath { root: root.to_string(), dir: dir.to_string(), base: base.to_string(), ext: ext.to_string(), name: name.to_string() };\n        let got = ${flavour}::parse(input);\n        assert_eq!(got, want, "parse({input:?})");\n        assert_eq!(&${flavour}::format(&got), formatted, "format(parse({input:?}))");\n    }\n}`);
// format with odd objects
const objs = [{}, {root: '/'}, {dir: 'a'}, {dir: 'a', base: 'b'}, {root: '/', dir: '/', base: 'x'}, {root: '/', dir: '/a', name: 'n', ext: 'e'}, {name: 'n', ext: '.e'}, {base: 'b', name: 'n', ext: 'e'}, {root: 'C:\\', name: 'x'}, {root: 'r', dir: 'r', name: 'n'}, {dir: 'd', ext: 'e'}];
out.push(`\n#[test]\nfn format() {\n    let cases: &[([&str; 5], &str)] = &[`);
for (const o of objs) out.push(`        ([${['root','dir','base','ext','name'].map(k => r(o[k] || '')).join(', ')}], ${r(P.format(o))}),`);
out.push(`    ];\n    for ([root, dir, base, ext, name], want) in cases {\n        let p = ParsedPath { root: root.to_string(), dir: dir.to_string(), base: base.to_string(), ext: ext.to_string(), name: name.to_string() };\n        assert_eq!(&${flavour}::format(&p), want, "format({p:?})");\n    }\n}`);
// join
const joins = [[], [''], ['', ''], ['a'], ['a', 'b'], ['/a', '/b'], ['a', '', 'b'], ['', 'a'], ['//', 'a'], ['//a', 'b'], ['///a', 'b'], ['\\\\', 'a'], ['\\\\a', 'b'], ['\\\\a\\b', 'c'], ['//server', 'share'], ['/', '..', 'a'], ['a', '..', '..'], ['C:', 'a'], ['C:\\', '..'], ['a', 'C:b'], ['.', '.'], ['./', './'], ['a/', '/b/'], ['', '/', ''], ['', '//', 'x'], ['a', '../c:x'], ['foo', 'bar', 'baz/asdf', 'quux', '..'], ['/foo', 'bar', 'baz/asdf', 'quux', '..']];
out.push(`\n#[test]\nfn join() {\n    let cases: &[(&[&str], &str)] = &[`);
for (const j of joins) out.push(`        (&[${j.map(r).join(', ')}], ${r(P.join(...j))}),`);
out.push(`    ];\n    for (parts, want) in cases {\n        assert_eq!(&${flavour}::join(parts), want, "join({parts:?})");\n    }\n}`);
// resolve
const resolves = [[], [''], ['a'], ['/a', 'b'], ['/a', '/b'], ['a', '../..', '../../..'], ['/a/b', '..', 'c'], ['/', '..'], ['C:\\a', 'b'], ['C:\\a', 'D:b'], ['C:a'], ['D:a', 'C:b'], ['C:', 'x'], ['\\\\s\\h', 'x'], ['\\\\s\\h\\x', '..\\..'], ['//s/h', 'x'], ['c:/ignore', 'd:\\a/b\\c/d', '\\e.exe'], ['c:/ignore', 'c:/some/file'], ['d:/ignore', 'd:some/dir//'], ['.'], ['//server/share', '..', 'relative\\'], ['c:/', '//'], ['c:/', '//dir'], ['c:/', '//server/share'], ['c:/', '//server//share'], ['c:/', '///some//dir'], ['C:\\foo\\tmp.3\\', '..\\tmp.3\\cycles\\root.js'], ['\\\\.\\PHYSICALDRIVE0'], ['\\\\?\\PHYSICALDRIVE0'], ['/var/lib', '../', 'file/'], ['/some/dir', '.', '/absolute/'], ['/foo/tmp.3/', '../tmp.3/cycles/root.js']];
out.push(`\n#[test]\nfn resolve() {\n    let cases: &[(&[&str], &str)] = &[`);
for (const j of resolves) out.push(`        (&[${j.map(r).join(', ')}], ${r(P.resolve(...j))}),`);
out.push(`    ];\n    for (parts, want) in cases {\n        assert_eq!(&${flavour}::resolve(parts, CWD), want, "resolve({parts:?})");\n    }\n}`);
// relative
const rels = [['', ''], ['a', 'a'], ['/a/b', '/a/b/c'], ['/a/b/c', '/a/b'], ['/a/b', '/a/bc'], ['/a/bc', '/a/b'], ['/', '/a'], ['/a', '/'], ['/var/lib', '/var'], ['/var/lib', '/bin'], ['/var/lib', '/var/lib'], ['/var/lib', '/var/apache'], ['/var/', '/var/lib'], ['/', '/var/lib'], ['/foo/test', '/foo/test/bar/package.json'], ['/Users/a/web/b/test/mails', '/Users/a/web/b'], ['/foo/bar/baz-quux', '/foo/bar/baz'], ['/foo/bar/baz', '/foo/bar/baz-quux'], ['/baz-quux', '/baz'], ['/baz', '/baz-quux'], ['/page1/page2/foo', '/'], ['a', 'b'], ['a/b', '../c'],
  ['c:/blah\\blah', 'd:/games'], ['c:/aaaa/bbbb', 'c:/aaaa'], ['c:/aaaa/bbbb', 'c:/cccc'], ['c:/aaaa/bbbb', 'c:/aaaa/bbbb'], ['c:/aaaa/bbbb', 'c:/aaaa/cccc'], ['c:/aaaa/', 'c:/aaaa/cccc'], ['c:/', 'c:\\aaaa\\bbbb'], ['c:/aaaa/bbbb', 'd:\\'], ['c:/AaAa/bbbb', 'c:/aaaa/bbbb'], ['c:/aaaaa/', 'c:/aaaa/cccc'], ['C:\\foo\\bar\\baz\\quux', 'C:\\'], ['C:\\foo\\test', 'C:\\foo\\test\\bar\\package.json'], ['\\\\foo\\bar', '\\\\foo\\bar\\baz'], ['\\\\foo\\bar\\baz', '\\\\foo\\bar'], ['\\\\foo\\bar\\baz-quux', '\\\\foo\\bar\\baz'], ['\\\\foo\\baz', '\\\\foo\\baz-quux'], ['C:\\baz-quux', 'C:\\baz'], ['C:\\baz', '\\\\foo\\bar\\baz'], ['\\\\foo\\bar\\baz', 'C:\\baz'], ['C:\\İ\\a', 'C:\\i̇\\b'], ['C:\\İa\\x', 'C:\\İb\\y'], ['C:\\Ⱥ\\a', 'C:\\ⱥ\\b'], ['c:\\x', 'C:\\X\\y']];
out.push(`\n#[test]\nfn relative() {\n    let cases: &[(&str, &str, &str)] = &[`);
for (const [a, b] of rels) out.push(`        (${r(a)}, ${r(b)}, ${r(P.relative(a, b))}),`);
out.push(`    ];\n    for (from, to, want) in cases {\n        assert_eq!(&${flavour}::relative(from, to, CWD), want, "relative({from:?}, {to:?})");\n    }\n}`);
out.push(`\n#[test]\nfn to_namespaced_path() {\n    let cases: &[(&str, &str)] = &[`);
for (const i of inputs) out.push(`        (${r(i)}, ${r(P.toNamespacedPath(i))}),`);
out.push(`    ];\n    for (input, want) in cases {\n        assert_eq!(&${flavour}::to_namespaced_path(input${flavour === 'win32' ? ', CWD' : ''}), want, "to_namespaced_path({input:?})");\n    }\n}`);
out.push(`\n#[test]\nfn constants() {\n    assert_eq!(${flavour}::SEP, ${r(P.sep)});\n    assert_eq!(${flavour}::DELIMITER, ${r(P.delimiter)});\n}`);
console.log(out.join('\n'));
