// util.inspect's public face (internal/inspect): the function with its `custom` symbol,
// `colors`, `styles` and `defaultOptions`, plus the helpers util.format and util.types use.
'use strict';

const text = internal.requireBuiltin('internal/inspect_text', true);
const kinds = internal.requireBuiltin('internal/inspect_kinds', true);
const core = internal.requireBuiltin('internal/inspect_core', true);

const { inspect, defaults } = core;

Object.defineProperty(inspect, 'custom', {
  value: Symbol.for('nodejs.util.inspect.custom'), enumerable: false, writable: false, configurable: false,
});
Object.defineProperty(inspect, 'colors', {
  value: text.palette, enumerable: false, writable: true, configurable: true,
});
Object.defineProperty(inspect, 'styles', {
  value: text.roles, enumerable: false, writable: true, configurable: true,
});
Object.defineProperty(inspect, 'defaultOptions', {
  // The live object: node's tests and programs set single options on it.
  get() { return defaults; },
  set(options) {
    if (options === null || typeof options !== 'object') {
      throw internal.errors.invalidArgType('options', 'Object', options);
    }
    for (const key of Object.keys(options)) {
      if (Object.prototype.hasOwnProperty.call(defaults, key)) defaults[key] = options[key];
    }
  },
  enumerable: false,
  configurable: true,
});

module.exports = {
  inspect,
  formatNumber: text.formatNumber,
  formatBigInt: text.formatBigInt,
  stylizeNoColor: text.plain,
  removeColors: text.removeColors,
  types: {
    isPromise: kinds.isPromise,
    isRegExp: kinds.isRegExp,
    isDate: kinds.isDate,
    isMap: kinds.isMap,
    isSet: kinds.isSet,
    isTypedArray: kinds.isTypedArray,
    isNativeError: kinds.isError,
    isAsyncFunction: kinds.isAsyncFunction,
  },
};
