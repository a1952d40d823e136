// Node's lib/internal/fs/utils.js for fs.js: argument checks, Stats and Dirent, and
// string encodings.
'use strict';

const fb = internal.natives.fs;
const errors = internal.errors;
// ---- argument validation (lib/internal/fs/utils.js, lib/internal/validators.js) -------

function received(value) {
  const e = errors.invalidArgType('x', 'string', value);
  return e.message.slice(e.message.indexOf(' Received'));
}
function typeError(name, expected, value) {
  const kind = name.includes('.') ? 'property' : 'argument';
  const e = errors.make(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" ${kind} must be ${expected}.${received(value)}`);
  return e;
}

function isUint8Array(v) {
  return v instanceof Uint8Array;
}
function isView(v) {
  return ArrayBuffer.isView(v);
}
function asBytes(v) {
  return isUint8Array(v) ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function getPath(path, name = 'path') {
  if (typeof path !== 'string') {
    if (isUint8Array(path)) {
      path = new TextDecoder().decode(path);
    } else if (path != null && typeof path === 'object' && path.href !== undefined &&
               path.protocol !== undefined) {
      path = require('url').fileURLToPath(path);
    } else {
      throw typeError(name, 'of type string or an instance of Buffer or URL', path);
    }
  }
  if (path.includes('\u0000')) {
    throw errors.invalidArgValue(name, path,
      'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

function validateFunction(cb, name = 'cb') {
  if (typeof cb !== 'function') throw errors.invalidArgType(name, 'Function', cb);
  return cb;
}

function validateBoolean(v, name) {
  if (typeof v !== 'boolean') throw errors.invalidArgType(name, 'boolean', v);
  return v;
}

function validateInt32(v, name, min = -2147483648, max = 2147483647) {
  if (typeof v !== 'number') throw errors.invalidArgType(name, 'number', v);
  if (!Number.isInteger(v)) throw errors.outOfRange(name, 'an integer', v);
  if (v < min || v > max) throw errors.outOfRange(name, `>= ${min} && <= ${max}`, v);
  return v;
}
const getFd = (fd) => validateInt32(fd, 'fd', 0);

function parseMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) {
      throw errors.invalidArgValue(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    value = parseInt(value, 8);
  }
  if (typeof value !== 'number') throw errors.invalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errors.outOfRange(name, 'an integer', value);
  if (value < 0 || value > 4294967295) throw errors.outOfRange(name, '>= 0 && <= 4294967295', value);
  return value;
}

function getFlags(flags, def) {
  if (flags === undefined || flags === null) return def;
  if (typeof flags === 'string' || typeof flags === 'number') return flags;
  throw errors.invalidArgValue('flags', flags);
}

const encodings = {
  utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le',
  'utf-16le': 'utf16le', latin1: 'latin1', binary: 'latin1', base64: 'base64',
  base64url: 'base64url', hex: 'hex', ascii: 'ascii', buffer: 'buffer',
};
function normalizeEncoding(enc) {
  if (enc === undefined || enc === null) return undefined;
  const e = typeof enc === 'string' ? encodings[enc.toLowerCase()] : undefined;
  if (e === undefined) throw errors.invalidArgValue('encoding', enc, 'is invalid encoding');
  return e;
}

function getOptions(options, defaults) {
  if (options === null || options === undefined || typeof options === 'function') {
    return defaults;
  }
  if (typeof options === 'string') options = { ...defaults, encoding: options };
  else if (typeof options === 'object') options = { ...defaults, ...options };
  else throw errors.invalidArgType('options', ['string', 'Object'], options);
  if (options.encoding !== 'buffer') normalizeEncoding(options.encoding);
  return options;
}

// ---- encodings ---------------------------------------------------------------------

const { Buffer } = require('buffer');
// Bytes from the binding (a Uint8Array) as a Buffer over the same memory.
function toBuffer(bytes) {
  return bytes instanceof Buffer ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
function decode(bytes, encoding) {
  const enc = normalizeEncoding(encoding);
  if (enc === undefined || enc === 'buffer') return toBuffer(bytes);
  return Buffer.prototype.toString.call(bytes, enc);
}
function encode(string, encoding) {
  const enc = normalizeEncoding(encoding);
  if (enc === undefined || enc === 'utf8' || enc === 'buffer') return string;
  return Buffer.from(string, enc);
}

function getData(data, encoding) {
  if (typeof data === 'string') return encode(data, encoding);
  if (isView(data)) return asBytes(data);
  throw typeError('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}

// ---- Stats and Dirent (lib/internal/fs/utils.js) ---------------------------------------

Object.setPrototypeOf(fb.constants, null); // node's constants objects have none
const S_IFMT = fb.constants.S_IFMT;
function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}
StatsBase.prototype.isDirectory = function () { return this._checkModeProperty(fb.constants.S_IFDIR); };
StatsBase.prototype.isFile = function () { return this._checkModeProperty(fb.constants.S_IFREG); };
StatsBase.prototype.isBlockDevice = function () { return this._checkModeProperty(fb.constants.S_IFBLK); };
StatsBase.prototype.isCharacterDevice = function () { return this._checkModeProperty(fb.constants.S_IFCHR); };
StatsBase.prototype.isSymbolicLink = function () { return this._checkModeProperty(fb.constants.S_IFLNK); };
StatsBase.prototype.isFIFO = function () { return this._checkModeProperty(fb.constants.S_IFIFO); };
StatsBase.prototype.isSocket = function () { return this._checkModeProperty(fb.constants.S_IFSOCK); };

function dateFromMs(ms) {
  return new Date(Math.round(Number(ms)));
}
function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Stats.prototype._checkModeProperty = function (property) {
  return (this.mode & S_IFMT) === property;
};
const makeStats = (v) => new Stats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
  v[10], v[11], v[12], v[13]);

// `{ bigint: true }` stats: every field a bigint, the times also in nanoseconds; the
// milliseconds are the nanoseconds divided down (truncated, as bigint division is).
const kNsPerMs = 1000000n;
function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  StatsBase.call(this, dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
  this.atimeMs = atimeNs / kNsPerMs;
  this.mtimeMs = mtimeNs / kNsPerMs;
  this.ctimeMs = ctimeNs / kNsPerMs;
  this.birthtimeMs = birthtimeNs / kNsPerMs;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
BigIntStats.prototype._checkModeProperty = function (property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};
const makeBigIntStats = (v) => new BigIntStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
  v[8], v[9], v[10], v[11], v[12], v[13]);
// A native stats array of either kind (BigInt64Array for bigint).
const toStats = (v) => (v instanceof BigInt64Array ? makeBigIntStats(v) : makeStats(v));

// fs.statfs's result (lib/internal/fs/utils.js StatFs).
class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}
const makeStatFs = (v) => new StatFs(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);

const kType = Symbol('type');
class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === 2; }
  isFile() { return this[kType] === 1; }
  isBlockDevice() { return this[kType] === 7; }
  isCharacterDevice() { return this[kType] === 6; }
  isSymbolicLink() { return this[kType] === 3; }
  isFIFO() { return this[kType] === 4; }
  isSocket() { return this[kType] === 5; }
}

// truncate's len: any safe integer, negative ones meaning 0 (lib/fs.js).
function getLength(len) {
  if (len === undefined || len === null) return 0;
  validateInt32(len, 'len', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return Math.max(0, len);
}

function toUnixTimestamp(time) {
  if (typeof time === 'string' && +time == time) return +time;
  if (typeof time === 'number' && Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (time instanceof Date) return time.getTime() / 1000;
  throw typeError('time', 'an instance of Date or an Time in seconds', time);
}

const isInt32 = (v) => typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647;

module.exports = {
  typeError, isView, asBytes, getPath, validateFunction, validateBoolean,
  validateInt32, getFd, parseMode, getFlags, normalizeEncoding, getOptions, decode, encode,
  getData, Stats, Dirent, makeStats, getLength, toUnixTimestamp, isInt32, BigIntStats,
  makeBigIntStats, toStats, makeStatFs,
};
