// WritableStream, WritableStreamDefaultWriter and WritableStreamDefaultController
// (WHATWG Streams §5).
'use strict';

const U = internal.requireBuiltin('internal/webstreams/util', true);
const { errors } = internal;
const {
  kState, kInternal, customInspect, isKind, invalidState, invalidThis, illegalConstructor, invalidValue,
  validateObject, then, setHandled, deferred, resolved, promiseResolvedWith, rejected, methodAlgorithm,
  resetQueue, enqueueValueWithSize, dequeueValue, peekQueueValue, extractHighWaterMark,
  extractSizeAlgorithm, inspectAs, webidlClass,
} = U;

const kAbortSteps = Symbol('kAbortSteps');
const kErrorSteps = Symbol('kErrorSteps');
const kCloseSentinel = Symbol('kCloseSentinel');

const isWritableStream = (v) => isKind(v, 'WritableStream');
const isWriter = (v) => isKind(v, 'WritableStreamDefaultWriter');
const isController = (v) => isKind(v, 'WritableStreamDefaultController');

function check(self, test, type) {
  if (!test(self)) throw invalidThis(type);
  return self[kState];
}
const checkAsync = (self, test, type) => (test(self) ? undefined : rejected(invalidThis(type)));

class WritableStream {
  constructor(sink = undefined, strategy = undefined) {
    initializeWritableStream(this);
    if (sink === kInternal) return;
    if (sink !== undefined && (sink === null || typeof sink !== 'object')) {
      throw errors.invalidArgType('sink', 'object', sink);
    }
    sink ??= {};
    strategy = validateObject(strategy, 'strategy');
    if (sink.type !== undefined) throw invalidValue('type', sink.type, RangeError);
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    setUpControllerFromSink(this, sink, hwm, size);
  }

  get locked() {
    return check(this, isWritableStream, 'WritableStream').writer !== undefined;
  }

  abort(reason = undefined) {
    const bad = checkAsync(this, isWritableStream, 'WritableStream');
    if (bad) return bad;
    if (this[kState].writer !== undefined) return rejected(invalidState('WritableStream is locked'));
    return writableStreamAbort(this, reason);
  }

  close() {
    const bad = checkAsync(this, isWritableStream, 'WritableStream');
    if (bad) return bad;
    if (this[kState].writer !== undefined) return rejected(invalidState('WritableStream is locked'));
    if (closeQueuedOrInFlight(this)) return rejected(invalidState('Failure closing WritableStream'));
    return writableStreamClose(this);
  }

  getWriter() {
    check(this, isWritableStream, 'WritableStream');
    return new WritableStreamDefaultWriter(this);
  }

  [customInspect](depth, options) {
    const state = this[kState];
    return inspectAs(this, depth, options, { locked: state.writer !== undefined, state: state.state });
  }
}
webidlClass(WritableStream, 'WritableStream');

function initializeWritableStream(stream) {
  stream[kState] = {
    kind: 'WritableStream',
    state: 'writable',
    storedError: undefined,
    writer: undefined,
    controller: undefined,
    inFlightWriteRequest: undefined,
    closeRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    writeRequests: [],
    backpressure: false,
    settleWatch: undefined,
  };
}

function createWritableStream(start, write, close, abort, hwm = 1, size = () => 1) {
  const stream = new WritableStream(kInternal);
  const controller = new WritableStreamDefaultController(kInternal);
  setUpController(stream, controller, start, write, close, abort, hwm, size);
  return stream;
}

// ---- stream algorithms ---------------------------------------------------------------
function writableStreamAbort(stream, reason) {
  const state = stream[kState];
  if (state.state === 'closed' || state.state === 'errored') return resolved(undefined);
  state.controller[kState].abortController.abort(reason);
  if (state.state === 'closed' || state.state === 'errored') return resolved(undefined);
  if (state.pendingAbortRequest !== undefined) return state.pendingAbortRequest.deferred.promise;
  let wasAlreadyErroring = false;
  if (state.state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const d = deferred();
  state.pendingAbortRequest = { deferred: d, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) startErroring(stream, reason);
  return d.promise;
}

function writableStreamClose(stream) {
  const state = stream[kState];
  if (state.state === 'closed' || state.state === 'errored') {
    return rejected(invalidState('WritableStream is closed'));
  }
  const d = deferred();
  state.closeRequest = d;
  const writer = state.writer;
  if (writer !== undefined && state.backpressure && state.state === 'writable') writer[kState].ready.resolve(undefined);
  enqueueValueWithSize(state.controller[kState], kCloseSentinel, 0);
  advanceQueueIfNeeded(state.controller);
  return d.promise;
}

const closeQueuedOrInFlight = (stream) => stream[kState].closeRequest !== undefined ||
  stream[kState].inFlightCloseRequest !== undefined;

function dealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    startErroring(stream, error);
    return;
  }
  finishErroring(stream);
}

