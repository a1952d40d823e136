// Tracing channels: event order and context contents for sync, callback and promise traces.
const dc = require('node:diagnostics_channel');

const tc = dc.tracingChannel('job');
console.log(tc, Object.getOwnPropertyNames(tc), tc.hasSubscribers);
console.log(tc.start.name, tc.end.name, tc.asyncStart.name, tc.asyncEnd.name, tc.error.name);
console.log(Object.getOwnPropertyDescriptor(tc, 'start').enumerable, tc.start === dc.channel('tracing:job:start'));

const log = (event) => (context, name) => {
  const shown = { ...context };
  if (shown.error) shown.error = `Error(${shown.error.message})`;
  console.log(event, JSON.stringify(shown), name);
};
const handlers = {
  start: log('start'), end: log('end'),
  asyncStart: log('asyncStart'), asyncEnd: log('asyncEnd'), error: log('error'),
};

// No subscribers: every trace is a plain call.
console.log(tc.traceSync((a, b) => a + b, {}, null, 1, 2));
console.log(tc.traceCallback(() => 'no validation', 0, {}, null, 'not a function'));
console.log(tc.tracePromise(() => 'not a promise'));

tc.subscribe(handlers);
console.log('subscribed', tc.hasSubscribers);

console.log('sync result', tc.traceSync(function (x) { return this.k * x; }, { id: 'sync' }, { k: 3 }, 7));
try {
  tc.traceSync(() => { throw new Error('sync boom'); }, { id: 'sync-throw' });
} catch (e) {
  console.log('caught', e.message);
}

try {
  tc.traceCallback(() => {}, 0, {}, null, 1);
} catch (e) {
  console.log(e.name, e.code, e.message);
}

const returned = tc.traceCallback((x, cb) => {
  setImmediate(() => cb(null, x * 2));
  return 'sync part';
}, 1, { id: 'callback' }, null, 21, (err, result) => {
  console.log('callback got', err, result);
  next();
});
console.log('traceCallback returned', returned);

function next() {
  tc.traceCallback((cb) => setImmediate(() => cb(new Error('cb failed'))), 0, { id: 'callback-err' }, null,
    (err) => {
      console.log('callback error', err.message);
      promises();
    });
}

function promises() {
  const p = tc.tracePromise(async (v) => `${v}!`, { id: 'promise' }, null, 'value');
  console.log('is promise', p instanceof Promise);
  p.then((r) => {
    console.log('resolved', r);
    return tc.tracePromise(async () => { throw new Error('rejected'); }, { id: 'promise-reject' });
  }).catch((e) => {
    console.log('rejection', e.message);
    return tc.tracePromise(() => 5, { id: 'plain-value' });
  }).then((v) => {
    console.log('plain value', v);
    console.log(tc.unsubscribe(handlers), tc.unsubscribe(handlers), tc.hasSubscribers);
    // Partial handler objects subscribe only what they name.
    tc.subscribe({ end: log('end only') });
    tc.traceSync(() => 'x', { id: 'partial' });
  });
}
