const util = require('util');
const v = { s: 'str', n: 1, b: true, u: undefined, nl: null, sym: Symbol('q'), f() {}, d: new Date(0), r: /x/g, arr: [1, , 3], nested: { a: { b: { c: {} } } }, big: 10n, m: new Map([['k', 1]]), get g() { return 1; } };
v.self = v;
console.log(util.inspect(v, { colors: true }));
console.log(util.inspect(Array.from({ length: 30 }, (_, i) => i * 3), { colors: true }));
console.log(util.inspect('x'.repeat(5), { colors: true }), util.format('%o', [1]));
console.log(util.inspect({ a: 'x'.repeat(30), b: 'y'.repeat(30), c: 1 }, { colors: true }));
