const util = require('util');
const f = util.format;
const deep = { a: { b: { c: { d: { e: 1 } } } }, s: 'str' };
class Pt { constructor() { this.x = 1; } }
class WithTS { toString() { return 'custom!'; } }
const err = new Error('boom'); err.stack = 'Error: boom\n    at fake';
const cases = [
  [], ['a'], ['a', 'b', 1], [1, 2], [deep], [deep, 'x'], ['%s'], ['%s', 'x', 'y'], ['%%s', 1], ['%', 1], ['%s%', 1], ['100%'], ['%z', 1], ['a%', 'b'],
  ['%s', 1.5], ['%s', -0], ['%s', 0], ['%s', 10n], ['%s', Symbol('q')], ['%s', null], ['%s', undefined], ['%s', true], ['%s', 'str'],
  ['%s', deep], ['%s', [1, [2, [3, [4]]]]], ['%s', new Pt()], ['%s', new WithTS()], ['%s', err], ['%s', new Date(0)], ['%s', () => 1], ['%s', function named() {}],
  ['%s', new Map([[1, { a: { b: 1 } }]])], ['%s', Object.create(null)], ['%s', { toString() { return 'own'; } }], ['%s', [1, 2]], ['%s', new Set([1])],
  ['%d', 1.5], ['%d', '42'], ['%d', '0x10'], ['%d', 10n], ['%d', {}], ['%d', -0], ['%d', Symbol('s')], ['%d', null], ['%d', ''], ['%d', []], ['%d', '1e3'],
  ['%i', 1.9], ['%i', -1.9], ['%i', '42.5abc'], ['%i', 10n], ['%i', Symbol('s')], ['%i', {}], ['%i', -0], ['%i', '0x1f'],
  ['%f', '1.5x'], ['%f', 10n], ['%f', Symbol('s')], ['%f', -0], ['%f', {}], ['%f', '  3 '],
  ['%j', { a: 1 }], ['%j', 'str'], ['%j', undefined], ['%j', { toJSON() { return 'tj'; } }],
  ['%o', { a: [1, 2], f() {} }], ['%o', [1, { b: { c: { d: { e: {} } } } }]], ['%O', deep], ['%O', 'str'], ['%o', 'str'],
  ['%c', 'color: red'], ['a%cb', 'x'], ['%s %s', 'a'], ['%s', 'a', 'b', { c: 1 }, 'd'], ['x', 'y', 2, undefined, null, 10n, Symbol('t')],
  [Symbol('first'), 'x'], [null, '%s'], [undefined], [10n], [-0], ['%s:%s', 'a'], ['%d%d', 1], ['%s', ''], ['', 'a'], ['%s', new Error('e2').message],
  ['%s', { constructor: null }], ['%s', Object.assign(Object.create({ toString() { return 'proto ts'; } }), { x: 1 })],
  ['%s', new (class Foo { toString() { return 'foo ts'; } })()], ['%s', new Number(3)], ['%s', new String('boxed')], ['%s', [new WithTS()]],
];
for (const c of cases) {
  let out;
  try { out = JSON.stringify(f(...c)); } catch (e) { out = 'THROW ' + e.message; }
  console.log(out);
}
const circ = { name: 'c' }; circ.self = circ;
console.log(f('%j', circ));
const bad = { toJSON() { throw new Error('tojson fails'); } };
try { f('%j', bad); } catch (e) { console.log('j throws', e.message); }
console.log(JSON.stringify(util.formatWithOptions({ colors: true }, '%s %d %i %f %o %O', 'a', 1, 2, 3.5, { a: 1 }, [1]))); 
console.log(JSON.stringify(util.formatWithOptions({ colors: true }, 1, 'a', { b: 'c' })));
console.log(JSON.stringify(util.formatWithOptions({ compact: false }, '%o', { a: 1 })), JSON.stringify(util.formatWithOptions({ depth: 0 }, '%O %s', { a: { b: 1 } }, { a: { b: 1 } })));
console.log(JSON.stringify(util.formatWithOptions({ numericSeparator: true }, '%d %i %f %s', 1234567, 1234567, 1234567.5, 1234567)));
try { util.formatWithOptions(null, 'x'); } catch (e) { console.log(e.code, e.message); }
try { util.formatWithOptions('x', 'x'); } catch (e) { console.log(e.code, e.message); }
console.log(f.name, f.length, util.formatWithOptions.name, util.formatWithOptions.length);
