// internal/streams/finished: `stream.finished` (eos) as our Rust crate's finished.rs —
// the callback runs once, when the sides asked for are done, with the stream's error or
// ERR_STREAM_PREMATURE_CLOSE for a close before end/finish — plus addAbortSignal and the
// isReadable/isErrored/isDisturbed predicates.
'use strict';

const S = internal.requireBuiltin('internal/streams/state', true);
const { codes, nextTick } = S;
const { errors } = internal;

// Done, or (not strict) all data consumed/written after end, as node's isReadableFinished
// and isWritableFinished.
// A side that is not there, or errored, is not finished.
function readableFinished(stream, strict = false) {
  const r = stream._readableState;
  if (!S.isReadableNodeStream(stream) || !r || r.errored || typeof r.endEmitted !== 'boolean') return false;
  return r.endEmitted || (!strict && r.ended === true && r.length === 0);
}
function writableFinished(stream, strict = false) {
  const w = stream._writableState;
  if (!S.isWritableNodeStream(stream) || !w || w.errored || typeof w.finished !== 'boolean') return false;
  return w.finished || (!strict && w.ended === true && w.length === 0);
}
function erroredOf(stream) {
  const r = stream._readableState;
  const w = stream._writableState;
  return (w && w.errored) || (r && r.errored) || null;
}
function closedOf(stream) {
  const r = stream._readableState;
  const w = stream._writableState;
  return !!((w && w.closed) || (r && r.closed));
}
function closeEmittedOf(stream) {
  const r = stream._readableState;
  const w = stream._writableState;
  return !!((w && w.closeEmitted) || (r && r.closeEmitted));
}
// Whether 'close' is still to come by itself (autoDestroy with emitClose).
function willEmitClose(stream) {
  const s = stream._writableState || stream._readableState;
  return !!(s && s.autoDestroy && s.emitClose && s.closed === false);
}

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    S.validateObject(options, 'options');
  }
  S.validateFunction(callback, 'callback');
  S.validateAbortSignal(options.signal, 'options.signal');
  if (!S.isNodeStream(stream)) {
    const settled = webSettled(stream);
    if (settled !== undefined) return eosWeb(stream, settled, options, callback);
    throw errors.invalidArgTypeText('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
  }

  let done = false;
  const call = (err) => {
    if (done) return;
    done = true;
    cleanup();
    if (err === undefined) callback.call(stream);
    else callback.call(stream, err);
  };

  const readable = options.readable ?? S.isReadableNodeStream(stream);
  const writable = options.writable ?? S.isWritableNodeStream(stream);
  const isStreams2 = !!(stream._readableState || stream._writableState);
  let waitClose = isStreams2 && willEmitClose(stream) &&
    S.isReadableNodeStream(stream) === readable && S.isWritableNodeStream(stream) === writable;

  // Legacy streams without state: their 'end'/'finish' are the only signal.
  let rDone = readableFinished(stream);
  let wDone = writableFinished(stream);

  const onfinish = () => {
    wDone = true;
    if (stream.destroyed) waitClose = false;
    if (waitClose && (!stream.readable || readable)) return;
    if (!readable || rDone) call();
  };
  const onend = () => {
    rDone = true;
    if (stream.destroyed) waitClose = false;
    if (waitClose && (!stream.writable || writable)) return;
    if (!writable || wDone) call();
  };
  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };
  const onerror = (err) => call(err);
  const onclose = () => {
    const errored = erroredOf(stream);
    // A bare `true` (hand-made state objects) is not an error to report.
    if (errored && typeof errored !== 'boolean') return call(errored);
    if (readable && !rDone && S.isReadableNodeStream(stream, true) && !readableFinished(stream)) {
      return call(codes.prematureClose());
    }
    if (writable && !wDone && !writableFinished(stream)) return call(codes.prematureClose());
    return call();
  };
  const onrequest = () => stream.req.on('finish', onfinish);

  const isRequest = stream.setHeader && typeof stream.abort === 'function';
  if (isRequest) {
    stream.on('complete', onfinish);
    if (!waitClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !stream._writableState) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }
  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  let abortCleanup = () => {};
  function cleanup() {
    abortCleanup();
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  }

  if (closedOf(stream) || closeEmittedOf(stream)) {
    nextTick(onclose);
  } else if (erroredOf(stream) && (stream._writableState?.errorEmitted || stream._readableState?.errorEmitted)) {
    if (!waitClose) nextTick(onclose);
  } else if (isStreams2 && !waitClose && (!readable || rDone) && (!writable || wDone)) {
    nextTick(onclose);
  }

  if (options.signal) {
    const signal = options.signal;
    const onAbort = () => call(codes.abort(signal.reason));
    if (signal.aborted) {
      nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      abortCleanup = () => signal.removeEventListener('abort', onAbort);
    }
  }
  return () => {
    done = true;
    cleanup();
  };
}

