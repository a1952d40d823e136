// Errors thrown by vm code keep their class; their stacks name the script's file and
// lines (offsets applied) and, with displayErrors, start with the source line and caret.
const vm = require('vm');

function show(f) {
  try {
    f();
    console.log('no error');
  } catch (e) {
    console.log('---');
    console.log(typeof e === 'object' && e !== null && 'stack' in e ? e.stack : e);
  }
}

show(() => vm.runInThisContext('null.x', { filename: 'this.js' }));
show(() => vm.runInNewContext('\n  undefinedName + 1', {}, 'new.js'));
show(() => vm.runInThisContext('function inner() { throw new RangeError("deep"); }\ninner();', { filename: 'nested.js' }));
show(() => vm.runInThisContext('  throw new Error("offset")', { filename: 'offset.js', lineOffset: 2, columnOffset: 3 }));
show(() => vm.runInThisContext('x.y', { lineOffset: 2 }));
show(() => vm.runInThisContext('x.y', { filename: 'plain.js', displayErrors: false }));
show(() => new vm.Script('throw new TypeError("script")', { filename: 'script.js' }).runInNewContext());
show(() => vm.runInThisContext('throw 42'));
show(() => vm.runInThisContext('throw { notAnError: true }'));

// Parse errors are thrown when the script is made.
show(() => new vm.Script('let x = ;', { filename: 'syntax.js' }));
show(() => new vm.Script('foo(', { filename: 'eof.js' }));
show(() => vm.runInThisContext('let a = 1;\nlet a = 2;', { filename: 'redeclare.js' }));
show(() => vm.runInNewContext('var = 1', {}, { filename: 'new-syntax.js' }));

// A function made by the script and called later still names the script.
const later = vm.runInNewContext('(function later() {\n  throw new Error("later");\n})', {}, { filename: 'later.js' });
show(() => later());

// Bad arguments.
for (const [label, f] of [
  ['Script(code, 1)', () => new vm.Script('1', 1)],
  ['filename', () => new vm.Script('1', { filename: 1 })],
  ['lineOffset', () => new vm.Script('1', { lineOffset: 'x' })],
  ['lineOffset 1.5', () => new vm.Script('1', { lineOffset: 1.5 })],
  ['columnOffset', () => new vm.Script('1', { columnOffset: 2 ** 31 })],
  ['cachedData', () => new vm.Script('1', { cachedData: 'x' })],
  ['produceCachedData', () => new vm.Script('1', { produceCachedData: 1 })],
  ['importModuleDynamically', () => new vm.Script('1', { importModuleDynamically: 1 })],
  ['runInThisContext(1)', () => new vm.Script('1').runInThisContext(1)],
  ['runInThisContext(null)', () => new vm.Script('1').runInThisContext(null)],
  ['displayErrors', () => new vm.Script('1').runInThisContext({ displayErrors: 1 })],
  ['breakOnSigint', () => new vm.Script('1').runInThisContext({ breakOnSigint: 'yes' })],
  ['runInContext()', () => new vm.Script('1').runInContext()],
  ['runInContext({})', () => vm.runInContext('1', {})],
  ['runInNewContext(1)', () => vm.runInNewContext('1', 1)],
  ['createContext(1)', () => vm.createContext(1)],
  ['createContext options', () => vm.createContext({}, 1)],
  ['name', () => vm.createContext({}, { name: 1 })],
  ['origin', () => vm.createContext({}, { origin: 1 })],
  ['codeGeneration', () => vm.createContext({}, { codeGeneration: 1 })],
  ['codeGeneration.strings', () => vm.createContext({}, { codeGeneration: { strings: 1 } })],
  ['codeGeneration.wasm', () => vm.createContext({}, { codeGeneration: { wasm: 'no' } })],
  ['microtaskMode', () => vm.createContext({}, { microtaskMode: 'x' })],
  ['isContext(1)', () => vm.isContext(1)],
  ['isContext(null)', () => vm.isContext(null)],
]) {
  try {
    f();
    console.log(label, 'accepted');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
