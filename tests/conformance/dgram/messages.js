// Datagrams between two sockets: strings, Buffers, lists, offset/length, typed arrays and
// empty ones; rinfo; send callbacks in order; implicit bind; 'listening' before queued
// sends; 'close' on a later tick.
const dgram = require('dgram');

const got = [];
const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');
const events = [];
const sent = [];
const maybeFinish = () => {
  if (got.length === 7 && sent.length === 7) finish();
};
server.on('listening', () => events.push('server listening'));
server.on('message', (msg, rinfo) => {
  got.push(`${JSON.stringify(msg.toString())} ${rinfo.address} ${rinfo.family} ${rinfo.size} ${Object.keys(rinfo)} ${rinfo.port === client.address().port} ${Buffer.isBuffer(msg)}`);
  if (got.length === 7) maybeFinish();
});
server.bind(0, '127.0.0.1', () => {
  events.push('bind callback');
  const port = server.address().port;
  console.log(server.address().address, server.address().family, typeof port);
  const done = (name) => (err, n) => sent.push(`${name} ${err} ${n}`);
  client.on('listening', () => {
    events.push('client listening');
    console.log('client bound to', client.address().address);
  });
  console.log('send returns', client.send('hello', port, '127.0.0.1', done('string')));
  client.send([Buffer.from('ab'), 'cd', new Uint8Array([101])], port, done('list'));
  client.send(Buffer.from('xhellox'), 1, 5, port, '127.0.0.1', done('slice'));
  client.send(new Uint8Array([65, 66]), port, '127.0.0.1', done('typed'));
  client.send('', port, '127.0.0.1', done('empty'));
  client.send([], port, done('empty list'));
  client.send(new DataView(new Uint8Array([67, 68, 69]).buffer), port, (err, n) => {
    done('dataview')(err, n);
    maybeFinish();
  });
  process.nextTick(() => events.push('tick'));
});

function finish() {
  console.log(sent.join('\n'));
  console.log(got.sort().join('\n'));
  server.close(() => events.push('server close callback'));
  events.push('after close');
  process.nextTick(() => events.push('tick after close'));
  server.on('close', () => {
    events.push('server close event');
    client.close();
    setImmediate(() => console.log(events.join(' | ')));
  });
}
