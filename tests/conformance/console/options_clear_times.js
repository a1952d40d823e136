// Console's groupIndentation checks, clear() on a terminal and off one, and the
// console.time() table node keeps in `_times`.
'use strict';
const { Console } = require('console');
const { Writable } = require('stream');

for (const g of [null, 'str', -1, 1001, 1.5, 0, 1000]) {
  try {
    new Console({ stdout: process.stdout, groupIndentation: g });
    console.log('ok', g);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

let written = '';
const sink = new Writable({ write(c, e, cb) { written += c; cb(); } });
const c = new Console({ stdout: sink });
c.clear();
console.log(JSON.stringify(written));
sink.isTTY = true;
c.clear();
console.log(JSON.stringify(written));

const d = Object.getOwnPropertyDescriptor(c, '_times');
console.log(d.enumerable, typeof d.value.get, Object.keys(c).includes('_times'));
c.time('x');
console.log([...c._times.keys()]);
c.timeEnd('x');
console.log(c._times.size);
console.time('g');
console.log(console._times.has('g'));
