// ReadableStream, its default reader and default controller (WHATWG Streams §4), with the
// stream-level algorithms the byte controller (webstreams_bytes.js), tee, pipeTo
// (webstreams_pipe.js) and the writable/transform files share.
'use strict';

const U = internal.requireBuiltin('internal/webstreams/util', true);
const B = internal.requireBuiltin('internal/webstreams/bytes', true);
const { errors } = internal;
const {
  kState, customInspect, isKind, invalidState, invalidThis, illegalConstructor, invalidValue,
  validateObject, then, setHandled, deferred, resolved, promiseResolvedWith, rejected, methodAlgorithm,
  resetQueue, enqueueValueWithSize, dequeueValue, extractHighWaterMark, extractSizeAlgorithm,
  inspectAs, webidlClass,
} = U;

const { kCancel, kPull, kRelease, kInternal } = U;

const isReadableStream = (v) => isKind(v, 'ReadableStream');
const isDefaultReader = (v) => isKind(v, 'ReadableStreamDefaultReader');
const isDefaultController = (v) => isKind(v, 'ReadableStreamDefaultController');

function check(self, test, type) {
  if (!test(self)) throw invalidThis(type);
  return self[kState];
}
function checkAsync(self, test, type) {
  return test(self) ? undefined : rejected(invalidThis(type));
}

class ReadableStream {
  constructor(source = undefined, strategy = undefined) {
    if (source === kInternal) {
      initializeReadableStream(this);
      return;
    }
    if (source !== undefined && (source === null || typeof source !== 'object')) {
      throw errors.invalidArgType('source', 'object', source);
    }
    source ??= {};
    strategy = validateObject(strategy, 'strategy');
    initializeReadableStream(this);
    const type = source.type;
    if (type !== undefined && `${type}` === 'bytes') {
      if (strategy.size !== undefined) throw invalidValue('strategy.size', strategy.size, RangeError);
      const hwm = extractHighWaterMark(strategy, 0);
      B.setUpByteControllerFromSource(this, source, hwm);
    } else if (type !== undefined) {
      throw invalidValue('source.type', type);
    } else {
      const size = extractSizeAlgorithm(strategy);
      const hwm = extractHighWaterMark(strategy, 1);
      setUpDefaultControllerFromSource(this, source, hwm, size);
    }
  }

  get locked() {
    return isLocked(check(this, isReadableStream, 'ReadableStream'));
  }

  cancel(reason = undefined) {
    const bad = checkAsync(this, isReadableStream, 'ReadableStream');
    if (bad) return bad;
    if (isLocked(this[kState])) return rejected(invalidState('ReadableStream is locked'));
    return readableStreamCancel(this, reason);
  }

  getReader(options = undefined) {
    check(this, isReadableStream, 'ReadableStream');
    options = validateObject(options, 'options');
    const mode = options.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw invalidValue('options.mode', mode);
    return new B.ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = undefined) {
    check(this, isReadableStream, 'ReadableStream');
    const P = internal.requireBuiltin('internal/webstreams/pipe', true);
    return P.pipeThrough(this, transform, options);
  }

  pipeTo(destination, options = undefined) {
    const bad = checkAsync(this, isReadableStream, 'ReadableStream');
    if (bad) return bad;
    const P = internal.requireBuiltin('internal/webstreams/pipe', true);
    try {
      return P.pipeTo(this, destination, options);
    } catch (err) {
      return rejected(err);
    }
  }

  tee() {
    check(this, isReadableStream, 'ReadableStream');
    return internal.requireBuiltin('internal/webstreams/tee', true).tee(this);
  }

  values(options = undefined) {
    check(this, isReadableStream, 'ReadableStream');
    options = validateObject(options, 'options');
    return createAsyncIterator(this, !!options.preventCancel);
  }

  static from(iterable) {
    return readableStreamFromIterable(iterable);
  }

  [customInspect](depth, options) {
    const state = this[kState];
    return inspectAs(this, depth, options, {
      locked: state.reader !== undefined,
      state: state.state,
      supportsBYOB: B.isByteController(state.controller),
    });
  }
}
webidlClass(ReadableStream, 'ReadableStream');
Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
  value: ReadableStream.prototype.values, writable: true, configurable: true,
});

function initializeReadableStream(stream) {
  stream[kState] = {
    kind: 'ReadableStream',
    state: 'readable',
    reader: undefined,
    storedError: undefined,
    disturbed: false,
    controller: undefined,
    settleWatch: undefined,
  };
}

