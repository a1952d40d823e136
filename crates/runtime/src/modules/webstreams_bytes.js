// Readable byte streams (WHATWG Streams §4.7–4.10): ReadableByteStreamController,
// ReadableStreamBYOBReader and ReadableStreamBYOBRequest, with their pull-into bookkeeping.
'use strict';

const U = internal.requireBuiltin('internal/webstreams/util', true);
const R = internal.requireBuiltin('internal/webstreams/readable', true);
const { errors } = internal;
const {
  kState, kCancel, kPull, kRelease, kInternal, customInspect, isKind, invalidState, invalidValue,
  illegalConstructor, mustBeView, then, resolved, promiseResolvedWith, rejected, deferred, methodAlgorithm, resetQueue,
  isDetached, transferArrayBuffer, typedArrayTag, inspectAs, webidlClass,
} = U;

const isByteController = (v) => isKind(v, 'ReadableByteStreamController');
const isBYOBReader = (v) => isKind(v, 'ReadableStreamBYOBReader');
const isBYOBRequest = (v) => isKind(v, 'ReadableStreamBYOBRequest');

const zeroOrDetached = (what) => invalidState(`${what} is zero-length or detached`);

// ---- the BYOB request ----------------------------------------------------------------
class ReadableStreamBYOBRequest {
  constructor(token = undefined) {
    if (token !== kInternal) throw illegalConstructor();
    this[kState] = { kind: 'ReadableStreamBYOBRequest', controller: undefined, view: null };
  }

  get view() {
    return R.check(this, isBYOBRequest, 'ReadableStreamBYOBRequest').view;
  }

  respond(bytesWritten) {
    const state = R.check(this, isBYOBRequest, 'ReadableStreamBYOBRequest');
    if (typeof bytesWritten !== 'number') throw errors.invalidArgType('bytesWritten', 'number', bytesWritten);
    if (!Number.isFinite(bytesWritten) || bytesWritten < 0) throw invalidValue('bytesWritten', bytesWritten, RangeError);
    bytesWritten = Math.trunc(bytesWritten);
    if (state.controller === undefined) throw invalidState('This BYOB request has been invalidated');
    if (isDetached(state.view.buffer)) throw invalidState('The ArrayBuffer has been detached');
    respond(state.controller, bytesWritten);
  }

  respondWithNewView(view) {
    const state = R.check(this, isBYOBRequest, 'ReadableStreamBYOBRequest');
    if (!ArrayBuffer.isView(view)) throw mustBeView('view', view);
    if (state.controller === undefined) throw invalidState('This BYOB request has been invalidated');
    if (isDetached(view.buffer)) throw invalidState('The ArrayBuffer has been detached');
    respondWithNewView(state.controller, view);
  }

  [customInspect](depth, options) {
    const state = this[kState];
    return inspectAs(this, depth, options, { view: state.view, controller: state.controller });
  }
}
webidlClass(ReadableStreamBYOBRequest, 'ReadableStreamBYOBRequest');

// ---- the BYOB reader -----------------------------------------------------------------
class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!R.isReadableStream(stream)) throw errors.invalidArgType('stream', 'ReadableStream', stream);
    this[kState] = { kind: 'ReadableStreamBYOBReader', stream: undefined, readIntoRequests: [], closed: undefined };
    if (R.isLocked(stream[kState])) throw invalidState('ReadableStream is locked');
    if (!isByteController(stream[kState].controller)) {
      throw invalidValue('stream', stream, TypeError, 'must be a byte stream');
    }
    R.readerGenericInitialize(this, stream);
  }

  read(view = undefined) {
    const bad = R.checkAsync(this, isBYOBReader, 'ReadableStreamBYOBReader');
    if (bad) return bad;
    if (!ArrayBuffer.isView(view)) return rejected(mustBeView('view', view));
    if (view.byteLength === 0 || view.buffer.byteLength === 0 || isDetached(view.buffer)) {
      return rejected(zeroOrDetached('View or Viewed ArrayBuffer'));
    }
    if (this[kState].stream === undefined) return rejected(R.notAttached());
    const d = deferred();
    byobReaderRead(this, view, {
      chunkSteps: (value) => d.resolve({ value, done: false }),
      closeSteps: (value) => d.resolve({ value, done: true }),
      errorSteps: (error) => d.reject(error),
    });
    return d.promise;
  }

  releaseLock() {
    R.check(this, isBYOBReader, 'ReadableStreamBYOBReader');
    if (this[kState].stream === undefined) return;
    R.readerGenericRelease(this);
    errorReadIntoRequests(this, invalidState('Releasing reader'));
  }

  get closed() {
    const bad = R.checkAsync(this, isBYOBReader, 'ReadableStreamBYOBReader');
    return bad ?? this[kState].closed.promise;
  }

  cancel(reason = undefined) {
    const bad = R.checkAsync(this, isBYOBReader, 'ReadableStreamBYOBReader');
    if (bad) return bad;
    if (this[kState].stream === undefined) return rejected(R.notAttached());
    return R.readableStreamCancel(this[kState].stream, reason);
  }

  [customInspect](depth, options) {
    const state = this[kState];
    return inspectAs(this, depth, options, {
      stream: state.stream,
      readIntoRequests: state.readIntoRequests.length,
      close: state.closed.promise,
    });
  }
}
webidlClass(ReadableStreamBYOBReader, 'ReadableStreamBYOBReader');

