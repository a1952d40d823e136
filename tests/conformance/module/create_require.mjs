import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
console.log(require('./fixtures/data.json').answer);
console.log(createRequire(new URL('./fixtures/x.js', import.meta.url))('pkg-exports/feature'));
