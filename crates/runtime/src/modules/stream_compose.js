// internal/streams/compose: `stream.compose(...streams)` — one Duplex whose writes go into
// the first stage and whose reads come from the last, the stages joined by pipeline (so the
// first error destroys them all and the composed stream).
'use strict';

const S = internal.requireBuiltin('internal/streams/state', true);
const PL = internal.requireBuiltin('internal/streams/pipeline', true);
const F = internal.requireBuiltin('internal/streams/finished', true);
const { Duplex } = internal.requireBuiltin('internal/streams/duplex', true);
const { duplexFrom } = internal.requireBuiltin('internal/streams/duplexify', true);
const { codes } = S;
const { errors } = internal;

// A web stream stage joins as the node stream over it (object mode: web chunks are values).
function fromWebStage(stage) {
  if (stage === null || typeof stage !== 'object' || S.isNodeStream(stage)) return stage;
  const A = internal.requireBuiltin('internal/webstreams/adapters', true);
  const R = internal.requireBuiltin('internal/webstreams/readable', true);
  const W = internal.requireBuiltin('internal/webstreams/writable', true);
  const T = internal.requireBuiltin('internal/webstreams/transform', true);
  if (T.isTransformStream(stage)) return A.duplexFromWeb(stage, { objectMode: true });
  if (R.isReadableStream(stage)) return A.readableFromWeb(stage, { objectMode: true });
  if (W.isWritableStream(stage)) return A.writableFromWeb(stage, { objectMode: true });
  return stage;
}

function compose(...streams) {
  if (streams.length === 0) throw codes.missingArgs('streams');
  streams = streams.map(fromWebStage);
  if (streams.length === 1) return duplexFrom(streams[0], 'streams[0]');
  const given = [...streams];
  const last = streams.length - 1;
  if (typeof streams[0] === 'function') streams[0] = duplexFrom(streams[0], 'streams[0]');
  if (typeof streams[last] === 'function') streams[last] = duplexFrom(streams[last], `streams[${last}]`);
  for (let n = 0; n < streams.length; n++) {
    if (!S.isNodeStream(streams[n])) continue;
    if (n < last && !S.isReadableNodeStream(streams[n])) {
      throw errors.invalidArgValue(`streams[${n}]`, given[n], 'must be readable');
    }
    if (n > 0 && !S.isWritableNodeStream(streams[n])) {
      throw errors.invalidArgValue(`streams[${n}]`, given[n], 'must be writable');
    }
  }

  const head = streams[0];
  let pipelineDone = false;
  let closeCb = null;
  let onDrain = null;
  let onFinish = null;
  let onReadable = null;
  const take = (cb) => {
    if (cb !== null) cb();
  };

  const tail = PL.pipelineImpl(streams, (err) => {
    pipelineDone = true;
    const cb = closeCb;
    closeCb = null;
    if (cb !== null) cb(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  });
  const writable = S.isWritableNodeStream(head);
  const readable = S.isReadableNodeStream(tail);

  const d = new Duplex({
    writableObjectMode: !!(head && head.writableObjectMode),
    readableObjectMode: !!(tail && tail.readableObjectMode),
    writable,
    readable,
  });

  if (writable) {
    d._write = function (chunk, encoding, cb) {
      if (head.write(chunk, encoding)) cb();
      else onDrain = cb;
    };
    d._final = function (cb) {
      head.end();
      onFinish = cb;
    };
    head.on('drain', () => {
      const cb = onDrain;
      onDrain = null;
      take(cb);
    });
    // The composed stream finishes once the last stage is done.
    F.eos(tail, (err) => {
      const cb = onFinish;
      onFinish = null;
      if (cb !== null) cb(err);
    });
  }
  if (readable) {
    tail.on('readable', () => {
      const f = onReadable;
      onReadable = null;
      take(f);
    });
    tail.on('end', () => d.push(null));
    d._read = function () {
      for (;;) {
        const chunk = tail.read();
        if (chunk === null) {
          onReadable = () => d._read();
          return;
        }
        if (!d.push(chunk)) return;
      }
    };
  }
  d._destroy = function (err, cb) {
    if (!err && !pipelineDone) err = codes.abort();
    onReadable = onDrain = onFinish = null;
    if (pipelineDone) {
      cb(err);
    } else {
      closeCb = cb;
      S.destroyer(tail, err);
    }
  };
  return d;
}

module.exports = { compose };