function byobReaderRead(reader, view, request) {
  const stream = reader[kState].stream;
  const state = stream[kState];
  state.disturbed = true;
  if (state.state === 'errored') request.errorSteps(state.storedError);
  else pullInto(state.controller, view, request);
}

function errorReadIntoRequests(reader, error) {
  const requests = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  for (const request of requests) request.errorSteps(error);
}

function fulfillReadIntoRequest(stream, chunk, done) {
  const request = stream[kState].reader[kState].readIntoRequests.shift();
  if (done) request.closeSteps(chunk);
  else request.chunkSteps(chunk);
}

const hasBYOBReader = (stream) => isBYOBReader(stream[kState].reader);
const numReadIntoRequests = (stream) => stream[kState].reader[kState].readIntoRequests.length;

// ---- the byte controller -------------------------------------------------------------
class ReadableByteStreamController {
  constructor(token = undefined) {
    if (token !== kInternal) throw illegalConstructor();
    this[kState] = { kind: 'ReadableByteStreamController' };
  }

  get byobRequest() {
    R.check(this, isByteController, 'ReadableByteStreamController');
    return getBYOBRequest(this);
  }

  get desiredSize() {
    R.check(this, isByteController, 'ReadableByteStreamController');
    return getDesiredSize(this);
  }

  close() {
    const state = R.check(this, isByteController, 'ReadableByteStreamController');
    if (state.closeRequested) throw invalidState('Controller is already closed');
    if (state.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    close(this);
  }

  enqueue(chunk) {
    const state = R.check(this, isByteController, 'ReadableByteStreamController');
    if (!ArrayBuffer.isView(chunk)) throw mustBeView('buffer', chunk);
    if (chunk.byteLength === 0 || chunk.buffer.byteLength === 0 || isDetached(chunk.buffer)) {
      throw zeroOrDetached('chunk ArrayBuffer');
    }
    if (state.closeRequested) throw invalidState('Controller is already closed');
    if (state.stream[kState].state !== 'readable') throw invalidState('ReadableStream is already closed');
    enqueue(this, chunk);
  }

  error(error = undefined) {
    R.check(this, isByteController, 'ReadableByteStreamController');
    controllerError(this, error);
  }

  [kCancel](reason) {
    const state = this[kState];
    clearPendingPullIntos(this);
    resetQueue(state);
    const result = state.cancelAlgorithm(reason);
    clearAlgorithms(this);
    return result;
  }

  [kPull](request) {
    const state = this[kState];
    const stream = state.stream;
    if (state.queueTotalSize > 0) {
      fillReadRequestFromQueue(this, request);
      return;
    }
    const size = state.autoAllocateChunkSize;
    if (size !== undefined) {
      let buffer;
      try {
        buffer = new ArrayBuffer(size);
      } catch (err) {
        request.errorSteps(err);
        return;
      }
      state.pendingPullIntos.push({
        buffer, bufferByteLength: size, byteOffset: 0, byteLength: size, bytesFilled: 0,
        elementSize: 1, viewConstructor: Uint8Array, readerType: 'default',
      });
    }
    stream[kState].reader[kState].readRequests.push(request);
    callPullIfNeeded(this);
  }

  [kRelease]() {
    const state = this[kState];
    if (state.pendingPullIntos.length > 0) {
      const first = state.pendingPullIntos[0];
      first.readerType = 'none';
      state.pendingPullIntos = [first];
    }
  }

  [customInspect](depth, options) {
    return inspectAs(this, depth, options, {});
  }
}
webidlClass(ReadableByteStreamController, 'ReadableByteStreamController');

function setUpByteControllerFromSource(stream, source, hwm) {
  const controller = new ReadableByteStreamController(kInternal);
  const startMethod = source.start;
  if (startMethod !== undefined && typeof startMethod !== 'function') {
    throw errors.invalidArgType('source.start', 'Function', startMethod);
  }
  const start = startMethod === undefined ? () => undefined : () => Reflect.apply(startMethod, source, [controller]);
  const pull = methodAlgorithm(source, 'pull', 'source', () => resolved(undefined));
  const cancel = methodAlgorithm(source, 'cancel', 'source', () => resolved(undefined));
  let auto = source.autoAllocateChunkSize;
  if (auto !== undefined) {
    auto = Number(auto);
    if (!Number.isInteger(auto) || auto <= 0) {
      throw invalidValue('source.autoAllocateChunkSize', source.autoAllocateChunkSize);
    }
  }
  setUpByteController(stream, controller, start, () => pull(controller), cancel, hwm, auto);
}

function setUpByteController(stream, controller, start, pull, cancel, hwm, autoAllocateChunkSize) {
  Object.assign(controller[kState], {
    stream,
    pullAgain: false,
    pulling: false,
    byobRequest: null,
    queue: [],
    queueTotalSize: 0,
    closeRequested: false,
    started: false,
    strategyHWM: hwm,
    pullAlgorithm: pull,
    cancelAlgorithm: cancel,
    autoAllocateChunkSize,
    pendingPullIntos: [],
  });
  stream[kState].controller = controller;
  const startResult = start();
  then(promiseResolvedWith(startResult), () => {
    controller[kState].started = true;
    callPullIfNeeded(controller);
  }, (error) => controllerError(controller, error));
}

function getBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null && state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled, first.byteLength - first.bytesFilled);
    const request = new ReadableStreamBYOBRequest(kInternal);
    request[kState].controller = controller;
    request[kState].view = view;
    state.byobRequest = request;
  }
  return state.byobRequest;
}

