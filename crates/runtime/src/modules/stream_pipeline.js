// internal/streams/pipeline: `stream.pipeline(...stages, cb)` as our Rust crate's
// pipeline.rs — stages are streams, (async) iterables or functions taking the previous
// stage as an async iterable; the first error destroys every stage and is the one
// reported (a premature close gives way to a real error); the callback runs once all
// stages are done.
'use strict';

const S = internal.requireBuiltin('internal/streams/state', true);
const F = internal.requireBuiltin('internal/streams/finished', true);
const { codes, nextTick } = S;
const { errors } = internal;

function lazy() {
  return internal.requireBuiltin('stream');
}

function pipeline(...streams) {
  const callback = streams.pop();
  if (typeof callback !== 'function') {
    throw errors.invalidArgType('streams[stream.length - 1]', 'Function', callback);
  }
  return pipelineImpl(streams, callback);
}

// 'writable' / 'transform' for a web WritableStream / TransformStream, else undefined.
function webKind(stage) {
  if (stage === null || typeof stage !== 'object') return undefined;
  if (internal.requireBuiltin('internal/webstreams/writable', true).isWritableStream(stage)) return 'writable';
  if (internal.requireBuiltin('internal/webstreams/transform', true).isTransformStream(stage)) return 'transform';
  return undefined;
}

// Writes an (async) iterable into a web WritableStream, waiting on the writer's `ready`;
// on the pipeline's error the stream is aborted.
async function pumpToWeb(iterable, writable, finish, { end }, destroys) {
  const writer = writable.getWriter();
  let failed = false;
  destroys.push((err) => {
    if (err && !failed) {
      failed = true;
      writer.abort(err).catch(() => {});
    }
  });
  try {
    for await (const chunk of iterable) {
      await writer.ready;
      writer.write(chunk).catch(() => {});
    }
    await writer.ready;
    if (end) await writer.close();
    finish();
  } catch (err) {
    if (!failed) {
      failed = true;
      writer.abort(err).catch(() => {});
    }
    finish(err);
  }
}

