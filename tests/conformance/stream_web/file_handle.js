// FileHandle.readableWebStream: ArrayBuffer chunks by default, a byte stream with
// { type: 'bytes' }, and the lock it puts on the handle.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-webstream-'));
  const file = path.join(dir, 'data.txt');
  fs.writeFileSync(file, 'hello file\n'.repeat(3));
  const fh = await fsp.open(file);
  const stream = fh.readableWebStream();
  console.log(stream);
  for await (const chunk of stream) console.log(chunk.constructor.name, Buffer.from(chunk).toString());
  try {
    fh.readableWebStream();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  await fh.close();

  const fh2 = await fsp.open(file);
  const bytes = fh2.readableWebStream({ type: 'bytes' });
  console.log(bytes);
  const reader = bytes.getReader({ mode: 'byob' });
  const { value } = await reader.read(new Uint8Array(5));
  console.log(value, Buffer.from(value).toString());
  await reader.cancel();
  await fh2.close();
  try {
    fh2.readableWebStream({ type: 'foo' });
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  fs.rmSync(dir, { recursive: true });
}
main();
