const m = require('module');
console.log(m.builtinModules.includes('fs'), m.builtinModules.includes('events'));
console.log(m.isBuiltin('node:events'), m.isBuiltin('events'), m.isBuiltin('nope'));
console.log(require('node:events') === require('events'));
console.log(require('timers').setTimeout === setTimeout);
console.log(typeof require('node:timers/promises').setTimeout);
console.log(require('process') === process);
