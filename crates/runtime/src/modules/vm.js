// node:vm on QuickJS realms: Script, runInThisContext/runInContext/runInNewContext,
// createContext/isContext, compileFunction, measureMemory, constants.
//
// A context is a realm (realm.rs: a QuickJS context of its own in this runtime) whose global
// object is linked to the user's sandbox object (contextify.js-style, see "Contextified
// sandboxes" below). Code runs in a realm through the realm's own `Reflect.apply`, which
// hands the native `evaluate` that realm's context.
'use strict';

const { errors, natives } = internal;
const vb = natives.vm;

// ---- argument checks, in node's words ------------------------------------------------
function validateString(value, name) {
  if (typeof value !== 'string') throw errors.invalidArgType(name, 'string', value);
}
function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw errors.invalidArgType(name, 'boolean', value);
}
function validateFunction(value, name) {
  if (typeof value !== 'function') throw errors.invalidArgType(name, 'function', value);
}
// node's validateObject: null and non-objects fail; arrays and functions pass when allowed.
function validateObject(value, name, allowFunctions = false) {
  if (value === null || (typeof value !== 'object' && !(allowFunctions && typeof value === 'function'))) {
    throw errors.invalidArgType(name, 'object', value);
  }
}
function validateInt32(value, name) {
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < -2147483648 || value > 2147483647) {
    throw errors.outOfRange(name, '>= -2147483648 && <= 2147483647', value);
  }
}
function validateTimeout(value) {
  if (typeof value !== 'number') throw errors.invalidArgType('options.timeout', 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange('options.timeout', 'an integer', value);
  if (value < 1 || value > 4294967295) {
    throw errors.outOfRange('options.timeout', '>= 1 && <= 4294967295', value);
  }
}
function validateOneOf(value, name, allowed) {
  if (!allowed.includes(value)) {
    const list = allowed.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    const e = errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The property '${name}' must be one of: ${list}. Received ${internal.inspect(value)}`);
    throw e;
  }
}
function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});
function validateImportHook(value, name) {
  if (value === undefined || value === constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) return;
  validateFunction(value, name);
}

// ---- sources -------------------------------------------------------------------------
// What the engine needs to run a piece of code as node would place it: the first line
// is `lineOffset + 1`, and the first line's columns move by `columnOffset` (spaces before
// the code, which change nothing else; not before a `#!` line, which must come first).
function prepareSource(code, filename, lineOffset, columnOffset) {
  const pad = columnOffset > 0 && !code.startsWith('#!') ? ' '.repeat(columnOffset) : '';
  return { code: pad + code, filename, line: lineOffset + 1, lineOffset, pad: pad.length };
}
// Error carets and V8-style columns read the source by file name and line (engine.js).
const vmFiles = internal.engineState.vmFiles;
function registerSource(src) {
  let text = src.code;
  if (src.lineOffset > 0) text = '\n'.repeat(src.lineOffset) + text;
  else if (src.lineOffset < 0) text = text.split('\n').slice(-src.lineOffset).join('\n');
  internal.sourceCache.set(src.filename, text);
  vmFiles.add(src.filename);
}
// The `//# sourceMappingURL=` comment V8 reports as a script's sourceMapURL (the last one).
function sourceMapURL(code) {
  const re = /\/[*/][#@]\s*sourceMappingURL\s*=\s*([^\s'"*]+)\s*(?:\*\/\s*)?$/gm;
  let url;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) url = m[1];
  return url;
}

// ---- cached data ---------------------------------------------------------------------
// nrt compiles from source every time (bytecode from outside is not something QuickJS can
// check), so cached data only identifies the source it was made for: a tag, then the
// SHA-256 of the source. `cachedDataRejected` tells truly whether it matches.
const kCacheTag = 'nrt-vm-cache-1:';
function createCachedData(code) {
  const { Buffer } = internal.requireBuiltin('buffer');
  const hash = internal.requireBuiltin('crypto').createHash('sha256').update(code).digest();
  return Buffer.concat([Buffer.from(kCacheTag), hash]);
}
function cachedDataMatches(data, code) {
  const { Buffer } = internal.requireBuiltin('buffer');
  const given = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return given.equals(createCachedData(code));
}

// ---- running -------------------------------------------------------------------------
// What `evaluate` returns instead of a value when the run was stopped.
const kStopped = { __proto__: null, timedOut: { __proto__: null }, interrupted: { __proto__: null } };
const scripts = new WeakMap(); // Script -> its prepared source

// The only call into the engine that compiles code: a parse error's stack starts above it
// (engine.js knows this function by name).
function nrtVmCompile(src, flags, timeout) {
  return vb.evaluate(src.code, src.filename, src.line, timeout, flags, kStopped);
}

// node's displayErrors: an error thrown out of the script carries the `file:line`, source
// line and caret header node prints for uncaught errors, in its `stack`.
function decorate(err, src) {
  if (err === null || typeof err !== 'object' || internal.decoratedErrors.has(err)) return;
  let stack;
  try {
    stack = err.stack;
  } catch {
    return;
  }
  if (typeof stack !== 'string') return;
  let header = internal.sourceHeader(err, false);
  if (header === '') return;
  if (src !== undefined && src.pad > 0) {
    // The columnOffset spaces are nrt's, not the script's: node shows the line as given.
    const [where, text, caret, ...rest] = header.split('\n');
    if (where.endsWith(`:${src.line}`) && text.startsWith(' '.repeat(src.pad))) {
      header = [where, text.slice(src.pad), caret.slice(Math.min(src.pad, caret.search(/\S|$/))), ...rest].join('\n');
    }
  }
  try {
    Object.defineProperty(err, 'stack', { value: header + stack, writable: true, enumerable: false, configurable: true });
    internal.decoratedErrors.add(err);
  } catch { /* frozen: left as it is */ }
}

// Made by node's C++ side: a plain error (no `[code]` in its header) with a `code`.
function timeoutError(ms, ErrorClass) {
  const e = new ErrorClass(`Script execution timed out after ${ms}ms`);
  e.code = 'ERR_SCRIPT_EXECUTION_TIMEOUT';
  return e;
}

// Runs a prepared source in `context` (null: this context).
function run(src, context, { timeout, displayErrors, breakOnSigint }) {
  registerSource(src);
  let flags = breakOnSigint ? vb.BREAK_ON_SIGINT : 0;
  let result;
  try {
    if (context === null) {
      result = nrtVmCompile(src, flags, timeout);
    } else {
      if (context.microtaskMode === 'afterEvaluate') flags |= vb.DRAIN_JOBS;
      syncIn(context);
      try {
        result = context.apply(vb.evaluate, undefined,
          [src.code, src.filename, src.line, timeout, flags, kStopped]);
      } finally {
        syncOut(context);
      }
    }
  } catch (e) {
    if (displayErrors) decorate(e, src);
    throw e;
  }
  if (result === kStopped.timedOut) throw timeoutError(timeout, context === null ? Error : context.global.Error);
  if (result === kStopped.interrupted) {
    const e = new (context === null ? Error : context.global.Error)('Script execution was interrupted by `SIGINT`');
    e.code = 'ERR_SCRIPT_EXECUTION_INTERRUPTED';
    throw e;
  }
  return result;
}

function runOptions(options, positional) {
  if (options === undefined) return { timeout: 0, displayErrors: true, breakOnSigint: false };
  if (positional && typeof options !== 'object') options = {};
  validateObject(options, 'options');
  const { timeout, displayErrors = true, breakOnSigint = false } = options;
  if (timeout !== undefined) validateTimeout(timeout);
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return { timeout: timeout ?? 0, displayErrors, breakOnSigint };
}

// ---- Script --------------------------------------------------------------------------
class Script {
  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    else validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
      throw errors.invalidArgType('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    validateImportHook(importModuleDynamically, 'options.importModuleDynamically');
    const src = prepareSource(code, filename, lineOffset, columnOffset);
    // node compiles when the Script is made: parse errors are thrown here.
    registerSource(src);
    try {
      nrtVmCompile(src, vb.COMPILE_ONLY, 0);
    } catch (e) {
      decorate(e, src);
      throw e;
    }
    scripts.set(this, src);
    this.sourceMapURL = sourceMapURL(code);
    if (cachedData !== undefined) this.cachedDataRejected = !cachedDataMatches(cachedData, code);
    if (produceCachedData) {
      this.cachedData = createCachedData(code);
      this.cachedDataProduced = true;
    }
    src.source = code;
  }

  runInThisContext(options) {
    return run(sourceOf(this), null, runOptions(options));
  }

  runInContext(contextifiedObject, options) {
    const context = contextOf(contextifiedObject);
    return run(sourceOf(this), context, runOptions(options));
  }

  runInNewContext(contextObject, options) {
    const sandbox = createContext(contextObject, newContextOptions(options));
    return this.runInContext(sandbox, options);
  }

  createCachedData() {
    return createCachedData(sourceOf(this).source);
  }
}
function sourceOf(script) {
  const src = scripts.get(script);
  if (src === undefined) {
    throw errors.make(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Script');
  }
  return src;
}

function createScript(code, options) {
  return new Script(code, options);
}

// The runIn*Context functions take a file name in place of options.
function scriptOptions(options) {
  if (typeof options === 'string') return { filename: options };
  if (options === null || typeof options !== 'object') return {};
  return options;
}

function runInThisContext(code, options) {
  options = scriptOptions(options);
  const { filename = 'evalmachine.<anonymous>', lineOffset = 0, columnOffset = 0 } = options;
  // Compiled once, in this context: the Script's own check would parse it twice.
  if (options.cachedData === undefined && !options.produceCachedData &&
      typeof filename === 'string' && Number.isInteger(lineOffset) && Number.isInteger(columnOffset) &&
      Math.abs(lineOffset) <= 2147483647 && Math.abs(columnOffset) <= 2147483647) {
    validateImportHook(options.importModuleDynamically, 'options.importModuleDynamically');
    const src = prepareSource(`${code}`, filename, lineOffset, columnOffset);
    return run(src, null, runOptions(options, true));
  }
  return createScript(code, options).runInThisContext(options);
}

function runInContext(code, contextifiedObject, options) {
  options = scriptOptions(options);
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function newContextOptions(options) {
  if (options === undefined || options === null || typeof options !== 'object') return undefined;
  return {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: options.contextCodeGeneration,
    microtaskMode: options.microtaskMode,
  };
}

function runInNewContext(code, contextObject, options) {
  options = scriptOptions(options);
  const sandbox = createContext(contextObject, newContextOptions(options));
  return createScript(code, options).runInContext(sandbox, options);
}

// ---- Contextified sandboxes ----------------------------------------------------------
// node's contexts forward every global lookup of the context to the sandbox object (V8
// interceptors). A QuickJS global object cannot intercept, so the realm's global is
// linked to the sandbox three ways:
// - its prototype is a view of the sandbox (linkSandbox);
// - each own property of the sandbox is an own accessor of the global (installed before a
//   run): `var k` finds it declared, reads and writes reach the sandbox, and `delete k`
//   removes it, which the next look-up or the end of the run carries to the sandbox;
// - after a run, what the code declared or defined on the global (`var`, function
//   declarations, `Object.defineProperty(globalThis, …)`, assignments to built-ins) is
//   copied to the sandbox. Declarations cannot be removed from a global object; their
//   values are copied in before each run and out after it.
const contexts = new WeakMap(); // sandbox (or a DONT_CONTEXTIFY global) -> context state
internal.vmSandboxes = new WeakMap(); // a context's global object -> its sandbox (for inspect)
let contextCount = 0;

function descriptorsEqual(a, b) {
  return Object.is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable &&
    a.enumerable === b.enumerable && a.configurable === b.configurable;
}
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

// A global read from the sandbox: the sandbox itself reads as the global (node's
// interceptors hand back the global proxy for it, so `window === this` holds).
function fromSandbox(state, value) {
  return value === state.sandbox ? state.global : value;
}

function mirror(state, key, enumerable) {
  const { sandbox, global } = state;
  const accessor = {
    get: () => fromSandbox(state, Reflect.get(sandbox, key)),
    set: (v) => { Reflect.set(sandbox, key, v); },
  };
  Reflect.defineProperty(global, key, { get: accessor.get, set: accessor.set, enumerable, configurable: true });
  state.mirrored.set(key, accessor);
}

// A mirrored accessor the code deleted: the sandbox loses the property too.
function settleDeleted(state, key) {
  if (state.mirrored.has(key) && !hasOwn(state.global, key)) {
    state.mirrored.delete(key);
    Reflect.deleteProperty(state.sandbox, key);
  }
}

function syncIn(state) {
  const { sandbox, global } = state;
  if (sandbox === null) return;
  for (const key of Reflect.ownKeys(sandbox)) {
    if (state.mirrored.has(key)) continue;
    if (state.declared.has(key)) {
      // A declaration of the code: the sandbox's value wins, as node reads the sandbox first.
      const d = Reflect.getOwnPropertyDescriptor(sandbox, key);
      if (d !== undefined && 'value' in d) Reflect.set(global, key, d.value);
      continue;
    }
    const own = Reflect.getOwnPropertyDescriptor(global, key);
    if (own !== undefined && !own.configurable) continue; // undefined, NaN, Infinity, constants
    const d = Reflect.getOwnPropertyDescriptor(sandbox, key);
    if (d !== undefined && 'value' in d && !d.configurable && !d.writable) {
      // A constant of the sandbox never changes: the global gets it as it is.
      Reflect.defineProperty(global, key, { ...d, value: fromSandbox(state, d.value) });
      state.baseline.set(key, Reflect.getOwnPropertyDescriptor(global, key));
      continue;
    }
    mirror(state, key, d === undefined ? true : d.enumerable);
  }
  for (const key of [...state.mirrored.keys()]) {
    if (hasOwn(sandbox, key)) continue;
    // Gone from the sandbox since the last run: the global goes back to what it was.
    state.mirrored.delete(key);
    Reflect.deleteProperty(global, key);
    const builtin = state.baseline.get(key);
    if (builtin !== undefined) Reflect.defineProperty(global, key, builtin);
  }
}

function syncOut(state) {
  const { sandbox, global } = state;
  if (sandbox === null) return;
  for (const key of Reflect.ownKeys(global)) {
    const m = state.mirrored.get(key);
    const builtin = state.baseline.get(key);
    // Most keys are built-ins the run left alone: a value read tells (cheaper than a
    // descriptor on every run).
    if (m === undefined && builtin !== undefined && 'value' in builtin &&
        Object.is(global[key], builtin.value)) continue;
    const d = Reflect.getOwnPropertyDescriptor(global, key);
    if (m !== undefined && d.get === m.get) continue;
    if (builtin !== undefined && descriptorsEqual(builtin, d)) continue;
    if (m !== undefined) state.mirrored.delete(key);
    const current = Reflect.getOwnPropertyDescriptor(sandbox, key);
    // `var` and function declarations make exactly these; node's sandbox gets an ordinary
    // property once the declaration has a value.
    const declaration = 'value' in d && d.writable && d.enumerable && !d.configurable;
    if (declaration) state.declared.add(key);
    if (declaration && current === undefined && d.value === undefined) continue;
    if (builtin !== undefined && 'value' in d && current === undefined) {
      // An assignment to a built-in global (`Array = 1`): an ordinary sandbox property.
      Reflect.set(sandbox, key, d.value);
    } else if (current !== undefined && 'value' in current && current.writable && 'value' in d) {
      if (!Object.is(current.value, d.value)) Reflect.set(sandbox, key, d.value);
    } else if (current === undefined || current.configurable) {
      Reflect.defineProperty(sandbox, key, declaration
        ? { value: d.value, writable: true, enumerable: true, configurable: true }
        : d);
    }
    if (d.configurable) mirror(state, key, d.enumerable);
  }
  for (const key of [...state.mirrored.keys()]) settleDeleted(state, key);
}

// The global's prototype answers for the sandbox (sandbox_view.rs): globals the global
// object lacks are read from the sandbox (then from the realm's Object.prototype), and
// assignments to new globals (`x = 1`, `globalThis.y = 2`) land on the sandbox.
const kMissing = { __proto__: null };
function linkSandbox(state) {
  const { sandbox, global } = state;
  const get = (key) => {
    settleDeleted(state, key);
    return key in sandbox ? fromSandbox(state, Reflect.get(sandbox, key)) : kMissing;
  };
  const set = (key, value, receiver) => {
    if (receiver !== global) {
      return Reflect.defineProperty(receiver, key, { value, writable: true, enumerable: true, configurable: true });
    }
    settleDeleted(state, key);
    return Reflect.set(sandbox, key, value);
  };
  Object.setPrototypeOf(global, vb.createSandboxView(global.Object.prototype, get, set, kMissing));
}

function makeRealm(allowStrings) {
  const global = vb.createRealm();
  // Taken before any user code runs in the realm (which may replace the global's).
  const apply = global.Reflect.apply;
  // The realm's errors, dates and numbers print as the main realm's.
  const engine = apply(natives.loadBuiltin, undefined, ['internal/engine']);
  engine({ __proto__: null }, natives, internal.engineState);
  const setup = apply(natives.loadBuiltin, undefined, ['internal/vm_realm']);
  setup(allowStrings);
  return { global, apply };
}

function createContext(contextObject = {}, options = {}) {
  if (contextObject !== constants.DONT_CONTEXTIFY && isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const {
    name = `VM Context ${++contextCount}`,
    origin,
    codeGeneration,
    microtaskMode,
    importModuleDynamically,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  let allowStrings = true;
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    const { strings = true, wasm = true } = codeGeneration;
    validateBoolean(strings, 'options.codeGeneration.strings');
    validateBoolean(wasm, 'options.codeGeneration.wasm');
    allowStrings = strings;
  }
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  validateImportHook(importModuleDynamically, 'options.importModuleDynamically');
  const { global, apply } = makeRealm(allowStrings);
  const state = {
    sandbox: contextObject === constants.DONT_CONTEXTIFY ? null : contextObject,
    global,
    apply,
    name,
    microtaskMode,
    mirrored: new Map(), // key -> the accessor standing for a sandbox property
    declared: new Set(), // globals the code declared (not removable from the global)
    baseline: new Map(), // the realm's own built-in globals
  };
  for (const key of Reflect.ownKeys(global)) {
    state.baseline.set(key, Reflect.getOwnPropertyDescriptor(global, key));
  }
  if (state.sandbox === null) {
    contexts.set(global, state);
    return global;
  }
  linkSandbox(state);
  contexts.set(contextObject, state);
  internal.vmSandboxes.set(global, contextObject);
  return contextObject;
}

function isContext(object) {
  validateObject(object, 'object', true);
  return contexts.has(object);
}

function contextOf(contextifiedObject) {
  validateObject(contextifiedObject, 'object', true);
  const state = contexts.get(contextifiedObject);
  if (state === undefined) {
    throw errors.invalidArgTypeText('contextifiedObject', 'an vm.Context', contextifiedObject);
  }
  return state;
}

// ---- compileFunction -----------------------------------------------------------------
function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  if (!Array.isArray(params)) throw errors.invalidArgType('params', 'Array', params);
  for (let i = 0; i < params.length; i++) validateString(params[i], `params[${i}]`);
  validateObject(options, 'options');
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData,
    produceCachedData = false,
    parsingContext,
    contextExtensions = [],
    importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
    throw errors.invalidArgType('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
  validateBoolean(produceCachedData, 'options.produceCachedData');
  let context = null;
  if (parsingContext !== undefined) {
    if (parsingContext === null || typeof parsingContext !== 'object' || !contexts.has(parsingContext)) {
      throw errors.invalidArgType('options.parsingContext', 'Context', parsingContext);
    }
    context = contexts.get(parsingContext);
  }
  if (!Array.isArray(contextExtensions)) {
    throw errors.invalidArgType('options.contextExtensions', 'Array', contextExtensions);
  }
  contextExtensions.forEach((ext, i) => validateObject(ext, `options.contextExtensions[${i}]`));
  validateImportHook(importModuleDynamically, 'options.importModuleDynamically');

  // The body starts a line of its own, numbered lineOffset + 1 as node numbers it; the
  // wrapper (and any `with` scope per extension) sits on the line before.
  const scopes = contextExtensions.map((_, i) => `with (arguments[${i}]) `).join('');
  const head = `(function () { ${scopes}{ return function (${params.join(', ')}) {\n`;
  const pad = columnOffset > 0 ? ' '.repeat(columnOffset) : '';
  const src = {
    code: `${head}${pad}${code}\n} } })`,
    filename: filename === '' ? '<anonymous>' : filename,
    line: lineOffset, // the wrapper's line: the body's first is lineOffset + 1
    lineOffset,
  };
  internal.sourceCache.set(src.filename, `${lineOffset > 0 ? '\n'.repeat(lineOffset) : ''}${pad}${code}`);
  vmFiles.add(src.filename);
  let outer;
  try {
    if (context === null) {
      outer = nrtVmCompile(src, 0, 0);
    } else {
      nrtVmCompile(src, vb.COMPILE_ONLY, 0);
      syncIn(context);
      try {
        outer = context.apply(vb.evaluate, undefined, [src.code, src.filename, src.line, 0, 0, kStopped]);
      } finally {
        syncOut(context);
      }
    }
  } catch (e) {
    decorate(e);
    throw e;
  }
  const fn = Reflect.apply(outer, undefined, contextExtensions);
  if (cachedData !== undefined) fn.cachedDataRejected = !cachedDataMatches(cachedData, code);
  if (produceCachedData) {
    fn.cachedDataProduced = true;
    fn.cachedData = createCachedData(code);
  }
  return fn;
}

// ---- measureMemory -------------------------------------------------------------------
let measureWarned = false;
function measureMemory(options = {}) {
  if (!measureWarned) {
    measureWarned = true;
    process.emitWarning('vm.measureMemory is an experimental feature and might change at any time', 'ExperimentalWarning');
  }
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default', context } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  if (context !== undefined) validateObject(context, 'options.context', true);
  if (mode === 'detailed') throw errors.notImplemented("vm.measureMemory({ mode: 'detailed' })");
  // One QuickJS heap serves every context: its use is the estimate, its size the top.
  const { heapUsed, heapTotal } = process.memoryUsage();
  return Promise.resolve({ total: { jsMemoryEstimate: heapUsed, jsMemoryRange: [heapUsed, heapTotal] } });
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
