// The legacy url API (url.parse, url.format, url.resolve, url.resolveObject, Url): still what
// much npm code (parseurl, express) calls. The algorithms are node-stdlib's (url.rs); this
// file keeps the `Url` shape, whose fields user code reads and writes.
'use strict';

const nb = internal.natives.url;
const { errors } = internal;

// A Url's fields, in node's key order (url.rs returns them in this order).
const KEYS = ['protocol', 'slashes', 'auth', 'host', 'port', 'hostname', 'hash', 'search', 'query',
  'pathname', 'path', 'href'];

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

function assign(target, fields) {
  for (let i = 0; i < KEYS.length; i++) target[KEYS[i]] = fields[i];
  return target;
}

// What url.rs reads: the object's fields, with an object `query` serialised into `search`
// the way node's format does it (querystring.stringify, used only when `search` is empty).
function fieldsOf(u) {
  let search = u.search;
  let query = u.query;
  if (query !== null && typeof query === 'object') {
    if (!search) {
      const q = require('querystring').stringify(query);
      search = q ? `?${q}` : search;
    }
    query = null;
  }
  return {
    protocol: u.protocol, slashes: u.slashes, auth: u.auth, host: u.host, port: u.port,
    hostname: u.hostname, hash: u.hash, search, query, pathname: u.pathname, path: u.path,
    href: u.href,
  };
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw errors.invalidArgType('url', 'string', url);
  return assign(this, nb.legacyParse(url, !!parseQueryString, !!slashesDenoteHost));
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = /:[0-9]*$/.exec(host);
  if (port) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

Url.prototype.format = function format() {
  return nb.legacyFormat(fieldsOf(this));
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

Url.prototype.resolveObject = function resolveObject(relative) {
  const rel = typeof relative === 'string' ? urlParse(relative, false, true) : relative;
  const out = assign(new Url(), nb.legacyResolveObject(fieldsOf(this), fieldsOf(rel)));
  // A parsed (object) query survives as the very object node would have copied over.
  for (const from of [rel, this]) {
    if (from.query !== null && typeof from.query === 'object' && out.search === from.search) {
      out.query = from.query;
      break;
    }
  }
  return out;
};

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

let isURL = () => false;
let formatWhatwg;

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw errors.invalidArgType('urlObject', ['Object', 'string'], urlObject);
  } else if (isURL(urlObject)) {
    return formatWhatwg(urlObject, options);
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

// url.js hands over its URL brand check and WHATWG formatter (it loads this file first).
function setWhatwg(brand, format) {
  isURL = brand;
  formatWhatwg = format;
}

module.exports = {
  Url, parse: urlParse, format: urlFormat, resolve: urlResolve, resolveObject: urlResolveObject,
  setWhatwg,
};
