// Deep equality as node 20 defines it for assert.deepEqual / deepStrictEqual (and their
// `not` forms) and util.isDeepStrictEqual. One algorithm, two modes:
//  - strict: primitives by Object.is (NaN equals NaN, 0 differs from -0), prototypes must
//    match, enumerable own symbol keys count;
//  - loose: primitives by `==`, prototypes ignored, symbol keys ignored.
// In both modes the [[Class]] tag must match, and built-ins compare by their content:
// Dates by time, RegExps by source/flags/lastIndex, Errors by name/message/cause/errors,
// typed arrays by bytes (loose float arrays by value), boxed primitives by value, Maps and
// Sets by entries (object keys matched by deep equality), ArrayBuffers by bytes.
// A pair met again while it is still being compared (a cycle) counts as equal.
'use strict';

const kinds = internal.requireBuiltin('internal/inspect_kinds', true);

const objectToString = Object.prototype.toString;
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const ownEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
const isObjectLike = (v) => v !== null && typeof v === 'object';

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayBuffer = Object.getOwnPropertyDescriptor(TypedArrayProto, 'buffer').get;
const viewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;
const viewOffset = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset').get;
const viewLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
const typedOffset = Object.getOwnPropertyDescriptor(TypedArrayProto, 'byteOffset').get;
const typedLength = Object.getOwnPropertyDescriptor(TypedArrayProto, 'byteLength').get;

// The bytes a typed array or DataView covers, as a Uint8Array over the same memory.
function bytesOf(view) {
  if (kinds.isTypedArray(view)) {
    return new Uint8Array(typedArrayBuffer.call(view), typedOffset.call(view), typedLength.call(view));
  }
  return new Uint8Array(viewBuffer.call(view), viewOffset.call(view), viewLength.call(view));
}

function sameBytes(x, y) {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i += 1) {
    if (x[i] !== y[i]) return false;
  }
  return true;
}

const isURL = (v) => typeof URL === 'function' && v instanceof URL;

// Families by QuickJS class id (a brand check that throws nothing: deep comparisons meet
// many objects, and a thrown brand-check error costs a stack trace each).
const { classId, isError } = internal.natives.util;
const familyByClass = new Map([
  [classId(new Date(0)), 'date'],
  [classId(/x/), 'regexp'],
  [classId(new Map()), 'map'],
  [classId(new Set()), 'set'],
  [classId(new ArrayBuffer(0)), 'buffer'],
  [classId(new DataView(new ArrayBuffer(0))), 'view'],
]);
if (typeof SharedArrayBuffer === 'function') familyByClass.set(classId(new SharedArrayBuffer(0)), 'buffer');
const boxedByClass = new Map();
for (const [kind, sample] of [['Number', 0], ['String', ''], ['Boolean', false], ['Symbol', Symbol.iterator], ['BigInt', 0n]]) {
  boxedByClass.set(classId(Object(sample)), kind);
  familyByClass.set(classId(Object(sample)), 'boxed');
}

const boxedKind = (v) => boxedByClass.get(classId(v));

// The family an object belongs to for comparison purposes; the left side's family decides
// which comparison runs, and the right side must be of the same family.
function familyOf(v) {
  if (Array.isArray(v)) return 'array';
  const family = familyByClass.get(classId(v));
  if (family !== undefined) return family;
  if (kinds.isTypedArray(v)) return 'view';
  if (isError(v) || v instanceof Error) return 'error';
  return 'object';
}

// Own enumerable keys that are not array indices (and, when asked, enumerable symbols).
function nonIndexKeys(v, withSymbols) {
  const keys = [];
  for (const key of Object.keys(v)) {
    const index = Number(key);
    const isIndex = index >= 0 && index < 2 ** 32 - 1 && Number.isInteger(index) && String(index) === key;
    if (!isIndex) keys.push(key);
  }
  if (withSymbols) {
    for (const sym of Object.getOwnPropertySymbols(v)) {
      if (ownEnumerable(v, sym)) keys.push(sym);
    }
  }
  return keys;
}

const enumerableSymbols = (v) => Object.getOwnPropertySymbols(v).filter((s) => ownEnumerable(v, s));

