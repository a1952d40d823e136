// fs.createReadStream -> createGzip -> fs.createWriteStream, and back through createGunzip,
// with stream.pipeline and stream/promises; files in the OS temp directory, removed after.
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { pipeline } = require('stream');
const promises = require('stream/promises');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-zlib-'));
const src = path.join(dir, 'in.txt');
const gz = path.join(dir, 'in.txt.gz');
const back = path.join(dir, 'back.txt');
let text = '';
for (let i = 0; text.length < 300000; i++) text += `${i} ${(i * 7919) % 1000} the quick brown fox\n`;
fs.writeFileSync(src, text);

pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(gz), async (err) => {
  console.log('gzip pipeline', err, fs.statSync(gz).size < text.length / 2);
  console.log('gunzipSync of the file', zlib.gunzipSync(fs.readFileSync(gz)).toString() === text);
  await promises.pipeline(fs.createReadStream(gz), zlib.createGunzip(), fs.createWriteStream(back));
  console.log('gunzip pipeline', fs.readFileSync(back, 'utf8') === text);
  // An async generator between the stages.
  let lines = 0;
  await promises.pipeline(
    fs.createReadStream(gz),
    zlib.createGunzip(),
    async function* (source) {
      for await (const chunk of source) {
        for (const b of chunk) if (b === 10) lines++;
        yield chunk;
      }
    },
    zlib.createDeflate(),
    zlib.createInflate(),
    fs.createWriteStream(back),
  );
  console.log('lines', lines, fs.readFileSync(back, 'utf8') === text);
  // A corrupt file: the pipeline fails with the zlib error and closes the file streams.
  fs.writeFileSync(gz, Buffer.from('not a gzip file at all'));
  const reader = fs.createReadStream(gz);
  try {
    await promises.pipeline(reader, zlib.createGunzip(), fs.createWriteStream(back));
  } catch (e) {
    console.log('corrupt', e.code, e.errno, e.message, reader.destroyed);
  }
  fs.rmSync(dir, { recursive: true });
});
