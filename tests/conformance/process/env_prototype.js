// process.env: names the environment lacks come from Object.prototype; own keys are
// only the environment's; a variable may shadow an inherited name.
'use strict';
const env = process.env;
console.log(env.hasOwnProperty === Object.prototype.hasOwnProperty);
console.log('toString' in env, Object.hasOwn(env, 'toString'));
console.log(typeof env.toString, String(env.NRT_ENV_PROTO_MISSING));
env.hasOwnProperty = 'shadowed';
console.log(env.hasOwnProperty, Object.hasOwn(env, 'hasOwnProperty'));
delete env.hasOwnProperty;
console.log(env.hasOwnProperty === Object.prototype.hasOwnProperty);
console.log(Object.keys(env).includes('toString'));
