// A connected socket hears an ICMP refusal as an 'error' (recvmsg ECONNREFUSED), and the
// next send still goes out; a closed socket frees its port at once for the next bind.
const dgram = require('dgram');

const gone = dgram.createSocket('udp4');
gone.bind(0, '127.0.0.1', () => {
  const port = gone.address().port;
  gone.close();
  // The descriptor is closed already: the port is free before 'close'.
  const again = dgram.createSocket('udp4');
  again.bind(port, '127.0.0.1', () => {
    console.log('rebound the same port', again.address().port === port);
    again.close(() => refused(port));
  });
  again.on('error', (e) => console.log('rebind failed', e.code));
});

function refused(port) {
  const d = dgram.createSocket('udp4');
  const errors = [];
  d.on('error', (e) => errors.push([e.message, e.code, e.errno, e.syscall, Object.keys(e).join()].join(' ')));
  d.connect(port, '127.0.0.1', () => {
    d.send('x', (e, n) => {
      console.log('first send', e, n);
      setTimeout(() => {
        console.log(errors);
        d.send('y', (e2, n2) => {
          console.log('second send', e2, n2);
          setTimeout(() => {
            console.log(errors.length);
            d.close();
          }, 100);
        });
      }, 100);
    });
  });
}