// Async iterable view of a stage's output.
function asIterable(stage) {
  if (S.isReadableNodeStream(stage)) return lazy().Readable.prototype[Symbol.asyncIterator].call(stage);
  if (S.isIterable(stage)) return stage;
  throw errors.invalidArgType('val', ['Readable', 'Iterable', 'AsyncIterable'], stage);
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw codes.missingArgs('streams');
  const outerSignal = opts && opts.signal;
  S.validateAbortSignal(outerSignal, 'options.signal');
  const ac = new AbortController();
  const signal = ac.signal;

  let error;
  let value;
  let finishCount = 0;
  let called = false;
  const destroys = [];

  const finishOne = (err) => settle(err, --finishCount === 0);
  function settle(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    if (outerSignal) outerSignal.removeEventListener('abort', onAbort);
    ac.abort();
    if (final && !called) {
      called = true;
      nextTick(callback, error, value);
    }
  }
  function onAbort() {
    settle(codes.abort(outerSignal.reason), false);
  }
  if (outerSignal) {
    if (outerSignal.aborted) nextTick(onAbort);
    else outerSignal.addEventListener('abort', onAbort);
  }

  // Destroys a stream on the pipeline's error unless it already finished cleanly.
  function watch(stream, reading, writing) {
    let finished = false;
    F.eos(stream, { readable: reading, writable: writing }, (err) => {
      finished = !err;
      finishOne(err);
    });
    finishCount++;
    destroys.push((err) => {
      if (finished) return;
      finished = true;
      S.destroyer(stream, err || codes.destroyed('pipe'));
    });
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stage = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || !opts || opts.end !== false;
    if (S.isNodeStream(stage)) {
      watch(stage, reading, writing);
    }
    if (i === 0) {
      if (typeof stage === 'function') {
        ret = stage({ signal });
        if (!S.isIterable(ret)) throw codes.invalidReturnValue('Iterable, AsyncIterable or Stream', 'source', ret);
      } else if (S.isNodeStream(stage) || S.isIterable(stage)) {
        ret = stage;
      } else {
        throw errors.invalidArgType('streams[0]', ['Stream', 'Iterable', 'AsyncIterable', 'Function'], stage);
      }
    } else if (typeof stage === 'function') {
      ret = stage(asIterable(ret), { signal });
      if (reading) {
        if (!S.isIterable(ret, true)) throw codes.invalidReturnValue('AsyncIterable', `transform[${i - 1}]`, ret);
      } else {
        // The last function's result goes into a PassThrough, the pipeline's value.
        const { PassThrough } = lazy();
        const pt = new PassThrough({ objectMode: true });
        if (ret && typeof ret.then === 'function') {
          finishCount++;
          ret.then((val) => {
            value = val;
            if (val != null) pt.write(val);
            if (end) pt.end();
            nextTick(finishOne);
          }, (err) => {
            pt.destroy(err);
            nextTick(finishOne, err);
          });
        } else if (S.isIterable(ret, true)) {
          finishCount++;
          pump(ret, pt, finishOne, { end });
        } else {
          throw codes.invalidReturnValue('AsyncIterable or Promise', 'destination', ret);
        }
        ret = pt;
        watch(pt, false, true);
      }
    } else if (S.isNodeStream(stage)) {
      if (S.isReadableNodeStream(ret)) {
        pipeStreams(ret, stage, { end });
      } else if (S.isIterable(ret)) {
        finishCount++;
        pump(ret, stage, finishOne, { end });
      } else {
        throw errors.invalidArgType('val', ['Readable', 'Iterable', 'AsyncIterable'], ret);
      }
      ret = stage;
    } else if (webKind(stage) !== undefined) {
      // A web WritableStream (the last stage) or TransformStream (a middle one): the
      // previous stage's output is written through a writer.
      const kind = webKind(stage);
      const writable = kind === 'transform' ? stage.writable : stage;
      if (kind === 'transform' || !reading) {
        finishCount++;
        pumpToWeb(asIterable(ret), writable, finishOne, { end }, destroys);
        ret = kind === 'transform' ? stage.readable : stage;
      } else {
        throw errors.invalidArgType(`streams[${i}]`, ['Stream', 'Function'], stage);
      }
    } else {
      throw errors.invalidArgType(`streams[${i}]`, ['Stream', 'Function'], stage);
    }
  }
  if ((signal && signal.aborted) || (outerSignal && outerSignal.aborted)) nextTick(onAbort);
  return ret;
}

// src.pipe(dst) without pipe's own end handling: dst ends once src has ended. Errors and
// premature closes are seen by each stage's own watch.
function pipeStreams(src, dst, { end }) {
  src.pipe(dst, { end: false });
  if (end) src.once('end', () => dst.end());
}

// Writes an (async) iterable into a writable stream, honouring 'drain'.
async function pump(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;
  const resume = (err) => {
    if (err) error = err;
    if (onresolve) {
      const cb = onresolve;
      onresolve = null;
      cb();
    }
  };
  const wait = () => new Promise((resolve, reject) => {
    if (error) reject(error);
    else onresolve = () => (error ? reject(error) : resolve());
  });
  writable.on('drain', resume);
  const cleanup = F.eos(writable, { readable: false }, resume);
  try {
    if (writable.writableNeedDrain) await wait();
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await wait();
    }
    if (end) {
      writable.end();
      await wait();
    }
    finish();
  } catch (err) {
    finish(error !== err && error ? error : err);
  } finally {
    cleanup();
    writable.off('drain', resume);
  }
}

function pipelinePromise(...streams) {
  return new Promise((resolve, reject) => {
    let opts;
    const last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !S.isNodeStream(last) && !S.isIterable(last) && webKind(last) === undefined) {
      opts = streams.pop();
    }
    pipelineImpl(streams, (err, value) => (err ? reject(err) : resolve(value)), opts);
  });
}

module.exports = { pipeline, pipelineImpl, pipelinePromise };
