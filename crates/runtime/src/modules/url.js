// WHATWG URL and URLSearchParams, and the url module's helpers. Parsing, setters and
// serialisation are node-stdlib's (the WHATWG-conformant `url` crate) through url.rs; a URL
// keeps the components the native parse returned, so getters are plain reads.
'use strict';

const nb = internal.natives.url;
const { errors } = internal;

// Indexes into the components array url.rs returns.
const HREF = 0;
const ORIGIN = 1;
const PROTOCOL = 2;
const USERNAME = 3;
const PASSWORD = 4;
const HOST = 5;
const HOSTNAME = 6;
const PORT = 7;
const PATHNAME = 8;
const SEARCH = 9;
const HASH = 10;

function invalidUrl(input, base) {
  const e = errors.make(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  e.input = input;
  if (base !== undefined) e.base = base;
  return e;
}

// URLSearchParams writes back into its URL through this (set in URL's static block, which
// can reach the private fields).
let writeSearch;
let isURL;

class URL {
  #c;
  #params;

  constructor(input, base = undefined) {
    if (arguments.length === 0) {
      throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "url" argument must be specified');
    }
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const c = nb.parse(input, base);
    if (c == null) throw invalidUrl(input, base);
    this.#c = c;
  }

  static {
    writeSearch = (url, query) => {
      url.#c = nb.set(url.#c[HREF], SEARCH, query);
    };
    isURL = (v) => v != null && typeof v === 'object' && #c in v;
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) {
      throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "url" argument must be specified');
    }
    return nb.canParse(`${input}`, base === undefined ? undefined : `${base}`);
  }

  static createObjectURL(obj) {
    throw errors.notImplemented('URL.createObjectURL');
  }

  static revokeObjectURL(url) {
    throw errors.notImplemented('URL.revokeObjectURL');
  }

  #update(field, value) {
    this.#c = nb.set(this.#c[HREF], field, `${value}`);
  }

  get href() { return this.#c[HREF]; }
  set href(v) {
    v = `${v}`;
    const c = nb.set(this.#c[HREF], HREF, v);
    if (c == null) throw invalidUrl(v);
    this.#c = c;
    if (this.#params) this.#params[kReset](c[SEARCH]);
  }
  get origin() { return this.#c[ORIGIN]; }
  get protocol() { return this.#c[PROTOCOL]; }
  set protocol(v) { this.#update(PROTOCOL, v); }
  get username() { return this.#c[USERNAME]; }
  set username(v) { this.#update(USERNAME, v); }
  get password() { return this.#c[PASSWORD]; }
  set password(v) { this.#update(PASSWORD, v); }
  get host() { return this.#c[HOST]; }
  set host(v) { this.#update(HOST, v); }
  get hostname() { return this.#c[HOSTNAME]; }
  set hostname(v) { this.#update(HOSTNAME, v); }
  get port() { return this.#c[PORT]; }
  set port(v) { this.#update(PORT, v); }
  get pathname() { return this.#c[PATHNAME]; }
  set pathname(v) { this.#update(PATHNAME, v); }
  get search() { return this.#c[SEARCH]; }
  set search(v) {
    this.#update(SEARCH, v);
    if (this.#params) this.#params[kReset](this.#c[SEARCH]);
  }
  get searchParams() {
    if (!this.#params) {
      const sp = new URLSearchParams(this.#c[SEARCH]);
      sp[kOwner] = this;
      this.#params = sp;
    }
    return this.#params;
  }
  get hash() { return this.#c[HASH]; }
  set hash(v) { this.#update(HASH, v); }
  toString() { return this.#c[HREF]; }
  toJSON() { return this.#c[HREF]; }
  [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) {
    const obj = {
      href: this.href, origin: this.origin, protocol: this.protocol, username: this.username,
      password: this.password, host: this.host, hostname: this.hostname, port: this.port,
      pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash,
    };
    if (depth < 0) return this;
    return `URL ${inspect(obj, { ...opts, depth })}`;
  }
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash', 'toString', 'toJSON']) {
  const d = Object.getOwnPropertyDescriptor(URL.prototype, k);
  d.enumerable = true;
  Object.defineProperty(URL.prototype, k, d);
}

const kList = Symbol('query');
const kOwner = Symbol('context');
const kReset = Symbol('reset');
// application/x-www-form-urlencoded parsing and serialisation are native (flat name/value
// arrays cross); the list operations stay here.
function parseQuery(q) {
  const flat = nb.paramsParse(q);
  const list = [];
  for (let i = 0; i < flat.length; i += 2) list.push([flat[i], flat[i + 1]]);
  return list;
}
function serialize(list) {
  const flat = [];
  for (const [k, v] of list) flat.push(k, v);
  return nb.paramsStringify(flat);
}
class URLSearchParams {
  constructor(init = undefined) {
    this[kList] = [];
    this[kOwner] = null;
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const arr = [...pair];
          if (arr.length !== 2) {
            throw errors.make(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          this[kList].push([`${arr[0]}`, `${arr[1]}`]);
        }
      } else {
        for (const k of Object.keys(init)) this[kList].push([k, `${init[k]}`]);
      }
    } else {
      this[kList] = parseQuery(`${init}`);
    }
  }
  [kReset](search) { this[kList] = parseQuery(search); }
  #update() {
    const owner = this[kOwner];
    if (owner) {
      const s = this.toString();
      writeSearch(owner, s);
    }
  }
  get size() { return this[kList].length; }
  append(name, value) { this[kList].push([`${name}`, `${value}`]); this.#update(); }
  delete(name, value) {
    name = `${name}`;
    this[kList] = this[kList].filter(([k, v]) => !(k === name && (value === undefined || v === `${value}`)));
    this.#update();
  }
  get(name) { const e = this[kList].find(([k]) => k === `${name}`); return e ? e[1] : null; }
  getAll(name) { return this[kList].filter(([k]) => k === `${name}`).map(([, v]) => v); }
  has(name, value) { return this[kList].some(([k, v]) => k === `${name}` && (value === undefined || v === `${value}`)); }
  set(name, value) {
    name = `${name}`;
    const i = this[kList].findIndex(([k]) => k === name);
    if (i === -1) this[kList].push([name, `${value}`]);
    else {
      this[kList][i][1] = `${value}`;
      this[kList] = this[kList].filter(([k], j) => j <= i || k !== name);
    }
    this.#update();
  }
  sort() { this[kList].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); this.#update(); }
  forEach(cb, thisArg) {
    if (typeof cb !== 'function') throw errors.invalidArgType('callback', 'Function', cb);
    for (const [k, v] of this[kList]) cb.call(thisArg, v, k, this);
  }
  *keys() { for (const [k] of this[kList]) yield k; }
  *values() { for (const [, v] of this[kList]) yield v; }
  *entries() { for (const [k, v] of this[kList]) yield [k, v]; }
  [Symbol.iterator]() { return this.entries(); }
  toString() { return serialize(this[kList]); }
  [Symbol.for('nodejs.util.inspect.custom')](depth, opts, inspect) {
    if (depth < 0) return '[Object]';
    const list = this[kList];
    if (list.length === 0) return 'URLSearchParams {}';
    const parts = list.map(([k, v]) => `${inspect(k)} => ${inspect(v)}`);
    const one = `URLSearchParams { ${parts.join(', ')} }`;
    if (one.length <= 80) return one;
    return `URLSearchParams {\n  ${parts.join(',\n  ')} }`;
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

function fileURLToPath(path, options = undefined) {
  let href;
  if (typeof path === 'string') href = new URL(path).href;
  else if (isURL(path)) href = path.href;
  else throw errors.invalidArgType('path', ['string', 'URL'], path);
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw errors.invalidArgType('options', 'Object', options);
  }
  return nb.fileURLToPath(href, !!(options && options.windows));
}

function pathToFileURL(filepath, options = undefined) {
  if (typeof filepath !== 'string') throw errors.invalidArgType('path', 'string', filepath);
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw errors.invalidArgType('options', 'Object', options);
  }
  const windows = !!(options && options.windows);
  const [href] = nb.pathToFileURL(filepath, windows, windows ? '' : process.cwd());
  return new URL(href);
}

function urlToHttpOptions(url) {
  return nb.toHttpOptions(url.href);
}

function domainToASCII(domain) {
  if (arguments.length < 1) {
    throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "domain" argument must be specified');
  }
  return nb.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) {
    throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "domain" argument must be specified');
  }
  return nb.domainToUnicode(`${domain}`);
}

// url.format(URL, options) for WHATWG URLs (the legacy module's format dispatches here).
function formatWhatwg(url, options) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw errors.invalidArgType('options', 'object', options);
  }
  const o = options || {};
  return nb.format(url.href,
    o.fragment === undefined ? true : !!o.fragment,
    !!o.unicode,
    o.search === undefined ? true : !!o.search,
    o.auth === undefined ? true : !!o.auth);
}

const legacy = internal.requireBuiltin('internal/url_legacy', true);
legacy.setWhatwg(isURL, formatWhatwg);
module.exports = {
  Url: legacy.Url, parse: legacy.parse, resolve: legacy.resolve, resolveObject: legacy.resolveObject,
  format: legacy.format, URL, URLSearchParams, domainToASCII, domainToUnicode, pathToFileURL,
  fileURLToPath, urlToHttpOptions,
};
