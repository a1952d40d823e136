// WHATWG URL and URLSearchParams (the parts node programs use), plus the legacy helpers
// fileURLToPath/pathToFileURL. Hosts are not IDNA-mapped (ASCII hosts only).
'use strict';

const { errors } = internal;
const special = { 'ftp:': '21', 'file:': '', 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };

function invalidUrl(input, base) {
  const e = errors.make(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  e.input = input;
  if (base !== undefined) e.base = base;
  return e;
}

const C0 = /[\u0000-\u001f\u007f-\uffff]/g;
function pct(set) {
  return (s) => s.replace(set, (c) => Array.from(new TextEncoder().encode(c),
    (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}
const encPath = pct(/[\u0000-\u0020"#<>?`{}\u007f-\uffff]/g);
const encQuery = pct(/[\u0000-\u0020"#<>\u007f-\uffff]/g);
const encSpecialQuery = pct(/[\u0000-\u0020"#<>'\u007f-\uffff]/g);
const encFragment = pct(/[\u0000-\u0020"<>`\u007f-\uffff]/g);
const encUserinfo = pct(/[\u0000-\u0020"#<>?`{}/:;=@[\\\]^|\u007f-\uffff]/g);
const encOpaque = pct(C0);

function normalizePath(segments, isSpecial) {
  const out = [];
  for (let i = 0; i < segments.length; i++) {
    let seg = segments[i];
    const last = i === segments.length - 1;
    const low = seg.toLowerCase();
    if (seg === '..' || low === '.%2e' || low === '%2e.' || low === '%2e%2e') {
      if (out.length) out.pop();
      if (last) out.push('');
    } else if (seg === '.' || low === '%2e') {
      if (last) out.push('');
    } else {
      out.push(seg);
    }
  }
  void isSpecial;
  return out;
}

function parseHost(host, isSpecial) {
  if (host.startsWith('[')) {
    if (!host.endsWith(']')) return null;
    return host.toLowerCase();
  }
  if (!isSpecial) return encOpaque(host);
  try { host = decodeURIComponent(host); } catch { return null; }
  host = host.toLowerCase();
  if (/[\u0000\t\n\r #/:<>?@[\\\]^|%]/.test(host)) return null;
  // IPv4 in its usual dotted decimal form.
  const parts = host.split('.');
  if (parts.length === 4 && parts.every((p) => /^\d+$/.test(p))) {
    if (parts.some((p) => Number(p) > 255)) return null;
    return parts.map(Number).join('.');
  }
  return host;
}

function parse(input, base) {
  input = String(input).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s.exec(input);
  let url;
  if (m) {
    const protocol = `${m[1].toLowerCase()}:`;
    let rest = m[2];
    const isSpecial = protocol in special;
    if (isSpecial && base && base.protocol === protocol && !/^[/\\]/.test(rest)) {
      return parseRelative(rest, base);
    }
    url = { protocol, username: '', password: '', hostname: '', port: '', pathname: '', search: '', hash: '', opaque: false };
    const hashAt = rest.indexOf('#');
    if (hashAt !== -1) { url.hash = encFragment(rest.slice(hashAt)); rest = rest.slice(0, hashAt); }
    const qAt = rest.indexOf('?');
    if (qAt !== -1) { url.search = (isSpecial ? encSpecialQuery : encQuery)(rest.slice(qAt)); rest = rest.slice(0, qAt); }
    if (isSpecial) rest = rest.replace(/\\/g, '/');
    if (isSpecial && protocol !== 'file:') {
      rest = rest.replace(/^\/*/, '');
      if (!parseAuthority(url, rest, isSpecial)) return null;
      if (url.hostname === '') return null;
    } else if (rest.startsWith('//')) {
      if (!parseAuthority(url, rest.slice(2), isSpecial)) return null;
    } else if (!isSpecial && !rest.startsWith('/')) {
      url.opaque = true;
      url.pathname = encOpaque(rest);
    } else {
      url.pathname = pathFrom(rest, isSpecial);
    }
    if (protocol === 'file:' && url.pathname === '') url.pathname = '/';
    if (url.port === special[protocol]) url.port = '';
    if (url.search === '?') url.search = '';
    if (url.hash === '#') url.hash = '';
    return url;
  }
  if (!base) return null;
  return parseRelative(input, base);
}

function parseAuthority(url, rest, isSpecial) {
  let end = rest.search(isSpecial ? /[/\\]/ : /\//);
  if (end === -1) end = rest.length;
  let auth = rest.slice(0, end);
  const at = auth.lastIndexOf('@');
  if (at !== -1) {
    const cred = auth.slice(0, at);
    auth = auth.slice(at + 1);
    const colon = cred.indexOf(':');
    url.username = encUserinfo(colon === -1 ? cred : cred.slice(0, colon));
    url.password = colon === -1 ? '' : encUserinfo(cred.slice(colon + 1));
  }
  const pm = /^(.*?)(?::(\d*))?$/.exec(auth);
  if (!pm) return false;
  if (auth.startsWith('[')) {
    const close = auth.indexOf(']');
    const after = auth.slice(close + 1);
    if (after !== '' && !/^:\d*$/.test(after)) return false;
    url.hostname = auth.slice(0, close + 1).toLowerCase();
    url.port = after.slice(1);
  } else {
    if (/:[^\d]/.test(auth.slice(auth.indexOf(':')))) return false;
    const host = parseHost(pm[1], isSpecial);
    if (host === null) return false;
    url.hostname = host;
    url.port = pm[2] || '';
  }
  if (url.port !== '') {
    const n = Number(url.port);
    if (n > 65535) return false;
    url.port = String(n);
  }
  url.pathname = pathFrom(rest.slice(end), isSpecial);
  return true;
}

function pathFrom(p, isSpecial) {
  if (p === '') return isSpecial ? '/' : '';
  const segs = normalizePath(p.split('/').slice(1), isSpecial);
  return `/${segs.map(encPath).join('/')}`;
}

function parseRelative(input, base) {
  const url = { ...base, hash: '', opaque: false };
  if (base.opaque) {
    if (input.startsWith('#')) return { ...base, hash: encFragment(input) };
    return null;
  }
  const isSpecial = url.protocol in special;
  if (isSpecial) input = input.replace(/\\/g, '/');
  if (input.startsWith('//')) {
    const r = { protocol: base.protocol, username: '', password: '', hostname: '', port: '', pathname: '', search: '', hash: '', opaque: false };
    let rest = input.slice(2);
    const hashAt = rest.indexOf('#');
    if (hashAt !== -1) { r.hash = encFragment(rest.slice(hashAt)); rest = rest.slice(0, hashAt); }
    const qAt = rest.indexOf('?');
    if (qAt !== -1) { r.search = encSpecialQuery(rest.slice(qAt)); rest = rest.slice(0, qAt); }
    if (!parseAuthority(r, rest, isSpecial)) return null;
    if (r.port === special[r.protocol]) r.port = '';
    return r;
  }
  let rest = input;
  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) { url.hash = encFragment(rest.slice(hashAt)); rest = rest.slice(0, hashAt); }
  if (url.hash === '#') url.hash = '';
  const qAt = rest.indexOf('?');
  let search = null;
  if (qAt !== -1) { search = (isSpecial ? encSpecialQuery : encQuery)(rest.slice(qAt)); rest = rest.slice(0, qAt); }
  if (rest === '') {
    if (search !== null) url.search = search === '?' ? '' : search;
    return url;
  }
  url.search = search === null || search === '?' ? '' : search;
  let path;
  if (rest.startsWith('/')) path = rest;
  else {
    const dir = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1);
    path = dir + rest;
  }
  url.pathname = pathFrom(path.startsWith('/') ? path : `/${path}`, isSpecial);
  return url;
}

const kUrl = Symbol('url');
const kSearchParams = Symbol('searchParams');

class URL {
  constructor(input, base) {
    if (arguments.length === 0) {
      throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "url" argument must be specified');
    }
    input = `${input}`;
    let baseRec;
    if (base !== undefined) {
      baseRec = parse(`${base}`);
      if (!baseRec) throw invalidUrl(input, `${base}`);
    }
    const rec = parse(input, baseRec);
    if (!rec) throw invalidUrl(input, base === undefined ? undefined : `${base}`);
    this[kUrl] = rec;
    this[kSearchParams] = undefined;
  }
  static canParse(input, base) {
    try { new URL(input, base); return true; } catch { return false; }
  }
  get href() {
    const u = this[kUrl];
    if (u.opaque) return `${u.protocol}${u.pathname}${u.search}${u.hash}`;
    const auth = u.username || u.password ? `${u.username}${u.password ? `:${u.password}` : ''}@` : '';
    const host = u.hostname !== '' || u.protocol in special ? `//${auth}${u.hostname}${u.port ? `:${u.port}` : ''}` : '';
    return `${u.protocol}${host}${u.pathname}${u.search}${u.hash}`;
  }
  set href(v) {
    const rec = parse(`${v}`);
    if (!rec) throw invalidUrl(`${v}`);
    this[kUrl] = rec;
    if (this[kSearchParams]) this[kSearchParams][kReset](rec.search);
  }
  get origin() {
    const u = this[kUrl];
    if (u.protocol === 'blob:') {
      try { return new URL(u.pathname).origin; } catch { return 'null'; }
    }
    if (!(u.protocol in special) || u.protocol === 'file:') return 'null';
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
  }
  get protocol() { return this[kUrl].protocol; }
  set protocol(v) {
    v = `${v}`.replace(/:.*$/, '').toLowerCase();
    if (!/^[a-z][a-z0-9+.-]*$/.test(v)) return;
    const p = `${v}:`;
    if ((p in special) !== (this[kUrl].protocol in special)) return;
    this[kUrl].protocol = p;
    if (this[kUrl].port === special[p]) this[kUrl].port = '';
  }
  get username() { return this[kUrl].username; }
  set username(v) { if (this[kUrl].hostname) this[kUrl].username = encUserinfo(`${v}`); }
  get password() { return this[kUrl].password; }
  set password(v) { if (this[kUrl].hostname) this[kUrl].password = encUserinfo(`${v}`); }
  get host() { const u = this[kUrl]; return `${u.hostname}${u.port ? `:${u.port}` : ''}`; }
  set host(v) {
    const r = parse(`${this.protocol}//${v}`);
    if (r && r.hostname) { this[kUrl].hostname = r.hostname; this[kUrl].port = r.port; }
  }
  get hostname() { return this[kUrl].hostname; }
  set hostname(v) {
    const h = parseHost(`${v}`, this[kUrl].protocol in special);
    if (h !== null && h !== '') this[kUrl].hostname = h;
  }
  get port() { return this[kUrl].port; }
  set port(v) {
    v = `${v}`;
    if (v === '') { this[kUrl].port = ''; return; }
    const m = /^\d+/.exec(v);
    if (!m || Number(m[0]) > 65535) return;
    const p = String(Number(m[0]));
    this[kUrl].port = p === special[this[kUrl].protocol] ? '' : p;
  }
  get pathname() { return this[kUrl].pathname; }
  set pathname(v) {
    if (this[kUrl].opaque) return;
    v = `${v}`;
    const isSpecial = this[kUrl].protocol in special;
    this[kUrl].pathname = pathFrom(v.startsWith('/') ? v : `/${v}`, isSpecial);
  }
  get search() { return this[kUrl].search; }
  set search(v) {
    v = `${v}`;
    if (v === '' || v === '?') this[kUrl].search = '';
    else this[kUrl].search = encSpecialQuery(v.startsWith('?') ? v : `?${v}`);
    if (this[kSearchParams]) this[kSearchParams][kReset](this[kUrl].search);
  }
  get searchParams() {
    if (!this[kSearchParams]) {
      const sp = new URLSearchParams(this[kUrl].search);
      sp[kOwner] = this;
      this[kSearchParams] = sp;
    }
    return this[kSearchParams];
  }
  get hash() { return this[kUrl].hash; }
  set hash(v) {
    v = `${v}`;
    this[kUrl].hash = v === '' || v === '#' ? '' : encFragment(v.startsWith('#') ? v : `#${v}`);
  }
  toString() { return this.href; }
  toJSON() { return this.href; }
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
function decodeForm(s) {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s.replace(/\+/g, ' '); }
}
function encodeForm(s) {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function parseQuery(q) {
  if (q.startsWith('?')) q = q.slice(1);
  const list = [];
  for (const part of q.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    list.push(eq === -1 ? [decodeForm(part), ''] : [decodeForm(part.slice(0, eq)), decodeForm(part.slice(eq + 1))]);
  }
  return list;
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
      owner[kUrl].search = s === '' ? '' : `?${s}`;
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
  toString() { return this[kList].map(([k, v]) => `${encodeForm(k)}=${encodeForm(v)}`).join('&'); }
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

function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!(path instanceof URL)) throw errors.invalidArgType('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') {
    throw errors.make(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  }
  if (path.hostname !== '') {
    throw errors.make(TypeError, 'ERR_INVALID_FILE_URL_HOST', `File URL host must be "localhost" or empty on ${process.platform}`);
  }
  const p = path.pathname;
  if (/%2f/i.test(p)) {
    throw errors.make(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  }
  return decodeURIComponent(p);
}
function pathToFileURL(filepath) {
  let resolved = filepath.startsWith('/') ? filepath : `${process.cwd()}/${filepath}`;
  const trailing = filepath.endsWith('/');
  const parts = [];
  for (const seg of resolved.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop(); else parts.push(seg);
  }
  resolved = `/${parts.join('/')}${trailing && parts.length ? '/' : ''}`;
  const u = new URL('file://');
  u.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  return u;
}
function urlToHttpOptions(url) {
  const options = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash, search: url.search, pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`, href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

const legacy = internal.requireBuiltin('internal/url_legacy', true);
module.exports = internal.partialModule('url', {
  Url: legacy.Url, parse: legacy.parse, resolve: legacy.resolve, format: legacy.format,
  URL, URLSearchParams, fileURLToPath, pathToFileURL, urlToHttpOptions,
}, ['resolveObject', 'domainToASCII', 'domainToUnicode']);
