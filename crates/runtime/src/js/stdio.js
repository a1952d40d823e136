// process.stdout/stderr (stream.Writable with synchronous writes, as node's for files,
// pipes and terminals) and process.stdin (a stream.Readable fed by a reader thread).
(function stdio(internal, natives, process, EventEmitter, nextTick) {
  'use strict';
  const pb = natives.process;
  const { errors, hooks } = internal;

  // ---- stdout, stderr ---------------------------------------------------------------
  // Writables whose _write is a synchronous write(2), as node's stdout/stderr for files,
  // pipes and terminals. Made on first use (console.log's first call), with only the
  // writable half of the streams code loaded.
  let SyncWriteStream;
  function writeStreamClass() {
    if (SyncWriteStream !== undefined) return SyncWriteStream;
    const { Writable } = internal.requireBuiltin('internal/streams/writable', true);
    SyncWriteStream = function SyncWriteStream(fd) {
      // Strings go to the native write as they are (no Buffer on the hot path).
      Writable.call(this, { decodeStrings: false });
      this.fd = fd;
      this._isStdio = true;
    };
    Object.setPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
    Object.setPrototypeOf(SyncWriteStream, Writable);
    const syncWrite = function _write(chunk, encoding, cb) {
      if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8') {
        chunk = globalThis.Buffer.from(chunk, encoding);
      }
      pb.write(this.fd, chunk);
      cb();
    };
    SyncWriteStream.prototype._write = syncWrite;
    // console.log's path: a plain string on an idle stream is written at once. The general
    // path would do the same (the synchronous _write leaves nothing pending and no event
    // due), only slower.
    SyncWriteStream.prototype.write = function write(chunk, encoding, cb) {
      const state = this._writableState;
      if (typeof chunk === 'string' && encoding === undefined && cb === undefined &&
          this._write === syncWrite && state.corked === 0 && !state.writing && !state.ending &&
          !state.destroyed && !state.errored && state.buffered.length === 0) {
        pb.write(this.fd, chunk);
        return true;
      }
      return Writable.prototype.write.call(this, chunk, encoding, cb);
    };
    // Destroying stdout/stderr never closes the descriptor, and writing goes on working
    // (node's dummyDestroy).
    SyncWriteStream.prototype._destroy = function _destroy(err, cb) {
      cb(err);
      this._undestroy();
    };
    return SyncWriteStream;
  }
  function makeWriteStream(fd) {
    // A terminal gets node's tty.WriteStream (colour depth, cursor control, window size).
    if (pb.isatty(fd)) return new (internal.requireBuiltin('tty').WriteStream)(fd);
    const Ctor = writeStreamClass();
    // Files and pipes: no isTTY, no colour methods (node's have none either).
    return new Ctor(fd);
  }
  const streams = [undefined, undefined, undefined];
  for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: false,
      get() { return streams[fd] ??= makeWriteStream(fd); },
    });
  }
  // console's output: through the stream once it exists (it may be patched or ended).
  // node's global console ignores its streams' errors: output after end() is lost.
  internal.stdioWrite = (fd, s) => {
    const stream = streams[fd];
    if (stream === undefined) pb.write(fd, s);
    else if (!stream.writableEnded && !stream.destroyed) stream.write(s);
  };

  // ---- stdin ---------------------------------------------------------------------------
  // A Readable fed by the native reader thread (process.rs): _read starts it (and keeps the
  // loop alive); a full buffer or pause() holds the thread and lets the loop end again, as
  // node's stdin handle stops reading.
  let stdin;
  function makeStdin() {
    const { Readable } = internal.requireBuiltin('internal/streams/readable', true);
    // pipe() and the async iterator live in the full stream module.
    internal.requireBuiltin('stream');
    const s = new Readable({
      highWaterMark: 65536,
      // A paused stdin does not keep the process alive (node's handle stops reading).
      read() {
        if (this.readableFlowing !== false || this.listenerCount('readable') > 0) pb.stdinStart();
      },
      destroy(err, cb) {
        pb.stdinUnref();
        cb(err);
      },
    });
    s.fd = 0;
    if (pb.isatty(0)) {
      s.isTTY = true;
      // tty.ReadStream's raw mode works on `this.fd` and sets `isRaw`.
      s.isRaw = false;
      s.setRawMode = internal.requireBuiltin('tty').ReadStream.prototype.setRawMode;
    }
    hooks.stdinData = (bytes) => {
      if (!s.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) pb.stdinPause();
    };
    hooks.stdinEnd = () => {
      s.push(null);
    };
    s.pause = function pause() {
      Readable.prototype.pause.call(this);
      pb.stdinPause();
      return this;
    };
    // A read asked for while paused was not started (see read above): start it now.
    s.resume = function resume() {
      Readable.prototype.resume.call(this);
      if (this._readableState.reading) pb.stdinStart();
      return this;
    };
    s.unref = () => { pb.stdinUnref(); return s; };
    s.ref = () => { pb.stdinStart(); return s; };
    return s;
  }
  // A worker's stdin gets nothing (node's without `stdin: true`): it ends at once.
  function makeWorkerStdin() {
    const { Readable } = internal.requireBuiltin('internal/streams/readable', true);
    internal.requireBuiltin('stream');
    return new Readable({ read() { this.push(null); } });
  }
  Object.defineProperty(process, 'stdin', {
    configurable: true,
    enumerable: false,
    get() { return stdin ??= internal.workerInfo !== undefined ? makeWorkerStdin() : makeStdin(); },
  });
})
