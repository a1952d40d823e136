// vm.compileFunction: a function whose body is the code, with params, scopes and a context.
const vm = require('vm');

const add = vm.compileFunction('return a + b + c', ['a', 'b'], { contextExtensions: [{ c: 10 }] });
console.log(add(1, 2), JSON.stringify(add.name), add.length, typeof add);
console.log(add.toString());
console.log(vm.compileFunction('return this')() === globalThis, vm.compileFunction('"use strict"; return this')());
console.log(vm.compileFunction('return typeof require + typeof module + typeof arguments')());
console.log(vm.compileFunction('return [...arguments].join()', [])(1, 2, 3));

// Several extension scopes: later ones are nearer.
const scoped = vm.compileFunction('return [x, y, z].join()', [], { contextExtensions: [{ x: 1, y: 1 }, { y: 2, z: 2 }] });
console.log(scoped());

// In a context: its globals and built-ins.
const ctx = vm.createContext({ q: 5 });
const inCtx = vm.compileFunction('globalSet = q * 2; return [q, this.q, [] instanceof Array]', [], { parsingContext: ctx });
console.log(inCtx(), ctx.globalSet, inCtx() instanceof Array);

// Errors name the file; the body starts at line 1 (plus lineOffset).
for (const options of [{ filename: 'cf.js' }, { filename: 'cf.js', lineOffset: 3, columnOffset: 2 }, {}]) {
  try {
    const fn = vm.compileFunction('\nthrow new Error("from body")', [], options);
    fn();
  } catch (e) {
    console.log(e.stack.split('\n').slice(0, 3).join(' | '));
  }
}
try {
  const fn = vm.compileFunction('function inner() { throw new Error("x"); }\ninner();');
  fn();
} catch (e) {
  console.log(e.stack.split('\n').slice(0, 3).join(' | '));
}
try {
  vm.compileFunction('return (', [], { filename: 'broken.js' });
} catch (e) {
  console.log(e.stack);
}

// Cached data.
const produced = vm.compileFunction('return 1', [], { produceCachedData: true });
console.log(produced.cachedDataProduced, Buffer.isBuffer(produced.cachedData));

for (const [label, f] of [
  ['code', () => vm.compileFunction(1)],
  ['params', () => vm.compileFunction('', 'a')],
  ['params[0]', () => vm.compileFunction('', [1])],
  ['options', () => vm.compileFunction('', [], 1)],
  ['filename', () => vm.compileFunction('', [], { filename: 1 })],
  ['parsingContext', () => vm.compileFunction('', [], { parsingContext: {} })],
  ['contextExtensions', () => vm.compileFunction('', [], { contextExtensions: {} })],
  ['contextExtensions[0]', () => vm.compileFunction('', [], { contextExtensions: [1] })],
  ['lineOffset', () => vm.compileFunction('', [], { lineOffset: '1' })],
]) {
  try {
    f();
    console.log(label, 'accepted');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
