// os.constants: the tables are fixed for linux/x64 in node 20.
const { constants } = require('os');
console.log(Object.getPrototypeOf(constants), Object.keys(constants).join(), constants.UV_UDP_REUSEADDR);
for (const k of ['signals', 'errno', 'priority', 'dlopen']) {
  console.log(k, Object.getPrototypeOf(constants[k]), Object.isFrozen(constants[k]), JSON.stringify(constants[k]));
}
