// The deprecated `constants` module: os, fs and crypto constants in one object.
const constants = require('constants');
const os = require('os');
const fs = require('fs');

for (const k of ['RTLD_LAZY', 'RTLD_NOW', 'E2BIG', 'ENOENT', 'EACCES', 'SIGINT', 'SIGKILL', 'SIGTERM',
  'PRIORITY_LOW', 'PRIORITY_HIGHEST', 'O_RDONLY', 'O_CREAT', 'S_IFMT', 'COPYFILE_FICLONE', 'UV_FS_O_FILEMAP',
  'RSA_PKCS1_PADDING', 'POINT_CONVERSION_COMPRESSED']) {
  console.log(k, constants[k]);
}
const tables = [os.constants.dlopen, os.constants.errno, os.constants.priority, os.constants.signals, fs.constants];
console.log(tables.every((t) => Object.keys(t).every((k) => constants[k] === t[k])));
console.log(Object.getPrototypeOf(constants) === Object.prototype, require('node:constants') === constants);
