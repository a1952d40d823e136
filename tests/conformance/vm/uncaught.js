// An error thrown out of vm code and never caught: the report shows the script's line.
const vm = require('vm');
vm.runInNewContext('const o = {};\n  o.missing.call()', {}, { filename: 'sandboxed.js' });
