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
  return nb.escape(str);
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
