// util: format with node's placeholders, inherits, promisify, deprecate; the rest comes from
// its own files (inspect_*, deep_equal, util_types, util_misc, util_parse_args). What nrt
// lacks throws ERR_NOT_IMPLEMENTED.
'use strict';

const { inspect, removeColors } = internal.requireBuiltin('internal/inspect', true);
const errors = internal.errors;

// ---- format ------------------------------------------------------------------------------
// Placeholders as documented for util.format: %s %d %i %f %j %o %O %c and %%. Arguments
// left over are appended, separated by spaces: strings as they are, the rest inspected.

const PERCENT = 37; // '%'

// Prototypes whose own toString / Symbol.toPrimitive node treats as built-in: %s inspects
// such objects instead of converting them with String().
const intrinsicPrototypes = new Set([
  Object.prototype, Function.prototype, Array.prototype, Error.prototype, Date.prototype,
  RegExp.prototype, Number.prototype, String.prototype, Boolean.prototype, Symbol.prototype,
  BigInt.prototype,
]);

// The object in `value`'s prototype chain that holds `key` itself, if any.
function holderOf(value, key) {
  for (let at = value; at !== null; at = Object.getPrototypeOf(at)) {
    if (Object.prototype.hasOwnProperty.call(at, key)) return at;
  }
  return null;
}

// True when String(value) would run a conversion written by the program (its own, its
// class's, or one set on its prototype), which %s then prefers over inspect.
function convertsItself(value) {
  for (const key of [Symbol.toPrimitive, 'toString']) {
    const holder = holderOf(value, key);
    if (holder !== null && !intrinsicPrototypes.has(holder) && typeof value[key] === 'function') return true;
  }
  return false;
}

function numberText(value, options) {
  const separate = options.numericSeparator ?? inspect.defaultOptions.numericSeparator;
  return inspect(value, { numericSeparator: Boolean(separate), colors: false });
}

function asString(value, options) {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
      return numberText(value, options);
    case 'object':
      if (value === null) return 'null';
      if (convertsItself(value)) return String(value);
      return inspect(value, { ...options, depth: 0, colors: false, compact: 3 });
    default:
      return String(value);
  }
}

// %d and %i: BigInts keep their `n`, Symbols give NaN, everything else goes through `toNumber`.
function asNumber(value, options, toNumber) {
  if (typeof value === 'bigint') return numberText(value, options);
  if (typeof value === 'symbol') return 'NaN';
  return numberText(toNumber(value), options);
}

const cycleFound = Symbol('cycle');

// Walks `value` the way JSON.stringify does and reports whether an object contains itself.
function hasCycle(value) {
  const path = [];
  try {
    JSON.stringify(value, function track(key, item) {
      if (typeof item === 'bigint') return null;
      if (item === null || typeof item !== 'object') return item;
      while (path.length > 0 && path[path.length - 1] !== this) path.pop();
      if (path.includes(item)) throw cycleFound;
      path.push(item);
      return item;
    });
  } catch (err) {
    return err === cycleFound;
  }
  return false;
}

function asJson(value) {
  try {
    return `${JSON.stringify(value)}`;
  } catch (err) {
    if (hasCycle(value)) return '[Circular]';
    throw err;
  }
}

function convert(spec, value, options) {
  switch (spec) {
    case 's': return asString(value, options);
    case 'd': return asNumber(value, options, Number);
    case 'i': return asNumber(value, options, parseInt);
    case 'f': return typeof value === 'symbol' ? 'NaN' : numberText(parseFloat(value), options);
    case 'j': return asJson(value);
    case 'o': return inspect(value, { ...options, showHidden: true, showProxy: true, depth: 4 });
    case 'O': return inspect(value, options);
    case 'c': return '';
    default: return undefined;
  }
}

function appendRest(text, args, from, options) {
  let out = text;
  for (let i = from; i < args.length; i += 1) {
    const value = args[i];
    const piece = typeof value === 'string' ? value : inspect(value, options);
    out = i === 0 ? piece : `${out} ${piece}`;
  }
  return out;
}

function formatArgs(options, args) {
  const template = args[0];
  if (typeof template !== 'string') return appendRest('', args, 0, options);
  if (args.length === 1) return template;
  let out = '';
  let copiedUpTo = 0;
  let nextArg = 1;
  for (let i = 0; i < template.length - 1; i += 1) {
    if (template.charCodeAt(i) !== PERCENT) continue;
    const spec = template[i + 1];
    let piece;
    if (spec === '%') {
      piece = '%';
    } else if (nextArg < args.length) {
      piece = convert(spec, args[nextArg], options);
      if (piece !== undefined) nextArg += 1;
    }
    if (piece === undefined) continue;
    out += template.slice(copiedUpTo, i) + piece;
    copiedUpTo = i + 2;
    i += 1;
  }
  out += template.slice(copiedUpTo);
  return appendRest(out, args, nextArg, options);
}

function format(...args) {
  return formatArgs({}, args);
}

function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    throw errors.invalidArgType('inspectOptions', 'Object', inspectOptions);
  }
  return formatArgs(inspectOptions, args);
}

