// fs.readSync/read coerce `length` as node does (null → 0, '2' → 2, 1.5 → 1), check the
// range after, and reading 0 bytes into an empty buffer is not an error.
'use strict';
const fs = require('fs');
const fd = fs.openSync(__filename, 'r');
const b = Buffer.alloc(4);
for (const o of [{ length: null }, { length: '2' }, { length: 1.5 }, { length: -1 }, { length: 9 }]) {
  try {
    console.log(JSON.stringify(o), fs.readSync(fd, b, o));
  } catch (e) {
    console.log(JSON.stringify(o), e.name, e.code, e.message);
  }
}
for (const l of [null, '2', 1.5, -1]) {
  try {
    console.log(String(l), fs.readSync(fd, b, 0, l, 0));
  } catch (e) {
    console.log(String(l), e.name, e.code, e.message);
  }
}
console.log('empty, 0', fs.readSync(fd, Buffer.alloc(0), 0, 0, 0));
try {
  fs.readSync(fd, Buffer.alloc(0), 0, 1, 0);
} catch (e) {
  console.log('empty, 1', e.name, e.code, e.message);
}
// readSync(fd, buffer, x): x must be an options object.
for (const x of [[], () => {}, '4444', true, Infinity, null]) {
  try {
    console.log(typeof x, fs.readSync(fd, b, x));
  } catch (e) {
    console.log(typeof x, e.name, e.code, e.message);
  }
}
fs.read(fd, Buffer.alloc(0), 0, 0, 0, (err, n) => {
  console.log('callback', err, n);
  fs.closeSync(fd);
});
