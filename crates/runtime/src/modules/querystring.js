// Node's `querystring` (lib/querystring.js): the algorithms are node-stdlib's
// (querystring.rs); this file resolves node's optional arguments and option objects.
'use strict';

const nb = internal.natives.querystring;
const { errors } = internal;
const { Buffer } = require('buffer');

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return nb.escape(pairSurrogates(str));
}

// node's encoder takes any surrogate with the code unit after it as one code point (a
// lone one at the end is URI malformed); rewritten as a proper pair, the native encoder
// (UTF-8 strings only) then gives node's bytes.
function pairSurrogates(str) {
  if (!/[\uD800-\uDFFF]/.test(str)) return str;
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0xD800 || c > 0xDFFF) {
      out += str[i];
      continue;
    }
    i += 1;
    if (i >= str.length) throw errors.make(URIError, 'ERR_INVALID_URI', 'URI malformed');
    const low = str.charCodeAt(i) & 0x3FF;
    out += String.fromCodePoint(0x10000 + (((c & 0x3FF) << 10) | low));
  }
  return out;
}

function qsUnescape(s, decodeSpaces) {
  return nb.unescape(`${s}`, !!decodeSpaces);
}

function unescapeBuffer(s, decodeSpaces) {
  // node sizes its output with `s.length` first.
  if (typeof s !== 'string' && typeof s?.length !== 'number') {
    throw errors.invalidArgType('size', 'number', s?.length);
  }
  return Buffer.from(nb.unescapeBuffer(`${s}`, !!decodeSpaces));
}

function stringify(obj, sep, eq, options) {
  sep = sep ? `${sep}` : '&';
  eq = eq ? `${eq}` : '=';
  let encode = QueryString.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  if (obj === null || typeof obj !== 'object') return '';
  return encode === qsEscape ? nb.stringify(obj, sep, eq) : nb.stringify(obj, sep, eq, encode);
}

function parse(qs, sep, eq, options) {
  if (typeof qs !== 'string' || qs.length === 0) return { __proto__: null };
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') {
    // node counts pairs down to 0: a fractional or non-positive maxKeys never stops.
    const n = options.maxKeys;
    maxKeys = n > 0 && Number.isInteger(n) ? n : 0;
  }
  let decode = QueryString.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decode = options.decodeURIComponent;
  }
  return decode === qsUnescape
    ? nb.parse(qs, sep, eq, maxKeys)
    : nb.parse(qs, sep, eq, maxKeys, decode);
}

const QueryString = module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
