const m = require('./fixtures/detected.js');
console.log(m.fromDetected, Object.keys(m));
