// dns.lookup: IP literals (answered on the next tick, whatever the family), the empty
// hostname (DEP0118), localhost through the system resolver, all forms chained one after
// another so the order is fixed.
const dns = require('node:dns');
const util = require('node:util');

// The default printer's text has the pid and the binary's name: print the warning here.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));

console.log(Object.keys(dns));
console.log(Object.keys(dns.promises));
console.log(require('node:dns/promises') === dns.promises, dns.getDefaultResultOrder());
console.log(dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL, dns.NOTFOUND, dns.TIMEOUT, dns.CANCELLED);

const steps = [
  (next) => dns.lookup('127.0.0.1', (e, a, f) => { console.log('v4 literal', e, a, f); next(); }),
  (next) => dns.lookup('::1', { all: true }, (e, a) => { console.log('v6 literal all', e, a); next(); }),
  (next) => dns.lookup('127.0.0.1', { family: 6 }, (e, a, f) => { console.log('literal ignores family', e, a, f); next(); }),
  (next) => dns.lookup('', (e, a, f) => { console.log('empty', e, a, f); next(); }),
  (next) => dns.lookup('', { family: 6 }, (e, a, f) => { console.log('empty family 6', e, a, f); next(); }),
  (next) => dns.lookup('', { all: true }, (...args) => { console.log('empty all', args); next(); }),
  (next) => dns.lookup('localhost', 4, (e, a, f) => { console.log('localhost family 4', e, a, f); next(); }),
  (next) => dns.lookup('localhost', { family: 'IPv4', all: true }, (e, list) => { console.log('localhost all', e, list); next(); }),
  (next) => dns.promises.lookup('127.0.0.1').then((r) => { console.log('promise', r); next(); }),
  (next) => dns.promises.lookup('localhost', { family: 4, all: true }).then((r) => { console.log('promise all', r); next(); }),
  (next) => util.promisify(dns.lookup)('::1').then((r) => { console.log('promisified', r); next(); }),
  (next) => {
    const sync = [];
    dns.lookup('127.0.0.1', () => { sync.push('callback'); console.log(sync); next(); });
    sync.push('returned');
  },
  (next) => {
    dns.setDefaultResultOrder('ipv4first');
    console.log(dns.getDefaultResultOrder());
    dns.setDefaultResultOrder('verbatim');
    next();
  },
];
(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
})(0);
