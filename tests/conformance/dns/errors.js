// dns argument validation and the parts nrt does not have (ERR_NOT_IMPLEMENTED is nrt's;
// node's output for those lines comes from the c-ares resolver, so they are not printed).
const dns = require('node:dns');

const attempts = [
  () => dns.lookup(1, () => {}),
  () => dns.lookup({}, () => {}),
  () => dns.lookup('x', { family: 5 }, () => {}),
  () => dns.lookup('x', 5, () => {}),
  () => dns.lookup('x', 'IPv7', () => {}),
  () => dns.lookup('x'),
  () => dns.lookup('x', {}, 'cb'),
  () => dns.lookup('x', { hints: 999 }, () => {}),
  () => dns.lookup('x', { hints: 'a' }, () => {}),
  () => dns.lookup('x', { all: 1 }, () => {}),
  () => dns.lookup('x', { verbatim: 'yes' }, () => {}),
  () => dns.lookup('x', { order: 'random' }, () => {}),
  () => dns.lookupService('127.0.0.1', 22),
  () => dns.lookupService(1, 22, () => {}),
  () => dns.lookupService('not an ip', 22, () => {}),
  () => dns.lookupService('127.0.0.1', 'abc', () => {}),
  () => dns.lookupService('127.0.0.1', 70000, () => {}),
  () => dns.lookupService('127.0.0.1', 22, 'cb'),
  () => dns.promises.lookupService('127.0.0.1'),
  () => dns.setDefaultResultOrder('random'),
  () => dns.promises.lookup(1),
];
for (const attempt of attempts) {
  try {
    attempt();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
const r = new dns.Resolver();
console.log(typeof r.resolve4, typeof r.getServers, Array.isArray(r.getServers()));
console.log(Array.isArray(dns.getServers()), dns.getServers().every((s) => typeof s === 'string'));
