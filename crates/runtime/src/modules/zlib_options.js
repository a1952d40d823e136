// zlib's constants and option checks, with node's error classes, codes and messages
// (checked against node 20: which option is checked first, which values fall back to the
// default, which throw). The result is the plain options object the native binding reads.
'use strict';

const errors = internal.errors;

const constants = {
  __proto__: null,
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0,
  ZLIB_VERNUM: 4880,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2,
  BROTLI_OPERATION_EMIT_METADATA: 3,
  BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2,
  BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11,
  BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10,
  BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22,
  BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5,
  BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
  BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7,
  BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31,
};

// buffer.constants.MAX_LENGTH in node 20: the default and largest maxOutputLength.
const kMaxLength = 2 ** 32;

// Node writes big integers in range errors with `_` separators (9_007_199_254_740_992).
function received(v) {
  if (Number.isInteger(v) && Math.abs(v) > 2 ** 32) {
    const s = String(Math.abs(v));
    let out = '';
    for (let i = s.length; i > 0; i -= 3) out = s.slice(Math.max(0, i - 3), i) + (out ? `_${out}` : '');
    return (v < 0 ? '-' : '') + out;
  }
  return internal.inspect(v);
}

function outOfRange(name, range, value) {
  const e = errors.make(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${received(value)}`);
  if (internal.markThrownInternally) internal.markThrownInternally(e);
  return e;
}

// undefined or NaN: use the default (false); otherwise a finite number or a throw.
function isFiniteOption(v, name) {
  if (v === undefined || Number.isNaN(v)) return false;
  if (typeof v !== 'number') throw errors.invalidArgType(name, 'number', v);
  if (!Number.isFinite(v)) throw outOfRange(name, 'a finite number', v);
  return true;
}

function rangeOrDefault(v, name, lo, hi, def) {
  if (!isFiniteOption(v, name)) return def;
  if (v < lo || v > hi) throw outOfRange(name, `>= ${lo} and <= ${hi}`, v);
  return v;
}

const isAnyArrayBuffer = (v) => v instanceof ArrayBuffer ||
  (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);

// What ZlibBase checks for every mode: chunkSize, flush, finishFlush, maxOutputLength.
function baseOptions(opts, mode, out) {
  const brotli = mode === constants.BROTLI_DECODE || mode === constants.BROTLI_ENCODE;
  const maxFlush = brotli ? constants.BROTLI_OPERATION_EMIT_METADATA : constants.Z_BLOCK;
  const finishDefault = brotli ? constants.BROTLI_OPERATION_FINISH : constants.Z_FINISH;
  out.chunkSize = constants.Z_DEFAULT_CHUNK;
  out.flush = 0;
  out.finishFlush = finishDefault;
  out.maxOutputLength = kMaxLength;
  if (opts === null || typeof opts !== 'object') return out;
  if (isFiniteOption(opts.chunkSize, 'options.chunkSize')) {
    if (opts.chunkSize < constants.Z_MIN_CHUNK) {
      throw outOfRange('options.chunkSize', `>= ${constants.Z_MIN_CHUNK}`, opts.chunkSize);
    }
    out.chunkSize = opts.chunkSize;
  }
  out.flush = rangeOrDefault(opts.flush, 'options.flush', 0, maxFlush, 0);
  out.finishFlush = rangeOrDefault(opts.finishFlush, 'options.finishFlush', 0, maxFlush, finishDefault);
  out.maxOutputLength = rangeOrDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
  out.info = Boolean(opts.info);
  return out;
}

// Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip.
function zlibOptions(opts, mode) {
  const out = { mode, windowBits: 15, level: -1, memLevel: 8, strategy: 0, dictionary: undefined };
  if (opts !== null && typeof opts === 'object') {
    // As node's DeflateRaw (zlib deflates raw data with a 512-byte window when asked for
    // 256), on the caller's object.
    if (mode === constants.DEFLATERAW && opts.windowBits === 8) opts.windowBits = 9;
    const headerSized = mode === constants.INFLATE || mode === constants.GUNZIP || mode === constants.UNZIP;
    if (headerSized && (opts.windowBits === undefined || opts.windowBits === null || opts.windowBits === 0)) {
      // 0: inflate takes the window size from the stream's header.
      out.windowBits = 0;
    } else {
      // zlib refuses a 256-byte window for gzip.
      const min = mode === constants.GZIP ? 9 : constants.Z_MIN_WINDOWBITS;
      out.windowBits = rangeOrDefault(opts.windowBits, 'options.windowBits', min, 15, 15);
    }
    out.level = rangeOrDefault(opts.level, 'options.level', -1, 9, -1);
    out.memLevel = rangeOrDefault(opts.memLevel, 'options.memLevel', 1, 9, 8);
    out.strategy = rangeOrDefault(opts.strategy, 'options.strategy', 0, 4, 0);
    let dict = opts.dictionary;
    if (dict !== undefined && !ArrayBuffer.isView(dict)) {
      if (!isAnyArrayBuffer(dict)) {
        throw errors.make(TypeError, 'ERR_INVALID_ARG_TYPE',
          `The "options.dictionary" property must be an instance of Buffer, TypedArray, DataView, or ArrayBuffer.${internal.describeReceived(dict)}`);
      }
      dict = new Uint8Array(dict);
    }
    if (dict !== undefined) out.dictionary = bytesOf(dict);
  }
  return baseOptions(opts, mode, out);
}

// BrotliCompress, BrotliDecompress: `params` is { [BROTLI_PARAM_*]: number }.
function brotliOptions(opts, mode) {
  const out = { mode, params: [] };
  if (opts !== null && typeof opts === 'object' && opts.params) {
    for (const key of Object.keys(opts.params)) {
      const n = +key;
      if (Number.isNaN(n) || n < 0 || n > constants.BROTLI_PARAM_NDIRECT || !Number.isInteger(n)) {
        throw errors.make(RangeError, 'ERR_BROTLI_INVALID_PARAM', `${key} is not a valid Brotli parameter`);
      }
      const value = opts.params[key];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw errors.invalidArgType('options.params[key]', 'number', value);
      }
      if (mode === constants.BROTLI_ENCODE) {
        out.params.push([n, Number(value)]);
      } else if (n === constants.BROTLI_DECODER_PARAM_LARGE_WINDOW) {
        out.params.push([constants.BROTLI_PARAM_LARGE_WINDOW, Number(value)]);
      } else if (n !== constants.BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION) {
        // (Ring-buffer reallocation is a memory strategy of C brotli's decoder; the Rust
        // decoder has one strategy, and the output is the same.) Other keys are the
        // encoder's, which brotli's decoder refuses.
        throw errors.make(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed');
      }
    }
  }
  return baseOptions(opts, mode, out);
}

// A Uint8Array over any ArrayBufferView's bytes.
function bytesOf(v) {
  return v instanceof Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

// A one-shot's input: a string, any ArrayBufferView or an ArrayBuffer.
// node's callback forms take an ArrayBuffer too, but word their error as the stream's
// write does (`withArrayBuffer` says how the message reads).
function inputOf(buffer, name, withArrayBuffer, takesArrayBuffer = withArrayBuffer) {
  if (typeof buffer === 'string') return buffer;
  if (ArrayBuffer.isView(buffer)) return bytesOf(buffer);
  if (takesArrayBuffer && isAnyArrayBuffer(buffer)) return new Uint8Array(buffer);
  const expected = withArrayBuffer ? 'Buffer, TypedArray, DataView, or ArrayBuffer' : 'Buffer, TypedArray, or DataView';
  throw errors.make(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be of type string or an instance of ${expected}.${internal.describeReceived(buffer)}`);
}

module.exports = {
  constants, kMaxLength, outOfRange, rangeOrDefault, zlibOptions, brotliOptions, bytesOf, inputOf,
};
