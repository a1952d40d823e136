// Argument and state errors thrown at once: class, code and message as node's.
const dgram = require('dgram');

const t = (what, f) => {
  try {
    const r = f();
    console.log(what, 'ok', r instanceof dgram.Socket ? 'socket' : r);
  } catch (e) {
    console.log(what, e.name, e.code, e.message);
  }
};

console.log(Object.keys(dgram), typeof dgram.Socket);
t('no type', () => dgram.createSocket());
t('bad type', () => dgram.createSocket('udp5'));
t('bad type option', () => dgram.createSocket({ type: 'tcp' }));
t('bad lookup', () => dgram.createSocket({ type: 'udp4', lookup: 5 }));
t('bad signal', () => dgram.createSocket({ type: 'udp4', signal: 5 }));
t('negative recvBufferSize', () => dgram.createSocket({ type: 'udp4', recvBufferSize: -5 }));
t('string sendBufferSize', () => dgram.createSocket({ type: 'udp4', sendBufferSize: 'x' }));
t('options', () => dgram.createSocket({ type: 'udp6', reuseAddr: true, ipv6Only: true }));

const s = dgram.createSocket('udp4');
console.log(s.type, s instanceof require('events'));
t('address unbound', () => s.address());
t('remoteAddress unbound', () => s.remoteAddress());
t('disconnect unbound', () => s.disconnect());
t('setBroadcast unbound', () => s.setBroadcast(true));
t('setTTL unbound', () => s.setTTL(5));
t('setTTL string', () => s.setTTL('5'));
t('setMulticastTTL string', () => s.setMulticastTTL(null));
t('setMulticastTTL unbound', () => s.setMulticastTTL(5));
t('setMulticastLoopback unbound', () => s.setMulticastLoopback(true));
t('setMulticastInterface number', () => s.setMulticastInterface(1));
t('setMulticastInterface unbound', () => s.setMulticastInterface('127.0.0.1'));
t('addMembership none', () => s.addMembership());
t('dropMembership none', () => s.dropMembership(''));
t('addSourceSpecificMembership number', () => s.addSourceSpecificMembership(1, '232.1.1.1'));
t('addSourceSpecificMembership group', () => s.addSourceSpecificMembership('10.0.0.1', {}));
t('dropSourceSpecificMembership number', () => s.dropSourceSpecificMembership('10.0.0.1', 2));
t('setRecvBufferSize negative', () => s.setRecvBufferSize(-1));
t('setSendBufferSize string', () => s.setSendBufferSize('x'));
t('setSendBufferSize zero', () => s.setSendBufferSize(0));
for (const f of ['getRecvBufferSize', 'getSendBufferSize']) {
  try {
    s[f]();
  } catch (e) {
    console.log(f, e.name, e.code, e.message, e.errno, e.syscall, e.info);
  }
}
t('queue', () => [s.getSendQueueSize(), s.getSendQueueCount()]);
t('send port 0', () => s.send('x', 0, '127.0.0.1'));
t('send port too big', () => s.send('x', 70000));
t('send port string', () => s.send('x', 'abc'));
t('send no port', () => s.send('x'));
t('send number', () => s.send(5, 1234));
t('send array of numbers', () => s.send([5], 1234));
t('send object', () => s.send({}, 1234, '127.0.0.1'));
t('send address number', () => s.send('x', 1234, 5));
t('send offset past end', () => s.send('x', 3, 0, 9, '127.0.0.1'));
t('send length past end', () => s.send('x', 0, 5, 9, '127.0.0.1'));
t('send sliced number', () => s.send(5, 0, 1, 9, '127.0.0.1'));
t('connect port 0', () => s.connect(0));
t('connect no port', () => s.connect());
t('connect address number', () => s.connect(1234, 5));
t('ref', () => s.ref() === s);
t('unref', () => s.unref() === s);
t('close', () => s.close() === s);
t('close twice', () => s.close());
t('send closed', () => s.send('x', 1234));
t('bind closed', () => s.bind());
t('address closed', () => s.address());
t('setBroadcast closed', () => s.setBroadcast(true));
t('addMembership closed', () => s.addMembership('224.0.0.1'));
s.on('close', () => console.log('close event'));