// A promise settling when the stream closes or errors, without locking it: what
// stream.finished waits for on a web stream.
function settledPromise(stream) {
  const state = stream[kState];
  if (state.state === 'closed') return resolved(undefined);
  if (state.state === 'errored') return rejected(state.storedError);
  state.settleWatch ??= deferred();
  return state.settleWatch.promise;
}

function finishErroring(stream) {
  const state = stream[kState];
  state.state = 'errored';
  if (state.settleWatch !== undefined) {
    state.settleWatch.reject(state.storedError);
    setHandled(state.settleWatch.promise);
  }
  state.controller[kErrorSteps]();
  const storedError = state.storedError;
  for (const request of state.writeRequests) request.reject(storedError);
  state.writeRequests = [];
  const abortRequest = state.pendingAbortRequest;
  if (abortRequest === undefined) {
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  state.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.deferred.reject(storedError);
    rejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  then(state.controller[kAbortSteps](abortRequest.reason), () => {
    abortRequest.deferred.resolve(undefined);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  }, (reason) => {
    abortRequest.deferred.reject(reason);
    rejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function finishInFlightClose(stream) {
  const state = stream[kState];
  state.inFlightCloseRequest.resolve(undefined);
  state.inFlightCloseRequest = undefined;
  if (state.state === 'erroring') {
    state.storedError = undefined;
    if (state.pendingAbortRequest !== undefined) {
      state.pendingAbortRequest.deferred.resolve(undefined);
      state.pendingAbortRequest = undefined;
    }
  }
  state.state = 'closed';
  if (state.settleWatch !== undefined) state.settleWatch.resolve(undefined);
  if (state.writer !== undefined) state.writer[kState].closed.resolve(undefined);
}

function finishInFlightCloseWithError(stream, error) {
  const state = stream[kState];
  state.inFlightCloseRequest.reject(error);
  state.inFlightCloseRequest = undefined;
  if (state.pendingAbortRequest !== undefined) {
    state.pendingAbortRequest.deferred.reject(error);
    state.pendingAbortRequest = undefined;
  }
  dealWithRejection(stream, error);
}

function rejectCloseAndClosedPromiseIfNeeded(stream) {
  const state = stream[kState];
  if (state.closeRequest !== undefined) {
    state.closeRequest.reject(state.storedError);
    state.closeRequest = undefined;
  }
  const writer = state.writer;
  if (writer !== undefined) {
    writer[kState].closed.reject(state.storedError);
    setHandled(writer[kState].closed.promise);
  }
}

function startErroring(stream, reason) {
  const state = stream[kState];
  state.state = 'erroring';
  state.storedError = reason;
  if (state.writer !== undefined) writerEnsureReadyPromiseRejected(state.writer, reason);
  const inFlight = state.inFlightWriteRequest !== undefined || state.inFlightCloseRequest !== undefined;
  if (!inFlight && state.controller[kState].started) finishErroring(stream);
}

function updateBackpressure(stream, backpressure) {
  const state = stream[kState];
  const writer = state.writer;
  if (writer !== undefined && backpressure !== state.backpressure) {
    if (backpressure) writer[kState].ready = deferred();
    else writer[kState].ready.resolve(undefined);
  }
  state.backpressure = backpressure;
}

// ---- the writer ----------------------------------------------------------------------
const notBound = () => invalidState('Writer is not bound to a WritableStream');

function settledDeferred(error) {
  const d = deferred();
  if (error === undefined) {
    d.resolve(undefined);
  } else {
    d.reject(error.value);
    setHandled(d.promise);
  }
  return d;
}

class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) throw errors.invalidArgType('stream', 'WritableStream', stream);
    this[kState] = { kind: 'WritableStreamDefaultWriter', stream: undefined, ready: undefined, closed: undefined };
    const state = stream[kState];
    if (state.writer !== undefined) throw invalidState('WritableStream is locked');
    this[kState].stream = stream;
    state.writer = this;
    const s = state.state;
    if (s === 'writable') {
      this[kState].ready = !closeQueuedOrInFlight(stream) && state.backpressure ? deferred() : settledDeferred();
      this[kState].closed = deferred();
    } else if (s === 'erroring') {
      this[kState].ready = settledDeferred({ value: state.storedError });
      this[kState].closed = deferred();
    } else if (s === 'closed') {
      this[kState].ready = settledDeferred();
      this[kState].closed = settledDeferred();
    } else {
      this[kState].ready = settledDeferred({ value: state.storedError });
      this[kState].closed = settledDeferred({ value: state.storedError });
    }
  }

  get closed() {
    return checkAsync(this, isWriter, 'WritableStreamDefaultWriter') ?? this[kState].closed.promise;
  }

  get ready() {
    return checkAsync(this, isWriter, 'WritableStreamDefaultWriter') ?? this[kState].ready.promise;
  }

  get desiredSize() {
    const state = check(this, isWriter, 'WritableStreamDefaultWriter');
    if (state.stream === undefined) throw notBound();
    return writerGetDesiredSize(this);
  }

  abort(reason = undefined) {
    const bad = checkAsync(this, isWriter, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    if (this[kState].stream === undefined) return rejected(notBound());
    return writableStreamAbort(this[kState].stream, reason);
  }

  close() {
    const bad = checkAsync(this, isWriter, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    const stream = this[kState].stream;
    if (stream === undefined) return rejected(notBound());
    if (closeQueuedOrInFlight(stream)) return rejected(invalidState('Failure to close WritableStream'));
    return writableStreamClose(stream);
  }

  releaseLock() {
    check(this, isWriter, 'WritableStreamDefaultWriter');
    if (this[kState].stream === undefined) return;
    writerRelease(this);
  }

  write(chunk = undefined) {
    const bad = checkAsync(this, isWriter, 'WritableStreamDefaultWriter');
    if (bad) return bad;
    if (this[kState].stream === undefined) return rejected(notBound());
    return writerWrite(this, chunk);
  }

  [customInspect](depth, options) {
    const state = this[kState];
    return inspectAs(this, depth, options, {
      stream: state.stream,
      close: state.closed.promise,
      ready: state.ready.promise,
      desiredSize: state.stream === undefined ? undefined : writerGetDesiredSize(this),
    });
  }
}
webidlClass(WritableStreamDefaultWriter, 'WritableStreamDefaultWriter');

function writerCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const s = stream[kState].state;
  if (closeQueuedOrInFlight(stream) || s === 'closed') return resolved(undefined);
  if (s === 'errored') return rejected(stream[kState].storedError);
  return writableStreamClose(stream);
}

function writerEnsureClosedPromiseRejected(writer, error) {
  const state = writer[kState];
  if (state.closed.settled) state.closed = deferred();
  state.closed.reject(error);
  setHandled(state.closed.promise);
}

function writerEnsureReadyPromiseRejected(writer, error) {
  const state = writer[kState];
  if (state.ready.settled) state.ready = deferred();
  state.ready.reject(error);
  setHandled(state.ready.promise);
}

function writerGetDesiredSize(writer) {
  const stream = writer[kState].stream;
  const s = stream[kState].state;
  if (s === 'errored' || s === 'erroring') return null;
  if (s === 'closed') return 0;
  return controllerGetDesiredSize(stream[kState].controller);
}

function writerRelease(writer) {
  const stream = writer[kState].stream;
  const error = invalidState('Writer has been released');
  writerEnsureReadyPromiseRejected(writer, error);
  writerEnsureClosedPromiseRejected(writer, error);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

function writerWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const state = stream[kState];
  const controller = state.controller;
  const chunkSize = controllerGetChunkSize(controller, chunk);
  if (stream !== writer[kState].stream) return rejected(notBound());
  if (state.state === 'errored') return rejected(state.storedError);
  if (closeQueuedOrInFlight(stream) || state.state === 'closed') {
    return rejected(invalidState('WritableStream is closed'));
  }
  if (state.state === 'erroring') return rejected(state.storedError);
  const d = deferred();
  state.writeRequests.push(d);
  controllerWrite(controller, chunk, chunkSize);
  return d.promise;
}

// ---- the controller ------------------------------------------------------------------
class WritableStreamDefaultController {
  constructor(token = undefined) {
    if (token !== kInternal) throw illegalConstructor();
    this[kState] = { kind: 'WritableStreamDefaultController' };
  }

  get signal() {
    return check(this, isController, 'WritableStreamDefaultController').abortController.signal;
  }

  error(error = undefined) {
    const state = check(this, isController, 'WritableStreamDefaultController');
    if (state.stream[kState].state !== 'writable') return;
    controllerError(this, error);
  }

  [kAbortSteps](reason) {
    const result = this[kState].abortAlgorithm(reason);
    clearAlgorithms(this);
    return result;
  }

  [kErrorSteps]() {
    resetQueue(this[kState]);
  }

  [customInspect](depth, options) {
    return inspectAs(this, depth, options, { stream: this[kState].stream });
  }
}
webidlClass(WritableStreamDefaultController, 'WritableStreamDefaultController');

function setUpController(stream, controller, start, write, close, abort, hwm, size) {
  Object.assign(controller[kState], {
    stream,
    queue: [],
    queueTotalSize: 0,
    abortController: new AbortController(),
    started: false,
    strategySizeAlgorithm: size,
    strategyHWM: hwm,
    writeAlgorithm: write,
    closeAlgorithm: close,
    abortAlgorithm: abort,
  });
  stream[kState].controller = controller;
  updateBackpressure(stream, controllerGetDesiredSize(controller) <= 0);
  const startResult = start(controller);
  then(promiseResolvedWith(startResult), () => {
    controller[kState].started = true;
    advanceQueueIfNeeded(controller);
  }, (reason) => {
    controller[kState].started = true;
    dealWithRejection(stream, reason);
  });
}

function setUpControllerFromSink(stream, sink, hwm, size) {
  const controller = new WritableStreamDefaultController(kInternal);
  const startMethod = sink.start;
  if (startMethod !== undefined && typeof startMethod !== 'function') {
    throw errors.invalidArgType('sink.start', 'Function', startMethod);
  }
  const start = startMethod === undefined ? () => undefined : () => Reflect.apply(startMethod, sink, [controller]);
  const write = methodAlgorithm(sink, 'write', 'sink', () => resolved(undefined));
  const close = methodAlgorithm(sink, 'close', 'sink', () => resolved(undefined));
  const abort = methodAlgorithm(sink, 'abort', 'sink', () => resolved(undefined));
  setUpController(stream, controller, start, (chunk) => write(chunk, controller), close, abort, hwm, size);
}

function clearAlgorithms(controller) {
  const state = controller[kState];
  state.writeAlgorithm = undefined;
  state.closeAlgorithm = undefined;
  state.abortAlgorithm = undefined;
  state.strategySizeAlgorithm = undefined;
}

function controllerGetChunkSize(controller, chunk) {
  const state = controller[kState];
  if (state.strategySizeAlgorithm === undefined) return 1;
  try {
    return state.strategySizeAlgorithm(chunk);
  } catch (err) {
    controllerErrorIfNeeded(controller, err);
    return 1;
  }
}

const controllerGetDesiredSize = (controller) => controller[kState].strategyHWM - controller[kState].queueTotalSize;

function controllerWrite(controller, chunk, chunkSize) {
  const state = controller[kState];
  try {
    enqueueValueWithSize(state, chunk, chunkSize);
  } catch (err) {
    controllerErrorIfNeeded(controller, err);
    return;
  }
  const stream = state.stream;
  if (!closeQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    updateBackpressure(stream, controllerGetDesiredSize(controller) <= 0);
  }
  advanceQueueIfNeeded(controller);
}

function advanceQueueIfNeeded(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (!state.started || stream[kState].inFlightWriteRequest !== undefined) return;
  if (stream[kState].state === 'erroring') {
    finishErroring(stream);
    return;
  }
  if (state.queue.length === 0) return;
  const value = peekQueueValue(state);
  if (value === kCloseSentinel) processClose(controller);
  else processWrite(controller, value);
}

function controllerErrorIfNeeded(controller, error) {
  if (controller[kState].stream[kState].state === 'writable') controllerError(controller, error);
}

function processClose(controller) {
  const state = controller[kState];
  const stream = state.stream;
  stream[kState].inFlightCloseRequest = stream[kState].closeRequest;
  stream[kState].closeRequest = undefined;
  dequeueValue(state);
  const sinkClose = state.closeAlgorithm();
  clearAlgorithms(controller);
  then(sinkClose, () => finishInFlightClose(stream), (reason) => finishInFlightCloseWithError(stream, reason));
}

function processWrite(controller, chunk) {
  const state = controller[kState];
  const stream = state.stream;
  stream[kState].inFlightWriteRequest = stream[kState].writeRequests.shift();
  then(state.writeAlgorithm(chunk), () => {
    stream[kState].inFlightWriteRequest.resolve(undefined);
    stream[kState].inFlightWriteRequest = undefined;
    dequeueValue(state);
    if (!closeQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
      updateBackpressure(stream, controllerGetDesiredSize(controller) <= 0);
    }
    advanceQueueIfNeeded(controller);
  }, (reason) => {
    if (stream[kState].state === 'writable') clearAlgorithms(controller);
    stream[kState].inFlightWriteRequest.reject(reason);
    stream[kState].inFlightWriteRequest = undefined;
    dealWithRejection(stream, reason);
  });
}

// Errors a stream through its controller if it is still writable (addAbortSignal).
function writableStreamControllerError(stream, error) {
  controllerErrorIfNeeded(stream[kState].controller, error);
}

function controllerError(controller, error) {
  const stream = controller[kState].stream;
  clearAlgorithms(controller);
  startErroring(stream, error);
}

Object.assign(module.exports, {
  WritableStream, WritableStreamDefaultWriter, WritableStreamDefaultController,
  isWritableStream, settledPromise, createWritableStream, writableStreamAbort, writableStreamClose,
  closeQueuedOrInFlight, writerCloseWithErrorPropagation, writerRelease, writerWrite,
  writerGetDesiredSize, controllerErrorIfNeeded, controllerError, writableStreamControllerError,
});
