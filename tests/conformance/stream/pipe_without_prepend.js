// pipe() puts its error listener first even on emitters that lack prependListener.
'use strict';
const EventEmitter = require('events');
const stream = require('stream');
const saved = EventEmitter.prototype.prependListener;
delete EventEmitter.prototype.prependListener;

function Sink() {
  stream.Stream.call(this);
  this.writable = true;
}
Object.setPrototypeOf(Sink.prototype, stream.Stream.prototype);
Sink.prototype.write = function (c) { console.log('write', String(c)); return true; };
Sink.prototype.end = function () { console.log('end'); };

const legacy = new stream.Stream();
legacy.readable = true;
const sink = new Sink();
const mine = () => console.log('sink listener');
sink.on('error', mine);
legacy.pipe(sink);
console.log(sink.listeners('error').length, sink.listeners('error')[1] === mine);
legacy.emit('data', 'a');
legacy.emit('end');

const r = stream.Readable.from(['x', 'y']);
const sink2 = new Sink();
const mine2 = () => console.log('second');
sink2.on('error', mine2);
r.pipe(sink2);
console.log(sink2.listeners('error').length, sink2.listeners('error')[1] === mine2);
r.on('end', () => {
  EventEmitter.prototype.prependListener = saved;
  console.log('done');
});
