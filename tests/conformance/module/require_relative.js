const data = require('./fixtures/data.json');
const common = require('./fixtures/common.cjs');
const dir = require('./fixtures/dir-index');
console.log(data, common, dir);
console.log(require('./fixtures/data') === data);
