const util = require('util');
process.throwDeprecation = true;
const going = util.deprecate(() => 1, 'going() is going away', 'DEP_NRT_TEST');
console.log(going());
console.log('still synchronous');
