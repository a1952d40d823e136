// The smaller util functions: callbackify, debuglog, styleText, toUSVString, the system
// error names, aborted, and the legacy (deprecated) API
// node still exports (util.is*, _extend, log, _errnoException, _exceptionWithHostPort).
'use strict';

const { inspect, removeColors } = internal.requireBuiltin('internal/inspect', true);
const kinds = internal.requireBuiltin('internal/inspect_kinds', true);
const errors = internal.errors;
const natives = internal.natives.util;

// ---- callbackify -------------------------------------------------------------------------

function falsyRejection(reason) {
  const err = errors.make(Error, 'ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value');
  err.reason = reason;
  return err;
}

function callbackify(original) {
  if (typeof original !== 'function') throw errors.invalidArgType('original', 'Function', original);
  function callbackified(...args) {
    const callback = args.pop();
    if (typeof callback !== 'function') throw errors.invalidArgType('last argument', 'Function', callback);
    const done = callback.bind(this);
    Reflect.apply(original, this, args).then(
      (value) => process.nextTick(done, null, value),
      (reason) => process.nextTick(done, reason || falsyRejection(reason)),
    );
  }
  // The original's own properties; one more parameter, a new name.
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (descriptors.length && typeof descriptors.length.value === 'number') descriptors.length.value += 1;
  if (descriptors.name && typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

// ---- debuglog ----------------------------------------------------------------------------

// NODE_DEBUG as node reads it, once at start-up: comma-separated section names, `*` as a
// wildcard, case-insensitive.
const debugPattern = (() => {
  const spec = process.env.NODE_DEBUG;
  if (!spec) return null;
  const body = spec.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*').replace(/,/g, '$|^');
  return new RegExp(`^${body}$`, 'i');
})();
const debugEnabled = (section) => debugPattern !== null && debugPattern.test(section);

function stderrColors() {
  const stderr = process.stderr;
  try {
    return Boolean(stderr && stderr.isTTY && typeof stderr.hasColors === 'function' && stderr.hasColors());
  } catch {
    return false;
  }
}

function debuglog(section, callback) {
  let print;
  // Decided on first use, as node does.
  const resolve = () => {
    if (print !== undefined) return print;
    const name = String(section).toUpperCase();
    if (debugEnabled(name)) {
      const pid = process.pid;
      print = (...args) => {
        const text = internal.formatWithOptions({ colors: stderrColors() }, ...args);
        process.stderr.write(`${name} ${pid}: ${text}\n`);
      };
    } else {
      print = null;
    }
    return print;
  };
  const logger = (...args) => {
    const fn = resolve();
    if (typeof callback === 'function') {
      const cb = callback;
      callback = undefined;
      cb(fn === null ? () => {} : fn);
    }
    if (fn !== null) fn(...args);
  };
  Object.defineProperty(logger, 'name', { value: 'logger' });
  Object.defineProperty(logger, 'enabled', {
    get() { return resolve() !== null; },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

// ---- styleText ---------------------------------------------------------------------------

function colorForced() {
  const force = process.env.FORCE_COLOR;
  return force !== undefined && force !== '0' && force !== 'false';
}

// node's shouldColorize: FORCE_COLOR, else a colour terminal without NO_COLOR.
function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return colorForced() || process.env.FORCE_COLOR === '';
  try {
    return Boolean(stream && stream.isTTY &&
      (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true) &&
      process.env.NO_COLOR === undefined && process.env.NODE_DISABLE_COLORS === undefined);
  } catch {
    return false;
  }
}

const isStreamLike = (s) => s !== null && typeof s === 'object' &&
  (typeof s.getWriter === 'function' || typeof s.getReader === 'function' ||
    ((typeof s.write === 'function' || typeof s.pipe === 'function') && typeof s.on === 'function'));

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  if (typeof text !== 'string') throw errors.invalidArgType('text', 'string', text);
  const colors = inspect.colors;
  const codesOf = (key) => {
    const codes = typeof key === 'string' && Object.prototype.hasOwnProperty.call(colors, key) ? colors[key] : undefined;
    if (codes === undefined) {
      throw errors.invalidArgValue('format', key, `must be one of: ${Object.keys(colors).map((k) => `'${k}'`).join(', ')}`);
    }
    return codes;
  };
  if (Array.isArray(format)) {
    // node 20 styles a list of formats without looking at the stream.
    let left = '';
    let right = '';
    for (const key of format) {
      const [open, close] = codesOf(key);
      left += `\u001b[${open}m`;
      right = `\u001b[${close}m${right}`;
    }
    return `${left}${text}${right}`;
  }
  if (typeof validateStream !== 'boolean') {
    throw errors.invalidArgType('options.validateStream', 'boolean', validateStream);
  }
  const [open, close] = codesOf(format);
  if (validateStream) {
    if (!isStreamLike(stream)) throw errors.invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    if (!shouldColorize(stream)) return text;
  }
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

// ---- strings and system errors -----------------------------------------------------------

function stripVTControlCharacters(str) {
  if (typeof str !== 'string') throw errors.invalidArgType('str', 'string', str);
  return removeColors(str);
}

function toUSVString(string) {
  const text = `${string}`;
  if (typeof text.toWellFormed === 'function') return text.toWellFormed();
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

let systemErrors;
function systemErrorMap() {
  if (systemErrors === undefined) {
    systemErrors = new Map(natives.systemErrors().map(([errno, code, message]) => [errno, [code, message]]));
  }
  return systemErrors;
}

function checkErrno(err) {
  if (typeof err !== 'number') throw errors.invalidArgType('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) throw errors.outOfRange('err', 'a negative integer', err);
}

function getSystemErrorName(err) {
  checkErrno(err);
  const entry = systemErrorMap().get(err);
  return entry === undefined ? `Unknown system error ${err}` : entry[0];
}

function getSystemErrorMap() {
  return new Map(systemErrorMap());
}

function errnoException(err, syscall, original) {
  const code = getSystemErrorName(err);
  const e = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  return e;
}

function exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = getSystemErrorName(err);
  let details = port && port > 0 ? `${address}:${port}` : address;
  if (additional) details += ` - Local (${additional})`;
  const e = new Error(`${syscall} ${code} ${details}`);
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  e.address = address;
  if (port) e.port = port;
  return e;
}

// ---- abort helpers -----------------------------------------------------------------------

function checkSignal(signal) {
  if (signal === null || typeof signal !== 'object' || !(signal instanceof AbortSignal)) {
    throw errors.invalidArgType('signal', 'AbortSignal', signal);
  }
}

async function aborted(signal, resource) {
  checkSignal(signal);
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw errors.invalidArgType('resource', 'Object', resource);
  }
  if (signal.aborted) return undefined;
  // node holds `resource` weakly and never settles once it is collected; nrt keeps it alive
  // until the signal aborts.
  return new Promise((resolve) => {
    signal.addEventListener('abort', resolve, { once: true });
  });
}

// ---- legacy ------------------------------------------------------------------------------

function extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  for (const key of Object.keys(source)) target[key] = source[key];
  return target;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n) => String(n).padStart(2, '0');

// `27 Nov 12:03:04 - message` on stdout.
function log(...args) {
  const d = new Date();
  const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  console.log('%s - %s', `${d.getDate()} ${months[d.getMonth()]} ${time}`, internal.format(...args));
}

const legacy = {
  isBoolean: (arg) => typeof arg === 'boolean',
  isBuffer: (arg) => typeof Buffer === 'function' && Buffer.isBuffer(arg),
  isNull: (arg) => arg === null,
  isNullOrUndefined: (arg) => arg === null || arg === undefined,
  isNumber: (arg) => typeof arg === 'number',
  isString: (arg) => typeof arg === 'string',
  isSymbol: (arg) => typeof arg === 'symbol',
  isUndefined: (arg) => arg === undefined,
  isRegExp: kinds.isRegExp,
  isObject: (arg) => arg !== null && typeof arg === 'object',
  isDate: kinds.isDate,
  isError: (arg) => arg instanceof Error || (arg !== null && typeof arg === 'object' && natives.isError(arg)),
  isFunction: (arg) => typeof arg === 'function',
  isPrimitive: (arg) => arg === null || (typeof arg !== 'object' && typeof arg !== 'function'),
};
for (const [name, fn] of Object.entries(legacy)) {
  if (fn.name !== name) Object.defineProperty(fn, 'name', { value: name });
}

module.exports = {
  callbackify, debuglog, styleText, stripVTControlCharacters, toUSVString, getSystemErrorName,
  getSystemErrorMap, errnoException, exceptionWithHostPort, aborted, extend, log, legacy,
};