function getDesiredSize(controller) {
  const state = controller[kState];
  const s = state.stream[kState].state;
  if (s === 'errored') return null;
  if (s === 'closed') return 0;
  return state.strategyHWM - state.queueTotalSize;
}

function shouldCallPull(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (stream[kState].state !== 'readable' || state.closeRequested || !state.started) return false;
  if (R.hasDefaultReader(stream) && R.numReadRequests(stream) > 0) return true;
  if (hasBYOBReader(stream) && numReadIntoRequests(stream) > 0) return true;
  return getDesiredSize(controller) > 0;
}

function callPullIfNeeded(controller) {
  if (!shouldCallPull(controller)) return;
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
      callPullIfNeeded(controller);
    }
  }, (error) => controllerError(controller, error));
}

function clearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function clearPendingPullIntos(controller) {
  invalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function invalidateBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null) return;
  state.byobRequest[kState].controller = undefined;
  state.byobRequest[kState].view = null;
  state.byobRequest = null;
}

function close(controller) {
  const state = controller[kState];
  const stream = state.stream;
  if (state.closeRequested || stream[kState].state !== 'readable') return;
  if (state.queueTotalSize > 0) {
    state.closeRequested = true;
    return;
  }
  if (state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const error = invalidState('Partial read');
      controllerError(controller, error);
      throw error;
    }
  }
  clearAlgorithms(controller);
  R.readableStreamClose(stream);
}

function controllerError(controller, error) {
  const state = controller[kState];
  if (state.stream[kState].state !== 'readable') return;
  clearPendingPullIntos(controller);
  resetQueue(state);
  clearAlgorithms(controller);
  R.readableStreamError(state.stream, error);
}

function enqueueChunkToQueue(controller, buffer, byteOffset, byteLength) {
  const state = controller[kState];
  state.queue.push({ buffer, byteOffset, byteLength });
  state.queueTotalSize += byteLength;
}

function enqueueClonedChunkToQueue(controller, buffer, byteOffset, byteLength) {
  let clone;
  try {
    clone = buffer.slice(byteOffset, byteOffset + byteLength);
  } catch (err) {
    controllerError(controller, err);
    throw err;
  }
  enqueueChunkToQueue(controller, clone, 0, byteLength);
}

function enqueueDetachedPullIntoToQueue(controller, desc) {
  if (desc.bytesFilled > 0) enqueueClonedChunkToQueue(controller, desc.buffer, desc.byteOffset, desc.bytesFilled);
  controller[kState].pendingPullIntos.shift();
}