// ---- inherits ----------------------------------------------------------------------------

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw errors.invalidArgType('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw errors.invalidArgType('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw errors.invalidArgType('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

// ---- promisify ---------------------------------------------------------------------------

const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');

function markPromisified(fn) {
  Object.defineProperty(fn, promisifyCustom, { value: fn, enumerable: false, writable: false, configurable: true });
  return fn;
}

function promisify(original) {
  if (typeof original !== 'function') throw errors.invalidArgType('original', 'Function', original);
  const custom = original[promisifyCustom];
  if (custom) {
    if (typeof custom !== 'function') throw errors.invalidArgType('util.promisify.custom', 'Function', custom);
    return markPromisified(custom);
  }
  // Calls `original` with a node-style callback appended; the first value settles it.
  const promisified = function (...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, value) => (err ? reject(err) : resolve(value))]);
    });
  };
  Object.setPrototypeOf(promisified, Object.getPrototypeOf(original));
  markPromisified(promisified);
  // The result looks like the original: same name, length and own properties.
  const own = Object.getOwnPropertyDescriptors(original);
  for (const key of Reflect.ownKeys(own)) {
    try {
      Object.defineProperty(promisified, key, own[key]);
    } catch {
      // A non-configurable slot of this function (e.g. 'prototype' of a class) stays as is.
    }
  }
  return promisified;
}
promisify.custom = promisifyCustom;

// ---- deprecate ---------------------------------------------------------------------------

// Codes already reported: each DEP code warns once per process, whichever wrapper hits it.
const reportedCodes = new Set();

function deprecate(fn, msg, code) {
  if (code !== undefined && typeof code !== 'string') throw errors.invalidArgType('code', 'string', code);
  let reported = false;
  // --no-deprecation and --throw-deprecation are applied by process.emitWarning.
  function deprecated(...args) {
    if (!reported) {
      reported = true;
      if (code === undefined || !reportedCodes.has(code)) {
        if (code !== undefined) reportedCodes.add(code);
        process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
      }
    }
    if (new.target !== undefined) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  // Statics and `instanceof` keep working through the wrapper.
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

const { isDeepStrictEqual } = internal.requireBuiltin('internal/deep_equal', true);
const misc = internal.requireBuiltin('internal/util_misc', true);
const utilTypes = internal.requireBuiltin('internal/util_types', true);

internal.inspect = inspect;
internal.stripVTControlCharacters = removeColors;
internal.format = format;
internal.formatWithOptions = formatWithOptions;

class Lazy {
  constructor(module, name) {
    this.module = module;
    this.name = name;
  }
}
const lazy = (module, name) => new Lazy(module, name);

// node's key order.
const implemented = {
  _errnoException: misc.errnoException,
  _exceptionWithHostPort: misc.exceptionWithHostPort,
  _extend: misc.extend,
  callbackify: misc.callbackify,
  debug: misc.debuglog,
  debuglog: misc.debuglog,
  deprecate,
  format,
  styleText: misc.styleText,
  formatWithOptions,
  getSystemErrorMap: misc.getSystemErrorMap,
  getSystemErrorName: misc.getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean: misc.legacy.isBoolean,
  isBuffer: misc.legacy.isBuffer,
  isDeepStrictEqual,
  isNull: misc.legacy.isNull,
  isNullOrUndefined: misc.legacy.isNullOrUndefined,
  isNumber: misc.legacy.isNumber,
  isString: misc.legacy.isString,
  isSymbol: misc.legacy.isSymbol,
  isUndefined: misc.legacy.isUndefined,
  isRegExp: misc.legacy.isRegExp,
  isObject: misc.legacy.isObject,
  isDate: misc.legacy.isDate,
  isError: misc.legacy.isError,
  isFunction: misc.legacy.isFunction,
  isPrimitive: misc.legacy.isPrimitive,
  log: misc.log,
  promisify,
  stripVTControlCharacters: misc.stripVTControlCharacters,
  toUSVString: misc.toUSVString,
  // Transferring needs worker_threads' MessagePort, which nrt does not have.
  transferableAbortSignal: undefined,
  transferableAbortController: undefined,
  aborted: misc.aborted,
  types: utilTypes,
  parseEnv: lazy('internal/util_parse_env', 'parseEnv'),
  parseArgs: lazy('internal/util_parse_args', 'parseArgs'),
  TextDecoder: globalThis.TextDecoder,
  TextEncoder: globalThis.TextEncoder,
  MIMEType: lazy('internal/util_mime', 'MIMEType'),
  MIMEParams: lazy('internal/util_mime', 'MIMEParams'),
};
const missing = Object.keys(implemented).filter((key) => implemented[key] === undefined);
for (const key of missing) delete implemented[key];
// The rarely used parts load on first access (start-up reads util for console).
for (const [key, value] of Object.entries(implemented)) {
  if (!(value instanceof Lazy)) continue;
  Object.defineProperty(implemented, key, {
    enumerable: true,
    configurable: true,
    get() {
      const loaded = internal.requireBuiltin(value.module, true)[value.name];
      Object.defineProperty(implemented, key, { value: loaded, writable: true, enumerable: true, configurable: true });
      return loaded;
    },
    set(v) {
      Object.defineProperty(implemented, key, { value: v, writable: true, enumerable: true, configurable: true });
    },
  });
}

module.exports = internal.partialModule('util', implemented, missing);
