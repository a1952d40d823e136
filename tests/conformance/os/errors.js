// os: argument validation and failures, with node's codes and messages.
const os = require('os');
const t = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
for (const bad of ['x', null, true, {}, 1.5, -1.5, NaN, Infinity, 2 ** 31, -(2 ** 31) - 1, 1e10, 10n]) {
  t('getPriority', () => os.getPriority(bad));
  t('setPriority pid', () => os.setPriority(bad, 0));
  t('setPriority priority', () => os.setPriority(0, bad));
  t('setPriority one', () => os.setPriority(bad));
}
t('setPriority 20', () => os.setPriority(0, 20));
t('setPriority -21', () => os.setPriority(-21));
t('setPriority both bad', () => os.setPriority('a', 'b'));
for (const f of [() => os.getPriority(2 ** 31 - 1), () => os.setPriority(2 ** 31 - 1, 0)]) {
  try {
    f();
  } catch (e) {
    console.log(e.name, e.code, e.message, Object.keys(e).join(), e.errno, e.syscall, JSON.stringify(e.info), String(e));
    console.log(e.stack.split('\n')[0], e instanceof Error);
  }
}
