// connect/disconnect/remoteAddress, sends on a connected socket, and the errors of each.
const dgram = require('dgram');

const t = (what, f) => {
  try {
    f();
    console.log(what, 'ok');
  } catch (e) {
    console.log(what, e.name, e.code, e.message);
  }
};

const server = dgram.createSocket('udp4');
server.bind(0, '127.0.0.1', () => {
  const port = server.address().port;
  const client = dgram.createSocket('udp4');
  t('connect twice', () => {
    client.connect(port, '127.0.0.1', () => {
      console.log('connect callback', client.remoteAddress().port === port, client.remoteAddress().address, client.remoteAddress().family);
      console.log('local', client.address().address);
      t('send with port', () => client.send('x', 0, 1, port));
      t('connect again', () => client.connect(port));
      t('send port ignored', () => client.send('x', port));
      client.send('connected', (err, n) => {
        console.log('send callback', err, n);
      });
    });
    client.connect(port);
  });
  client.on('connect', () => console.log('connect event'));
  server.on('message', (msg) => {
    console.log('server got', msg.toString());
    if (msg.toString() !== 'connected') return;
    client.disconnect();
    t('remoteAddress after disconnect', () => client.remoteAddress());
    t('disconnect twice', () => client.disconnect());
    t('send without port', () => client.send('x'));
    client.send('after', port, '127.0.0.1', (err, n) => {
      console.log('unconnected send', err, n);
    });
    server.once('message', (m) => {
      console.log('server got', m.toString());
      client.close();
      server.close();
    });
  });
});

// A name that does not resolve (custom lookup): connect emits 'error' on a later tick.
const lookup = (host, family, cb) => {
  if (host !== 'nowhere.invalid') return require('dns').lookup(host, family, cb);
  const e = new Error(`getaddrinfo ENOTFOUND ${host}`);
  e.code = 'ENOTFOUND';
  process.nextTick(cb, e);
};
const bad = dgram.createSocket({ type: 'udp4', lookup });
bad.on('error', (e) => {
  console.log('connect error', e.code, e.message);
  bad.close();
});
bad.connect(9, 'nowhere.invalid');
const bad2 = dgram.createSocket({ type: 'udp4', lookup });
bad2.connect(9, 'nowhere.invalid', (e) => {
  console.log('connect callback error', e.code, e.message, bad2.listenerCount('connect'));
  bad2.close();
});
