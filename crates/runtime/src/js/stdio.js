// process.stdout/stderr (synchronous writes, as node's for files and pipes) and
// process.stdin (chunks from a reader thread while the stream flows).
(function stdio(internal, natives, process, EventEmitter, nextTick) {
  'use strict';
  const pb = natives.process;
  const { errors, hooks } = internal;

  // ---- stdio -------------------------------------------------------------------------
  // Writes to files and pipes are synchronous, as node's; full stream semantics arrive with
  // the streams binding.
  // Writes to files and pipes are synchronous in node too (SyncWriteStream / pipes).
  function SyncWriteStream() { EventEmitter.call(this); }
  Object.setPrototypeOf(SyncWriteStream.prototype, EventEmitter.prototype);
  function makeWriteStream(fd) {
    const s = new SyncWriteStream();
    s.fd = fd;
    s.writable = true;
    s._isStdio = true;
    // node's non-terminal streams have no isTTY at all (undefined, not false).
    if (pb.isatty(fd)) s.isTTY = true;
    if (s.isTTY) {
      const size = pb.winsize(fd);
      s.columns = size ? size[0] : 80;
      s.rows = size ? size[1] : 24;
      s.getWindowSize = () => [s.columns, s.rows];
      s.cursorTo = s.moveCursor = s.clearLine = s.clearScreenDown = () => {
        throw errors.notImplemented('tty.WriteStream cursor control');
      };
    }
    s.write = function write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw errors.invalidArgType('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
      }
      pb.write(fd, chunk);
      if (typeof cb === 'function') nextTick(cb, null);
      return true;
    };
    s.end = function end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (chunk !== undefined && chunk !== null) s.write(chunk, encoding);
      if (typeof cb === 'function') nextTick(cb);
      return s;
    };
    s.cork = s.uncork = () => {};
    s.setDefaultEncoding = () => s;
    s.getColorDepth = () => (s.isTTY ? 8 : 1);
    s.hasColors = () => s.isTTY;
    s.writableLength = 0;
    s.writableHighWaterMark = 16384;
    return s;
  }
  for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
    let stream;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: false,
      get() { return stream ??= makeWriteStream(fd); },
    });
  }
  // stdin: a reader thread feeds chunks while the stream flows (see process.rs).
  class StdinChunk extends Uint8Array {
    toString(encoding) {
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
        throw errors.notImplemented(`stdin chunk toString('${encoding}')`);
      }
      return natives.util.decodeUtf8(this);
    }
  }
  let stdin;
  function makeStdin() {
    const s = new EventEmitter();
    const buffered = [];
    let flowing = null;
    let ended = false;
    let encoding;
    let carry = new Uint8Array(0);
    s.fd = 0;
    if (pb.isatty(0)) s.isTTY = true;
    s.readable = true;
    const decode = (bytes) => {
      // Hold back an incomplete UTF-8 sequence for the next chunk.
      let all = bytes;
      if (carry.length) {
        all = new Uint8Array(carry.length + bytes.length);
        all.set(carry);
        all.set(bytes, carry.length);
      }
      let cut = all.length;
      for (let i = all.length - 1, n = 0; i >= 0 && n < 4; i--, n++) {
        const b = all[i];
        if ((b & 0xc0) === 0x80) continue;
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (all.length - i < need) cut = i;
        break;
      }
      carry = all.slice(cut);
      return natives.util.decodeUtf8(all.subarray(0, cut));
    };
    const deliver = (chunk) => {
      const data = encoding ? decode(chunk) : Object.setPrototypeOf(chunk, StdinChunk.prototype);
      if (encoding && data === '') return;
      s.emit('data', data);
    };
    const flush = () => {
      while (flowing && buffered.length) deliver(buffered.shift());
      if (flowing && ended && buffered.length === 0 && !s.readableEnded) {
        s.readableEnded = true;
        if (encoding && carry.length) s.emit('data', natives.util.decodeUtf8(carry));
        s.emit('end');
        s.emit('close');
      }
    };
    hooks.stdinData = (chunk) => {
      buffered.push(chunk);
      if (flowing) flush();
      else if (flowing === false || s.listenerCount('readable') > 0) s.emit('readable');
    };
    hooks.stdinEnd = () => {
      ended = true;
      if (flowing) flush();
      else if (s.listenerCount('readable') > 0) s.emit('readable');
    };
    s.setEncoding = (enc) => {
      if (enc !== undefined && !/^utf-?8$/i.test(enc)) throw errors.notImplemented(`process.stdin.setEncoding('${enc}')`);
      encoding = 'utf8';
      return s;
    };
    s.resume = () => {
      flowing = true;
      pb.stdinStart();
      nextTick(flush);
      return s;
    };
    s.pause = () => {
      flowing = false;
      pb.stdinUnref();
      return s;
    };
    s.isPaused = () => flowing === false;
    s.read = () => {
      pb.stdinStart();
      if (buffered.length === 0) {
        if (ended && !s.readableEnded) {
          s.readableEnded = true;
          nextTick(() => { s.emit('end'); s.emit('close'); });
        }
        return null;
      }
      const total = buffered.reduce((n, b) => n + b.length, 0);
      const out = new Uint8Array(total);
      let off = 0;
      for (const b of buffered.splice(0)) { out.set(b, off); off += b.length; }
      return encoding ? decode(out) : Object.setPrototypeOf(out, StdinChunk.prototype);
    };
    const on = s.on;
    s.on = s.addListener = function (ev, fn) {
      on.call(this, ev, fn);
      if (ev === 'data' && flowing !== false) s.resume();
      if (ev === 'readable' || ev === 'end') pb.stdinStart();
      return this;
    };
    s.pipe = (dest) => {
      s.on('data', (d) => dest.write(d));
      s.on('end', () => { if (!dest._isStdio && typeof dest.end === 'function') dest.end(); });
      return dest;
    };
    s.unref = () => { pb.stdinUnref(); return s; };
    if (s.isTTY) {
      s.isRaw = false;
      s.setRawMode = () => { throw errors.notImplemented('process.stdin.setRawMode'); };
    }
    s.ref = () => { pb.stdinStart(); return s; };
    s[Symbol.asyncIterator] = async function* () {
      const queue = [];
      let wake;
      let done = false;
      s.on('data', (d) => { queue.push(d); if (wake) wake(); });
      s.on('end', () => { done = true; if (wake) wake(); });
      while (true) {
        if (queue.length) { yield queue.shift(); continue; }
        if (done) return;
        await new Promise((r) => { wake = r; });
        wake = undefined;
      }
    };
    return s;
  }
  Object.defineProperty(process, 'stdin', {
    configurable: true,
    enumerable: false,
    get() { return stdin ??= makeStdin(); },
  });
})
