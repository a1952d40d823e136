const key = require.resolve('./fixtures/common.cjs');
const first = require('./fixtures/common.cjs');
console.log(require.cache[key].exports === first, require.cache[key].loaded);
delete require.cache[key];
console.log(require('./fixtures/common.cjs') === first);
console.log(require.main === module, module.id, module.loaded, typeof module.paths[0]);
console.log(module.filename === __filename, __filename.endsWith('require_cache_and_main.js'));
console.log(module.children.length);
