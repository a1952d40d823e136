// util.inspect key quoting and escaping, a user stylize, and how mixed lists are grouped
// into columns (numbers right-aligned, wide characters counted as two cells).
const util = require('util');
const cases = [
  () => ({ [Symbol('a\nb')]: 1 }),
  [() => Object.defineProperty({}, 'a\nb', { value: 1 }), { showHidden: true }],
  [() => Object.defineProperty({}, "it's", { value: 1 }), { showHidden: true }],
  () => ({ 'a\nb': 1, "q'": 2, 'é': 3, 'a"b': 4 }),
  [() => ({ a: 1 }), { stylize: (s) => `<${s}>` }],
  () => { const o = { toString() { return 'x'; } }; return o; },
  () => [new Map([[NaN, -0]]), new Set([-0])],
  () => ({ a: [new Map([[{}, []]])] }),
  () => Array.from({ length: 3 }, () => Array.from({ length: 8 }, (_, i) => i)),
  () => ({ matrix: Array.from({ length: 3 }, () => Array.from({ length: 10 }, (_, i) => i * 11)) }),
  () => Array.from({ length: 9 }, (_, i) => ({ i })),
  () => [1, 2, 3, 4, 5, 6, 7, ['nested', 'array', 'with', 'some', 'strings', 'in', 'it']],
  () => Array.from({ length: 7 }, (_, i) => (i % 2 ? 'str' + i : i)),
  () => [1n, 2n, 3n, 4n, 5n, 6n, 700n],
  () => [0.1, 0.25, 1000.5, -3, 4, 5, 6, 7],
  () => ['😀😀', '日本語', 'abc', 'd', 'e', 'f', 'g', 'h'],
];
for (const [i, c] of cases.entries()) {
  const [make, opts] = Array.isArray(c) ? c : [c];
  console.log(`#${i} ${util.inspect(make(), opts)}`);
}
