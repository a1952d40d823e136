// path: argument validation, in node's order and with node's messages.
const path = require('path');
const t = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
for (const name of ['posix', 'win32']) {
  const p = path[name];
  for (const bad of [undefined, null, 1, true, {}, [], function named() {}, Symbol('s'), 10n, 'str']) {
    t(`${name} normalize`, () => p.normalize(bad));
    t(`${name} isAbsolute`, () => p.isAbsolute(bad));
    t(`${name} dirname`, () => p.dirname(bad));
    t(`${name} basename`, () => p.basename(bad));
    t(`${name} basename suffix`, () => p.basename('a.txt', bad));
    t(`${name} extname`, () => p.extname(bad));
    t(`${name} parse`, () => p.parse(bad));
    t(`${name} format`, () => p.format(bad));
    t(`${name} join`, () => p.join('a', bad));
    t(`${name} relative from`, () => p.relative(bad, 'a'));
    t(`${name} relative to`, () => p.relative('a', bad));
  }
  t(`${name} basename both`, () => p.basename(1, 2));
  t(`${name} resolve right`, () => p.resolve('/a', 1));
  t(`${name} resolve many`, () => p.resolve('a', {}, 'b'));
}
t('posix resolve stops at absolute', () => path.posix.resolve(1, '/a'));
