// Bridges between node streams and web streams: Readable/Writable/Duplex .fromWeb/.toWeb.
'use strict';

const U = internal.requireBuiltin('internal/webstreams/util', true);
const R = internal.requireBuiltin('internal/webstreams/readable', true);
const W = internal.requireBuiltin('internal/webstreams/writable', true);
const S = internal.requireBuiltin('internal/streams/state', true);
const F = internal.requireBuiltin('internal/streams/finished', true);
const { errors } = internal;
const { validateObject, then } = U;

const streamModule = () => internal.requireBuiltin('stream');
const mustBeAn = (name, what, value) => errors.invalidArgTypeText(name, `an ${what}`, value);

// Chunks as web consumers expect them: bytes as a Uint8Array over the same memory.
function toWebChunk(chunk, objectMode) {
  if (!objectMode && Buffer.isBuffer(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return chunk;
}

// node reports a premature close of the node side as an AbortError (caused by it).
const asAbort = (err) => (err?.code === 'ERR_STREAM_PREMATURE_CLOSE' ? errors.abort(err) : err);

function defaultStrategy(objectMode, highWaterMark) {
  if (objectMode) return new CountQueuingStrategy({ highWaterMark });
  return { highWaterMark, size: (chunk) => (typeof chunk === 'string' ? chunk.length : chunk.byteLength) };
}

// ---- node Readable → ReadableStream --------------------------------------------------
const isNodeReadable = (s) => S.isNodeStream(s) && typeof s.read === 'function' && typeof s.on === 'function';
const isNodeWritable = (s) => S.isNodeStream(s) && typeof s.write === 'function' && typeof s.on === 'function';

function readableToWeb(readable, options = undefined) {
  if (!isNodeReadable(readable)) throw mustBeAn('streamReadable', 'stream.Readable', readable);
  options = validateObject(options, 'options');
  // A side that is not readable (any more) gives a closed stream.
  if (readable.destroyed || readable.readable === false) {
    return new ReadableStream({ start(c) { c.close(); } });
  }
  const objectMode = !!readable.readableObjectMode;
  const strategy = options.strategy ?? defaultStrategy(objectMode, readable.readableHighWaterMark ?? 16384);
  let controller;
  let settled = false;
  const onData = (chunk) => {
    if (settled) return;
    controller.enqueue(toWebChunk(chunk, objectMode));
    if (controller.desiredSize <= 0) readable.pause();
  };
  readable.pause();
  readable.on('data', onData);
  F.eos(readable, { writable: false }, (err) => {
    if (settled) return;
    settled = true;
    readable.off('data', onData);
    if (err) {
      controller.error(asAbort(err));
    } else {
      controller.close();
    }
  });
  return new ReadableStream({
    start(c) {
      controller = c;
    },
    pull() {
      readable.resume();
    },
    cancel(reason) {
      settled = true;
      S.destroyer(readable, reason ?? errors.abort());
    },
  }, strategy);
}

// ---- ReadableStream → node Readable --------------------------------------------------
function readableFromWeb(readableStream, options = undefined) {
  if (!R.isReadableStream(readableStream)) {
    throw errors.invalidArgType('readableStream', 'ReadableStream', readableStream);
  }
  options = validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new (streamModule().Readable)({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      then(reader.read(), ({ value, done }) => {
        if (done) this.push(null);
        else this.push(value);
      }, (err) => this.destroy(err));
    },
    destroy(error, callback) {
      const done = () => callback(error);
      if (closed) {
        done();
        return;
      }
      then(reader.cancel(error), done, done);
    },
  });
  then(reader.closed, () => {
    closed = true;
  }, (err) => {
    closed = true;
    readable.destroy(err);
  });
  return readable;
}

// ---- node Writable → WritableStream --------------------------------------------------
function writableToWeb(writable) {
  if (!isNodeWritable(writable)) throw mustBeAn('streamWritable', 'stream.Writable', writable);
  // A side that is not writable (any more) gives a closed stream.
  if (writable.destroyed || writable.writable === false) {
    const closed = new WritableStream();
    closed.close();
    return closed;
  }
  let controller;
  let closeCallbacks;
  const objectMode = !!writable.writableObjectMode;
  F.eos(writable, { readable: false }, (err) => {
    err = asAbort(err);
    if (closeCallbacks !== undefined) {
      const [resolve, reject] = closeCallbacks;
      closeCallbacks = undefined;
      if (err) reject(err);
      else resolve();
      return;
    }
    // Finished without our close: ended or destroyed from the node side.
    controller.error(err ?? errors.abort());
  });
  return new WritableStream({
    start(c) {
      controller = c;
    },
    write(chunk) {
      return new Promise((resolve, reject) => {
        const ok = writable.write(chunk, (err) => {
          if (err) reject(err);
        });
        if (ok) {
          resolve();
        } else {
          writable.once('drain', resolve);
        }
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        closeCallbacks = [resolve, reject];
        writable.end();
      });
    },
    abort(reason) {
      S.destroyer(writable, reason ?? errors.abort());
    },
  }, defaultStrategy(objectMode, writable.writableHighWaterMark ?? 16384));
}

// ---- WritableStream → node Writable --------------------------------------------------
function writableFromWeb(writableStream, options = undefined) {
  if (!W.isWritableStream(writableStream)) {
    throw errors.invalidArgType('writableStream', 'WritableStream', writableStream);
  }
  options = validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new (streamModule().Writable)({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    write(chunk, encoding, callback) {
      then(writer.ready, () => then(writer.write(chunk), () => callback(), callback), callback);
    },
    final(callback) {
      then(writer.close(), () => {
        closed = true;
        callback();
      }, callback);
    },
    destroy(error, callback) {
      const done = () => callback(error);
      if (closed) {
        done();
        return;
      }
      closed = true;
      if (error != null) then(writer.abort(error), done, done);
      else then(writer.close(), done, done);
    },
  });
  then(writer.closed, () => {
    closed = true;
  }, (err) => {
    closed = true;
    writable.destroy(err);
  });
  return writable;
}

// ---- Duplex ----------------------------------------------------------------------------
function duplexToWeb(duplex) {
  if (!isNodeReadable(duplex) || !isNodeWritable(duplex)) throw mustBeAn('duplex', 'stream.Duplex', duplex);
  return { writable: writableToWeb(duplex), readable: readableToWeb(duplex) };
}

function duplexFromWeb(pair, options = undefined) {
  if (pair === null || typeof pair !== 'object') throw errors.invalidArgType('pair', 'object', pair);
  const { readable: readableStream, writable: writableStream } = pair;
  if (!R.isReadableStream(readableStream)) {
    throw errors.invalidArgType('pair.readable', 'ReadableStream', readableStream);
  }
  if (!W.isWritableStream(writableStream)) {
    throw errors.invalidArgType('pair.writable', 'WritableStream', writableStream);
  }
  options = validateObject(options, 'options');
  const { allowHalfOpen = false, objectMode = false, encoding, decodeStrings = true, highWaterMark, signal } = options;
  const reader = readableStream.getReader();
  const writer = writableStream.getWriter();
  let readClosed = false;
  let writeClosed = false;
  const duplex = new (streamModule().Duplex)({
    allowHalfOpen,
    objectMode,
    encoding,
    decodeStrings,
    highWaterMark,
    signal,
    write(chunk, enc, callback) {
      then(writer.ready, () => then(writer.write(chunk), () => callback(), callback), callback);
    },
    final(callback) {
      then(writer.close(), () => {
        writeClosed = true;
        callback();
      }, callback);
    },
    read() {
      then(reader.read(), ({ value, done }) => {
        if (done) this.push(null);
        else this.push(value);
      }, (err) => this.destroy(err));
    },
    destroy(error, callback) {
      const pending = [];
      if (!writeClosed) {
        writeClosed = true;
        pending.push(error != null ? writer.abort(error) : writer.close());
      }
      if (!readClosed) {
        readClosed = true;
        pending.push(reader.cancel(error));
      }
      const done = () => callback(error);
      then(Promise.allSettled(pending), done, done);
    },
  });
  then(writer.closed, () => {
    writeClosed = true;
  }, (err) => {
    writeClosed = true;
    readClosed = true;
    duplex.destroy(err);
  });
  then(reader.closed, () => {
    readClosed = true;
  }, (err) => {
    writeClosed = true;
    readClosed = true;
    duplex.destroy(err);
  });
  return duplex;
}

module.exports = { readableToWeb, readableFromWeb, writableToWeb, writableFromWeb, duplexToWeb, duplexFromWeb };
