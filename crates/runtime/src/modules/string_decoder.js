// Node's `string_decoder` (lib/string_decoder.js): each StringDecoder keeps a native
// node-stdlib decoder (string_decoder.rs) under kNativeDecoder, as node keeps its state
// buffer there.
'use strict';

const nb = internal.natives.string_decoder;
const { errors } = internal;
const kNativeDecoder = Symbol('kNativeDecoder');

function StringDecoder(encoding) {
  // node's normalizeEncoding: null, undefined and '' mean utf8, other non-strings are
  // unknown (its message formats them with %s); the crate knows the string names.
  let name = encoding;
  if (encoding == null || encoding === '') {
    name = 'utf8';
  } else if (typeof encoding !== 'string') {
    throw errors.make(TypeError, 'ERR_UNKNOWN_ENCODING',
      `Unknown encoding: ${internal.format('%s', encoding)}`);
  }
  const [native, normalized] = nb.create(name);
  this.encoding = normalized;
  this[kNativeDecoder] = native;
}

function nativeOf(decoder) {
  const native = decoder == null ? undefined : decoder[kNativeDecoder];
  if (!native) {
    throw errors.make(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type StringDecoder');
  }
  return native;
}

function bytesOf(buf) {
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw errors.invalidArgType('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  return nb.write(nativeOf(this), bytesOf(buf));
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  return ret + nb.end(nativeOf(this));
};

// Undocumented legacy API, kept as node keeps it.
StringDecoder.prototype.text = function text(buf, offset) {
  nb.reset(nativeOf(this));
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    configurable: true,
    enumerable: true,
    get() {
      const bytes = nb.state(nativeOf(this))[2];
      return require('buffer').Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  },
  lastNeed: {
    configurable: true,
    enumerable: true,
    get() { return nb.state(nativeOf(this))[0]; },
  },
  lastTotal: {
    configurable: true,
    enumerable: true,
    get() { return nb.state(nativeOf(this))[1]; },
  },
});

module.exports = { StringDecoder };
