// path: every function on posix and win32 over a table of inputs (cwd-independent).
const path = require('path');
const show = (v) => JSON.stringify(v);
const inputs = ['', '.', '..', '/', '//', '///a', 'a', 'a/', 'a//b', '/a/b/c', '/a/b/c/', 'a/./b/../c',
  '../../x', '/..', '/../a', 'foo.txt', '.bashrc', '.bashrc.bak', 'a/b.c.d', 'a.', 'file..', '/a/b.js/',
  'C:', 'C:\\', 'C:\\a\\b', 'C:a\\b', '\\\\server\\share\\x', '\\\\server\\share', '\\\\?\\C:\\x',
  '//server/share/', 'c:/a/./b/..', '\\a\\b', 'é/ü.txt', 'CON', 'COM1:x', 'a:b', 'C:\\..\\..'];
for (const name of ['posix', 'win32']) {
  const p = path[name];
  console.log(`== ${name} sep=${show(p.sep)} delimiter=${show(p.delimiter)}`);
  for (const s of inputs) {
    console.log(show(s), show(p.normalize(s)), p.isAbsolute(s), show(p.dirname(s)), show(p.basename(s)),
      show(p.basename(s, '.txt')), show(p.extname(s)), show(p.parse(s)), show(p.format(p.parse(s))));
  }
  for (const args of [[], ['a'], ['/a', 'b', '../c'], ['a', '', 'b/'], ['', ''], ['/x', '/y/z', '..'],
    ['C:\\x', 'y'], ['\\\\h\\s', 'x'], ['a', 'C:', 'b'], ['..', '..', 'x']]) {
    console.log('join', show(args), show(p.join(...args)));
  }
  for (const args of [['/a', 'b'], ['/a/b', '../../..'], ['/x', '/y', 'z/'], ['C:\\a', 'b'], ['D:\\', '..\\e'],
    ['\\\\server\\share', 'x'], ['/', '']]) {
    console.log('resolve', show(args), show(p.resolve(...args)));
  }
  for (const [a, b] of [['/a/b/c', '/a/d'], ['/a', '/a'], ['/a/b', '/a/b/c/d'], ['/', '/x'], ['/x', '/'],
    ['C:\\a\\b', 'C:\\a\\c'], ['C:\\a', 'D:\\a'], ['\\\\s\\sh\\a', '\\\\s\\sh\\b']]) {
    console.log('relative', show(a), show(b), show(p.relative(a, b)));
  }
  for (const o of [{}, { root: '/', name: 'f', ext: 'txt' }, { dir: '/d', base: 'b.x', name: 'n', ext: '.e' },
    { root: 'C:\\', dir: 'C:\\', base: 'x' }, { dir: 'd', name: 'n', ext: '.e' }, { name: 'n', ext: 5 },
    { dir: '', root: '', base: '' }, { root: '/r/', base: 'b' }]) {
    console.log('format', show(o), show(p.format(o)));
  }
  console.log('toNamespacedPath', show(p.toNamespacedPath('C:\\a\\b')), show(p.toNamespacedPath('\\\\s\\sh\\x')),
    show(p.toNamespacedPath('/a')), p.toNamespacedPath(5), show(p.toNamespacedPath('')), p._makeLong === p.toNamespacedPath);
}
console.log(path === path.posix, path.posix.posix === path.posix, path.win32.win32 === path.win32,
  path.win32.posix === path, require('path/posix') === path.posix, require('path/win32') === path.win32,
  require('node:path') === path, require('node:path/win32') === path.win32);
console.log(Object.keys(path).join());
console.log(Object.keys(path.win32).join());
console.log(path.format.name, path.join.name, path.resolve.length, path.join.length, path.basename.length);
console.log(path.resolve() === process.cwd(), path.resolve('x') === process.cwd() + '/x',
  path.relative('', process.cwd()), path.relative(process.cwd(), 'a/b'));
