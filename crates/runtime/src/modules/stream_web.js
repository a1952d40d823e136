// `stream/web`: the WHATWG streams (JavaScript classes in internal/webstreams/*, see
// docs/DESIGN-CHANGES.md), in node's export order.
'use strict';

const R = internal.requireBuiltin('internal/webstreams/readable', true);
const B = internal.requireBuiltin('internal/webstreams/bytes', true);
const W = internal.requireBuiltin('internal/webstreams/writable', true);
const T = internal.requireBuiltin('internal/webstreams/transform', true);
const S = internal.requireBuiltin('internal/webstreams/strategies', true);
const E = internal.requireBuiltin('internal/webstreams/encoding', true);

module.exports = {
  ReadableStream: R.ReadableStream,
  ReadableStreamDefaultReader: R.ReadableStreamDefaultReader,
  ReadableStreamBYOBReader: B.ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest: B.ReadableStreamBYOBRequest,
  ReadableByteStreamController: B.ReadableByteStreamController,
  ReadableStreamDefaultController: R.ReadableStreamDefaultController,
  TransformStream: T.TransformStream,
  TransformStreamDefaultController: T.TransformStreamDefaultController,
  WritableStream: W.WritableStream,
  WritableStreamDefaultWriter: W.WritableStreamDefaultWriter,
  WritableStreamDefaultController: W.WritableStreamDefaultController,
  ByteLengthQueuingStrategy: S.ByteLengthQueuingStrategy,
  CountQueuingStrategy: S.CountQueuingStrategy,
  TextEncoderStream: E.TextEncoderStream,
  TextDecoderStream: E.TextDecoderStream,
  CompressionStream: E.CompressionStream,
  DecompressionStream: E.DecompressionStream,
};
