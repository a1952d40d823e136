// vm.Script: compile once, run in any context; its own properties; cached data.
const vm = require('vm');

const script = new vm.Script('count = (typeof count === "number" ? count : 0) + 1', { filename: 'counter.js' });
console.log(Object.keys(script), script instanceof vm.Script, typeof vm.createScript);
const a = vm.createContext({});
const b = vm.createContext({ count: 10 });
script.runInContext(a);
script.runInContext(a);
script.runInContext(b);
console.log(a.count, b.count, script.runInNewContext({ count: 100 }), script.runInNewContext());
globalThis.count = 1000;
console.log(script.runInThisContext(), globalThis.count);

console.log(new vm.Script('1 + 1\n//# sourceMappingURL=out.js.map').sourceMapURL);
console.log(new vm.Script('1', 'named.js').runInThisContext());
console.log(vm.runInThisContext('var fromVm = "global"; typeof require'), globalThis.fromVm);
console.log(vm.runInThisContext('this === globalThis'));

// Cached data identifies its source: accepted for the same source, rejected otherwise.
const made = new vm.Script('"cache me"', { produceCachedData: true });
console.log(made.cachedDataProduced, Buffer.isBuffer(made.cachedData), made.cachedDataRejected);
const data = new vm.Script('"cached source"').createCachedData();
console.log(Buffer.isBuffer(data), data.length > 0);
console.log(new vm.Script('"cached source"', { cachedData: data }).cachedDataRejected);
console.log(new vm.Script('"another source"', { cachedData: data }).cachedDataRejected);
console.log(new vm.Script('"some source"', { cachedData: Buffer.from('not cached data') }).cachedDataRejected);

console.log(Object.keys(vm).sort());
console.log(vm.constants);
console.log(typeof vm.SourceTextModule, typeof vm.SyntheticModule, typeof vm.Module);
