// Event order around bind/close, lookup options, AbortSignal, asyncDispose, buffer sizes,
// unref, a send queued before bind, and a close while binding.
const dgram = require('dgram');

const log = [];
const seen = [];
const lookup = (host, family, cb) => {
  seen.push(`${host}/${family}`);
  require('dns').lookup(host === 'here.test' ? '127.0.0.1' : host, family, cb);
};
const s = dgram.createSocket({ type: 'udp4', lookup, recvBufferSize: 10000, sendBufferSize: 20000 });
s.bind(0, () => {
  log.push('bound');
  console.log('buffer sizes', s.getRecvBufferSize() >= 10000, s.getSendBufferSize() >= 20000);
  s.setRecvBufferSize(30000);
  console.log('after set', s.getRecvBufferSize() >= 30000);
  s.send('x', s.address().port, 'here.test', (err, n) => {
    console.log('lookup send', err, n, seen.join(' '));
    s.close(() => log.push('close callback'));
  });
});
s.on('close', () => {
  log.push('close');
  setImmediate(() => console.log(log.join(' | ')));
});

const q = dgram.createSocket('udp4');
q.send('queued', 9, '127.0.0.1', (err) => console.log('queued send', err));
q.close(() => console.log('q closed with a queued send'));

const g = dgram.createSocket('udp4');
g.on('listening', () => console.log('g listening (unexpected)'));
g.bind(0);
g.close(() => console.log('g closed while binding'));

const ac = new AbortController();
const t = dgram.createSocket({ type: 'udp4', signal: ac.signal });
t.bind(0, () => {
  t.on('close', () => console.log('aborted socket closed'));
  ac.abort();
});
const ac2 = new AbortController();
ac2.abort();
const u = dgram.createSocket({ type: 'udp4', signal: ac2.signal });
u.on('close', () => console.log('pre-aborted socket closed'));

const w = dgram.createSocket('udp4');
w.bind(0, async () => {
  await w[Symbol.asyncDispose]();
  console.log('disposed');
  await w[Symbol.asyncDispose]();
  console.log('disposed twice');
});

// An unref'd bound socket does not keep the process alive.
const idle = dgram.createSocket('udp4');
idle.bind(0, () => idle.unref());
process.on('exit', () => console.log('exit'));
