import def, { flavour } from 'pkg-exports';
import cjs from './fixtures/common.cjs';
import { kind } from './fixtures/named.cjs';
import EventEmitter, { once } from 'events';
import * as ns from './fixtures/esm-lib.mjs';
import data from './fixtures/data.json' with { type: 'json' };

console.log(def, flavour);
console.log(cjs.kind, kind);
console.log(typeof EventEmitter, typeof once);
console.log(ns.double(21), ns.default);
console.log(data.answer);
console.log(import.meta.url.startsWith('file:///'), import.meta.url.endsWith('/esm_basic.mjs'));
console.log(import.meta.filename.endsWith('esm_basic.mjs'), import.meta.dirname === process.cwd());
const dyn = await import('./fixtures/esm-lib.mjs');
console.log(dyn === ns || dyn.double === ns.double);
const later = await new Promise((r) => setTimeout(() => r('top-level await'), 5));
console.log(later);
