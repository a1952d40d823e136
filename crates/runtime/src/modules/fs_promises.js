// Node's fs/promises (lib/internal/fs/promises.js): the fs operations returning promises.
// Validation errors reject the promise, as node's async functions do.
'use strict';

const fs = require('fs');
const { ops, runAsync, getPath } = fs._nrt;
const errors = internal.errors;

function promised(name) {
  return {
    [name](...args) {
      return new Promise((resolve, reject) => {
        runAsync(name, args, (err, v) => (err ? reject(err) : resolve(v)));
      });
    },
  }[name];
}

const names = ['access', 'copyFile', 'rename', 'truncate', 'rm', 'rmdir', 'mkdir', 'readdir',
  'readlink', 'symlink', 'lstat', 'stat', 'link', 'unlink', 'chmod', 'chown', 'utimes',
  'realpath', 'mkdtemp', 'writeFile', 'appendFile', 'readFile', 'cp', 'lchown', 'lutimes'];
for (const name of names) {
  if (ops[name] === undefined) throw new Error(`nrt: fs op ${name} missing`);
  exports[name] = promised(name);
}
// fsPromises takes a path or a FileHandle, never a raw descriptor.
for (const name of ['readFile', 'writeFile', 'appendFile']) {
  const run = exports[name];
  exports[name] = {
    async [name](path, ...rest) {
      if (typeof path === 'number') getPath(path);
      return run(path, ...rest);
    },
  }[name];
}

// FileHandle (open), directories, watchers and cp are not bound yet (issue 6).
for (const name of ['open', 'opendir', 'watch', 'statfs', 'lchmod']) {
  exports[name] = { [name]() { return Promise.reject(errors.notImplemented(`fsPromises.${name}`)); } }[name];
}
exports.constants = fs.constants;
