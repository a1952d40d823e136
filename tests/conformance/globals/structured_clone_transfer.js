// structuredClone's { transfer }: transferred ArrayBuffers are detached once the value is
// cloned, the clone keeps their bytes; bad transfer lists throw node's errors.
'use strict';
function attempt(label, f) {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

const a = new ArrayBuffer(4);
new Uint8Array(a)[0] = 7;
const c = structuredClone({ a, v: new Uint8Array(a) }, { transfer: [a] });
console.log(a.byteLength, c.a.byteLength, c.v[0], c.v.buffer === c.a);
attempt('detached, transferred again', () => structuredClone(a, { transfer: [a] }).byteLength);
attempt('detached, copied', () => structuredClone(a));
attempt('unreachable', () => {
  const u = new ArrayBuffer(3);
  structuredClone(1, { transfer: [u] });
  return u.byteLength;
});
const b = new ArrayBuffer(4);
attempt('failed clone keeps it', () => structuredClone({ f() {} }, { transfer: [b] }));
console.log(b.byteLength);
attempt('duplicate', () => structuredClone(b, { transfer: [b, b] }));
attempt('set', () => structuredClone(1, { transfer: new Set([new ArrayBuffer(1)]) }));
attempt('string list', () => structuredClone(1, { transfer: 'ab' }));
attempt('number options', () => structuredClone(1, 1));
attempt('null options', () => structuredClone(1, null));
attempt('bad item', () => structuredClone(1, { transfer: [1] }));
attempt('shared', () => structuredClone(1, { transfer: [new SharedArrayBuffer(2)] }));
