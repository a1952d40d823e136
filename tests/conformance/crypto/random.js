// Random values: lengths, shapes and ranges (never the values), sync and callback forms.
const crypto = require('crypto');
for (const n of [0, 1, 16, 1000]) {
  const b = crypto.randomBytes(n);
  console.log('randomBytes', n, Buffer.isBuffer(b), b.length);
}
console.log('randomBytes 1.5', crypto.randomBytes(1.5).length);
const u32 = new Uint32Array(4);
console.log(crypto.randomFillSync(u32) === u32, crypto.randomFillSync(new Uint8Array(8), 2, 3).length);
console.log(crypto.randomFillSync(new ArrayBuffer(4), 1).byteLength, crypto.randomFillSync(new DataView(new ArrayBuffer(4)), 1, 3).byteLength);
// randomFillSync leaves bytes outside [offset, offset + size) alone.
const z = crypto.randomFillSync(new Uint8Array(6).fill(0), 6);
console.log(Array.from(z).join(','));
let inRange = true;
for (let i = 0; i < 2000; i++) {
  const a = crypto.randomInt(10);
  const b = crypto.randomInt(-5, 5);
  const c = crypto.randomInt(2 ** 47, 2 ** 48);
  if (!(a >= 0 && a < 10 && Number.isInteger(a))) inRange = false;
  if (!(b >= -5 && b < 5)) inRange = false;
  if (!(c >= 2 ** 47 && c < 2 ** 48)) inRange = false;
}
console.log('randomInt in range', inRange);
const seen = new Set();
for (let i = 0; i < 500; i++) seen.add(crypto.randomInt(3));
console.log('randomInt covers', [...seen].sort().join(','));
const re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
console.log('uuid', re.test(crypto.randomUUID()), re.test(crypto.randomUUID({ disableEntropyCache: true })), re.test(globalThis.crypto.randomUUID()));
console.log(crypto.randomUUID() !== crypto.randomUUID());
const g = new Int16Array(8);
console.log(crypto.getRandomValues(g) === g, crypto.webcrypto.getRandomValues(new BigUint64Array(2)).length);
console.log(globalThis.crypto === crypto.webcrypto, crypto.subtle === crypto.webcrypto.subtle, String(globalThis.crypto), String(crypto.subtle));
console.log(typeof crypto.getRandomValues.call({}, new Uint8Array(1)));
// Callback forms, chained so that the order is deterministic (node's pool runs jobs in parallel).
crypto.randomBytes(8, (err, buf) => {
  console.log('randomBytes cb', err, Buffer.isBuffer(buf), buf.length);
  crypto.randomFill(new Uint32Array(3), (err, arr) => {
    console.log('randomFill cb', err, arr.constructor.name, arr.length);
    crypto.randomFill(new Uint8Array(10), 4, (err, arr) => {
      console.log('randomFill offset cb', err, arr.length);
      crypto.randomFill(new Uint8Array(10).fill(0), 4, 2, (err, arr) => {
        console.log('randomFill size cb', err, arr.slice(0, 4).join(','), arr.slice(6).join(','));
      });
    });
  });
});
crypto.randomInt(5, (err, n) => console.log('randomInt cb', err, n >= 0 && n < 5));
crypto.randomInt(5, 6, (err, n) => console.log('randomInt min cb', err, n));
console.log('sync done');
