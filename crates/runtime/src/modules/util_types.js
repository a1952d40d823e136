// util.types: node 20's type predicates. Brand checks ask the engine: QuickJS's class id of
// the value compared with that of a known instance (iterators, generators, arguments), its
// [[ErrorData]] check, or a built-in method that only accepts its own kind (inspect_kinds).
'use strict';

const kinds = internal.requireBuiltin('internal/inspect_kinds', true);
const { classId, isError, proxyDetails } = internal.natives.util;

const classOf = (sample) => classId(sample);
const mapIteratorClass = classOf(new Map().entries());
const setIteratorClass = classOf(new Set().values());
const generatorClasses = new Set([classOf((function* () {})()), classOf((async function* () {})())]);
// Strict functions make unmapped arguments, sloppy ones mapped: two classes.
const argumentsClasses = new Set([
  classOf((function () { return arguments; })()),
  classOf(new Function('return arguments')()),
]);

const isObject = (v) => v !== null && typeof v === 'object';
const hasClass = (v, cls) => isObject(v) && classId(v) === cls;

function accepts(method, value) {
  try {
    method.call(value);
    return true;
  } catch {
    return false;
  }
}
const boxed = (Ctor) => (v) => isObject(v) && typeof Ctor === 'function' && accepts(Ctor.prototype.valueOf, v);

const GeneratorFunctionProto = Object.getPrototypeOf(function* () {});
const AsyncGeneratorFunctionProto = Object.getPrototypeOf(async function* () {});
function protoChainHas(v, proto) {
  for (let p = Object.getPrototypeOf(v); p !== null; p = Object.getPrototypeOf(p)) {
    if (p === proto) return true;
  }
  return false;
}

const typedKind = (v) => (isObject(v) ? kinds.typedArrayTag.call(v) : undefined);

const predicates = {
  // nrt has no native addons, so nothing is an External.
  isExternal: () => false,
  isDate: kinds.isDate,
  isArgumentsObject: (v) => isObject(v) && argumentsClasses.has(classId(v)),
  isBigIntObject: boxed(globalThis.BigInt),
  isBooleanObject: boxed(Boolean),
  isNumberObject: boxed(Number),
  isStringObject: boxed(String),
  isSymbolObject: boxed(Symbol),
  isNativeError: (v) => isObject(v) && isError(v),
  isRegExp: kinds.isRegExp,
  isAsyncFunction: kinds.isAsyncFunction,
  isGeneratorFunction: (v) => typeof v === 'function' &&
    (protoChainHas(v, GeneratorFunctionProto) || protoChainHas(v, AsyncGeneratorFunctionProto)),
  isGeneratorObject: (v) => isObject(v) && generatorClasses.has(classId(v)),
  isPromise: kinds.isPromise,
  isMap: kinds.isMap,
  isSet: kinds.isSet,
  isMapIterator: (v) => hasClass(v, mapIteratorClass),
  isSetIterator: (v) => hasClass(v, setIteratorClass),
  isWeakMap: kinds.isWeakMap,
  isWeakSet: kinds.isWeakSet,
  isArrayBuffer: kinds.isArrayBuffer,
  isDataView: kinds.isDataView,
  isSharedArrayBuffer: kinds.isSharedArrayBuffer,
  isProxy: (v) => (isObject(v) || typeof v === 'function') && proxyDetails(v) !== undefined,
  // QuickJS module namespaces: tagged 'Module', no prototype, not extensible.
  isModuleNamespaceObject: (v) => isObject(v) && Object.getPrototypeOf(v) === null && !Object.isExtensible(v) &&
    Object.prototype.toString.call(v) === '[object Module]',
  isAnyArrayBuffer: (v) => kinds.isArrayBuffer(v) || kinds.isSharedArrayBuffer(v),
  isBoxedPrimitive: undefined,
};
predicates.isBoxedPrimitive = (v) => predicates.isNumberObject(v) || predicates.isStringObject(v) ||
  predicates.isBooleanObject(v) || predicates.isBigIntObject(v) || predicates.isSymbolObject(v);

// V8's own predicates take no declared parameter (length 0); node's JS ones below take one.
for (const fn of Object.values(predicates)) {
  Object.defineProperty(fn, 'length', { value: 0 });
}
for (const [name, fn] of Object.entries(predicates)) {
  Object.defineProperty(fn, 'name', { value: name });
}

const types = { ...predicates };
types.isArrayBufferView = function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
};
types.isTypedArray = function isTypedArray(value) {
  return typedKind(value) !== undefined;
};
for (const kind of ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array',
  'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
  const check = { [`is${kind}`](value) { return typedKind(value) === kind; } }[`is${kind}`];
  types[`is${kind}`] = check;
}
// KeyObject and CryptoKey are crypto's classes (loaded on first use, as node does).
function cryptoClass(name) {
  try {
    const crypto = internal.requireBuiltin('crypto');
    const cls = name === 'CryptoKey' ? crypto.webcrypto && crypto.webcrypto.CryptoKey : crypto[name];
    // crypto may stand in a not-yet-implemented class with a plain function.
    const usable = typeof cls === 'function' && cls.prototype !== null && typeof cls.prototype === 'object';
    return usable ? cls : undefined;
  } catch {
    return undefined;
  }
}
types.isKeyObject = function isKeyObject(obj) {
  if (!isObject(obj)) return false;
  const cls = cryptoClass('KeyObject');
  return cls !== undefined && obj instanceof cls;
};
types.isCryptoKey = function isCryptoKey(obj) {
  if (!isObject(obj)) return false;
  const cls = cryptoClass('CryptoKey');
  return cls !== undefined && obj instanceof cls;
};

module.exports = types;
