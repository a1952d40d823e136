// TransformStream and TransformStreamDefaultController (WHATWG Streams §6): a writable
// side feeding a transformer whose output is the readable side.
'use strict';

const U = internal.requireBuiltin('internal/webstreams/util', true);
const R = internal.requireBuiltin('internal/webstreams/readable', true);
const W = internal.requireBuiltin('internal/webstreams/writable', true);
const { errors } = internal;
const {
  kState, kInternal, customInspect, isKind, invalidState, invalidThis, illegalConstructor, invalidValue,
  validateObject, then, deferred, resolved, rejected, methodAlgorithm, extractHighWaterMark,
  extractSizeAlgorithm, inspectAs, webidlClass,
} = U;

const isTransformStream = (v) => isKind(v, 'TransformStream');
const isController = (v) => isKind(v, 'TransformStreamDefaultController');

function check(self, test, type) {
  if (!test(self)) throw invalidThis(type);
  return self[kState];
}

class TransformStream {
  constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
    if (transformer !== undefined && (transformer === null || typeof transformer !== 'object')) {
      throw errors.invalidArgType('transformer', 'object', transformer);
    }
    transformer ??= {};
    writableStrategy = validateObject(writableStrategy, 'writableStrategy');
    readableStrategy = validateObject(readableStrategy, 'readableStrategy');
    if (transformer.readableType !== undefined) throw invalidValue('transformer.readableType', transformer.readableType, RangeError);
    if (transformer.writableType !== undefined) throw invalidValue('transformer.writableType', transformer.writableType, RangeError);
    const readableHWM = extractHighWaterMark(readableStrategy, 0);
    const readableSize = extractSizeAlgorithm(readableStrategy);
    const writableHWM = extractHighWaterMark(writableStrategy, 1);
    const writableSize = extractSizeAlgorithm(writableStrategy);
    const startPromise = deferred();
    initializeTransformStream(this, startPromise.promise, writableHWM, writableSize, readableHWM, readableSize);
    const controller = setUpControllerFromTransformer(this, transformer);
    const start = transformer.start;
    if (start !== undefined) {
      if (typeof start !== 'function') throw errors.invalidArgType('transformer.start', 'Function', start);
      startPromise.resolve(Reflect.apply(start, transformer, [controller]));
    } else {
      startPromise.resolve(undefined);
    }
  }

  get readable() {
    return check(this, isTransformStream, 'TransformStream').readable;
  }

  get writable() {
    return check(this, isTransformStream, 'TransformStream').writable;
  }

  [customInspect](depth, options) {
    const state = this[kState];
    return inspectAs(this, depth, options, {
      readable: state.readable,
      writable: state.writable,
      backpressure: state.backpressure,
    });
  }
}
webidlClass(TransformStream, 'TransformStream');

function initializeTransformStream(stream, startPromise, writableHWM, writableSize, readableHWM, readableSize) {
  const state = {
    kind: 'TransformStream',
    readable: undefined,
    writable: undefined,
    backpressure: undefined,
    backpressureChange: undefined,
    controller: undefined,
  };
  stream[kState] = state;
  const start = () => startPromise;
  state.writable = W.createWritableStream(start, (chunk) => sinkWrite(stream, chunk),
    () => sinkClose(stream), (reason) => sinkAbort(stream, reason), writableHWM, writableSize);
  state.readable = R.createReadableStream(start, () => sourcePull(stream),
    (reason) => sourceCancel(stream, reason), readableHWM, readableSize);
  setBackpressure(stream, true);
}

function transformStreamError(stream, error) {
  R.defaultControllerError(stream[kState].readable[kState].controller, error);
  errorWritableAndUnblockWrite(stream, error);
}

function errorWritableAndUnblockWrite(stream, error) {
  clearAlgorithms(stream[kState].controller);
  W.controllerErrorIfNeeded(stream[kState].writable[kState].controller, error);
  unblockWrite(stream);
}

function unblockWrite(stream) {
  if (stream[kState].backpressure) setBackpressure(stream, false);
}

function setBackpressure(stream, backpressure) {
  const state = stream[kState];
  if (state.backpressureChange !== undefined) state.backpressureChange.resolve(undefined);
  state.backpressureChange = deferred();
  state.backpressure = backpressure;
}

// ---- the controller ------------------------------------------------------------------
class TransformStreamDefaultController {
  constructor(token = undefined) {
    if (token !== kInternal) throw illegalConstructor();
    this[kState] = { kind: 'TransformStreamDefaultController', stream: undefined };
  }

  get desiredSize() {
    const state = check(this, isController, 'TransformStreamDefaultController');
    return R.defaultControllerGetDesiredSize(state.stream[kState].readable[kState].controller);
  }

  enqueue(chunk = undefined) {
    check(this, isController, 'TransformStreamDefaultController');
    controllerEnqueue(this, chunk);
  }

  error(reason = undefined) {
    const state = check(this, isController, 'TransformStreamDefaultController');
    transformStreamError(state.stream, reason);
  }

  terminate() {
    check(this, isController, 'TransformStreamDefaultController');
    controllerTerminate(this);
  }

  [customInspect](depth, options) {
    return inspectAs(this, depth, options, { stream: this[kState].stream });
  }
}
webidlClass(TransformStreamDefaultController, 'TransformStreamDefaultController');

