// util.inspect, part 3: what kind of value is this? Brand checks that ask the engine
// (a built-in method that only accepts its own kind) rather than trusting prototypes or tags.
'use strict';

const { promiseState, proxyDetails } = internal.natives.util;

function accepts(method, value, ...args) {
  try {
    method.call(value, ...args);
    return true;
  } catch {
    return false;
  }
}
function getterOf(proto, name) {
  return Object.getOwnPropertyDescriptor(proto, name).get;
}

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = getterOf(TypedArrayProto, Symbol.toStringTag);
const typedArrayLength = getterOf(TypedArrayProto, 'length');
const regexpSource = getterOf(RegExp.prototype, 'source');
const bufferLength = getterOf(ArrayBuffer.prototype, 'byteLength');
const sharedBufferLength = typeof SharedArrayBuffer === 'function'
  ? getterOf(SharedArrayBuffer.prototype, 'byteLength') : undefined;
const viewLength = getterOf(DataView.prototype, 'byteLength');
const mapSize = getterOf(Map.prototype, 'size');
const setSize = getterOf(Set.prototype, 'size');

const AsyncFunctionProto = Object.getPrototypeOf(async function () {});
const GeneratorFunctionProto = Object.getPrototypeOf(function* () {});
const AsyncGeneratorFunctionProto = Object.getPrototypeOf(async function* () {});

const isDate = (v) => typeof v === 'object' && v !== null && accepts(Date.prototype.getTime, v);
const isRegExp = (v) => typeof v === 'object' && v !== null && v !== RegExp.prototype && accepts(regexpSource, v);
const isMap = (v) => typeof v === 'object' && v !== null && accepts(mapSize, v);
const isSet = (v) => typeof v === 'object' && v !== null && accepts(setSize, v);
const isWeakMap = (v) => typeof v === 'object' && v !== null && accepts(WeakMap.prototype.has, v, {});
const isWeakSet = (v) => typeof v === 'object' && v !== null && accepts(WeakSet.prototype.has, v, {});
const isTypedArray = (v) => typeof v === 'object' && v !== null && typedArrayTag.call(v) !== undefined;
const isArrayBuffer = (v) => typeof v === 'object' && v !== null && accepts(bufferLength, v);
const isSharedArrayBuffer = (v) => sharedBufferLength !== undefined && typeof v === 'object' && v !== null &&
  accepts(sharedBufferLength, v);
const isDataView = (v) => typeof v === 'object' && v !== null && accepts(viewLength, v);

function settledState(v) {
  if (typeof v !== 'object' || v === null) return undefined;
  try {
    return promiseState(v);
  } catch {
    return undefined;
  }
}
const isPromise = (v) => settledState(v) !== undefined;

function isError(v) {
  if (typeof v !== 'object' || v === null) return false;
  return v instanceof Error || Object.prototype.toString.call(v) === '[object Error]';
}

// The primitive inside a wrapper classify() named 'Boxed:<kind>'.
function boxedValue(v, kind) {
  return globalThis[kind].prototype.valueOf.call(v);
}

// Kinds whose brand can be checked, each with its check. Brand checks throw on a miss, and
// throwing is slow, so classify() only runs the check the object's tag or prototype suggests.
const branded = [
  ['Map', isMap, Map.prototype], ['Set', isSet, Set.prototype],
  ['WeakMap', isWeakMap, WeakMap.prototype], ['WeakSet', isWeakSet, WeakSet.prototype],
  ['Promise', isPromise, Promise.prototype], ['ArrayBuffer', isArrayBuffer, ArrayBuffer.prototype],
  ['DataView', isDataView, DataView.prototype], ['Date', isDate, Date.prototype],
  ['RegExp', isRegExp, RegExp.prototype],
  ['Number', (v) => accepts(Number.prototype.valueOf, v), Number.prototype],
  ['String', (v) => accepts(String.prototype.valueOf, v), String.prototype],
  ['Boolean', (v) => accepts(Boolean.prototype.valueOf, v), Boolean.prototype],
  ['Symbol', (v) => accepts(Symbol.prototype.valueOf, v), Symbol.prototype],
];
if (typeof BigInt === 'function') branded.push(['BigInt', (v) => accepts(BigInt.prototype.valueOf, v), BigInt.prototype]);
if (sharedBufferLength !== undefined) branded.push(['SharedArrayBuffer', isSharedArrayBuffer, SharedArrayBuffer.prototype]);
const brandByName = new Map(branded.map((b) => [b[0], b[1]]));
const builtinProtos = new Set(branded.map((b) => b[2]));
const boxedKinds = new Set(['Number', 'String', 'Boolean', 'Symbol', 'BigInt']);

// What to print an object as: 'Array', 'TypedArray', 'Error', 'Arguments', 'Object', one of
// the branded kinds above, or 'Boxed:<Kind>' for a primitive wrapper.
function classify(v) {
  if (Array.isArray(v)) return 'Array';
  if (typedArrayTag.call(v) !== undefined) return 'TypedArray';
  const hint = Object.prototype.toString.call(v).slice(8, -1);
  const check = brandByName.get(hint);
  if (check !== undefined && check(v)) return boxedKinds.has(hint) ? `Boxed:${hint}` : hint;
  // The tag may lie (Symbol.toStringTag) or be gone (prototype swapped): look for a built-in
  // prototype in the chain before trying every brand.
  let inherits = false;
  for (let p = Object.getPrototypeOf(v); p !== null; p = Object.getPrototypeOf(p)) {
    if (builtinProtos.has(p)) { inherits = true; break; }
  }
  // A built-in stripped of its prototype has no own keys either: worth the full search.
  if (!inherits && Object.getPrototypeOf(v) === null && Reflect.ownKeys(v).length === 0) inherits = true;
  if (inherits) {
    for (const [name, test] of branded) {
      if (name !== hint && test(v)) return boxedKinds.has(name) ? `Boxed:${name}` : name;
    }
  }
  if (isError(v)) return 'Error';
  if (hint === 'Arguments') return 'Arguments';
  return 'Object';
}

// 'Function', 'AsyncFunction', 'GeneratorFunction' or 'AsyncGeneratorFunction'.
function functionKind(fn) {
  let proto = Object.getPrototypeOf(fn);
  while (proto !== null) {
    if (proto === AsyncFunctionProto) return 'AsyncFunction';
    if (proto === GeneratorFunctionProto) return 'GeneratorFunction';
    if (proto === AsyncGeneratorFunctionProto) return 'AsyncGeneratorFunction';
    if (proto === Function.prototype) return 'Function';
    proto = Object.getPrototypeOf(proto);
  }
  return 'Function';
}

function isClass(fn) {
  try {
    const src = Function.prototype.toString.call(fn);
    return /^class\b/.test(src);
  } catch {
    return false;
  }
}

const isAsyncFunction = (f) => typeof f === 'function' &&
  (Object.getPrototypeOf(f) === AsyncFunctionProto || Object.getPrototypeOf(f) === AsyncGeneratorFunctionProto);

module.exports = {
  isDate, isRegExp, isMap, isSet, isWeakMap, isWeakSet, isTypedArray, isArrayBuffer,
  isSharedArrayBuffer, isDataView, isPromise, settledState, isError, boxedValue, functionKind,
  isClass, isAsyncFunction, typedArrayTag, typedArrayLength, mapSize, setSize, classify, proxyDetails,
};
