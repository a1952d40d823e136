// A contextified sandbox: its properties are the context's globals, and what the code
// assigns, declares, defines or deletes on the global shows on the sandbox afterwards.
const vm = require('vm');

const sorted = (o) => Object.keys(o).sort();
const sandbox = { a: 1, f() { return this === sandbox; } };
console.log(vm.createContext(sandbox) === sandbox, vm.isContext(sandbox), vm.isContext({}));

console.log(vm.runInContext('a += 1; b = a * 2; globalThis.g = "g"; var c = 3; function d() { return "d"; } f()', sandbox));
console.log(sorted(sandbox), sandbox.a, sandbox.b, sandbox.c, sandbox.d(), sandbox.g);
console.log(Object.getOwnPropertyDescriptor(sandbox, 'c'));

// Changes made outside are seen by the next run.
sandbox.c = 30;
sandbox.fresh = 'fresh';
console.log(vm.runInContext('[c, fresh, typeof d]', sandbox));

// delete, from inside and from outside.
console.log(vm.runInContext('delete a; typeof a', sandbox), 'a' in sandbox);
delete sandbox.fresh;
console.log(vm.runInContext('typeof fresh', sandbox));

// `var` of a sandbox property keeps its value; a bare `var` adds nothing to the sandbox.
const v = vm.createContext({ k: 1 });
console.log(vm.runInContext('var k; var q; k', v), sorted(v));
console.log(vm.runInContext('var k = 2; q = 5; k', v), v.k, v.q);

// let/const stay in the context and out of the sandbox.
console.log(vm.runInContext('let l = 1; const m = 2; l + m', v), vm.runInContext('l + m', v), 'l' in v);

// Sandbox properties shadow the built-ins while they exist.
const sh = vm.createContext({ Array: 5 });
console.log(vm.runInContext('typeof Array', sh));
delete sh.Array;
console.log(vm.runInContext('typeof Array', sh));

// Properties defined on the global keep their attributes on the sandbox.
const dp = vm.createContext({});
vm.runInContext('Object.defineProperty(globalThis, "hidden", { value: 4 }); Object.defineProperty(globalThis, "acc", { get() { return "got"; }, enumerable: true, configurable: true })', dp);
console.log(Object.getOwnPropertyDescriptor(dp, 'hidden'), dp.acc);

// Functions defined in the context see later sandbox properties.
const later = vm.createContext({});
vm.runInContext('globalThis.get = () => (typeof lateProp === "undefined" ? "missing" : lateProp)', later);
console.log(later.get());
later.lateProp = 'arrived';
console.log(later.get());

// `this` is the context's global, not the sandbox, and it shows as the sandbox.
const self = vm.runInContext('this', sandbox);
console.log(self === sandbox, self.b, vm.runInContext('this === globalThis', sandbox));
console.log(require('util').inspect(vm.createContext({ z: 1, y: [1] })));

// A sandbox's getters and methods run on the sandbox.
const acc = vm.createContext({ get now() { return 'getter'; }, n: 1, inc() { this.n++; } });
console.log(vm.runInContext('inc(); inc(); [now, n]', acc), acc.n);

// Strict-mode code cannot create globals by assignment.
try {
  vm.runInContext('"use strict"; undeclared = 1', vm.createContext({}));
} catch (e) {
  console.log(e.name, e.message);
}

// DONT_CONTEXTIFY: the context is an ordinary global object.
const plain = vm.createContext(vm.constants.DONT_CONTEXTIFY);
console.log(vm.isContext(plain), vm.runInContext('var w = 1; globalThis === this', plain), plain.w, typeof plain.Array);
console.log(vm.createContext(sandbox) === sandbox);

// The sandbox read as a global is the context's global (`window === this`).
const win = vm.createContext({});
win.window = win;
console.log(vm.runInContext('this === window && window.window === this', win));

// A constant of the sandbox is a constant global.
const fixed = {};
Object.defineProperty(fixed, 'k', { value: 'const', enumerable: false });
vm.createContext(fixed);
console.log(vm.runInContext('[delete k, k, JSON.stringify(Object.getOwnPropertyDescriptor(this, "k"))]', fixed));