function finishedPromise(stream, opts) {
  let autoCleanup = false;
  if (opts && opts.cleanup) {
    if (typeof opts.cleanup !== 'boolean') throw errors.invalidArgType('cleanup', 'boolean', opts.cleanup);
    autoCleanup = true;
  }
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}

// A web ReadableStream/WritableStream's close-or-error promise (undefined for anything else).
function webSettled(stream) {
  if (stream === null || typeof stream !== 'object') return undefined;
  const R = internal.requireBuiltin('internal/webstreams/readable', true);
  if (R.isReadableStream(stream)) return R.settledPromise(stream);
  const W = internal.requireBuiltin('internal/webstreams/writable', true);
  if (W.isWritableStream(stream)) return W.settledPromise(stream);
  return undefined;
}

// How addAbortSignal errors a web stream: through its controller.
function webErrorer(stream) {
  if (stream === null || typeof stream !== 'object') return undefined;
  const R = internal.requireBuiltin('internal/webstreams/readable', true);
  if (R.isReadableStream(stream)) return (err) => R.readableStreamControllerError(stream, err);
  const W = internal.requireBuiltin('internal/webstreams/writable', true);
  if (W.isWritableStream(stream)) return (err) => W.writableStreamControllerError(stream, err);
  return undefined;
}

// finished() on a web stream: the callback runs once, when it closes (no error), errors
// (its error) or the signal aborts (an AbortError).
function eosWeb(stream, settled, options, callback) {
  let done = false;
  const call = (...args) => {
    if (done) return;
    done = true;
    if (options.signal) options.signal.removeEventListener('abort', onAbort);
    callback.call(stream, ...args);
  };
  const onAbort = () => call(codes.abort(options.signal.reason));
  if (options.signal) {
    if (options.signal.aborted) {
      nextTick(onAbort);
    } else {
      options.signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  settled.then(() => nextTick(call), (err) => nextTick(call, err));
  return () => {
    done = true;
    if (options.signal) options.signal.removeEventListener('abort', onAbort);
  };
}

function addAbortSignal(signal, stream) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw errors.invalidArgType('signal', 'AbortSignal', signal);
  }
  let onAbort = () => stream.destroy(codes.abort(signal.reason));
  if (!S.isNodeStream(stream)) {
    const errorWeb = webErrorer(stream);
    if (errorWeb === undefined) {
      throw errors.invalidArgTypeText('stream', 'an instance of ReadableStream, WritableStream, or Stream', stream);
    }
    onAbort = () => errorWeb(codes.abort(signal.reason));
  }
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    eos(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
}

// The state of a web ReadableStream (undefined for anything else): node's predicates
// answer for those too.
function webReadableState(stream) {
  if (stream === null || typeof stream !== 'object' || S.isNodeStream(stream)) return undefined;
  const R = internal.requireBuiltin('internal/webstreams/readable', true);
  return R.isReadableStream(stream) ? R.readableState(stream) : undefined;
}

function isReadable(stream) {
  const web = webReadableState(stream);
  if (web !== undefined) return web.state === 'readable';
  if (!S.isReadableNodeStream(stream)) return null;
  const r = stream._readableState;
  if (erroredOf(stream) || (r && r.destroyed) || stream.destroyed) return false;
  return !!(r && r.readable !== false && !r.endEmitted && !(r.ended && r.length === 0));
}
function isWritable(stream) {
  if (!S.isWritableNodeStream(stream)) return null;
  const w = stream._writableState;
  if (erroredOf(stream) || stream.destroyed) return false;
  return !!(w && w.writable !== false && !w.ending);
}
function isErrored(stream) {
  const web = webReadableState(stream);
  if (web !== undefined) return web.state === 'errored';
  return !!(stream && (stream.readableErrored || stream.writableErrored || erroredOf(stream) ||
    stream._readableState?.errorEmitted || stream._writableState?.errorEmitted));
}
function isDisturbed(stream) {
  const web = webReadableState(stream);
  if (web !== undefined) return web.disturbed;
  return !!(stream && (stream.readableDidRead || stream.readableAborted));
}
function isDestroyed(stream) {
  if (!S.isNodeStream(stream)) return null;
  return !!(stream.destroyed || S.isDestroyed(stream));
}

module.exports = {
  eos, finishedPromise, addAbortSignal, isReadable, isWritable, isErrored, isDisturbed, isDestroyed,
};
