// The `process` global is an accessor pair, as node's: a program may replace it and put
// it back.
const real = process;
const d = Object.getOwnPropertyDescriptor(globalThis, 'process');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, 'value' in d);
process = 'replaced';
console.log(process, globalThis.process);
globalThis.process = real;
console.log(process === require('process'));
