// Each context has its own built-ins: values cross, but instanceof across contexts fails.
const vm = require('vm');
const util = require('util');

const o = vm.runInNewContext('({ a: [1, 2], d: new Date(0), e: new TypeError("x"), m: new Map([[1, 2]]), r: /x/g })');
console.log(o instanceof Object, o.a instanceof Array, Array.isArray(o.a), o.d instanceof Date);
console.log(o.e instanceof Error, o.e instanceof TypeError, util.types.isNativeError(o.e), o.e.name, o.e.message);
console.log(util.types.isDate(o.d), util.types.isMap(o.m), util.types.isRegExp(o.r));
console.log(util.inspect({ a: o.a, d: o.d, m: o.m, r: o.r }));
console.log(util.isDeepStrictEqual(o.a, [1, 2]), Object.getPrototypeOf(o) === Object.prototype);
console.log(vm.runInNewContext('(x) => x instanceof Object')({}), vm.runInNewContext('arr instanceof Array', { arr: [] }));
console.log(vm.runInNewContext('Object.getPrototypeOf(arr) === Array.prototype', { arr: [] }));

// The contexts differ from each other too.
const c1 = vm.createContext();
const c2 = vm.createContext();
console.log(vm.runInContext('Array', c1) === vm.runInContext('Array', c2), vm.runInContext('Array', c1) === Array);
vm.runInContext('Array.prototype.extra = 1', c1);
console.log([].extra, vm.runInContext('[].extra', c2), vm.runInContext('[].extra', c1));

// Only the ECMAScript built-ins and V8's silent console are globals of a new context.
console.log(vm.runInNewContext('[typeof require, typeof process, typeof setTimeout, typeof Buffer, typeof module, typeof console, typeof console.log, typeof globalThis, typeof queueMicrotask, typeof structuredClone, typeof URL, typeof TextEncoder, typeof atob]').join());
vm.runInNewContext('console.log("printed by nobody"); console.error("nor this")');
console.log(vm.runInNewContext('Object.prototype.toString.call(console)'));
const names = vm.runInNewContext('Object.getOwnPropertyNames(globalThis)');
console.log(['Array', 'Promise', 'Proxy', 'Reflect', 'SharedArrayBuffer', 'WeakRef', 'escape', 'eval'].every((n) => names.includes(n)));

// The context's `eval` and `Function` compile in the context.
const ctx = vm.createContext({ x: 2 });
console.log(vm.runInContext('eval("x * 3") + new Function("return x")()', ctx));

// codeGeneration: { strings: false } forbids compiling strings inside the context.
const sealed = vm.createContext({}, { codeGeneration: { strings: false } });
for (const code of ['eval("1")', 'new Function("return 1")', '(function(){}).constructor("return 1")',
  '(function*(){}).constructor("yield 1")', '(async function(){}).constructor("return 1")']) {
  try {
    vm.runInContext(code, sealed);
    console.log('compiled', code);
  } catch (e) {
    console.log(e.name, e.message, e instanceof EvalError);
  }
}
console.log(vm.runInContext('(function(){}) instanceof Function && typeof Function', sealed));
console.log(vm.runInContext('1 + 1', sealed));

// Errors thrown in a context are that context's.
try {
  vm.runInNewContext('null.x');
} catch (e) {
  console.log(e instanceof TypeError, e.constructor.name, e.message);
}
