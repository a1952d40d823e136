// readline's cursor helpers: escape sequences written, return values, callbacks, errors;
// emitKeypressEvents key decoding.
const readline = require('readline');
const { Writable, PassThrough } = require('stream');
const out = [];
const w = new Writable({ write(c, e, cb) { out.push(JSON.stringify(String(c))); cb(); } });
const r = [
  readline.cursorTo(w, 5), readline.cursorTo(w, 5, 3), readline.cursorTo(w, 0, 0),
  readline.moveCursor(w, -2, 0), readline.moveCursor(w, 3, -4), readline.moveCursor(w, 0, 2),
  readline.moveCursor(w, 0, 0), readline.clearLine(w, -1), readline.clearLine(w, 1),
  readline.clearLine(w, 0), readline.clearScreenDown(w), readline.cursorTo(w, 'a'),
  readline.cursorTo(w, 1, 'a'), readline.moveCursor(w, 'a', 0),
];
console.log(r.join(','));
console.log(readline.cursorTo(null, 1), readline.moveCursor(undefined, 1, 1), readline.clearLine(null, 0), readline.clearScreenDown(null));
let called = 0;
readline.cursorTo(null, 1, () => called++);
readline.cursorTo(w, 2, () => called++);
readline.moveCursor(w, 0, 0, () => called++);
for (const [label, f] of [
  ['cursorTo NaN', () => readline.cursorTo(w, NaN)],
  ['cursorTo y NaN', () => readline.cursorTo(w, 1, NaN)],
  ['cursorTo row only', () => readline.cursorTo(w, 'a', 1)],
  ['cursorTo cb', () => readline.cursorTo(w, 1, 2, 3)],
  ['moveCursor cb', () => readline.moveCursor(w, 1, 2, 3)],
  ['clearLine cb', () => readline.clearLine(w, 0, 5)],
  ['clearScreenDown cb', () => readline.clearScreenDown(w, 5)],
]) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
const keys = new PassThrough();
readline.emitKeypressEvents(keys);
readline.emitKeypressEvents(keys);
keys.on('keypress', (s, k) => console.log('key', JSON.stringify(s), JSON.stringify(k)));
for (const chunk of ['a', 'A', '\r', '\n', '\t', '\x7f', '\x03', '\x1b[A', '\x1b[D', 'ab', '\x1bb',
  '\x1b[3~', ' ', '1', '!', '\x1b[1;5C', '\x1bOP', '\x1b[5~', '\x1b[Z']) {
  keys.write(chunk);
}
setTimeout(() => console.log(out.join(' '), 'called', called), 10);
