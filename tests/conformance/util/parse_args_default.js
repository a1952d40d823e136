// util.parseArgs without `args` reads the program's own arguments (after the script).
const { parseArgs } = require('util');
console.log(parseArgs({ allowPositionals: true, options: { flag: { type: 'boolean', short: 'f' }, name: { type: 'string' } } }));
try { parseArgs(); } catch (e) { console.log(e.code, e.message); }
