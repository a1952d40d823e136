// Events named like Object.prototype members, on a plain emitter and on process (whose
// listeners also watch signals by name).
'use strict';
const EventEmitter = require('events');
const ee = new EventEmitter();
for (const name of ['__proto__', 'toString', 'hasOwnProperty', 'constructor']) {
  ee.on(name, (v) => console.log('ee', name, v));
  ee.emit(name, 1);
  process.on(name, (v) => console.log('process', name, v));
  process.emit(name, 2);
  process.removeAllListeners(name);
}
console.log(ee.eventNames());
try {
  process.kill(process.pid, 'toString');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