function enqueue(controller, chunk) {
  const state = controller[kState];
  const stream = state.stream;
  if (state.closeRequested || stream[kState].state !== 'readable') return;
  const { buffer, byteOffset, byteLength } = chunk;
  if (isDetached(buffer)) throw zeroOrDetached('chunk ArrayBuffer');
  const transferred = transferArrayBuffer(buffer);
  if (state.pendingPullIntos.length > 0) {
    const first = state.pendingPullIntos[0];
    if (isDetached(first.buffer)) throw invalidState('The BYOB request\'s buffer has been detached');
    invalidateBYOBRequest(controller);
    first.buffer = transferArrayBuffer(first.buffer);
    if (first.readerType === 'none') enqueueDetachedPullIntoToQueue(controller, first);
  }
  if (R.hasDefaultReader(stream)) {
    processReadRequestsUsingQueue(controller);
    if (R.numReadRequests(stream) === 0) {
      enqueueChunkToQueue(controller, transferred, byteOffset, byteLength);
    } else {
      if (state.pendingPullIntos.length > 0) state.pendingPullIntos.shift();
      R.fulfillReadRequest(stream, new Uint8Array(transferred, byteOffset, byteLength), false);
    }
  } else if (hasBYOBReader(stream)) {
    enqueueChunkToQueue(controller, transferred, byteOffset, byteLength);
    commitAll(stream, processPullIntoDescriptorsUsingQueue(controller));
  } else {
    enqueueChunkToQueue(controller, transferred, byteOffset, byteLength);
  }
  callPullIfNeeded(controller);
}

function commitAll(stream, descs) {
  for (const desc of descs) commitPullIntoDescriptor(stream, desc);
}

function commitPullIntoDescriptor(stream, desc) {
  const done = stream[kState].state === 'closed';
  const view = convertPullIntoDescriptor(desc);
  if (desc.readerType === 'default') R.fulfillReadRequest(stream, view, done);
  else fulfillReadIntoRequest(stream, view, done);
}

function convertPullIntoDescriptor(desc) {
  const buffer = transferArrayBuffer(desc.buffer);
  return new desc.viewConstructor(buffer, desc.byteOffset, desc.bytesFilled / desc.elementSize);
}

function fillPullIntoDescriptorFromQueue(controller, desc) {
  const state = controller[kState];
  const maxBytesToCopy = Math.min(state.queueTotalSize, desc.byteLength - desc.bytesFilled);
  const maxBytesFilled = desc.bytesFilled + maxBytesToCopy;
  let remaining = maxBytesToCopy;
  let ready = false;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % desc.elementSize);
  if (maxAlignedBytes >= desc.elementSize) {
    remaining = maxAlignedBytes - desc.bytesFilled;
    ready = true;
  }
  while (remaining > 0) {
    const head = state.queue[0];
    const n = Math.min(remaining, head.byteLength);
    const destStart = desc.byteOffset + desc.bytesFilled;
    new Uint8Array(desc.buffer, destStart, n).set(new Uint8Array(head.buffer, head.byteOffset, n));
    if (head.byteLength === n) {
      state.queue.shift();
    } else {
      head.byteOffset += n;
      head.byteLength -= n;
    }
    state.queueTotalSize -= n;
    desc.bytesFilled += n;
    remaining -= n;
  }
  return ready;
}

