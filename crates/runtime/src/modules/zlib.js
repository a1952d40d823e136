// Node's zlib (lib/zlib.js): one-shot sync and callback forms, crc32, constants, and the
// stream classes (zlib_streams.js). The work is node-streams' zlib through the native
// binding (zlib.rs); callback forms run on the blocking pool and complete in the poll phase
// through hooks.zlibComplete, keyed by request id (the callbacks stay in `pending`).
'use strict';

const zb = internal.natives.zlib;
const errors = internal.errors;
const {
  constants, zlibOptions, brotliOptions, inputOf, outOfRange,
} = internal.requireBuiltin('internal/zlib_options', true);

const pending = new Map(); // request id -> (err, value) => void
let nextReq = 1;

// A zlib failure as node reports it: an Error whose own `errno` then `code` are set.
function zlibError(desc) {
  const [code, errno, message, cls] = desc;
  if (errno === undefined || errno === null) {
    return errors.make(globalThis[cls] || Error, code, message);
  }
  const e = new Error(message);
  e.errno = errno;
  e.code = code;
  return e;
}

// Output bytes as a Buffer once the global exists (a Uint8Array before).
function toBuffer(u8) {
  const B = globalThis.Buffer;
  return typeof B === 'function' ? B.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8;
}

internal.hooks.zlibComplete = function zlibComplete(id, err, value) {
  const done = pending.get(id);
  if (done === undefined) return;
  pending.delete(id);
  done(err ? zlibError(err) : null, value);
};

function request(done) {
  const id = nextReq++;
  if (nextReq > 0x7fffffff) nextReq = 1;
  pending.set(id, done);
  return id;
}

function optionsFor(mode, opts) {
  return mode === constants.BROTLI_ENCODE || mode === constants.BROTLI_DECODE
    ? brotliOptions(opts, mode) : zlibOptions(opts, mode);
}

function streamsFor(what) {
  if (streams === null) throw errors.notImplemented(`zlib ${what} with info: true`);
  return streams;
}

function syncForm(mode) {
  // node names these wrappers syncBufferWrapper / asyncBufferWrapper.
  const syncBufferWrapper = function (buffer, opts) {
    const o = optionsFor(mode, opts);
    const input = inputOf(buffer, 'buffer', true);
    if (o.info) return streamsFor('one-shots').infoSync(mode, opts, input);
    const [err, out] = zb.oneShot(-1, o, input);
    if (err) {
      // Raised inside node's zlib: printed without a source header when uncaught.
      const e = zlibError(err);
      if (internal.markThrownInternally) internal.markThrownInternally(e);
      throw e;
    }
    return toBuffer(out);
  };
  return syncBufferWrapper;
}

function asyncForm(mode) {
  const asyncBufferWrapper = function (buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    const o = optionsFor(mode, opts);
    if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'Function', callback);
    const input = inputOf(buffer, 'chunk', false, true);
    if (o.info) {
      streamsFor('one-shots').infoAsync(mode, opts, input, callback);
      return;
    }
    zb.oneShot(request((err, out) => {
      if (err) callback(err);
      else callback(null, toBuffer(out));
    }), o, input);
  };
  return asyncBufferWrapper;
}

function crc32(data, value = 0) {
  const input = inputOf(data, 'data', false);
  if (typeof value !== 'number') throw errors.invalidArgType('value', 'number', value);
  if (!Number.isInteger(value)) throw outOfRange('value', 'an integer', value);
  if (value < 0 || value > 0xffffffff) throw outOfRange('value', '>= 0 && <= 4294967295', value);
  return zb.crc32(input, value);
}

const { DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE } = constants;

// The stream classes need `stream`; until it loads, they throw ERR_NOT_IMPLEMENTED.
let streams = null;
try {
  streams = internal.requireBuiltin('internal/zlib_streams', true);
} catch (e) {
  if (!e || e.code !== 'ERR_NOT_IMPLEMENTED') throw e;
}
const classNames = ['Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw', 'InflateRaw', 'Unzip',
  'BrotliCompress', 'BrotliDecompress'];

const impl = { crc32 };
for (const name of classNames) {
  if (streams) impl[name] = streams[name];
}
const forms = [
  ['deflate', DEFLATE], ['gzip', GZIP], ['deflateRaw', DEFLATERAW], ['unzip', UNZIP],
  ['inflate', INFLATE], ['gunzip', GUNZIP], ['inflateRaw', INFLATERAW],
  ['brotliCompress', BROTLI_ENCODE], ['brotliDecompress', BROTLI_DECODE],
];
for (const [name, mode] of forms) {
  impl[name] = asyncForm(mode);
  impl[`${name}Sync`] = syncForm(mode);
}
// node's order of the create* exports.
const createOrder = ['Deflate', 'Inflate', 'DeflateRaw', 'InflateRaw', 'Gzip', 'Gunzip', 'Unzip',
  'BrotliCompress', 'BrotliDecompress'];
for (const name of createOrder) {
  const create = `create${name}`;
  if (streams) {
    const Cls = streams[name];
    impl[create] = { [create](options) { return new Cls(options); } }[create];
  }
}
Object.defineProperty(impl, 'constants', { value: constants, enumerable: true, writable: false, configurable: false });
const codes = {
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
for (const key of Object.keys(codes)) codes[codes[key]] = key;
Object.defineProperty(impl, 'codes', { value: Object.freeze(codes), enumerable: true, writable: false, configurable: false });
// The legacy top-level constants (zlib.Z_NO_FLUSH, …): non-enumerable, without BROTLI_*.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(impl, key, { value: constants[key], enumerable: false, writable: false, configurable: false });
}

const missing = [];
if (!streams) {
  for (const name of classNames) missing.push(name, `create${name}`);
}
module.exports = internal.partialModule('zlib', impl, missing);
