// `FormData` (XHR standard, as undici shapes it), its multipart/form-data encoding for
// request bodies, and the parsers behind `body.formData()`.
'use strict';

const { Blob, File } = require('buffer');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

function illegal() {
  return internal.errors.make(TypeError, 'ERR_INVALID_THIS', 'Illegal invocation');
}

function argsRequired(what, n, got) {
  if (got < n) {
    throw new TypeError(`${what}: ${n} argument${n > 1 ? 's' : ''} required, but${n > 1 ? ' only' : ''} ${got} found.`);
  }
}

// A string as a USVString: lone surrogates become U+FFFD.
function usv(v) {
  return `${v}`.toWellFormed();
}

let entriesOf;

class FormData {
  #entries = [];

  constructor(form = undefined) {
    if (form !== undefined) {
      throw new TypeError('FormData constructor: Argument 1 could not be converted to: undefined.');
    }
  }

  static {
    entriesOf = (fd) => {
      if (fd === null || typeof fd !== 'object' || !(#entries in fd)) throw illegal();
      return fd.#entries;
    };
  }

  static #entry(what, name, value, filename, argc) {
    if (argc > 2 && !(value instanceof Blob)) {
      throw new TypeError(`Failed to execute '${what}' on 'FormData': parameter 2 is not of type 'Blob'`);
    }
    name = usv(name);
    if (value instanceof Blob) {
      const fileName = filename !== undefined ? usv(filename)
        : value instanceof File ? value.name : 'blob';
      if (!(value instanceof File) || value.name !== fileName) {
        const opts = { type: value.type };
        if (value instanceof File) opts.lastModified = value.lastModified;
        value = new File([value], fileName, opts);
      }
    } else {
      value = usv(value);
    }
    return [name, value];
  }

  append(name, value, filename = undefined) {
    const list = entriesOf(this);
    argsRequired('FormData.append', 2, arguments.length);
    list.push(FormData.#entry('append', name, value, filename, arguments.length));
  }

  delete(name) {
    const list = entriesOf(this);
    argsRequired('FormData.delete', 1, arguments.length);
    name = usv(name);
    this.#entries = list.filter((e) => e[0] !== name);
  }

  get(name) {
    const list = entriesOf(this);
    argsRequired('FormData.get', 1, arguments.length);
    name = usv(name);
    const e = list.find((x) => x[0] === name);
    return e === undefined ? null : e[1];
  }

  getAll(name) {
    const list = entriesOf(this);
    argsRequired('FormData.getAll', 1, arguments.length);
    name = usv(name);
    return list.filter((x) => x[0] === name).map((x) => x[1]);
  }

  has(name) {
    const list = entriesOf(this);
    argsRequired('FormData.has', 1, arguments.length);
    name = usv(name);
    return list.some((x) => x[0] === name);
  }

  set(name, value, filename = undefined) {
    const list = entriesOf(this);
    argsRequired('FormData.set', 2, arguments.length);
    const entry = FormData.#entry('set', name, value, filename, arguments.length);
    const i = list.findIndex((x) => x[0] === entry[0]);
    if (i === -1) {
      list.push(entry);
    } else {
      list[i] = entry;
      this.#entries = list.filter((x, j) => j <= i || x[0] !== entry[0]);
    }
  }

  forEach(callback, thisArg = undefined) {
    entriesOf(this);
    argsRequired('FormData.forEach', 1, arguments.length);
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
    }
    for (const [k, v] of this) callback.call(thisArg, v, k, this);
  }

  *entries() {
    const list = entriesOf(this);
    for (let i = 0; i < list.length; i++) yield [list[i][0], list[i][1]];
  }

  *keys() {
    for (const [k] of this.entries()) yield k;
  }

  *values() {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator]() { return this.entries(); }

  [customInspect](depth, options) {
    const o = {};
    for (const [k, v] of entriesOf(this)) {
      if (!Object.prototype.hasOwnProperty.call(o, k)) o[k] = v;
      else if (Array.isArray(o[k])) o[k].push(v);
      else o[k] = [o[k], v];
    }
    return `FormData ${internal.inspect(o, options)}`;
  }
}
Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });

const escapeName = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
const normalizeLinefeeds = (s) => s.replace(/\r?\n|\r/g, '\r\n');

// The multipart/form-data body of `fd` and its content type (undici's boundary shape).
function encodeMultipart(fd) {
  const digits = `${Math.floor(Math.random() * 1e11)}`.padStart(11, '0');
  const boundary = `----formdata-undici-0${digits}`;
  const enc = new TextEncoder();
  const parts = [];
  for (const [name, value] of entriesOf(fd)) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(normalizeLinefeeds(name))}"`;
    if (typeof value === 'string') {
      parts.push(enc.encode(`${head}\r\n\r\n${normalizeLinefeeds(value)}\r\n`));
    } else {
      parts.push(enc.encode(`${head}; filename="${escapeName(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
      parts.push(internal.blobBytes(value));
      parts.push(enc.encode('\r\n'));
    }
  }
  parts.push(enc.encode(`--${boundary}--\r\n`));
  const { Buffer } = require('buffer');
  return { bytes: new Uint8Array(Buffer.concat(parts)), type: `multipart/form-data; boundary=${boundary}` };
}

function parseFailed() {
  return new TypeError('Failed to parse body as FormData.');
}

// The `boundary` parameter of a multipart/form-data type, or null.
function boundaryOf(type) {
  const m = /;\s*boundary=("([^"]*)"|[^;]*)/i.exec(type);
  if (m === null) return null;
  const b = m[2] !== undefined ? m[2] : m[1].trim();
  return b.length === 0 ? null : b;
}

function indexOf(hay, needle, from) {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function dispositionParam(header, key) {
  const re = new RegExp(`;\\s*${key}="([^"]*)"`, 'i');
  const m = re.exec(header);
  return m === null ? undefined : m[1];
}

function parseMultipart(bytes, boundary) {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const delim = enc.encode(`--${boundary}`);
  const fd = new FormData();
  let pos = indexOf(bytes, delim, 0);
  if (pos === -1) throw parseFailed();
  for (;;) {
    pos += delim.length;
    if (bytes[pos] === 0x2d && bytes[pos + 1] === 0x2d) break; // closing delimiter
    if (bytes[pos] !== 0x0d || bytes[pos + 1] !== 0x0a) throw parseFailed();
    pos += 2;
    const headEnd = indexOf(bytes, enc.encode('\r\n\r\n'), pos);
    if (headEnd === -1) throw parseFailed();
    const headers = dec.decode(bytes.subarray(pos, headEnd)).split('\r\n');
    let disposition;
    let type = '';
    for (const line of headers) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-disposition') disposition = value;
      else if (name === 'content-type') type = value;
    }
    const next = indexOf(bytes, enc.encode(`\r\n--${boundary}`), headEnd + 4);
    if (next === -1 || disposition === undefined || !/^form-data\b/i.test(disposition)) throw parseFailed();
    const body = bytes.subarray(headEnd + 4, next);
    const name = dispositionParam(disposition, 'name');
    if (name === undefined) throw parseFailed();
    const filename = dispositionParam(disposition, 'filename');
    if (filename !== undefined) fd.append(name, new File([body], filename, { type }));
    else fd.append(name, dec.decode(body));
    pos = next + 2;
  }
  return fd;
}

function parseUrlencoded(text) {
  const fd = new FormData();
  for (const [k, v] of new URLSearchParams(text)) fd.append(k, v);
  return fd;
}

module.exports = { FormData, encodeMultipart, parseMultipart, parseUrlencoded, boundaryOf, parseFailed };
