const util = require('util');
process.noDeprecation = true;
const quiet = util.deprecate(() => 'quiet', 'never printed', 'DEP_NRT_QUIET');
console.log(quiet(), quiet.name);
