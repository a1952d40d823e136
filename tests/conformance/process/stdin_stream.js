// process.stdin is a stream.Readable: piped through a Transform (upper-casing lines) into
// process.stdout with pipeline.
const { Readable, Transform, pipeline } = require('stream');

console.log('instanceof Readable', process.stdin instanceof Readable, 'flowing', process.stdin.readableFlowing);
const upper = new Transform({
  transform(chunk, enc, cb) {
    cb(null, chunk.toString().toUpperCase());
  },
});
pipeline(process.stdin, upper, process.stdout, (err) => {
  process.stderr.write(`pipeline done ${err} stdin ended ${process.stdin.readableEnded}\n`);
});
