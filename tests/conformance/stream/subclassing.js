// Subclassing in both styles: class extends, and ES5 constructors with util.inherits.
const stream = require('stream');
const util = require('util');
const { Readable, Writable, Duplex, Transform, PassThrough } = stream;

class Counter extends Readable {
  constructor(max) {
    super({ objectMode: true });
    this.max = max;
    this.i = 0;
  }

  _read() {
    this.i += 1;
    this.push(this.i > this.max ? null : this.i);
  }
}

function Collector(opts) {
  if (!(this instanceof Collector)) return new Collector(opts);
  Writable.call(this, Object.assign({ objectMode: true }, opts));
  this.items = [];
}
util.inherits(Collector, Writable);
Collector.prototype._write = function (chunk, enc, cb) {
  this.items.push(chunk);
  cb();
};

function Doubler() {
  Transform.call(this, { objectMode: true });
}
util.inherits(Doubler, Transform);
Doubler.prototype._transform = function (n, enc, cb) {
  this.push(n);
  this.push(n);
  cb();
};

class Echo extends Duplex {
  constructor() {
    super({ objectMode: true });
    this.pending = [];
  }

  _write(chunk, enc, cb) {
    this.push(`echo:${chunk}`);
    cb();
  }

  _final(cb) {
    this.push(null);
    cb();
  }

  _read() {}
}

const sink = Collector();
new Counter(3).pipe(new Doubler()).pipe(sink);
sink.on('finish', () => console.log('collected', sink.items));

const echo = new Echo();
echo.on('data', (d) => console.log(d));
echo.on('end', () => console.log('echo end'));
echo.write('a');
echo.end('b');

console.log('instanceof', new Counter(1) instanceof Readable, sink instanceof Writable, sink instanceof stream,
  new Doubler() instanceof Duplex, echo instanceof Writable, echo instanceof Readable,
  new PassThrough() instanceof Transform, new Readable() instanceof Writable);
console.log('state fields', typeof sink._writableState, sink._writableState.objectMode,
  typeof echo._readableState, echo._readableState.highWaterMark, echo._writableState.highWaterMark);
console.log('names', Readable.name, Writable.name, Duplex.name, Transform.name, PassThrough.name, stream.Stream === stream);
console.log('called without new', Readable() instanceof Readable, Writable() instanceof Writable,
  Duplex() instanceof Duplex, Transform() instanceof Transform, PassThrough() instanceof PassThrough);
console.log('legacy', typeof stream.prototype.pipe, Object.getPrototypeOf(Readable.prototype) === stream.prototype);
