// emit's argument passing and listener-list copies, the paths tuned for speed: 0–5
// arguments seen by `arguments`, rest and `this`; lists of 1–5 listeners changed during an
// emit; once wrappers; what listeners return (captureRejections); listenerCount forms.
const EE = require('events');
const log = (...a) => console.log(...a);

const e = new EE();
e.on('a', function (...rest) { log('rest', rest.length, JSON.stringify(rest), this === e, arguments.length); });
e.emit('a');
e.emit('a', undefined);
e.emit('a', 1);
e.emit('a', 1, 2);
e.emit('a', 1, 2, 3);
e.emit('a', 1, 2, 3, 4, 5);
e.emit('a', ...new Array(12).fill(7));
log('emit returns', e.emit('a', 0), e.emit('nobody', 1), e.emit('nobody'));

// For each list size: a listener that removes the next one and adds a new one; the change
// shows from the next emit only.
for (let size = 1; size <= 5; size++) {
  const t = new EE();
  const order = [];
  const fns = [];
  for (let i = 0; i < size; i++) {
    fns.push(function () {
      order.push(i);
      if (i === 0) {
        if (size > 1) t.removeListener('x', fns[1]);
        t.on('x', () => order.push('added'));
      }
    });
    t.on('x', fns[i]);
  }
  t.emit('x');
  order.push('|');
  t.emit('x');
  log('size', size, order.join(' '), t.listenerCount('x'));
}

// A listener removing itself and the others during the emit.
const r = new EE();
const seen = [];
function r1() { seen.push('r1'); r.removeAllListeners('x'); }
function r2() { seen.push('r2'); }
function r3() { seen.push('r3'); }
r.on('x', r1); r.on('x', r2); r.on('x', r3);
r.emit('x', 1);
r.emit('x', 2);
log('removeAll during emit', seen.join(' '), r.listenerCount('x'));

// once: wrapper shape, arguments, `this`, firing once even when re-emitted inside.
const o = new EE();
function user(...args) { log('once got', args.length, args.join(','), this === o); o.emit('y', 'inner'); }
o.once('y', user);
const [wrapper] = o.rawListeners('y');
log('wrapper', wrapper.name, typeof wrapper.prototype, wrapper.listener === user, wrapper === user);
o.emit('y', 1, 2, 3);
o.emit('y', 4);
log('after once', o.listenerCount('y'));
o.once('z', user);
const [w2] = o.rawListeners('z');
log('direct call', w2('d1') === undefined, o.listenerCount('z'));
w2('d2');
o.prependOnceListener('p', function named() { log('prepend once', arguments.length); });
o.on('p', () => log('second'));
o.emit('p');
o.emit('p', 1);

// Return values of listeners without and with captureRejections.
const plain = new EE();
plain.on('v', () => 1);
plain.on('v', () => null);
plain.on('v', () => Promise.reject(new Error('ignored when not capturing')).catch(() => {}));
log('plain emit', plain.emit('v'));
const cap = new EE({ captureRejections: true });
cap.on('error', (err) => log('cap error', err.message));
cap.on('v', () => 0);
cap.on('v', () => null);
cap.on('v', () => ({ then: 5 }));
cap.on('v', async (x) => { throw new Error(`rejected ${x}`); });
log('cap emit', cap.emit('v', 'one'));
const single = new EE({ captureRejections: true });
single.on('error', (err) => log('single error', err.message));
single.on('s', async () => { throw new Error('single'); });
single.emit('s');

// listenerCount forms.
const c = new EE();
function f() {}
function g() {}
c.on('k', f);
log('count single', c.listenerCount('k'), c.listenerCount('k', f), c.listenerCount('k', g), c.listenerCount('none'), c.listenerCount('none', f));
c.once('k', f);
c.on('k', g);
log('count list', c.listenerCount('k'), c.listenerCount('k', f), c.listenerCount('k', g), c.listenerCount('k', null));
log('static count', EE.listenerCount(c, 'k'), EE.listenerCount({ _events: { k: [f, g, f] } }, 'k'));
log('fresh', new EE().listenerCount('k'));

// errorMonitor receives every argument of the 'error' emit.
const m = new EE();
m.on(EE.errorMonitor, (...args) => log('monitor', args.length, args[0].message, args[1]));
m.on('error', (...args) => log('error', args.length));
m.emit('error', new Error('boom'), 'extra');
