import { EventEmitter } from 'events';
import { double } from './fixtures/esm-lib.mjs';
console.log(typeof EventEmitter, double(2), import.meta.url.endsWith('detect_module_main.js'), typeof require);
