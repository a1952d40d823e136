const EventEmitter = require('events');
const util = require('util');
function Legacy(name) { EventEmitter.call(this); this.name = name; }
util.inherits(Legacy, EventEmitter);
Legacy.prototype.hello = function () { this.emit('hello', this.name); };
const l = new Legacy('old');
l.on('hello', (n) => console.log('hello from', n));
l.hello();
console.log(l instanceof EventEmitter, Legacy.super_ === EventEmitter, Object.keys(l));
EventEmitter.call(l); console.log('listeners kept after second init:', l.listenerCount('hello'));
// readable-stream's prependListener fallback patches _events directly.
function prepend(emitter, event, fn) {
  if (!emitter._events || !emitter._events[event]) emitter.on(event, fn);
  else if (Array.isArray(emitter._events[event])) emitter._events[event].unshift(fn);
  else emitter._events[event] = [fn, emitter._events[event]];
}
const s = new EventEmitter();
s.on('data', () => console.log('second'));
prepend(s, 'data', () => console.log('first'));
prepend(s, 'data', () => console.log('zeroth'));
s.emit('data');
console.log(s.listenerCount('data'), Array.isArray(s._events.data), s._eventsCount);
// Objects made with Object.create(EventEmitter.prototype), no constructor call.
const bare = Object.create(EventEmitter.prototype);
console.log(bare.emit('x'), bare.listenerCount('x'), bare.eventNames());
bare.on('x', () => console.log('bare x')); bare.emit('x'); console.log(Object.keys(bare));
class Modern extends EventEmitter { constructor() { super(); this.ready = true; } }
const m = new Modern(); m.once('go', function () { console.log('go', this === m, this.ready); }); m.emit('go'); m.emit('go');
console.log(m);
const withMax = new EventEmitter(); withMax.setMaxListeners(3); EventEmitter.call(withMax); console.log(withMax.getMaxListeners());
const opts = new EventEmitter({ captureRejections: false }); console.log(opts.listenerCount('x'));
console.log(l.removeAllListeners(undefined).eventNames());
