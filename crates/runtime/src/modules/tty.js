// Node's tty: isatty, WriteStream (a Writable with synchronous writes to the descriptor,
// window size, colour depth, cursor control) and ReadStream (a Readable over the
// descriptor, with raw mode from tty.rs). node's classes are net.Sockets; nrt's are plain
// stream classes until net is bound (COMPAT.md).
'use strict';

const pb = internal.natives.process;
const tb = internal.natives.tty;
const { errors } = internal;
const { Writable } = internal.requireBuiltin('internal/streams/writable', true);
const { Readable } = internal.requireBuiltin('internal/streams/readable', true);
const cursor = internal.requireBuiltin('internal/readline_cursor', true);

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && pb.isatty(fd);
}

function validateFd(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) {
    throw errors.make(RangeError, 'ERR_INVALID_FD', `"fd" must be a positive integer: ${fd}`);
  }
}

function errnoName(errno) {
  const table = internal.requireBuiltin('os').constants.errno;
  return Object.keys(table).find((k) => table[k] === errno) ?? 'EIO';
}

// libuv's uv_tty_init takes terminals, pipes and sockets; files and other devices fail
// with node's ERR_TTY_INIT_FAILED (a SystemError).
function checkInit(fd) {
  if (pb.isatty(fd)) return;
  let ok = false;
  try {
    const st = internal.requireBuiltin('fs').fstatSync(fd);
    ok = st.isFIFO() || st.isSocket();
  } catch {
    ok = false;
  }
  if (!ok) {
    throw internal.hooks.makeError('Error', 'ERR_TTY_INIT_FAILED',
      'TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)',
      { info: ['EINVAL', 'invalid argument'], errno: -22, syscall: 'uv_tty_init' });
  }
}

// ---- WriteStream ----------------------------------------------------------------------
function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  validateFd(fd);
  checkInit(fd);
  Writable.call(this, { decodeStrings: false });
  this.fd = fd;
  this._type = 'tty';
  this._isStdio = fd <= 2;
  const size = pb.winsize(fd);
  if (size) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);
WriteStream.prototype.isTTY = true;

WriteStream.prototype._write = function _write(chunk, encoding, cb) {
  if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8') {
    chunk = Buffer.from(chunk, encoding);
  }
  pb.write(this.fd, chunk);
  cb();
};
// console.log's path on a terminal: a plain string on an idle stream goes out at once
// (what the general path would do, only slower).
WriteStream.prototype.write = function write(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'string' && encoding === undefined && cb === undefined &&
      this._write === WriteStream.prototype._write && state.corked === 0 && !state.writing &&
      !state.ending && !state.destroyed && !state.errored && state.buffered.length === 0) {
    pb.write(this.fd, chunk);
    return true;
  }
  return Writable.prototype.write.call(this, chunk, encoding, cb);
};
// Terminal output is written at once (node makes ttys blocking); the descriptor is not
// closed on destroy when it is stdio.
WriteStream.prototype._destroy = function _destroy(err, cb) {
  cb(err);
  if (this._isStdio) this._undestroy();
};

// Colour depth from the environment, as node documents it for getColorDepth():
// 1 (2 colours), 4 (16), 8 (256) or 24 (16,777,216).
const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16M = 24;
const TERM_16M = new Set(['mosh', 'rxvt-unicode-24bit', 'terminator']);
const TERM_16 = new Set(['eterm', 'cons25', 'console', 'cygwin', 'dtterm', 'gnome', 'hurd', 'jfbterm',
  'konsole', 'kterm', 'mlterm', 'putty', 'st']);
const TERM_16_PATTERNS = [/ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/];
const CI_256 = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS'];

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        return COLORS_16;
      case '2':
        return COLORS_256;
      case '3':
        return COLORS_16M;
      default:
        return COLORS_2;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') {
    return COLORS_2;
  }
  if (env.TMUX) return COLORS_256;
  if (env.CI) {
    if (CI_256.some((name) => name in env) || env.CI_NAME === 'codeship') return COLORS_256;
    return COLORS_2;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? COLORS_16 : COLORS_2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return COLORS_256;
      return COLORS_16M;
    case 'HyperTerm':
    case 'MacTerm':
      return COLORS_16M;
    case 'Apple_Terminal':
      return COLORS_256;
    default:
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16M;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return COLORS_256;
    const term = env.TERM.toLowerCase();
    if (TERM_16M.has(term)) return COLORS_16M;
    if (TERM_16.has(term) || TERM_16_PATTERNS.some((re) => re.test(term))) return COLORS_16;
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  }
  if (typeof count !== 'number') throw errors.invalidArgType('count', 'number', count);
  if (!Number.isInteger(count)) throw errors.outOfRange('count', 'an integer', count);
  if (count < 2 || count > Number.MAX_SAFE_INTEGER) {
    throw errors.outOfRange('count', `>= 2 && <= ${Number.MAX_SAFE_INTEGER}`, count);
  }
  return count <= 2 ** getColorDepth(env);
}

WriteStream.prototype.getColorDepth = getColorDepth;
WriteStream.prototype.hasColors = hasColors;
WriteStream.prototype._refreshSize = function _refreshSize() {
  const size = pb.winsize(this.fd);
  if (!size) return;
  const [columns, rows] = size;
  if (this.columns !== columns || this.rows !== rows) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
};
WriteStream.prototype.cursorTo = function cursorTo(x, y, cb) {
  return cursor.cursorTo(this, x, y, cb);
};
WriteStream.prototype.moveCursor = function moveCursor(dx, dy, cb) {
  return cursor.moveCursor(this, dx, dy, cb);
};
WriteStream.prototype.clearLine = function clearLine(dir, cb) {
  return cursor.clearLine(this, dir, cb);
};
WriteStream.prototype.clearScreenDown = function clearScreenDown(cb) {
  return cursor.clearScreenDown(this, cb);
};
WriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};

// ---- ReadStream -----------------------------------------------------------------------
// Reads go through fs.read on the blocking pool, one at a time while the stream flows.
function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  validateFd(fd);
  checkInit(fd);
  Readable.call(this, { highWaterMark: 0, ...options });
  this.fd = fd;
  this.isRaw = false;
  this._type = 'tty';
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);
ReadStream.prototype.isTTY = true;

ReadStream.prototype._read = function _read() {
  const fs = internal.requireBuiltin('fs');
  const buf = Buffer.allocUnsafe(65536);
  fs.read(this.fd, buf, 0, buf.length, null, (err, n) => {
    if (err) {
      this.destroy(err);
      return;
    }
    this.push(n === 0 ? null : buf.subarray(0, n));
  });
};

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const errno = tb.setRawMode(this.fd, flag);
  if (errno !== 0) {
    const code = errnoName(errno);
    const e = new Error(`setRawMode ${code}`);
    e.errno = -errno;
    e.code = code;
    e.syscall = 'setRawMode';
    throw e;
  }
  this.isRaw = flag;
  return this;
};

module.exports = { isatty, ReadStream, WriteStream };
