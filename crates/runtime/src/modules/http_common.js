// internal/http_common: header validation with node's codes and texts, status codes and
// methods (from node-http), and the small helpers the server and client share.
'use strict';

const hb = internal.natives.http;
const errors = internal.errors;
const makeError = errors.make;

const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
// node's checkInvalidHeaderChar: anything but \t, 0x20-0x7e, 0x80-0xff.
const invalidHeaderCharRe = /[^\t\x20-\x7e\x80-\xff]/;

function checkIsHttpToken(s) {
  return tokenRe.test(s);
}

function checkInvalidHeaderChar(s) {
  return invalidHeaderCharRe.test(s);
}

function validateHeaderName(name, label = 'Header name') {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw makeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `${label} must be a valid HTTP token ["${name}"]`);
  }
}

function validateHeaderValue(name, value) {
  if (value === undefined) {
    throw makeError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "${value}" for header "${name}"`);
  }
  if (checkInvalidHeaderChar(String(value))) {
    throw makeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`);
  }
}

function headersSent(action) {
  return makeError(Error, 'ERR_HTTP_HEADERS_SENT', `Cannot ${action} headers after they are sent to the client`);
}

function toBuffer(u8) {
  return typeof Buffer === 'function' ? Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength) : u8;
}

module.exports = {
  STATUS_CODES: hb.STATUS_CODES,
  METHODS: hb.METHODS.slice().sort(),
  checkIsHttpToken,
  checkInvalidHeaderChar,
  validateHeaderName,
  validateHeaderValue,
  headersSent,
  toBuffer,
};
