// `Request` (WHATWG Fetch, undici's checks and messages).
'use strict';

const { Headers, fill, setGuard } = internal.requireBuiltin('internal/fetch_headers', true);
const bodies = internal.requireBuiltin('internal/fetch_body', true);

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const normalMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

function illegal() {
  return internal.errors.make(TypeError, 'ERR_INVALID_THIS', 'Illegal invocation');
}

function parseUrl(input) {
  try {
    return new URL(`${input}`);
  } catch (cause) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause });
  }
}

function oneOf(what, value, allowed) {
  const v = `${value}`;
  if (!allowed.includes(v)) {
    throw new TypeError(`${what}: ${v} is not an accepted type. Expected one of ${allowed.join(', ')}.`);
  }
  return v;
}

let stateOf;
let patchWarned = false;

class Request {
  #s;

  constructor(input, init = undefined) {
    if (arguments.length < 1) throw new TypeError('Request constructor: 1 argument required, but 0 found.');
    if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError("Request constructor: Expected init (\"Argument 2\") to be an instance of RequestInit.");
    }
    init ??= {};
    let base;
    if (input instanceof Request) {
      base = input.#s;
    } else {
      const url = parseUrl(input);
      if (url.username !== '' || url.password !== '') {
        throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${input}`);
      }
      base = {
        method: 'GET', url: url.href, headers: null, body: null, redirect: 'follow', mode: 'cors',
        credentials: 'same-origin', cache: 'default', integrity: '', keepalive: false,
        referrer: 'about:client', referrerPolicy: '', signal: null,
      };
    }
    const s = { ...base, body: null, headers: null };
    if (init.mode !== undefined) {
      const mode = oneOf('Request constructor', init.mode, ['same-origin', 'no-cors', 'cors', 'navigate', 'websocket']);
      if (mode === 'navigate') throw new TypeError('Request constructor: invalid request mode navigate.');
      s.mode = mode;
    }
    if (init.credentials !== undefined) s.credentials = oneOf('Request constructor', init.credentials, ['omit', 'same-origin', 'include']);
    if (init.cache !== undefined) s.cache = oneOf('Request constructor', init.cache, ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached']);
    if (init.redirect !== undefined) s.redirect = oneOf('Request constructor', init.redirect, ['follow', 'manual', 'error']);
    if (init.integrity !== undefined) s.integrity = `${init.integrity}`;
    if (init.keepalive !== undefined) s.keepalive = !!init.keepalive;
    if (init.referrerPolicy !== undefined) s.referrerPolicy = `${init.referrerPolicy}`;
    if (init.method !== undefined) {
      let m = `${init.method}`;
      if (!tokenRe.test(m)) throw new TypeError(`'${m}' is not a valid HTTP method.`);
      const upper = m.toUpperCase();
      if (upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK') throw new TypeError(`'${m}' HTTP method is unsupported.`);
      if (normalMethods.includes(upper)) m = upper;
      else if (upper === 'PATCH' && m !== 'PATCH' && !patchWarned) {
        patchWarned = true;
        process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not Allowed`. `PATCH` is much more likely to succeed.', { code: 'UNDICI-FETCH-patch' });
      }
      s.method = m;
    }
    let signal = base.signal;
    if (init.signal !== undefined) {
      if (init.signal !== null && !(init.signal instanceof AbortSignal)) {
        throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
      }
      signal = init.signal;
    }
    // The request's own signal follows the given one.
    const ac = new AbortController();
    if (signal !== null) {
      if (signal.aborted) ac.abort(signal.reason);
      else signal.addEventListener('abort', () => ac.abort(signal.reason), { once: true });
    }
    s.signal = ac.signal;
    s.headers = new Headers();
    fill(s.headers, init.headers !== undefined ? init.headers : (base.headers ?? {}), 'Headers constructor');
    const initBody = init.body;
    const inputBody = input instanceof Request ? base.body : null;
    if ((initBody !== undefined && initBody !== null || inputBody !== null) && (s.method === 'GET' || s.method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    if (initBody !== undefined && initBody !== null) {
      const { body, type } = bodies.extract(initBody, true);
      if (body.bytes === null && init.duplex !== 'half') {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
      if (type !== null && !s.headers.has('content-type')) s.headers.append('content-type', type);
      s.body = body;
    } else if (inputBody !== null) {
      if (bodies.isUnusable(inputBody)) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
      // The input's body moves to the new request.
      s.body = { ...inputBody };
      inputBody.used = true;
    }
    this.#s = s;
  }

  static {
    stateOf = (r) => {
      if (r === null || typeof r !== 'object' || !(#s in r)) throw illegal();
      return r.#s;
    };
  }

  get method() { return stateOf(this).method; }
  get url() { return stateOf(this).url; }
  get headers() { return stateOf(this).headers; }
  get destination() { stateOf(this); return ''; }
  get referrer() { return stateOf(this).referrer; }
  get referrerPolicy() { return stateOf(this).referrerPolicy; }
  get mode() { return stateOf(this).mode; }
  get credentials() { return stateOf(this).credentials; }
  get cache() { return stateOf(this).cache; }
  get redirect() { return stateOf(this).redirect; }
  get integrity() { return stateOf(this).integrity; }
  get keepalive() { return stateOf(this).keepalive; }
  get isReloadNavigation() { stateOf(this); return false; }
  get isHistoryNavigation() { stateOf(this); return false; }
  get signal() { return stateOf(this).signal; }
  get body() { return bodies.streamOf(stateOf(this).body, 'Request'); }
  get bodyUsed() { return bodies.isUsed(stateOf(this).body); }
  get duplex() { stateOf(this); return 'half'; }

  clone() {
    const s = stateOf(this);
    if (s.body !== null && bodies.isUnusable(s.body)) throw new TypeError('Request.clone: Body has already been consumed.');
    const r = new Request(s.url, { method: s.method === 'GET' || s.method === 'HEAD' ? s.method : 'POST' });
    const c = r.#s;
    Object.assign(c, s, { headers: new Headers(), body: bodies.clone(s.body) });
    fill(c.headers, s.headers, 'Headers constructor');
    const ac = new AbortController();
    if (s.signal.aborted) ac.abort(s.signal.reason);
    else s.signal.addEventListener('abort', () => ac.abort(s.signal.reason), { once: true });
    c.signal = ac.signal;
    return r;
  }

  [customInspect](depth, options) {
    const s = stateOf(this);
    const o = {
      method: s.method, url: s.url, headers: s.headers, destination: '', referrer: s.referrer,
      referrerPolicy: s.referrerPolicy, mode: s.mode, credentials: s.credentials, cache: s.cache,
      redirect: s.redirect, integrity: s.integrity, keepalive: s.keepalive,
      isReloadNavigation: false, isHistoryNavigation: false, signal: s.signal,
    };
    return `Request ${internal.inspect(o, options)}`;
  }
}
Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });
bodies.installConsumers(Request.prototype, (r) => stateOf(r));
void setGuard;

module.exports = { Request, requestState: (r) => stateOf(r) };
