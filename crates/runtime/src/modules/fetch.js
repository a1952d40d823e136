// The `fetch` global: each call becomes a native request (fetch.rs over node-http's fetch);
// this file keeps the in-flight requests by id, pumps streamed request bodies, and turns
// the native events into the Response and its body.
'use strict';

const { flat } = internal.requireBuiltin('internal/fetch_headers', true);
const { Request, requestState } = internal.requireBuiltin('internal/fetch_request', true);
const { Response, fromNetwork } = internal.requireBuiltin('internal/fetch_response', true);
const { FormData } = internal.requireBuiltin('internal/fetch_formdata', true);
const bodies = internal.requireBuiltin('internal/fetch_body', true);

const nf = internal.natives.fetch;
const hooks = internal.hooks;
const nullBodyStatus = [101, 204, 205, 304];

// id -> { resolve, reject, signal, onAbort, read: { resolve, reject } | null, done }
const inFlight = new Map();
let nextId = 1;

function forget(id) {
  const f = inFlight.get(id);
  if (f === undefined) return;
  inFlight.delete(id);
  if (f.signal !== null) f.signal.removeEventListener('abort', f.onAbort);
}

// A native error (fetch.rs's error_value) as a JS error.
function nativeError(err) {
  switch (err[0]) {
    case 'net':
      require('net');
      return internal.netError(err[1]);
    case 'fetch':
      return new Error(err[1]);
    default: {
      const Base = globalThis[err[1]] || Error;
      const e = new Base(err[3]);
      if (err[2] !== undefined && err[2] !== 'ERR_FETCH_NETWORK') e.code = err[2];
      return e;
    }
  }
}

function netSource(id) {
  return {
    pull() {
      const f = inFlight.get(id);
      if (f === undefined) return Promise.resolve(null);
      if (f.error !== undefined) return Promise.reject(f.error);
      return new Promise((resolve, reject) => {
        f.read = { resolve, reject };
        nf.fetchRead(id);
      });
    },
    cancel() {
      nf.fetchAbort(id);
      forget(id);
    },
  };
}

hooks.fetchResponse = function fetchResponse(id, head) {
  const f = inFlight.get(id);
  if (f === undefined) return;
  const [status, statusText, headers, urls] = head;
  let body = null;
  if (nullBodyStatus.includes(status)) {
    nf.fetchAbort(id);
    forget(id);
  } else {
    body = bodies.netBody(netSource(id));
  }
  const res = fromNetwork(status, statusText, headers, urls, body);
  f.response = res;
  const resolve = f.resolve;
  f.resolve = f.reject = null;
  resolve(res);
};

hooks.fetchChunk = function fetchChunk(id, chunk) {
  const f = inFlight.get(id);
  if (f === undefined || f.read === null) return;
  const { resolve } = f.read;
  f.read = null;
  if (chunk === null) forget(id);
  resolve(chunk);
};

hooks.fetchError = function fetchError(id, err) {
  const f = inFlight.get(id);
  if (f === undefined) return;
  const cause = nativeError(err);
  if (f.reject !== null) {
    forget(id);
    f.reject(new TypeError('fetch failed', { cause }));
    return;
  }
  // A body that fails (socket or decoding error) ends as undici's `terminated`.
  const e = new TypeError('terminated', { cause });
  forget(id);
  f.error = e;
  if (f.read !== null) {
    const { reject } = f.read;
    f.read = null;
    reject(e);
  }
};

// Sends a streamed request body chunk by chunk.
async function pump(id, source) {
  try {
    for (;;) {
      const c = await source.pull();
      if (!inFlight.has(id)) return;
      if (c === null) break;
      nf.fetchWrite(id, c);
    }
    nf.fetchWriteEnd(id);
  } catch (cause) {
    const f = inFlight.get(id);
    nf.fetchAbort(id);
    if (f !== undefined && f.reject !== null) {
      forget(id);
      f.reject(new TypeError('fetch failed', { cause }));
    }
  }
}

function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init);
  } catch (e) {
    return Promise.reject(e);
  }
  const s = requestState(request);
  const signal = s.signal;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const body = s.body;
    if (body !== null) body.used = true;
    const streamed = body !== null && body.bytes === null;
    const f = { resolve, reject, signal, onAbort: null, read: null, response: null, error: undefined };
    f.onAbort = () => {
      const reason = signal.reason;
      nf.fetchAbort(id);
      forget(id);
      if (f.reject !== null) {
        const r = f.reject;
        f.resolve = f.reject = null;
        r(reason);
      } else {
        f.error = reason;
        if (f.read !== null) {
          const rd = f.read;
          f.read = null;
          rd.reject(reason);
        }
      }
    };
    signal.addEventListener('abort', f.onAbort, { once: true });
    inFlight.set(id, f);
    nf.fetchStart(id, {
      method: s.method,
      url: s.url,
      headers: flat(s.headers),
      body: body !== null && !streamed ? body.bytes : undefined,
      redirect: s.redirect,
      streamed,
    });
    if (streamed) pump(id, body.source);
  });
}

module.exports = { fetch, FormData, Headers: internal.requireBuiltin('internal/fetch_headers', true).Headers, Request, Response };
