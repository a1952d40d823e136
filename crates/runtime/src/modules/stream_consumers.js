// `stream/consumers`: read a whole stream (or async iterable) as text, JSON, bytes or Blob.
'use strict';

const { errors } = internal;

async function chunksOf(stream) {
  const out = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

async function text(stream) {
  const decoder = new TextDecoder();
  let s = '';
  for await (const chunk of stream) {
    s += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return s + decoder.decode();
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

function bytesOf(chunk) {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw errors.invalidArgTypeText('chunk', 'of type string or an instance of Buffer, TypedArray, or DataView', chunk);
}

async function buffer(stream) {
  return Buffer.concat((await chunksOf(stream)).map(bytesOf));
}

async function arrayBuffer(stream) {
  const b = await buffer(stream);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

async function blob(stream) {
  if (typeof Blob !== 'function') throw errors.notImplemented('stream/consumers.blob');
  return new Blob(await chunksOf(stream));
}

module.exports = { arrayBuffer, blob, buffer, text, json };