// The objects one object is being compared with, when there are several at once.
class Partners {
  constructor(...members) {
    this.set = new Set(members);
  }
}

class Comparison {
  constructor(strict) {
    this.strict = strict;
    // Pairs being compared further up the walk: meeting one again means a cycle on both
    // sides, which node counts as equal (the rest of the walk decides).
    this.inProgress = new Map();
  }

  equal(a, b) {
    if (a === b) return a !== 0 || !this.strict || Object.is(a, b);
    if (this.strict) {
      if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
      if (typeof b !== 'object' || a === null || b === null) return false;
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    } else {
      if (!isObjectLike(a)) {
        if (isObjectLike(b)) return false;
        // eslint-disable-next-line eqeqeq
        return a == b || (Number.isNaN(a) && Number.isNaN(b));
      }
      if (!isObjectLike(b)) return false;
    }
    if (objectToString.call(a) !== objectToString.call(b)) return false;
    return this.objects(a, b);
  }

  objects(a, b) {
    const family = familyOf(a);
    if (familyOf(b) !== family) return false;
    switch (family) {
      case 'array': {
        if (a.length !== b.length) return false;
        const keys = nonIndexKeys(a, this.strict);
        if (keys.length !== nonIndexKeys(b, this.strict).length) return false;
        return this.withKeys(a, b, keys, 'array');
      }
      case 'date':
        // Two invalid dates differ, as in node (NaN !== NaN).
        if (Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
        break;
      case 'regexp':
        if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
        break;
      case 'error':
        if (a.message !== b.message || a.name !== b.name) return false;
        if ((hasOwn(a, 'cause') || hasOwn(b, 'cause')) && !this.nested(a.cause, b.cause)) return false;
        if ((hasOwn(a, 'errors') || hasOwn(b, 'errors')) && !this.nested(a.errors, b.errors)) return false;
        break;
      case 'view': {
        if (!this.strict && (a instanceof Float32Array || a instanceof Float64Array)) {
          if (a.length !== b.length) return false;
          for (let i = 0; i < a.length; i += 1) {
            // eslint-disable-next-line eqeqeq
            if (a[i] != b[i]) return false;
          }
        } else if (!sameBytes(bytesOf(a), bytesOf(b))) {
          return false;
        }
        const keys = nonIndexKeys(a, this.strict);
        if (keys.length !== nonIndexKeys(b, this.strict).length) return false;
        return this.withKeys(a, b, keys, 'object');
      }
      case 'set':
        if (a.size !== b.size) return false;
        return this.withKeys(a, b, undefined, 'set');
      case 'map':
        if (a.size !== b.size) return false;
        return this.withKeys(a, b, undefined, 'map');
      case 'buffer':
        if (!sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
        break;
      case 'boxed': {
        const kind = boxedKind(a);
        if (boxedKind(b) !== kind) return false;
        const proto = globalThis[kind].prototype;
        if (!Object.is(proto.valueOf.call(a), proto.valueOf.call(b))) return false;
        break;
      }
      default:
        if (isURL(a) && isURL(b) && a.href !== b.href) return false;
        break;
    }
    return this.withKeys(a, b, undefined, 'object');
  }

  // Compares `a` and `b` one level down, tracking the walk for cycles.
  nested(a, b) {
    return this.equal(a, b);
  }

  // Checks the own keys (all enumerable string keys, or `keys` when the caller already
  // picked them), then the contents.
  withKeys(a, b, keys, shape) {
    if (keys === undefined) {
      keys = Object.keys(a);
      if (keys.length !== Object.keys(b).length) return false;
      for (const key of keys) {
        if (!ownEnumerable(b, key)) return false;
      }
      if (this.strict) {
        const symbolsA = enumerableSymbols(a);
        for (const sym of symbolsA) {
          if (!ownEnumerable(b, sym)) return false;
          keys.push(sym);
        }
        if (enumerableSymbols(b).length !== symbolsA.length) return false;
      }
    } else {
      for (const key of keys) {
        if (!ownEnumerable(b, key)) return false;
      }
    }
    const empty = keys.length === 0 &&
      (shape === 'object' || (shape === 'array' && a.length === 0) ||
        ((shape === 'set' || shape === 'map') && a.size === 0));
    if (empty) return true;

    // One partner per object is the rule; a Partners set only when an object meets several.
    const before = this.inProgress.get(a);
    if (before === b || (before instanceof Partners && before.set.has(b))) return true;
    if (before === undefined) this.inProgress.set(a, b);
    else if (before instanceof Partners) before.set.add(b);
    else this.inProgress.set(a, new Partners(before, b));
    const result = this.contents(a, b, keys, shape);
    if (before === undefined) this.inProgress.delete(a);
    else if (before instanceof Partners) before.set.delete(b);
    else this.inProgress.set(a, before);
    return result;
  }

  contents(a, b, keys, shape) {
    if (shape === 'set' && !this.sets(a, b)) return false;
    if (shape === 'map' && !this.maps(a, b)) return false;
    if (shape === 'array' && !this.elements(a, b)) return false;
    for (const key of keys) {
      if (!this.equal(a[key], b[key])) return false;
    }
    return true;
  }

  // Array elements; a hole only equals a hole.
  elements(a, b) {
    for (let i = 0; i < a.length; i += 1) {
      const inA = hasOwn(a, i);
      if (inA !== hasOwn(b, i)) return false;
      if (inA && !this.equal(a[i], b[i])) return false;
    }
    return true;
  }

  // Set members: primitives by lookup (in loose mode also by their `==` counterpart),
  // objects by finding a deep-equal partner not used yet.
  sets(a, b) {
    const unmatched = [];
    for (const item of a) {
      if (isObjectLike(item)) {
        unmatched.push(item);
      } else if (!b.has(item)) {
        if (this.strict) return false;
        const other = looseCounterpart(item);
        if (other === false) return false;
        if (other !== true && (!b.has(other) || a.has(other))) return false;
        unmatched.push(item);
      }
    }
    if (unmatched.length === 0) return true;
    for (const item of b) {
      if (isObjectLike(item)) {
        if (!this.takeMatch(unmatched, item, (x) => this.equal(item, x))) return false;
      } else if (!this.strict && !a.has(item)) {
        if (!this.takeMatch(unmatched, item, (x) => this.equal(item, x))) return false;
      }
    }
    return unmatched.length === 0;
  }

  maps(a, b) {
    const unmatched = [];
    for (const [key, value] of a) {
      if (isObjectLike(key)) {
        unmatched.push(key);
        continue;
      }
      const present = b.has(key);
      if (present && this.equal(value, b.get(key))) continue;
      if (this.strict) return false;
      const other = looseCounterpart(key);
      if (other === false) return false;
      if (other !== true) {
        if (!b.has(other) || !this.equal(value, b.get(other)) || a.has(other)) return false;
      }
      unmatched.push(key);
    }
    if (unmatched.length === 0) return true;
    for (const [key, value] of b) {
      const matches = (k) => this.equal(key, k) && this.equal(value, a.get(k));
      if (isObjectLike(key)) {
        if (!this.takeMatch(unmatched, key, matches)) return false;
      } else if (!this.strict && (!a.has(key) || !this.equal(a.get(key), value))) {
        if (!this.takeMatch(unmatched, key, matches)) return false;
      }
    }
    return unmatched.length === 0;
  }

  // Removes the first entry of `pool` that `test` accepts; false when none does.
  takeMatch(pool, item, test) {
    for (let i = 0; i < pool.length; i += 1) {
      if (test(pool[i])) {
        pool.splice(i, 1);
        return true;
      }
    }
    return false;
  }
}

// For a primitive missing from the other collection in loose mode: `false` when no other
// primitive could stand in for it, `true` when one might but cannot be looked up directly
// (a number-like string may match several), or the one value that `==` pairs it with.
function looseCounterpart(value) {
  switch (typeof value) {
    case 'undefined':
      return null;
    case 'object':
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      value = Number(value);
    // falls through
    case 'number':
      return !Number.isNaN(value);
    default:
      return true;
  }
}

function isDeepEqual(a, b) {
  return new Comparison(false).equal(a, b);
}

function isDeepStrictEqual(a, b) {
  return new Comparison(true).equal(a, b);
}

module.exports = { isDeepEqual, isDeepStrictEqual };