// CreateReadableStream: a default-controlled stream over internal algorithms.
function createReadableStream(start, pull, cancel, hwm = 1, size = () => 1) {
  const stream = new ReadableStream(kInternal);
  const controller = new ReadableStreamDefaultController(kInternal);
  setUpDefaultController(stream, controller, start, pull, cancel, hwm, size);
  return stream;
}

// ---- stream-level algorithms ---------------------------------------------------------
const isLocked = (state) => state.reader !== undefined;

function readableStreamCancel(stream, reason) {
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') return resolved(undefined);
  if (state.state === 'errored') return rejected(state.storedError);
  readableStreamClose(stream);
  const reader = state.reader;
  if (reader !== undefined && B.isBYOBReader(reader)) {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const request of requests) request.closeSteps(undefined);
  }
  const sourceCancel = state.controller[kCancel](reason);
  return then(sourceCancel, () => undefined);
}

// What stream.isReadable/isErrored/isDisturbed look at.
const readableState = (stream) => ({ state: stream[kState].state, disturbed: stream[kState].disturbed });

// A promise settling when the stream closes or errors, without locking it: what
// stream.finished waits for on a web stream.
function settledPromise(stream) {
  const state = stream[kState];
  if (state.state === 'closed') return resolved(undefined);
  if (state.state === 'errored') return rejected(state.storedError);
  state.settleWatch ??= deferred();
  return state.settleWatch.promise;
}

function readableStreamClose(stream) {
  const state = stream[kState];
  state.state = 'closed';
  if (state.settleWatch !== undefined) state.settleWatch.resolve(undefined);
  const reader = state.reader;
  if (reader === undefined) return;
  reader[kState].closed.resolve(undefined);
  if (isDefaultReader(reader)) {
    const requests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (const request of requests) request.closeSteps();
  }
}

function readableStreamError(stream, error) {
  const state = stream[kState];
  state.state = 'errored';
  state.storedError = error;
  if (state.settleWatch !== undefined) {
    state.settleWatch.reject(error);
    setHandled(state.settleWatch.promise);
  }
  const reader = state.reader;
  if (reader === undefined) return;
  reader[kState].closed.reject(error);
  setHandled(reader[kState].closed.promise);
  if (isDefaultReader(reader)) errorReadRequests(reader, error);
  else B.errorReadIntoRequests(reader, error);
}

// Errors a stream through its controller, whichever kind it has (addAbortSignal).
function readableStreamControllerError(stream, error) {
  const controller = stream[kState].controller;
  if (B.isByteController(controller)) B.byteControllerError(controller, error);
  else defaultControllerError(controller, error);
}

function fulfillReadRequest(stream, chunk, done) {
  const request = stream[kState].reader[kState].readRequests.shift();
  if (done) request.closeSteps();
  else request.chunkSteps(chunk);
}

const numReadRequests = (stream) => stream[kState].reader[kState].readRequests.length;
const hasDefaultReader = (stream) => isDefaultReader(stream[kState].reader);

// ---- readers (shared with the BYOB reader) --------------------------------------------
function readerGenericInitialize(reader, stream) {
  const state = stream[kState];
  reader[kState].stream = stream;
  state.reader = reader;
  const closed = deferred();
  reader[kState].closed = closed;
  if (state.state === 'closed') {
    closed.resolve(undefined);
  } else if (state.state === 'errored') {
    closed.reject(state.storedError);
    setHandled(closed.promise);
  }
}

function readerGenericRelease(reader) {
  const rstate = reader[kState];
  const stream = rstate.stream;
  const error = invalidState('Reader released');
  if (stream[kState].state === 'readable' && !rstate.closed.settled) {
    rstate.closed.reject(error);
  } else {
    rstate.closed = deferred();
    rstate.closed.reject(error);
  }
  setHandled(rstate.closed.promise);
  stream[kState].controller[kRelease]();
  stream[kState].reader = undefined;
  rstate.stream = undefined;
}

function errorReadRequests(reader, error) {
  const requests = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (const request of requests) request.errorSteps(error);
}

function defaultReaderRead(reader, request) {
  const stream = reader[kState].stream;
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'closed') request.closeSteps();
  else if (state.state === 'errored') request.errorSteps(state.storedError);
  else state.controller[kPull](request);
}

