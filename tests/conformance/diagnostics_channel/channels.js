// Named channels: identity, activation, publish order, subscribers changed while publishing.
const dc = require('node:diagnostics_channel');

console.log(Object.keys(dc));
const ch = dc.channel('orders');
console.log(ch, ch.name, ch.hasSubscribers);
console.log(ch === dc.channel('orders'), ch instanceof dc.Channel, {} instanceof dc.Channel);
console.log(dc.hasSubscribers('orders'), dc.hasSubscribers('never-made'));

const first = (message, name) => console.log('first', message, name);
ch.subscribe(first);
console.log(ch.hasSubscribers, dc.hasSubscribers('orders'), ch instanceof dc.Channel);
console.log(Object.getPrototypeOf(ch) === dc.Channel.prototype, ch._subscribers.length);
ch.publish({ id: 1 });

// A subscriber that unsubscribes itself and adds another: this publish still calls the
// list it started with; the next publish sees the change.
const once = (message) => {
  console.log('once', message);
  ch.unsubscribe(once);
  ch.subscribe((m) => console.log('late', m));
};
ch.subscribe(once);
ch.publish('m1');
ch.publish('m2');

console.log(ch.unsubscribe(first), ch.unsubscribe(first), ch.hasSubscribers);
console.log(ch._subscribers.length);

// Symbol names, the module-level helpers.
const sym = Symbol('private');
const sc = dc.channel(sym);
console.log(sc.name === sym, sc);
const f = (m, name) => console.log('module-level', m, String(name));
dc.subscribe('helpers', f);
dc.channel('helpers').publish(42);
console.log(dc.hasSubscribers('helpers'), dc.unsubscribe('helpers', f), dc.unsubscribe('helpers', f));
console.log(dc.unsubscribe('no-such-channel', f), dc.channel('helpers'));

// Publishing with nobody listening does nothing and returns undefined.
console.log(dc.channel('quiet').publish('x'));

// A Channel built directly is registered under its name.
const direct = new dc.Channel('direct');
console.log(dc.channel('direct') === direct);

// runStores on an inactive channel just calls the function.
console.log(dc.channel('quiet').runStores({}, function (a, b) { return [this, a, b]; }, 'this', 1, 2));
