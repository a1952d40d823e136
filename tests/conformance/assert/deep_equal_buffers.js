// Buffers in deep equality and in assertion diffs.
const assert = require('assert');
const { isDeepStrictEqual: s } = require('util');
console.log(s(Buffer.from('ab'), Buffer.from('ab')), s(Buffer.from('ab'), new Uint8Array([97, 98])), s(Buffer.from('ab'), Buffer.from('ac')));
try { assert.deepStrictEqual(Buffer.from('hello'), Buffer.from('hellp')); } catch (e) { console.log(e.message); }
try { assert.deepStrictEqual({ b: Buffer.from('x') }, { b: Buffer.from('y') }); } catch (e) { console.log(e.message); }
try { assert.deepEqual(Buffer.from('x'), new Uint8Array([120])); console.log('loose ok'); } catch (e) { console.log(e.message); }
try { assert.strictEqual(Buffer.from('x'), Buffer.from('x')); } catch (e) { console.log(e.message); }