function defaultReaderRelease(reader) {
  readerGenericRelease(reader);
  errorReadRequests(reader, invalidState('Releasing reader'));
}

// A read request settling a promise with `{ value, done }`.
function promiseReadRequest() {
  const d = deferred();
  return {
    promise: d.promise,
    chunkSteps: (value) => d.resolve({ value, done: false }),
    closeSteps: () => d.resolve({ value: undefined, done: true }),
    errorSteps: (error) => d.reject(error),
  };
}

const notAttached = () => invalidState('The reader is not attached to a stream');

class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) throw errors.invalidArgType('stream', 'ReadableStream', stream);
    this[kState] = { kind: 'ReadableStreamDefaultReader', stream: undefined, readRequests: [], closed: undefined };
    if (isLocked(stream[kState])) throw invalidState('ReadableStream is locked');
    readerGenericInitialize(this, stream);
  }

  read() {
    const bad = checkAsync(this, isDefaultReader, 'ReadableStreamDefaultReader');
    if (bad) return bad;
    if (this[kState].stream === undefined) return rejected(notAttached());
    const request = promiseReadRequest();
    defaultReaderRead(this, request);
    return request.promise;
  }

  releaseLock() {
    check(this, isDefaultReader, 'ReadableStreamDefaultReader');
    if (this[kState].stream === undefined) return;
    defaultReaderRelease(this);
  }

  get closed() {
    const bad = checkAsync(this, isDefaultReader, 'ReadableStreamDefaultReader');
    return bad ?? this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    const bad = checkAsync(this, isDefaultReader, 'ReadableStreamDefaultReader');
    if (bad) return bad;
    if (this[kState].stream === undefined) return rejected(notAttached());
    return readableStreamCancel(this[kState].stream, reason);
  }

  [customInspect](depth, options) {
    const state = this[kState];
    return inspectAs(this, depth, options, {
      stream: state.stream,
      readRequests: state.readRequests.length,
      close: state.closed.promise,
    });
  }
}
webidlClass(ReadableStreamDefaultReader, 'ReadableStreamDefaultReader');

// ---- default controller --------------------------------------------------------------
class ReadableStreamDefaultController {
  constructor(token = undefined) {
    if (token !== kInternal) throw illegalConstructor();
    this[kState] = { kind: 'ReadableStreamDefaultController' };
  }

  get desiredSize() {
    check(this, isDefaultController, 'ReadableStreamDefaultController');
    return defaultControllerGetDesiredSize(this);
  }

