// Watchers keep the process alive as node's handles do: unref'd and non-persistent
// ones do not; the program ends once its timer fired.
const fs = require('fs');
const os = require('os');

const a = fs.watch(os.tmpdir()).unref();
const b = fs.watch(os.tmpdir(), { persistent: false });
const c = fs.watchFile(__filename, { interval: 10000 }, () => {}).unref();
const d = fs.watchFile(os.tmpdir(), { persistent: false, interval: 10000 }, () => {});
console.log(a.constructor.name, b.constructor.name, c.constructor.name, d.constructor.name);
setTimeout(() => console.log('timer'), 20);
process.on('exit', (code) => console.log('exit', code));
