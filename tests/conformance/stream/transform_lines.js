// A small program: split text into lines with a Transform, from Readable.from to a Writable.
const { Readable, Transform, Writable, pipeline } = require('stream');

class LineSplitter extends Transform {
  constructor() {
    super({ readableObjectMode: true, writableObjectMode: true });
    this.rest = '';
  }

  _transform(chunk, enc, cb) {
    const parts = (this.rest + chunk).split('\n');
    this.rest = parts.pop();
    for (const line of parts) this.push(line);
    cb();
  }

  _flush(cb) {
    if (this.rest) this.push(this.rest);
    cb();
  }
}

const numbered = new Transform({
  objectMode: true,
  transform(line, enc, cb) {
    this.n = (this.n || 0) + 1;
    cb(null, `${String(this.n).padStart(3)}| ${line}`);
  },
});

const out = [];
const sink = new Writable({
  objectMode: true,
  write(line, enc, cb) {
    out.push(line);
    cb();
  },
});

const text = ['first li', 'ne\nsecond line\nth', 'ird\n\nfifth', ' (no newline)'];
pipeline(Readable.from(text), new LineSplitter(), numbered, sink, (err) => {
  console.log('pipeline done', err);
  console.log(out.join('\n'));
});