  close() {
    check(this, isDefaultController, 'ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(this)) throw invalidState('Controller is already closed');
    defaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    check(this, isDefaultController, 'ReadableStreamDefaultController');
    if (!defaultControllerCanCloseOrEnqueue(this)) throw invalidState('Controller is already closed');
    defaultControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    check(this, isDefaultController, 'ReadableStreamDefaultController');
    defaultControllerError(this, error);
  }

  [kCancel](reason) {
    const state = this[kState];
    resetQueue(state);
    const result = state.cancelAlgorithm(reason);
    defaultControllerClearAlgorithms(this);
    return result;
  }

  [kPull](request) {
    const state = this[kState];
    const stream = state.stream;
    if (state.queue.length > 0) {
      const chunk = dequeueValue(state);
      if (state.closeRequested && state.queue.length === 0) {
        defaultControllerClearAlgorithms(this);
        readableStreamClose(stream);
      } else {
        defaultControllerCallPullIfNeeded(this);
      }
      request.chunkSteps(chunk);
    } else {
      stream[kState].reader[kState].readRequests.push(request);
      defaultControllerCallPullIfNeeded(this);
    }
  }

  [kRelease]() {}

  [customInspect](depth, options) {
    return inspectAs(this, depth, options, {});
  }
}
webidlClass(ReadableStreamDefaultController, 'ReadableStreamDefaultController');

function setUpDefaultController(stream, controller, start, pull, cancel, hwm, size) {
  Object.assign(controller[kState], {
    stream,
    queue: [],
    queueTotalSize: 0,
    started: false,
    closeRequested: false,
    pullAgain: false,
    pulling: false,
    strategySizeAlgorithm: size,
    strategyHWM: hwm,
    pullAlgorithm: pull,
    cancelAlgorithm: cancel,
  });
  stream[kState].controller = controller;
  const startResult = start();
  then(promiseResolvedWith(startResult), () => {
    controller[kState].started = true;
    defaultControllerCallPullIfNeeded(controller);
  }, (error) => defaultControllerError(controller, error));
}

function setUpDefaultControllerFromSource(stream, source, hwm, size) {
  const controller = new ReadableStreamDefaultController(kInternal);
  const startMethod = source.start;
  if (startMethod !== undefined && typeof startMethod !== 'function') {
    throw errors.invalidArgType('source.start', 'Function', startMethod);
  }
  const start = startMethod === undefined ? () => undefined : () => Reflect.apply(startMethod, source, [controller]);
  const pull = methodAlgorithm(source, 'pull', 'source', () => resolved(undefined));
  const cancel = methodAlgorithm(source, 'cancel', 'source', () => resolved(undefined));
  setUpDefaultController(stream, controller, start, () => pull(controller), cancel, hwm, size);
}

function defaultControllerCallPullIfNeeded(controller) {
  if (!defaultControllerShouldCallPull(controller)) return;
  const state = controller[kState];
  if (state.pulling) {
    state.pullAgain = true;
    return;
  }
  state.pulling = true;
  then(state.pullAlgorithm(), () => {
    state.pulling = false;
    if (state.pullAgain) {
      state.pullAgain = false;
      defaultControllerCallPullIfNeeded(controller);
    }
  }, (error) => defaultControllerError(controller, error));
}

function defaultControllerShouldCallPull(controller) {
  const state = controller[kState];
  if (!defaultControllerCanCloseOrEnqueue(controller) || !state.started) return false;
  const stream = state.stream;
  if (isLocked(stream[kState]) && numReadRequests(stream) > 0) return true;
  return defaultControllerGetDesiredSize(controller) > 0;
}

function defaultControllerClearAlgorithms(controller) {
  const state = controller[kState];
  state.pullAlgorithm = undefined;
  state.cancelAlgorithm = undefined;
  state.strategySizeAlgorithm = undefined;
}

function defaultControllerClose(controller) {
  if (!defaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  state.closeRequested = true;
  if (state.queue.length === 0) {
    defaultControllerClearAlgorithms(controller);
    readableStreamClose(state.stream);
  }
}

function defaultControllerEnqueue(controller, chunk) {
  if (!defaultControllerCanCloseOrEnqueue(controller)) return;
  const state = controller[kState];
  const stream = state.stream;
  if (isLocked(stream[kState]) && numReadRequests(stream) > 0) {
    fulfillReadRequest(stream, chunk, false);
  } else {
    let size;
    try {
      size = state.strategySizeAlgorithm(chunk);
      enqueueValueWithSize(state, chunk, size);
    } catch (err) {
      defaultControllerError(controller, err);
      throw err;
    }
  }
  defaultControllerCallPullIfNeeded(controller);
}

function defaultControllerError(controller, error) {
  const state = controller[kState];
  if (state.stream[kState].state !== 'readable') return;
  resetQueue(state);
  defaultControllerClearAlgorithms(controller);
  readableStreamError(state.stream, error);
}

function defaultControllerGetDesiredSize(controller) {
  const state = controller[kState];
  const s = state.stream[kState].state;
  if (s === 'errored') return null;
  if (s === 'closed') return 0;
  return state.strategyHWM - state.queueTotalSize;
}

const defaultControllerHasBackpressure = (controller) => !defaultControllerShouldCallPull(controller);

function defaultControllerCanCloseOrEnqueue(controller) {
  const state = controller[kState];
  return !state.closeRequested && state.stream[kState].state === 'readable';
}

// ---- async iteration -----------------------------------------------------------------
const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

function createAsyncIterator(stream, preventCancel) {
  const reader = new ReadableStreamDefaultReader(stream);
  const it = { reader, preventCancel, ongoing: undefined, finished: false };
  const nextSteps = () => {
    if (it.finished) return resolved({ value: undefined, done: true });
    const d = deferred();
    defaultReaderRead(reader, {
      chunkSteps: (value) => d.resolve({ value, done: false }),
      closeSteps: () => {
        defaultReaderRelease(reader);
        it.finished = true;
        d.resolve({ value: undefined, done: true });
      },
      errorSteps: (error) => {
        defaultReaderRelease(reader);
        it.finished = true;
        d.reject(error);
      },
    });
    return d.promise;
  };
  const returnSteps = (value) => {
    if (it.finished) return resolved({ value, done: true });
    it.finished = true;
    if (!preventCancel) {
      const result = readableStreamCancel(stream, value);
      defaultReaderRelease(reader);
      return then(result, () => ({ value, done: true }));
    }
    defaultReaderRelease(reader);
    return resolved({ value, done: true });
  };
  // WebIDL's async iterator: each call waits for the one before it.
  const chain = (steps) => {
    const p = it.ongoing === undefined ? steps() : then(it.ongoing, steps, steps);
    it.ongoing = p;
    return p;
  };
  // node's iterator is an object with its own next/return/@@asyncIterator methods.
  const iterator = Object.create(AsyncIteratorPrototype);
  Object.assign(iterator, {
    next() {
      return chain(nextSteps);
    },
    return(value = undefined) {
      return chain(() => returnSteps(value));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  });
  return iterator;
}

// ---- ReadableStream.from -------------------------------------------------------------
function getAsyncIterator(iterable) {
  let method = iterable?.[Symbol.asyncIterator];
  let sync = false;
  if (method == null) {
    method = iterable?.[Symbol.iterator];
    sync = true;
  }
  if (typeof method !== 'function') {
    throw errors.make(TypeError, 'ERR_ARG_NOT_ITERABLE', `${internal.inspect(iterable)} must be iterable`);
  }
  const iterator = Reflect.apply(method, iterable, []);
  if (iterator === null || (typeof iterator !== 'object' && typeof iterator !== 'function')) {
    throw new TypeError('The iterator method must return an object');
  }
  const next = iterator.next;
  if (!sync) return { iterator, next };
  // CreateAsyncFromSyncIterator: a sync result's value is awaited before it is handed on.
  const unwrap = (result) => {
    if (result === null || typeof result !== 'object') throw new TypeError(`Iterator result ${result} is not an object`);
    const done = !!result.done;
    return then(resolved(result.value), (value) => ({ value, done }));
  };
  const asyncIterator = {
    next: () => unwrap(Reflect.apply(next, iterator, [])),
    get return() {
      const ret = iterator.return;
      if (ret == null) return undefined;
      return (reason) => unwrap(Reflect.apply(ret, iterator, [reason]));
    },
  };
  return { iterator: asyncIterator, next: asyncIterator.next };
}

function readableStreamFromIterable(iterable) {
  const record = getAsyncIterator(iterable);
  let stream;
  const pull = () => {
    let nextResult;
    try {
      nextResult = Reflect.apply(record.next, record.iterator, []);
    } catch (err) {
      return rejected(err);
    }
    return then(promiseResolvedWith(nextResult), (result) => {
      if (result === null || typeof result !== 'object') {
        throw errors.invalidArgType('result', 'object', result);
      }
      const controller = stream[kState].controller;
      if (result.done) defaultControllerClose(controller);
      else defaultControllerEnqueue(controller, result.value);
    });
  };
  const cancel = (reason) => {
    let returnResult;
    try {
      const method = record.iterator.return;
      if (method == null) return resolved(undefined);
      returnResult = Reflect.apply(method, record.iterator, [reason]);
    } catch (err) {
      return rejected(err);
    }
    return then(promiseResolvedWith(returnResult), (result) => {
      if (result === null || typeof result !== 'object') {
        throw errors.invalidArgType('result', 'object', result);
      }
    });
  };
  stream = createReadableStream(() => undefined, pull, cancel, 0);
  return stream;
}

Object.assign(module.exports, {
  ReadableStream, ReadableStreamDefaultReader, ReadableStreamDefaultController,
  kCancel, kPull, kRelease, kInternal,
  isReadableStream, isDefaultReader, isDefaultController, isLocked, check, checkAsync,
  initializeReadableStream, createReadableStream,
  readableState, settledPromise, readableStreamControllerError, readableStreamCancel, readableStreamClose, readableStreamError, fulfillReadRequest,
  numReadRequests, hasDefaultReader,
  readerGenericInitialize, readerGenericRelease, defaultReaderRead, defaultReaderRelease,
  promiseReadRequest, notAttached,
  setUpDefaultController, defaultControllerClose, defaultControllerEnqueue, defaultControllerError,
  defaultControllerGetDesiredSize, defaultControllerHasBackpressure, defaultControllerCanCloseOrEnqueue,
  defaultControllerCallPullIfNeeded,
});
