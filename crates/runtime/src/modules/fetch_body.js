// Bodies of `Request` and `Response`: extracting one from a BodyInit, the sources a body
// reads from (bytes, a stream or async iterable, a fetched response), tee for clone(),
// and the consumers (`text`, `json`, `arrayBuffer`, `blob`, `formData`).
'use strict';

const { Blob } = require('buffer');
const formdata = internal.requireBuiltin('internal/fetch_formdata', true);

// A source is { pull(): Promise<Uint8Array | null>, cancel(reason) }.
function bytesSource(bytes) {
  let left = bytes;
  return {
    pull() {
      const b = left;
      left = null;
      return Promise.resolve(b !== null && b.length > 0 ? b : null);
    },
    cancel() { left = null; },
  };
}

// Chunks of a ReadableStream or an async iterable must be Uint8Arrays when read as a
// body; undici's request writer also takes strings and other views (`lenient`).
function iterableSource(iterable, lenient = false) {
  let it = null;
  return {
    async pull() {
      if (it === null) {
        it = typeof iterable.getReader === 'function' && typeof iterable[Symbol.asyncIterator] !== 'function'
          ? readerIterator(iterable.getReader()) : iterable[Symbol.asyncIterator]();
      }
      for (;;) {
        const { value, done } = await it.next();
        if (done) return null;
        if (lenient && typeof value === 'string') return new TextEncoder().encode(value);
        if (lenient && ArrayBuffer.isView(value) && !(value instanceof Uint8Array)) {
          return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        }
        if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
        if (value.length > 0) return value;
      }
    },
    cancel(reason) {
      if (it !== null && typeof it.return === 'function') it.return(reason).catch(() => {});
    },
  };
}

function readerIterator(reader) {
  return { next: () => reader.read(), return: (r) => reader.cancel(r) };
}

// Two sources that each see every chunk of `src` (`clone()`'s tee).
function tee(src) {
  const queues = [[], []];
  let done = false;
  let error = null;
  let pending = null;
  const fill = () => {
    if (pending === null) {
      pending = src.pull().then((c) => {
        pending = null;
        if (c === null) done = true;
        else { queues[0].push(c); queues[1].push(c); }
      }, (e) => {
        pending = null;
        error = e;
        done = true;
      });
    }
    return pending;
  };
  const branch = (i) => ({
    async pull() {
      for (;;) {
        if (queues[i].length > 0) return queues[i].shift();
        if (error !== null) throw error;
        if (done) return null;
        await fill();
      }
    },
    cancel() { queues[i].length = 0; },
  });
  return [branch(0), branch(1)];
}

function isStreamLike(v) {
  return v !== null && typeof v === 'object' &&
    (typeof v.getReader === 'function' || typeof v[Symbol.asyncIterator] === 'function');
}

// The standard's "extract a body": { body: { source, bytes, used, stream }, type }.
// `bytes` is kept for bodies known up front (sent with Content-Length, replayed by a
// 307/308 redirect); stream bodies have none.
function extract(object, forRequest = false) {
  let bytes = null;
  let type = null;
  let iterable = null;
  if (typeof object === 'string') {
    bytes = new TextEncoder().encode(object);
    type = 'text/plain;charset=UTF-8';
  } else if (object instanceof URLSearchParams) {
    bytes = new TextEncoder().encode(object.toString());
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (object instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && object instanceof SharedArrayBuffer)) {
    bytes = new Uint8Array(object.slice(0));
  } else if (ArrayBuffer.isView(object)) {
    bytes = new Uint8Array(object.buffer.slice(object.byteOffset, object.byteOffset + object.byteLength));
  } else if (object instanceof Blob) {
    bytes = new Uint8Array(internal.blobBytes(object));
    if (object.type) type = object.type;
  } else if (object instanceof formdata.FormData) {
    ({ bytes, type } = formdata.encodeMultipart(object));
  } else if (isStreamLike(object)) {
    if (object.locked === true || (typeof object.getReader === 'function' && require('stream').isDisturbed(object))) {
      throw new TypeError('Response body object should not be disturbed or locked');
    }
    iterable = object;
  } else {
    bytes = new TextEncoder().encode(`${object}`);
    type = 'text/plain;charset=UTF-8';
  }
  const source = iterable !== null ? iterableSource(iterable, forRequest) : bytesSource(bytes);
  return { body: { source, bytes, used: false, stream: iterable }, type };
}

