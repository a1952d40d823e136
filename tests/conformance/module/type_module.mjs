import { result } from './fixtures/esm-pkg/main.js';
console.log(result);
