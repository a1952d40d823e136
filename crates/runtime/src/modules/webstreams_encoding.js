// TextEncoderStream, TextDecoderStream, CompressionStream and DecompressionStream: each is
// a readable/writable pair around an internal TransformStream.
'use strict';

const U = internal.requireBuiltin('internal/webstreams/util', true);
const T = internal.requireBuiltin('internal/webstreams/transform', true);
const { errors } = internal;
const { kState, customInspect, isKind, invalidThis, invalidValue, resolved, inspectAs, webidlClass } = U;

function pairClass(name, fields, init) {
  const cls = {
    [name]: class {
      constructor(...args) {
        this[kState] = { kind: name, ...init(...args) };
      }

      get readable() {
        if (!isKind(this, name)) throw invalidThis(name);
        return this[kState].transform.readable;
      }

      get writable() {
        if (!isKind(this, name)) throw invalidThis(name);
        return this[kState].transform.writable;
      }

      [customInspect](depth, options) {
        const state = this[kState];
        const shown = {};
        for (const field of fields) shown[field] = state[field];
        shown.readable = state.transform.readable;
        shown.writable = state.transform.writable;
        return inspectAs(this, depth, options, shown);
      }
    },
  }[name];
  for (const field of fields) {
    Object.defineProperty(cls.prototype, field, {
      get() {
        if (!isKind(this, name)) throw invalidThis(name);
        return this[kState][field];
      },
      configurable: true,
    });
  }
  webidlClass(cls, name);
  return cls;
}

// ---- text ----------------------------------------------------------------------------
const TextEncoderStream = pairClass('TextEncoderStream', ['encoding'], () => {
  const encoder = new TextEncoder();
  // A lone high surrogate at a chunk's end waits for the next chunk's low surrogate.
  let pendingHigh = '';
  const transform = T.createTransformStream((chunk, controller) => {
    let text = pendingHigh + `${chunk}`;
    pendingHigh = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      pendingHigh = text[text.length - 1];
      text = text.slice(0, -1);
    }
    if (text.length > 0) controller.enqueue(encoder.encode(text));
  }, (controller) => {
    if (pendingHigh !== '') controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
  });
  return { encoding: 'utf-8', transform };
});

const TextDecoderStream = pairClass('TextDecoderStream', ['encoding', 'fatal', 'ignoreBOM'], (encoding = 'utf-8', options = {}) => {
  if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'object', options);
  const decoder = new TextDecoder(encoding, options);
  const checkInput = (chunk) => {
    if (!(chunk instanceof ArrayBuffer) && !ArrayBuffer.isView(chunk) &&
        Object.prototype.toString.call(chunk) !== '[object SharedArrayBuffer]') {
      throw errors.make(TypeError, 'ERR_INVALID_ARG_TYPE',
        'The "input" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
    }
  };
  const transform = T.createTransformStream((chunk, controller) => {
    checkInput(chunk);
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) controller.enqueue(text);
  }, (controller) => {
    const text = decoder.decode();
    if (text.length > 0) controller.enqueue(text);
  });
  return { encoding: decoder.encoding, fatal: decoder.fatal, ignoreBOM: decoder.ignoreBOM, transform };
});

// ---- compression (over node's zlib streams) -----------------------------------------
function zlibTransform(zstream) {
  let controller;
  let failure;
  zstream.on('data', (chunk) => {
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
  zstream.on('error', (err) => {
    failure = err;
    controller.error(err);
  });
  const transform = T.createTransformStream((chunk, c) => {
    controller = c;
    if (failure !== undefined) throw failure;
    return new Promise((resolve, reject) => {
      zstream.write(chunk, (err) => (err ? reject(err) : resolve()));
    });
  }, (c) => {
    controller = c;
    if (failure !== undefined) throw failure;
    return new Promise((resolve, reject) => {
      zstream.once('end', resolve);
      zstream.once('error', reject);
      zstream.end();
    });
  }, () => {
    zstream.destroy();
    return resolved(undefined);
  });
  // The controller exists before the first chunk: `data` can only follow a write.
  controller = transform[kState].controller;
  return transform;
}

function zlibFactory(kind, format) {
  const zlib = internal.requireBuiltin('zlib');
  const make = {
    compress: { gzip: zlib.createGzip, deflate: zlib.createDeflate, 'deflate-raw': zlib.createDeflateRaw },
    decompress: { gzip: zlib.createGunzip, deflate: zlib.createInflate, 'deflate-raw': zlib.createInflateRaw },
  }[kind][format];
  if (make === undefined) throw invalidValue('format', format);
  return make();
}

const CompressionStream = pairClass('CompressionStream', [], (format) => {
  const transform = zlibTransform(zlibFactory('compress', format));
  return { transform };
});
const DecompressionStream = pairClass('DecompressionStream', [], (format) => {
  const transform = zlibTransform(zlibFactory('decompress', format));
  return { transform };
});

module.exports = { TextEncoderStream, TextDecoderStream, CompressionStream, DecompressionStream };
