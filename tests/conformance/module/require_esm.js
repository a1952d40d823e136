const m = require('./fixtures/esm-lib2.mjs');
console.log(m, m.double(4), m.default);
console.log(require('./fixtures/esm-lib2.mjs') === m);
try { require('./fixtures/esm-tla.mjs'); } catch (e) { console.log(e.code); }
import('./fixtures/esm-lib2.mjs').then((n) => console.log('same ns', n === m));
