// Synchronous _processChunk closes the stream's handle through `_handle.close()`; a caller
// that swaps that method for a no-op (minizlib, under tar) keeps the processor across calls.
const zlib = require('zlib');

const z = zlib.createGzip();
const parts = [];
for (const [text, flush] of [['hello ', zlib.constants.Z_NO_FLUSH], ['world', zlib.constants.Z_SYNC_FLUSH], ['', zlib.constants.Z_FINISH]]) {
  const handle = z._handle;
  const close = handle.close;
  handle.close = () => {};
  const out = z._processChunk(Buffer.from(text), flush);
  console.log('handle after call', z._handle);
  z._handle = handle;
  handle.close = close;
  parts.push(Buffer.from(out));
}
console.log(parts.map((b) => b.length > 0));
console.log(zlib.gunzipSync(Buffer.concat(parts)).toString());
const once = zlib.createDeflate();
once._processChunk(Buffer.from('x'), zlib.constants.Z_FINISH);
console.log('closed', once._handle, once._closed);
