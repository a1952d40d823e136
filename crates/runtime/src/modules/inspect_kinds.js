// util.inspect, part 3: what kind of value is this? Brand checks that ask the engine
// (a built-in method that only accepts its own kind) rather than trusting prototypes or tags.
'use strict';

const { promiseState } = internal.natives.util;

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

// The primitive inside a Number/String/Boolean/Symbol/BigInt wrapper, as [kind, value].
function boxedValue(v) {
  const probes = [
    ['Number', Number.prototype.valueOf], ['String', String.prototype.valueOf],
    ['Boolean', Boolean.prototype.valueOf], ['Symbol', Symbol.prototype.valueOf],
  ];
  if (typeof BigInt === 'function') probes.push(['BigInt', BigInt.prototype.valueOf]);
  for (const [kind, valueOf] of probes) {
    try {
      return [kind, valueOf.call(v)];
    } catch {
      // not this wrapper
    }
  }
  return undefined;
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
  isClass, isAsyncFunction, typedArrayTag, mapSize, setSize,
};
