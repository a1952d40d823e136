// bindStore/runStores with store-like objects: nesting order, transforms, errors reported
// as uncaught without stopping the run, and subscriber errors.
const dc = require('node:diagnostics_channel');

process.on('uncaughtException', (e) => console.log('uncaught:', e.message));

const ch = dc.channel('work');
const store = (name) => ({
  run(data, fn, ...rest) {
    console.log('enter', name, JSON.stringify(data), rest.length);
    try { return fn(); } finally { console.log('leave', name); }
  },
});
const a = store('a');
const b = store('b');

ch.bindStore(a);
console.log(ch.hasSubscribers, ch);
ch.bindStore(b, (d) => ({ wrapped: d }));
ch.subscribe((m) => console.log('subscriber', JSON.stringify(m)));
console.log('result', ch.runStores({ n: 1 }, function (x) { console.log('fn', this, x); return 'r'; }, 'self', 'arg'));

// Rebinding keeps the store's place and replaces its transform.
ch.bindStore(a, (d) => ({ fromA: d.n }));
console.log('result', ch.runStores({ n: 2 }, () => 'r2'));

// A throwing transform (or a non-function one) skips that store only.
ch.bindStore(b, () => { throw new Error('transform failed'); });
console.log('result', ch.runStores({ n: 3 }, () => 'r3'));
ch.bindStore(a, 'not a function');
console.log('result', ch.runStores({ n: 4 }, () => 'r4'));

console.log(ch.unbindStore(a), ch.unbindStore(a), ch.unbindStore(b), ch.hasSubscribers);

// A throwing subscriber does not stop the others; its error is uncaught after this tick.
const loud = dc.channel('loud');
loud.subscribe(() => { throw new Error('subscriber failed'); });
loud.subscribe((m) => console.log('second subscriber', m));
loud.publish('hello');
console.log('publish returned');
process.nextTick(() => console.log('next tick'));
