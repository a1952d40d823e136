// Node's `http2`. The protocol's tables and the SETTINGS frame payload helpers are real;
// sessions, servers and streams are not built yet, and creating one throws
// ERR_NOT_IMPLEMENTED naming the API (COMPAT.md). Loading the module works, so packages that
// only offer HTTP/2 as an option (axios, fastify, got) load and run over HTTP/1.1.
'use strict';

const { errors } = internal;
const makeError = errors.make;
const constants = internal.requireBuiltin('internal/http2_constants', true);

const missing = (name) => errors.notImplementedFunction('http2', name);

const MAX_U32 = 2 ** 32 - 1;
const MAX_INITIAL_WINDOW = 2 ** 31 - 1;

// SETTINGS parameters in the order node packs them: [name, id, min, max] (max null: a
// boolean setting).
const SETTINGS = [
  ['headerTableSize', 1, 0, MAX_U32],
  ['enablePush', 2, 0, null],
  ['maxConcurrentStreams', 3, 0, MAX_U32],
  ['initialWindowSize', 4, 0, MAX_INITIAL_WINDOW],
  ['maxFrameSize', 5, 16384, 2 ** 24 - 1],
  ['maxHeaderListSize', 6, 0, MAX_U32],
  ['enableConnectProtocol', 8, 0, null],
];

function invalidSetting(Class, name, value) {
  return makeError(Class, 'ERR_HTTP2_INVALID_SETTING_VALUE',
    `Invalid value for setting "${name}": ${value}`);
}

function checkSetting(name, value, min, max) {
  if (max === null) {
    if (typeof value !== 'boolean') throw invalidSetting(TypeError, name, value);
  } else if (typeof value !== 'number' || value < min || value > max) {
    // node's check: NaN and fractions pass and are packed truncated.
    throw invalidSetting(RangeError, name, value);
  }
}

function getDefaultSettings() {
  return {
    __proto__: null,
    headerTableSize: 4096,
    enablePush: true,
    initialWindowSize: 65535,
    maxFrameSize: 16384,
    maxConcurrentStreams: MAX_U32,
    maxHeaderSize: 65535,
    maxHeaderListSize: 65535,
    enableConnectProtocol: false,
  };
}

function getPackedSettings(settings = {}) {
  if (settings === null || typeof settings !== 'object') {
    throw errors.invalidArgType('settings', 'object', settings);
  }
  settings = { ...settings };
  if (settings.maxHeaderSize !== undefined) {
    if (settings.maxHeaderListSize !== settings.maxHeaderSize) {
      process.emitWarning('settings.maxHeaderSize overwrite settings.maxHeaderListSize');
    }
    settings.maxHeaderListSize = settings.maxHeaderSize;
  }
  const entries = [];
  for (const [name, id, min, max] of SETTINGS) {
    const value = settings[name];
    if (value === undefined) continue;
    checkSetting(name, value, min, max);
    entries.push([id, max === null ? Number(value) : value]);
  }
  const custom = settings.customSettings;
  if (custom !== undefined && custom !== null) {
    for (const key of Object.keys(custom)) {
      const id = Number(key);
      const value = custom[key];
      if (!Number.isInteger(id) || id < 0 || id > 0xffff) throw invalidSetting(RangeError, 'customSettings:id', key);
      checkSetting('customSettings:value', value, 0, MAX_U32);
      entries.push([id, value]);
    }
  }
  const buf = Buffer.alloc(entries.length * 6);
  entries.forEach(([id, value], i) => {
    buf.writeUInt16BE(id, i * 6);
    buf.writeUInt32BE(value >>> 0, i * 6 + 2);
  });
  return buf;
}

function getUnpackedSettings(buf, options = {}) {
  if (!ArrayBuffer.isView(buf) || buf instanceof DataView) {
    throw errors.invalidArgType('buf', ['Buffer', 'TypedArray'], buf);
  }
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (bytes.length % 6 !== 0) {
    throw makeError(RangeError, 'ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH',
      'Packed settings length must be a multiple of six');
  }
  const out = {};
  for (let at = 0; at < bytes.length; at += 6) {
    const id = bytes.readUInt16BE(at);
    const value = bytes.readUInt32BE(at + 2);
    const known = SETTINGS.find((s) => s[1] === id);
    if (!known) {
      out.customSettings ??= {};
      out.customSettings[id] = value;
      continue;
    }
    const [name, , min, max] = known;
    if (max === null) {
      out[name] = value !== 0;
      continue;
    }
    if (options.validate && (value < min || value > max)) throw invalidSetting(RangeError, name, value);
    // node reports SETTINGS_MAX_HEADER_LIST_SIZE under both of its names.
    if (name === 'maxHeaderListSize') out.maxHeaderSize = value;
    out[name] = value;
  }
  return out;
}

module.exports = {
  connect: missing('connect'),
  constants,
  createServer: missing('createServer'),
  createSecureServer: missing('createSecureServer'),
  getDefaultSettings,
  getPackedSettings,
  getUnpackedSettings,
  performServerHandshake: missing('performServerHandshake'),
  sensitiveHeaders: Symbol('sensitiveHeaders'),
  Http2ServerRequest: missing('Http2ServerRequest'),
  Http2ServerResponse: missing('Http2ServerResponse'),
};