function fillReadRequestFromQueue(controller, request) {
  const state = controller[kState];
  const entry = state.queue.shift();
  state.queueTotalSize -= entry.byteLength;
  handleQueueDrain(controller);
  request.chunkSteps(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function handleQueueDrain(controller) {
  const state = controller[kState];
  if (state.queueTotalSize === 0 && state.closeRequested) {
    clearAlgorithms(controller);
    R.readableStreamClose(state.stream);
  } else {
    callPullIfNeeded(controller);
  }
}

function processPullIntoDescriptorsUsingQueue(controller) {
  const state = controller[kState];
  const filled = [];
  while (state.pendingPullIntos.length > 0 && state.queueTotalSize > 0) {
    const desc = state.pendingPullIntos[0];
    if (!fillPullIntoDescriptorFromQueue(controller, desc)) break;
    state.pendingPullIntos.shift();
    filled.push(desc);
  }
  return filled;
}

function processReadRequestsUsingQueue(controller) {
  const state = controller[kState];
  const reader = state.stream[kState].reader;
  while (reader[kState].readRequests.length > 0) {
    if (state.queueTotalSize === 0) return;
    fillReadRequestFromQueue(controller, reader[kState].readRequests.shift());
  }
}

function pullInto(controller, view, request) {
  const state = controller[kState];
  const stream = state.stream;
  let elementSize = 1;
  let ctor = DataView;
  if (!(view instanceof DataView)) {
    ctor = globalThis[typedArrayTag.call(view)];
    elementSize = ctor.BYTES_PER_ELEMENT;
  }
  const { byteOffset, byteLength } = view;
  let buffer;
  try {
    buffer = transferArrayBuffer(view.buffer);
  } catch (err) {
    request.errorSteps(err);
    return;
  }
  const desc = {
    buffer, bufferByteLength: buffer.byteLength, byteOffset, byteLength, bytesFilled: 0,
    elementSize, viewConstructor: ctor, readerType: 'byob',
  };
  if (state.pendingPullIntos.length > 0) {
    state.pendingPullIntos.push(desc);
    stream[kState].reader[kState].readIntoRequests.push(request);
    return;
  }
  if (stream[kState].state === 'closed') {
    request.closeSteps(new ctor(desc.buffer, desc.byteOffset, 0));
    return;
  }
  if (state.queueTotalSize > 0) {
    if (fillPullIntoDescriptorFromQueue(controller, desc)) {
      const filled = convertPullIntoDescriptor(desc);
      handleQueueDrain(controller);
      request.chunkSteps(filled);
      return;
    }
    if (state.closeRequested) {
      const error = invalidState('Partial read');
      controllerError(controller, error);
      request.errorSteps(error);
      return;
    }
  }
  state.pendingPullIntos.push(desc);
  stream[kState].reader[kState].readIntoRequests.push(request);
  callPullIfNeeded(controller);
}

function respond(controller, bytesWritten) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  if (state.stream[kState].state === 'closed') {
    if (bytesWritten !== 0) throw invalidValue('bytesWritten', bytesWritten, TypeError, 'must be 0 for a closed stream');
  } else {
    if (bytesWritten === 0) throw invalidValue('bytesWritten', bytesWritten);
    if (first.bytesFilled + bytesWritten > first.byteLength) throw invalidValue('bytesWritten', bytesWritten, RangeError);
  }
  first.buffer = transferArrayBuffer(first.buffer);
  respondInternal(controller, bytesWritten);
}

function respondWithNewView(controller, view) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  if (state.stream[kState].state === 'closed') {
    if (view.byteLength !== 0) throw invalidValue('view', view, TypeError, 'must have zero length for a closed stream');
  } else if (view.byteLength === 0) {
    throw invalidValue('view', view, TypeError, 'must have a non-zero length');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) throw invalidValue('view.byteOffset', view.byteOffset, RangeError);
  if (first.bufferByteLength !== view.buffer.byteLength) throw invalidValue('view.buffer', view.buffer, RangeError);
  if (first.bytesFilled + view.byteLength > first.byteLength) throw invalidValue('view.byteLength', view.byteLength, RangeError);
  const length = view.byteLength;
  first.buffer = transferArrayBuffer(view.buffer);
  respondInternal(controller, length);
}

function respondInternal(controller, bytesWritten) {
  const state = controller[kState];
  const first = state.pendingPullIntos[0];
  invalidateBYOBRequest(controller);
  if (state.stream[kState].state === 'closed') respondInClosedState(controller, first);
  else respondInReadableState(controller, bytesWritten, first);
  callPullIfNeeded(controller);
}

function respondInClosedState(controller, first) {
  const state = controller[kState];
  if (first.readerType === 'none') state.pendingPullIntos.shift();
  const stream = state.stream;
  if (hasBYOBReader(stream)) {
    while (numReadIntoRequests(stream) > 0) commitPullIntoDescriptor(stream, state.pendingPullIntos.shift());
  }
}

function respondInReadableState(controller, bytesWritten, desc) {
  const state = controller[kState];
  desc.bytesFilled += bytesWritten;
  if (desc.readerType === 'none') {
    enqueueDetachedPullIntoToQueue(controller, desc);
    commitAll(state.stream, processPullIntoDescriptorsUsingQueue(controller));
    return;
  }
  if (desc.bytesFilled < desc.elementSize) return;
  state.pendingPullIntos.shift();
  const remainder = desc.bytesFilled % desc.elementSize;
  if (remainder > 0) {
    const end = desc.byteOffset + desc.bytesFilled;
    enqueueClonedChunkToQueue(controller, desc.buffer, end - remainder, remainder);
  }
  desc.bytesFilled -= remainder;
  const filled = processPullIntoDescriptorsUsingQueue(controller);
  commitPullIntoDescriptor(state.stream, desc);
  commitAll(state.stream, filled);
}

Object.assign(module.exports, {
  ReadableStreamBYOBReader, ReadableStreamBYOBRequest, ReadableByteStreamController,
  isByteController, isBYOBReader, setUpByteControllerFromSource, setUpByteController,
  errorReadIntoRequests, byobReaderRead, getBYOBRequest,
  byteControllerEnqueue: enqueue, byteControllerClose: close, byteControllerError: controllerError,
  byteControllerRespond: respond, byteControllerRespondWithNewView: respondWithNewView,
});