function setUpControllerFromTransformer(stream, transformer) {
  const controller = new TransformStreamDefaultController(kInternal);
  const transform = methodAlgorithm(transformer, 'transform', 'transformer', undefined);
  const flush = methodAlgorithm(transformer, 'flush', 'transformer', () => resolved(undefined));
  const cancel = methodAlgorithm(transformer, 'cancel', 'transformer', () => resolved(undefined));
  const transformAlgorithm = transform === undefined
    ? (chunk) => {
      try {
        controllerEnqueue(controller, chunk);
        return resolved(undefined);
      } catch (err) {
        return rejected(err);
      }
    }
    : (chunk) => transform(chunk, controller);
  setUpController(stream, controller, transformAlgorithm, () => flush(controller), cancel);
  return controller;
}

// Internal users (TextEncoderStream & co.) give the algorithms directly.
function setUpController(stream, controller, transform, flush, cancel) {
  Object.assign(controller[kState], {
    stream,
    transformAlgorithm: transform,
    flushAlgorithm: flush,
    cancelAlgorithm: cancel,
    finish: undefined,
  });
  stream[kState].controller = controller;
}

function clearAlgorithms(controller) {
  const state = controller[kState];
  state.transformAlgorithm = undefined;
  state.flushAlgorithm = undefined;
  state.cancelAlgorithm = undefined;
}

function controllerEnqueue(controller, chunk) {
  const stream = controller[kState].stream;
  const readableController = stream[kState].readable[kState].controller;
  if (!R.defaultControllerCanCloseOrEnqueue(readableController)) throw invalidState('Unable to enqueue');
  try {
    R.defaultControllerEnqueue(readableController, chunk);
  } catch (err) {
    errorWritableAndUnblockWrite(stream, err);
    throw stream[kState].readable[kState].storedError;
  }
  const backpressure = R.defaultControllerHasBackpressure(readableController);
  if (backpressure !== stream[kState].backpressure) setBackpressure(stream, true);
}

function controllerTerminate(controller) {
  const stream = controller[kState].stream;
  R.defaultControllerClose(stream[kState].readable[kState].controller);
  errorWritableAndUnblockWrite(stream, invalidState('TransformStream has been terminated'));
}

function performTransform(controller, chunk) {
  const stream = controller[kState].stream;
  return then(controller[kState].transformAlgorithm(chunk), undefined, (reason) => {
    transformStreamError(stream, reason);
    throw reason;
  });
}

// ---- the algorithms behind the two sides ---------------------------------------------
function sinkWrite(stream, chunk) {
  const state = stream[kState];
  const controller = state.controller;
  if (state.backpressure) {
    return then(state.backpressureChange.promise, () => {
      const writable = state.writable[kState];
      if (writable.state === 'erroring') throw writable.storedError;
      return performTransform(controller, chunk);
    });
  }
  return performTransform(controller, chunk);
}

// Runs a cancel/flush algorithm once; later callers get the same settling promise.
function finishWith(stream, algorithm, onDone, onError) {
  const controller = stream[kState].controller;
  const cstate = controller[kState];
  if (cstate.finish !== undefined) return cstate.finish.promise;
  const d = deferred();
  cstate.finish = d;
  const result = algorithm(cstate);
  clearAlgorithms(controller);
  then(result, () => {
    try {
      onDone();
      d.resolve(undefined);
    } catch (err) {
      d.reject(err);
    }
  }, (reason) => {
    onError(reason);
    d.reject(reason);
  });
  return d.promise;
}

function sinkAbort(stream, reason) {
  const readable = stream[kState].readable;
  return finishWith(stream, (c) => c.cancelAlgorithm(reason), () => {
    if (readable[kState].state === 'errored') throw readable[kState].storedError;
    R.defaultControllerError(readable[kState].controller, reason);
  }, (error) => R.defaultControllerError(readable[kState].controller, error));
}

function sinkClose(stream) {
  const readable = stream[kState].readable;
  return finishWith(stream, (c) => c.flushAlgorithm(), () => {
    if (readable[kState].state === 'errored') throw readable[kState].storedError;
    R.defaultControllerClose(readable[kState].controller);
  }, (error) => R.defaultControllerError(readable[kState].controller, error));
}

function sourceCancel(stream, reason) {
  const writable = stream[kState].writable;
  return finishWith(stream, (c) => c.cancelAlgorithm(reason), () => {
    if (writable[kState].state === 'errored') throw writable[kState].storedError;
    W.controllerErrorIfNeeded(writable[kState].controller, reason);
    unblockWrite(stream);
  }, (error) => {
    W.controllerErrorIfNeeded(writable[kState].controller, error);
    unblockWrite(stream);
  });
}

function sourcePull(stream) {
  setBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}

// A TransformStream over internal algorithms (no transformer object).
function createTransformStream(transform, flush = () => resolved(undefined), cancel = () => resolved(undefined)) {
  const stream = Object.create(TransformStream.prototype);
  const startPromise = resolved(undefined);
  initializeTransformStream(stream, startPromise, 1, () => 1, 0, () => 1);
  const controller = new TransformStreamDefaultController(kInternal);
  setUpController(stream, controller, (chunk) => {
    try {
      return resolved(transform(chunk, controller));
    } catch (err) {
      return rejected(err);
    }
  }, () => {
    try {
      return resolved(flush(controller));
    } catch (err) {
      return rejected(err);
    }
  }, cancel);
  return stream;
}

Object.assign(module.exports, {
  TransformStream, TransformStreamDefaultController, isTransformStream, createTransformStream,
});
