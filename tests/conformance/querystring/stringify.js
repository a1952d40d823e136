// querystring.stringify/encode: value kinds, arrays, separators, custom encoders.
const qs = require('querystring');
const s = (...a) => console.log(JSON.stringify(qs.stringify(...a)));
s({ foo: 'bar', baz: ['qux', 'quux'], corge: '' });
s({ a: 1, b: -0, c: 1.5, d: 1e21, e: 1e-7, f: NaN, g: Infinity, h: 10n, i: true, j: false, k: null, l: undefined, m: {}, n: () => 1, o: Symbol('x') });
s({ arr: [1, 'two', [3], null, true, 4n], empty: [], 'k y': 'v&w', 'é': 'ü€😀' });
s({ a: 1, b: 2 }, ';', ':');
s({ a: [1, 2] }, '&&', '==');
s({ a: 1 }, '', '');
s({ a: 'x y', b: [1, 2] }, null, null, { encodeURIComponent: (v) => `<${v}>` });
s({ a: 'x' }, null, null, { encodeURIComponent: (v) => v.length });
s({ a: 'x' }, null, null, { encodeURIComponent: 'nope' });
s(Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3 } }));
s([['a', 1], 'b']);
for (const v of [undefined, null, 'a=1', 5, true, () => {}]) s(v);
try {
  qs.stringify({ a: 1, b: 2 }, null, null, { encodeURIComponent(v) { if (v === 'b') throw new TypeError('enc'); return v; } });
} catch (e) {
  console.log(e.name, e.message);
}
const orig = qs.escape;
qs.escape = (v) => `[${v}]`;
s({ a: 'b c' });
qs.escape = orig;
s({ a: 'b c' });
const origU = qs.unescape;
qs.unescape = (v) => `{${v}}`;
console.log(qs.parse('a=b%20c&d=e'));
qs.unescape = origU;
console.log(qs.parse('a=b%20c&d=e'));
