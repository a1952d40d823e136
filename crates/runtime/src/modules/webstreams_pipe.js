// ReadableStream.prototype.pipeTo / pipeThrough (WHATWG Streams ReadableStreamPipeTo): a
// read-write loop with the spec's shutdown rules for errors, closes and abort signals.
'use strict';

const U = internal.requireBuiltin('internal/webstreams/util', true);
const R = internal.requireBuiltin('internal/webstreams/readable', true);
const W = internal.requireBuiltin('internal/webstreams/writable', true);
const { errors } = internal;
const { kState, invalidState, validateObject, then, setHandled, deferred, resolved, noop } = U;

function readPipeOptions(options) {
  options = validateObject(options, 'options');
  const signal = options.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw errors.invalidArgType('options.signal', 'AbortSignal', signal);
  }
  return {
    preventAbort: !!options.preventAbort,
    preventCancel: !!options.preventCancel,
    preventClose: !!options.preventClose,
    signal,
  };
}

function pipeTo(source, destination, options) {
  if (!W.isWritableStream(destination)) {
    throw errors.invalidArgType('transform.writable', 'WritableStream', destination);
  }
  const opts = readPipeOptions(options);
  if (R.isLocked(source[kState])) throw invalidState('The ReadableStream is locked');
  if (destination[kState].writer !== undefined) throw invalidState('The WritableStream is locked');
  return readableStreamPipeTo(source, destination, opts);
}

function pipeThrough(source, transform, options) {
  const readable = transform?.readable;
  if (!R.isReadableStream(readable)) throw errors.invalidArgType('transform.readable', 'ReadableStream', readable);
  const writable = transform.writable;
  if (!W.isWritableStream(writable)) throw errors.invalidArgType('transform.writable', 'WritableStream', writable);
  const opts = readPipeOptions(options);
  if (R.isLocked(source[kState])) throw invalidState('The ReadableStream is locked');
  if (writable[kState].writer !== undefined) throw invalidState('The WritableStream is locked');
  setHandled(readableStreamPipeTo(source, writable, opts));
  return readable;
}

function readableStreamPipeTo(source, dest, { preventClose, preventAbort, preventCancel, signal }) {
  const reader = new R.ReadableStreamDefaultReader(source);
  const writer = new W.WritableStreamDefaultWriter(dest);
  source[kState].disturbed = true;
  let shuttingDown = false;
  let currentWrite = resolved(undefined);
  const result = deferred();
  let abortAlgorithm;

  const finalize = (isError, error) => {
    W.writerRelease(writer);
    R.defaultReaderRelease(reader);
    if (signal !== undefined) signal.removeEventListener('abort', abortAlgorithm);
    if (isError) result.reject(error);
    else result.resolve(undefined);
  };
  const waitForWritesToFinish = () => {
    const old = currentWrite;
    return then(currentWrite, () => (old !== currentWrite ? waitForWritesToFinish() : undefined));
  };
  const destWritable = () => dest[kState].state === 'writable' && !W.closeQueuedOrInFlight(dest);
  const shutdownWithAction = (action, originalIsError, originalError) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const doTheRest = () => {
      then(action(), () => finalize(originalIsError, originalError), (error) => finalize(true, error));
    };
    if (destWritable()) then(waitForWritesToFinish(), doTheRest);
    else doTheRest();
  };
  const shutdown = (isError, error) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (destWritable()) then(waitForWritesToFinish(), () => finalize(isError, error));
    else finalize(isError, error);
  };

  if (signal !== undefined) {
    abortAlgorithm = () => {
      let error = signal.reason;
      // node's own AbortError (not a DOMException) becomes one, as node does.
      if (error instanceof Error && !(error instanceof DOMException) && error.name === 'AbortError' &&
          error.code === 'ABORT_ERR') {
        error = new DOMException(error.message, 'AbortError');
      }
      const actions = [];
      if (!preventAbort) {
        actions.push(() => (dest[kState].state === 'writable' ? W.writableStreamAbort(dest, error) : resolved(undefined)));
      }
      if (!preventCancel) {
        actions.push(() => (source[kState].state === 'readable' ? R.readableStreamCancel(source, error) : resolved(undefined)));
      }
      shutdownWithAction(() => Promise.all(actions.map((action) => action())), true, error);
    };
    if (signal.aborted) {
      abortAlgorithm();
      return result.promise;
    }
    signal.addEventListener('abort', abortAlgorithm, { once: true });
  }

  // One step: wait for the writer to be ready, read a chunk, start writing it.
  const pipeStep = () => {
    if (shuttingDown) return resolved(true);
    return then(writer[kState].ready.promise, () => {
      const d = deferred();
      R.defaultReaderRead(reader, {
        chunkSteps: (chunk) => {
          currentWrite = then(W.writerWrite(writer, chunk), undefined, noop);
          d.resolve(false);
        },
        closeSteps: () => d.resolve(true),
        errorSteps: d.reject,
      });
      return d.promise;
    });
  };
  const pipeLoop = () => then(pipeStep(), (done) => (done ? undefined : pipeLoop()));

  const sourceErrored = (storedError) => {
    if (!preventAbort) shutdownWithAction(() => W.writableStreamAbort(dest, storedError), true, storedError);
    else shutdown(true, storedError);
  };
  const destErrored = (storedError) => {
    if (!preventCancel) shutdownWithAction(() => R.readableStreamCancel(source, storedError), true, storedError);
    else shutdown(true, storedError);
  };
  const sourceClosed = () => {
    if (!preventClose) shutdownWithAction(() => W.writerCloseWithErrorPropagation(writer));
    else shutdown();
  };

  if (source[kState].state === 'errored') sourceErrored(source[kState].storedError);
  else then(reader[kState].closed.promise, undefined, sourceErrored);
  if (dest[kState].state === 'errored') destErrored(dest[kState].storedError);
  else then(writer[kState].closed.promise, undefined, destErrored);
  if (source[kState].state === 'closed') sourceClosed();
  else then(reader[kState].closed.promise, sourceClosed, noop);
  if (W.closeQueuedOrInFlight(dest) || dest[kState].state === 'closed') {
    const destClosed = invalidState('Destination WritableStream is closed');
    if (!preventCancel) shutdownWithAction(() => R.readableStreamCancel(source, destClosed), true, destClosed);
    else shutdown(true, destClosed);
  }
  setHandled(pipeLoop());
  return result.promise;
}

module.exports = { pipeTo, pipeThrough, readableStreamPipeTo };
