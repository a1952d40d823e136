// `Blob` and `File` (lib/internal/blob.js, lib/internal/file.js): immutable bytes with a
// MIME type. The parts are copied into one Buffer when the Blob is made.
'use strict';

const { errors } = internal;
const { Buffer } = require('buffer');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

function invalidThis(name) {
  return errors.make(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${name}`);
}

// A type with characters outside U+0020..U+007E is dropped, others are lower-cased.
function normalizeType(type) {
  const s = `${type}`;
  return /[^\u0020-\u007e]/.test(s) ? '' : s.toLowerCase();
}

function isAnyArrayBuffer(v) {
  return v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);
}

class Blob {
  #bytes;
  #type;
  // The lengths of the non-empty parts the contents were built from: stream() hands out one
  // chunk per part, as node's Blob does.
  #partLengths = [];

  constructor(sources = [], options) {
    if (sources === null || typeof sources !== 'object' || typeof sources[Symbol.iterator] !== 'function') {
      throw errors.invalidArgTypeText('sources', 'a sequence', sources);
    }
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw errors.invalidArgTypeText('options', 'a dictionary', options);
    }
    const { endings = 'transparent', type = '' } = options ?? {};
    if (endings !== 'transparent' && endings !== 'native') {
      throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
        `The property 'options.endings' is invalid. Received ${internal.inspect(endings)}`);
    }
    const parts = [];
    for (const part of sources) {
      const bytes = Blob.#partBytes(part, `${endings}`);
      parts.push(bytes);
      if (part !== null && typeof part === 'object' && #bytes in part) this.#partLengths.push(...part.#partLengths);
      else if (bytes.length > 0) this.#partLengths.push(bytes.length);
    }
    this.#bytes = Buffer.concat(parts);
    this.#type = normalizeType(type);
  }

  static #partBytes(part, endings) {
    if (part !== null && typeof part === 'object' && #bytes in part) return part.#bytes;
    if (isAnyArrayBuffer(part)) return Buffer.from(new Uint8Array(part));
    if (ArrayBuffer.isView(part)) return Buffer.from(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
    let s = `${part}`;
    // node's "native" endings on POSIX: every CRLF or LF becomes LF.
    if (endings === 'native') s = s.replace(/\r?\n/g, '\n');
    return Buffer.from(s);
  }

  static #check(blob) {
    if (blob === null || typeof blob !== 'object' || !(#bytes in blob)) throw invalidThis('Blob');
    return blob.#bytes;
  }

  // fetch reads a Blob body's bytes synchronously (the standard's body extraction is).
  static {
    internal.blobBytes = (blob) => Blob.#check(blob);
  }

  get type() {
    Blob.#check(this);
    return this.#type;
  }

  get size() {
    return Blob.#check(this).length;
  }

  slice(start = 0, end = undefined, contentType = '') {
    const bytes = Blob.#check(this);
    const size = bytes.length;
    const clamp = (v) => {
      const n = Math.trunc(+v) || 0;
      return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
    };
    const from = clamp(start);
    const to = end === undefined ? size : clamp(end);
    const out = new Blob([bytes.subarray(from, Math.max(from, to))], { type: contentType });
    // The slice keeps the part boundaries that fall inside it.
    out.#partLengths = [];
    let at = 0;
    for (const length of this.#partLengths) {
      const lo = Math.max(at, from);
      const hi = Math.min(at + length, to);
      if (hi > lo) out.#partLengths.push(hi - lo);
      at += length;
    }
    return out;
  }

  arrayBuffer() {
    try {
      const bytes = Blob.#check(this);
      return Promise.resolve(new Uint8Array(bytes).buffer);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  text() {
    try {
      const text = Blob.#check(this).toString('utf8');
      // Decoded as TextDecoder does: a leading BOM is dropped.
      return Promise.resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  bytes() {
    try {
      return Promise.resolve(new Uint8Array(Blob.#check(this)));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  // A byte stream of a copy of the contents, a chunk per part.
  stream() {
    const bytes = Blob.#check(this);
    const lengths = this.#partLengths;
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        let at = 0;
        for (const length of lengths) {
          controller.enqueue(new Uint8Array(bytes.subarray(at, at + length)));
          at += length;
        }
        controller.close();
        controller.byobRequest?.respond(0);
      },
    });
  }

  [customInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `${this.constructor.name} ${internal.inspect(this.#fields(), opts)}`;
  }

  // What inspect shows; File adds its own.
  #fields() {
    return { size: this.size, type: this.type, ...this[kExtraFields]?.() };
  }
}
Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: 'Blob', configurable: true });

const kExtraFields = Symbol('kExtraFields');

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) {
      throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "fileBits" and "fileName" arguments must be specified');
    }
    super(fileBits, options);
    const { lastModified } = options ?? {};
    this.#name = `${fileName}`;
    this.#lastModified = lastModified === undefined ? Date.now() : Number(lastModified);
  }

  static #check(file) {
    if (file === null || typeof file !== 'object' || !(#name in file)) throw invalidThis('File');
    return file;
  }

  get name() {
    return File.#check(this).#name;
  }

  get lastModified() {
    return File.#check(this).#lastModified;
  }

  [kExtraFields]() {
    return { name: this.name, lastModified: this.lastModified };
  }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, { value: 'File', configurable: true });

module.exports = { Blob, File };
