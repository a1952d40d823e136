const a = require('./fixtures/cycle/a');
const b = require('./fixtures/cycle/b');
console.log('done', a.loaded, b.loaded);
