// Argument validation common to the fs functions: path types, callbacks, options.
const fs = require('fs');
function attempt(label, f) {
  try {
    f();
    console.log(label, 'no throw');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
attempt('readFile no cb', () => fs.readFile('x'));
attempt('readFile options no cb', () => fs.readFile('x', 'utf8'));
attempt('readFile object no cb', () => fs.readFile('x', {}));
attempt('stat no cb', () => fs.stat('x'));
attempt('mkdir cb number', () => fs.mkdir('x', 5));
attempt('writeFile no cb', () => fs.writeFile('x', 'data'));
attempt('unlink no args', () => fs.unlink());
attempt('exists no cb', () => fs.exists('x'));
attempt('readFile path number cb', () => fs.readFile(1.5, () => {}));
attempt('stat path null', () => fs.stat(null, () => {}));
attempt('stat path object', () => fs.statSync({}));
attempt('stat path array', () => fs.statSync([]));
attempt('stat path bool', () => fs.statSync(true));
attempt('stat path fn', () => fs.statSync(function named() {}));
attempt('stat path nul', () => fs.statSync('a\u0000b'));
attempt('stat path nul cb', () => fs.stat('a\u0000b', () => {}));
attempt('rename old', () => fs.renameSync(1, 'b'));
attempt('rename new', () => fs.renameSync('a', 2));
attempt('copyFile src', () => fs.copyFileSync(undefined, 'b'));
attempt('symlink target', () => fs.symlinkSync(5, 'b'));
attempt('readFile bad flag cb', () => fs.readFile('x', { flag: 'zz' }, () => {}));
attempt('readFile bad encoding cb', () => fs.readFile('x', 'zz', () => {}));
attempt('writeFile bad data cb', () => fs.writeFile('x', 12, () => {}));
attempt('readdir options', () => fs.readdirSync('.', 12));
attempt('rm recursive', () => fs.rmSync('nothing-here', { recursive: 'no' }));
attempt('open mode', () => fs.openSync('x', 'r', 'bad'));
attempt('read fd', () => fs.readSync('x', new Uint8Array(1), 0, 1, 0));
attempt('write data', () => fs.writeSync(1, 42));
const u = new TextEncoder().encode('file.txt');
console.log('Uint8Array path', fs.readFileSync(u, 'utf8').length);
console.log('URL path', fs.existsSync(new URL('file://' + __filename)));
console.log('URL read', fs.readFileSync(new URL('file://' + __dirname + '/file.txt'), 'utf8').length);
attempt('URL http', () => fs.readFileSync(new URL('http://example.com/x')));
attempt('readFile fd bad', () => fs.readFileSync(-1));
attempt('stat bigint', () => fs.statSync('.', { bigint: false }).isDirectory());