// A body of the fetched response `id`, read through the native binding.
function netBody(source) {
  return { source, bytes: null, used: false, stream: null };
}

function clone(body) {
  if (body === null) return null;
  if (body.bytes !== null && !body.used) return { source: bytesSource(body.bytes), bytes: body.bytes, used: false, stream: null };
  const [a, b] = tee(body.source);
  body.source = a;
  body.streamObject = undefined;
  return { source: b, bytes: null, used: false, stream: null };
}

let ReadableStreamCtor;
function readableStream() {
  if (ReadableStreamCtor === undefined) {
    try {
      ReadableStreamCtor = require('stream/web').ReadableStream;
    } catch {
      ReadableStreamCtor = null;
    }
  }
  return ReadableStreamCtor;
}

// `body.body`: the body as a ReadableStream, made once; reading it uses the body.
function streamOf(body, owner) {
  if (body === null) return null;
  if (body.streamObject !== undefined) return body.streamObject;
  const RS = readableStream();
  if (typeof RS !== 'function') throw internal.errors.notImplemented(`${owner}.body`);
  const src = body.source;
  const rs = new RS({
    type: 'bytes',
    async pull(controller) {
      body.used = true;
      const c = await src.pull();
      if (c === null) {
        controller.close();
        if (controller.byobRequest) controller.byobRequest.respond(0);
      } else {
        controller.enqueue(c);
      }
    },
    cancel(reason) {
      body.used = true;
      src.cancel(reason);
    },
  });
  body.streamObject = rs;
  // From now on the body is read through the stream, so its lock and state count.
  body.source = iterableSource(rs);
  body.viaStream = rs;
  return rs;
}

// `bodyUsed`: the body was read from (a stream merely locked is not used).
function isUsed(body) {
  if (body === null) return false;
  return body.used || (body.viaStream !== undefined && require('stream').isDisturbed(body.viaStream));
}

// Whether the body can no longer be consumed: used, or its stream locked.
function isUnusable(body) {
  if (body === null) return false;
  if (body.used) return true;
  return body.viaStream !== undefined && body.viaStream.locked;
}

async function readAll(body) {
  if (body === null) return new Uint8Array(0);
  if (isUnusable(body)) throw new TypeError('Body is unusable: Body has already been read');
  body.used = true;
  const chunks = [];
  let total = 0;
  for (;;) {
    const c = await body.source.pull();
    if (c === null) break;
    chunks.push(c);
    total += c.length;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// The body mixin's consumers; `state(this)` gives { body, headers } or throws
// Illegal invocation.
function installConsumers(proto, state) {
  const methods = {
    arrayBuffer() {
      return consume(this, state, (b) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.slice().buffer));
    },
    blob() {
      return consume(this, state, (b, s) => new Blob([b], { type: s.headers.get('content-type') ?? '' }));
    },
    formData() {
      return consume(this, state, (b, s) => {
        const type = s.headers.get('content-type') ?? '';
        const essence = type.split(';')[0].trim().toLowerCase();
        if (essence === 'multipart/form-data') {
          const boundary = formdata.boundaryOf(type);
          if (boundary === null) throw formdata.parseFailed();
          return formdata.parseMultipart(b, boundary);
        }
        if (essence === 'application/x-www-form-urlencoded') return formdata.parseUrlencoded(new TextDecoder().decode(b));
        throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
      });
    },
    json() {
      return consume(this, state, (b) => JSON.parse(new TextDecoder().decode(b)));
    },
    text() {
      return consume(this, state, (b) => new TextDecoder().decode(b));
    },
  };
  for (const [name, fn] of Object.entries(methods)) {
    Object.defineProperty(proto, name, { value: fn, writable: true, enumerable: true, configurable: true });
  }
}

function consume(self, state, finish) {
  let s;
  try {
    s = state(self);
  } catch (e) {
    return Promise.reject(e);
  }
  return readAll(s.body).then((bytes) => finish(bytes, s));
}

module.exports = { extract, netBody, clone, streamOf, isUsed, isUnusable, readAll, installConsumers, bytesSource };
