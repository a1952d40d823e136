// ByteLengthQueuingStrategy and CountQueuingStrategy (WHATWG Streams §7).
'use strict';

const U = internal.requireBuiltin('internal/webstreams/util', true);
const { errors } = internal;
const { kState, customInspect, isKind, invalidThis, inspectAs, webidlClass } = U;

function readInit(init) {
  if (init === null || typeof init !== 'object') throw errors.invalidArgType('init', 'object', init);
  if (init.highWaterMark === undefined) {
    throw errors.make(TypeError, 'ERR_MISSING_OPTION', 'init.highWaterMark is required');
  }
  return +init.highWaterMark;
}

// The spec gives each class one size function, shared by all its instances.
const byteLengthSize = { size(chunk) { return chunk.byteLength; } }.size;
const countSize = { size() { return 1; } }.size;

function strategyClass(name, size) {
  const cls = {
    [name]: class {
      constructor(init) {
        this[kState] = { kind: name, highWaterMark: readInit(init) };
      }

      get highWaterMark() {
        if (!isKind(this, name)) throw invalidThis(name);
        return this[kState].highWaterMark;
      }

      get size() {
        if (!isKind(this, name)) throw invalidThis(name);
        return size;
      }

      [customInspect](depth, options) {
        return inspectAs(this, depth, options, { highWaterMark: this[kState].highWaterMark });
      }
    },
  }[name];
  webidlClass(cls, name);
  return cls;
}

module.exports = {
  ByteLengthQueuingStrategy: strategyClass('ByteLengthQueuingStrategy', byteLengthSize),
  CountQueuingStrategy: strategyClass('CountQueuingStrategy', countSize),
};
