// System errors as node shapes them: bind EADDRINUSE (emitted), send EMSGSIZE (to the
// callback only), lookup failures, EINVAL from socket options.
const dgram = require('dgram');

const shape = (e, port) => [e.message.replace(String(port), 'PORT'), e.code, e.errno, e.syscall,
  e.address, e.port === port, Object.keys(e).join()].join(' ');

const a = dgram.createSocket('udp4');
a.bind(0, '127.0.0.1', () => {
  const port = a.address().port;
  try { a.bind(0); } catch (e) { console.log('bind twice', e.code, e.message); }
  try { a.setTTL(0); } catch (e) { console.log('setTTL 0', e.code, e.message, e.errno, e.syscall); }
  try { a.setTTL(256); } catch (e) { console.log('setTTL 256', e.code, e.message); }
  try { a.setMulticastTTL(256); } catch (e) { console.log('setMulticastTTL 256', e.code, e.message); }
  try { a.setMulticastInterface('nope'); } catch (e) { console.log('setMulticastInterface', e.code, e.message); }
  try { a.addMembership('nope'); } catch (e) { console.log('addMembership', e.code, e.message); }
  try { a.dropMembership('224.0.0.114'); } catch (e) { console.log('dropMembership', e.code, e.message); }
  console.log('setTTL', a.setTTL(64), a.setMulticastTTL(1), a.setMulticastLoopback(false), a.setBroadcast(true));
  const b = dgram.createSocket('udp4');
  b.on('listening', () => console.log('b listening?'));
  b.on('error', (e) => {
    console.log('bind error', shape(e, port));
    b.close(() => console.log('b closed'));
    const c = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    c.bind({ port, address: '127.0.0.1' }, () => console.log('c bound?'));
    c.on('error', (err) => {
      console.log('reuseAddr bind error', err.code);
      c.close();
      sendErrors(port);
    });
  });
  b.bind(port, '127.0.0.1');
});

function sendErrors(port) {
  const d = dgram.createSocket('udp4');
  d.on('error', (e) => console.log('unexpected error event', e.message));
  d.send(Buffer.alloc(70000), port, '127.0.0.1');
  d.send(Buffer.alloc(70000), port, '127.0.0.1', (e, n) => {
    console.log('send error', shape(e, port), n);
    const lookup = (host, family, cb) => {
      const err = new Error(`getaddrinfo ENOTFOUND ${host}`);
      err.code = 'ENOTFOUND';
      cb(err);
    };
    const f = dgram.createSocket({ type: 'udp4', lookup });
    f.on('error', (err) => {
      console.log('bind lookup error', err.code, err.message);
      f.close();
      d.close();
      a.close();
    });
    f.bind(0, 'nowhere.invalid');
  });
}

// Multicast options by address family (libuv picks the option from the address).
const m = dgram.createSocket('udp4');
m.bind(0, '127.0.0.1', () => {
  for (const a of ['::1', '', 'nope', '0.0.0.0']) {
    try {
      m.setMulticastInterface(a);
      console.log('udp4 interface', JSON.stringify(a), 'ok');
    } catch (e) {
      console.log('udp4 interface', JSON.stringify(a), e.message);
    }
  }
  for (const [what, f] of [
    ['join', () => m.addMembership('224.0.0.114')],
    ['leave', () => m.dropMembership('224.0.0.114')],
    ['ssm join', () => m.addSourceSpecificMembership('10.0.0.1', '232.1.1.1')],
    ['ssm leave', () => m.dropSourceSpecificMembership('10.0.0.1', '232.1.1.1')],
    ['ssm leave again', () => m.dropSourceSpecificMembership('10.0.0.1', '232.1.1.1')],
    ['ssm bad group', () => m.addSourceSpecificMembership('10.0.0.1', 'x')],
  ]) {
    try {
      f();
      console.log(what, 'ok');
    } catch (e) {
      console.log(what, e.code, e.message, e.errno, e.syscall);
    }
  }
  m.close();
});
