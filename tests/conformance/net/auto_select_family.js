// net's autoSelectFamily defaults: getters, setters, their validation, and the connect
// options of the same names.
'use strict';
const net = require('net');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

console.log(net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout());
net.setDefaultAutoSelectFamilyAttemptTimeout(5);
console.log('floor', net.getDefaultAutoSelectFamilyAttemptTimeout());
net.setDefaultAutoSelectFamilyAttemptTimeout(1234);
console.log('set', net.getDefaultAutoSelectFamilyAttemptTimeout());
for (const v of ['x', 0, 1.5, -1, 2 ** 31, NaN]) {
  attempt(`timeout ${String(v)}`, () => net.setDefaultAutoSelectFamilyAttemptTimeout(v));
}
console.log('unchanged', net.getDefaultAutoSelectFamilyAttemptTimeout());
net.setDefaultAutoSelectFamily(false);
console.log('family', net.getDefaultAutoSelectFamily());
net.setDefaultAutoSelectFamily(true);
for (const v of ['x', 1, undefined]) {
  attempt(`family ${String(v)}`, () => net.setDefaultAutoSelectFamily(v));
}
attempt('connect autoSelectFamily', () =>
  net.connect({ port: 1, host: '127.0.0.1', autoSelectFamily: 'yes' }));
attempt('connect attempt timeout', () =>
  net.connect({ port: 1, host: '127.0.0.1', autoSelectFamilyAttemptTimeout: 0 }));

// A connect by name with a per-attempt limit.
const server = net.createServer((s) => s.end('hi'));
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const c = net.connect({ port, host: 'localhost', family: 4, autoSelectFamilyAttemptTimeout: 100 });
  c.setEncoding('utf8');
  c.on('data', (d) => console.log('data', d));
  c.on('close', () => server.close());
});
