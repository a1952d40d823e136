// The legacy url API (url.parse, url.format, url.resolve, Url), after node's lib/url.js:
// still what much npm code (parseurl, express) calls.
'use strict';

const { errors } = internal;
const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const hostnameMaxLen = 255;
const unsafeProtocol = new Set(['javascript', 'javascript:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher',
  'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const autoEscapeChars = { '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27',
  '<': '%3C', '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D' };

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

// node's url.parse/format use querystring (lib/url.js).
function parseQuery(q) {
  return require('querystring').parse(q);
}

function stringifyQuery(obj) {
  return require('querystring').stringify(obj);
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw errors.invalidArgType('url', 'string', url);
  let rest = url.trim();
  // Back slashes before the query string become forward slashes.
  const q = rest.indexOf('?');
  const hashAt = rest.indexOf('#');
  const splitAt = q !== -1 && (hashAt === -1 || q < hashAt) ? q : hashAt;
  if (splitAt === -1) rest = rest.replace(/\\/g, '/');
  else rest = rest.slice(0, splitAt).replace(/\\/g, '/') + rest.slice(splitAt);

  if (!slashesDenoteHost && hashAt === -1) {
    const simplePath = simplePathPattern.exec(rest);
    if (simplePath) {
      this.path = rest;
      this.href = rest;
      this.pathname = simplePath[1];
      if (simplePath[2]) {
        this.search = simplePath[2];
        this.query = parseQueryString ? parseQuery(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = protocolPattern.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  let slashes;
  if (slashesDenoteHost || proto || hostPattern.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(proto)))) {
    // The host ends at the first of these; auth may contain '@' before it.
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length; ++i) {
      const c = rest[i];
      if ('\t\n\r "%\';<>\\^`{|}'.includes(c)) {
        if (nonHost === -1) nonHost = i;
      } else if ('#/?'.includes(c)) {
        if (nonHost === -1) nonHost = i;
        hostEnd = i;
        break;
      } else if (c === '@') {
        atSign = i;
        nonHost = -1;
      }
    }
    let start = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, atSign));
      start = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(start);
      rest = '';
    } else {
      this.host = rest.slice(start, nonHost);
      rest = rest.slice(nonHost);
    }
    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    const hostname = this.hostname;
    const ipv6Hostname = hostname[0] === '[' && hostname[hostname.length - 1] === ']';
    if (!ipv6Hostname) {
      // Invalid host characters end the hostname; the rest belongs to the path.
      const m = /[^A-Za-z0-9_.+-]/.exec(hostname.replace(/[\u0080-\uffff]/g, 'x'));
      if (m) {
        rest = hostname.slice(m.index) + rest;
        this.hostname = hostname.slice(0, m.index);
      }
    }
    if (this.hostname.length > hostnameMaxLen) this.hostname = '';
    else this.hostname = this.hostname.toLowerCase();
    const p = this.port ? `:${this.port}` : '';
    const h = this.hostname || '';
    this.host = h + p;
    if (ipv6Hostname) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
  }

  if (!unsafeProtocol.has(lowerProto)) {
    rest = rest.replace(/[\t\n\r "'<>\\^`{|}]/g, (c) => autoEscapeChars[c]);
  }

  const hash = rest.indexOf('#');
  if (hash !== -1) {
    this.hash = rest.slice(hash);
    rest = rest.slice(0, hash);
  }
  const qm = rest.indexOf('?');
  if (qm !== -1) {
    this.search = rest.slice(qm);
    this.query = rest.slice(qm + 1);
    if (parseQueryString) this.query = parseQuery(this.query);
    rest = rest.slice(0, qm);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const firstIdx = qm !== -1 && (hash === -1 || qm < hash) ? qm : hash;
  if (firstIdx === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (firstIdx > 0) {
    this.pathname = rest.slice(0, firstIdx > rest.length ? rest.length : firstIdx);
  }
  if (rest.length > 0 && this.pathname === null) this.pathname = rest;
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';

  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  let port = portPattern.exec(host);
  if (port) {
    port = port[0];
    if (port !== ':') this.port = port.slice(1);
    host = host.slice(0, host.length - port.length);
  }
  if (host) this.hostname = host;
};

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) {
    auth = encodeURIComponent(auth).replace(/%3A/i, ':');
    auth += '@';
  }
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !(this.hostname[0] === '[') ? `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = stringifyQuery(this.query);
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[?#]/g, encodeURIComponent);
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol === 'file:') {
      host = '//';
    }
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  const base = this.format();
  // Absolute references and bases with a special scheme resolve as WHATWG URLs do.
  if (protocolPattern.test(relative)) return urlParse(relative, false, true).format();
  if (protocolPattern.test(base)) {
    const { URL } = require('url');
    try { return new URL(relative, base).href; } catch { /* fall through */ }
  }
  throw errors.notImplemented('url.resolve() of a relative base');
};

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw errors.invalidArgType('urlObject', ['Object', 'string'], urlObject);
  } else if (typeof urlObject.href === 'string' && typeof urlObject.origin === 'string' && !(urlObject instanceof Url)) {
    // A WHATWG URL: node's options (auth, fragment, search, unicode).
    const o = { auth: true, fragment: true, search: true, ...options };
    let s = `${urlObject.protocol}${urlObject.host !== '' || urlObject.protocol === 'file:' ? '//' : ''}`;
    if (o.auth && (urlObject.username || urlObject.password)) {
      s += `${urlObject.username}${urlObject.password ? `:${urlObject.password}` : ''}@`;
    }
    s += urlObject.host + urlObject.pathname;
    if (o.search) s += urlObject.search;
    if (o.fragment) s += urlObject.hash;
    return s;
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

module.exports = { Url, parse: urlParse, format: urlFormat, resolve: urlResolve };
