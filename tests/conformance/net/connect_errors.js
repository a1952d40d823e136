// Connection and listen failures with node's error shape (message, code, errno, syscall,
// address, port), 'error' then 'close' with hadError; argument errors thrown at once.
const net = require('net');

const t = (what, f) => {
  try {
    f();
    console.log(what, 'ok');
  } catch (e) {
    console.log(what, e.name, e.code, e.message);
  }
};

t('bad port', () => net.connect({ port: 70000 }));
t('negative port', () => net.connect(-1));
t('listen bad port', () => net.createServer().listen(70000));
t('listen no port', () => net.createServer().listen({}));
t('timeout type', () => new net.Socket().setTimeout('1'));
console.log(net.isIP('127.0.0.1'), net.isIP('::1'), net.isIP('x'), net.isIPv4('1.2.3.4'), net.isIPv6('1.2.3.4'), net.isIP('::ffff:1.2.3.4'));

const a = net.createServer();
a.listen(0, '127.0.0.1', () => {
  const port = a.address().port;
  t('listen twice', () => a.listen(0));
  const b = net.createServer();
  b.on('error', (e) => {
    console.log('listen error:', e.message.replace(String(port), 'PORT'), e.code, e.errno, e.syscall, e.address, e.port === port);
    a.close(() => {
      const c = net.connect(port, '127.0.0.1');
      const events = [];
      c.on('connect', () => events.push('connect'));
      c.on('error', (err) => {
        events.push('error');
        console.log('connect error:', err.message.replace(String(port), 'PORT'), err.code, err.errno, err.syscall, err.address, err.port === port);
      });
      c.on('close', (hadError) => {
        events.push(`close ${hadError}`);
        console.log(events.join(' | '), c.destroyed);
        a.close((err) => console.log('close again:', err.code, err.message));
      });
    });
  });
  b.listen(port, '127.0.0.1');
});
