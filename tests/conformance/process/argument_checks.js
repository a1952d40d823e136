// Argument checks of process.hrtime, cpuUsage, umask, emitWarning and of process.env
// writes (symbols, property descriptors), with node's classes, codes and messages.
'use strict';
const s = Symbol('s');
const cases = {
  'hrtime(1)': () => process.hrtime(1),
  'hrtime([1])': () => process.hrtime([1]),
  'hrtime([1,2,3])': () => process.hrtime([1, 2, 3]),
  'cpuUsage(1)': () => process.cpuUsage(1),
  'cpuUsage({})': () => process.cpuUsage({}),
  'cpuUsage(user only)': () => process.cpuUsage({ user: 1 }),
  'cpuUsage(negative)': () => process.cpuUsage({ user: -1, system: 1 }),
  'cpuUsage(string)': () => process.cpuUsage({ user: 1, system: 'a' }),
  'cpuUsage(Infinity)': () => process.cpuUsage({ user: 1, system: Infinity }),
  'umask({})': () => process.umask({}),
  "umask('123x')": () => process.umask('123x'),
  "umask('0778')": () => process.umask('0778'),
  'umask(-1)': () => process.umask(-1),
  'umask(1.5)': () => process.umask(1.5),
  'umask(2**32)': () => process.umask(2 ** 32),
  'emitWarning({})': () => process.emitWarning({}),
  "emitWarning('', '', {})": () => process.emitWarning('', '', {}),
  "emitWarning('', true)": () => process.emitWarning('', true),
  "emitWarning('', '', 1)": () => process.emitWarning('', '', 1),
  'env[symbol] =': () => { process.env[s] = 1; },
  'env.x = symbol': () => { process.env.NRT_CASE_X = s; },
  'define value only': () => Object.defineProperty(process.env, 'NRT_CASE_Y', { value: 'y' }),
  'define accessor': () => Object.defineProperty(process.env, 'NRT_CASE_Y', { get() {} }),
  'define full': () => Object.defineProperty(process.env, 'NRT_CASE_Y',
    { value: 'y', writable: true, enumerable: true, configurable: true }) && process.env.NRT_CASE_Y,
};
for (const [label, f] of Object.entries(cases)) {
  try {
    const r = f();
    console.log(label, 'ok', typeof r === 'string' ? r : typeof r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
console.log(process.env[s], s in process.env, delete process.env[s], process.umask('022'));
console.log(process.umask().toString(8));
