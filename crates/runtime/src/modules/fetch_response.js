// `Response` (WHATWG Fetch, undici's checks and messages).
'use strict';

const { Headers, fill, fromFlat, setGuard } = internal.requireBuiltin('internal/fetch_headers', true);
const bodies = internal.requireBuiltin('internal/fetch_body', true);

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const nullBodyStatus = [101, 204, 205, 304];
const redirectStatus = [301, 302, 303, 307, 308];
// reason-phrase: HTAB, SP, VCHAR, obs-text.
const reasonRe = /^[\t\x20-\x7e\x80-\xff]*$/;

function illegal() {
  return internal.errors.make(TypeError, 'ERR_INVALID_THIS', 'Illegal invocation');
}

let stateOf;
let make;

class Response {
  #s;

  constructor(body = null, init = undefined) {
    if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError("Response constructor: Expected init (\"Argument 2\") to be an instance of ResponseInit.");
    }
    init ??= {};
    const status = init.status !== undefined ? Number(init.status) : 200;
    if (!Number.isFinite(status) || Math.trunc(status) < 200 || Math.trunc(status) > 599) {
      throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    }
    const statusText = init.statusText !== undefined ? `${init.statusText}` : '';
    if (!reasonRe.test(statusText)) throw new TypeError('Invalid statusText');
    const headers = new Headers();
    if (init.headers !== undefined) fill(headers, init.headers, 'Headers constructor');
    let b = null;
    if (body !== null && body !== undefined) {
      if (nullBodyStatus.includes(Math.trunc(status))) {
        throw new TypeError(`Response constructor: Invalid response status code ${Math.trunc(status)}`);
      }
      const { body: extracted, type } = bodies.extract(body);
      if (type !== null && !headers.has('content-type')) headers.append('content-type', type);
      b = extracted;
    }
    this.#s = { type: 'default', status: Math.trunc(status), statusText, headers, body: b, urlList: [] };
  }

  static {
    stateOf = (r) => {
      if (r === null || typeof r !== 'object' || !(#s in r)) throw illegal();
      return r.#s;
    };
    make = (s) => {
      const r = new Response();
      r.#s = s;
      return r;
    };
  }

  static error() {
    const headers = new Headers();
    setGuard(headers, 'immutable');
    return make({ type: 'error', status: 0, statusText: '', headers, body: null, urlList: [] });
  }

  static json(data, init = undefined) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const r = new Response(text, init);
    const h = stateOf(r).headers;
    if (init === undefined || init === null || init.headers === undefined || !new Headers(init.headers).has('content-type')) {
      h.set('content-type', 'application/json');
    }
    return r;
  }

  static redirect(url, status = 302) {
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (cause) {
      throw new TypeError(`Failed to parse URL from ${url}`, { cause });
    }
    status = Number(status);
    if (!redirectStatus.includes(status)) throw new RangeError(`Invalid status code ${status}`);
    const headers = new Headers([['location', parsed.href]]);
    setGuard(headers, 'immutable');
    return make({ type: 'default', status, statusText: '', headers, body: null, urlList: [] });
  }

  get type() { return stateOf(this).type; }
  get url() {
    const list = stateOf(this).urlList;
    if (list.length === 0) return '';
    const u = list[list.length - 1];
    const hash = u.indexOf('#');
    return hash === -1 ? u : u.slice(0, hash);
  }
  get redirected() { return stateOf(this).urlList.length > 1; }
  get status() { return stateOf(this).status; }
  get ok() { const s = stateOf(this).status; return s >= 200 && s <= 299; }
  get statusText() { return stateOf(this).statusText; }
  get headers() { return stateOf(this).headers; }
  get body() { return bodies.streamOf(stateOf(this).body, 'Response'); }
  get bodyUsed() { return bodies.isUsed(stateOf(this).body); }

  clone() {
    const s = stateOf(this);
    if (s.body !== null && bodies.isUnusable(s.body)) throw new TypeError('Response.clone: Body has already been consumed.');
    const headers = new Headers();
    fill(headers, s.headers, 'Headers constructor');
    if (s.type !== 'default') setGuard(headers, 'immutable');
    return make({ ...s, headers, body: bodies.clone(s.body), urlList: s.urlList.slice() });
  }

  [customInspect](depth, options) {
    const s = stateOf(this);
    const o = { status: s.status, statusText: s.statusText, headers: s.headers };
    if (s.body === null) o.body = null;
    else {
      try { o.body = this.body; } catch { /* no ReadableStream yet: body left out */ }
    }
    Object.assign(o, {
      bodyUsed: this.bodyUsed, ok: this.ok, redirected: this.redirected, type: s.type, url: this.url,
    });
    return `Response ${internal.inspect(o, options)}`;
  }
}
Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });
bodies.installConsumers(Response.prototype, (r) => stateOf(r));

// A response of fetch: basic type, immutable headers as received, the URL list, `body`.
function fromNetwork(status, statusText, flatHeaders, urlList, body) {
  return make({
    type: 'basic', status, statusText, headers: fromFlat(flatHeaders, 'immutable'), body, urlList,
  });
}

module.exports = { Response, fromNetwork, responseState: (r) => stateOf(r) };
