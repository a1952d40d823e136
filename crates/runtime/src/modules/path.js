// Node's `path` (lib/path.js): the algorithms are node-stdlib's (path.rs); this file
// shapes the two objects as node does and checks argument types in node's order.
'use strict';

const nb = internal.natives.path;
const { errors } = internal;

function validateString(value, name) {
  if (typeof value !== 'string') throw errors.invalidArgType(name, 'string', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw errors.invalidArgType(name, 'Object', value);
  }
}

const field = (v) => (v ? `${v}` : '');

function _format(native, pathObject) {
  validateObject(pathObject, 'pathObject');
  return native.format(field(pathObject.root), field(pathObject.dir), field(pathObject.base),
    field(pathObject.name), field(pathObject.ext));
}

function matchesGlob(path, pattern) {
  validateString(path, 'path');
  validateString(pattern, 'pattern');
  throw errors.notImplemented('path.matchesGlob');
}

function build(native, isPosix) {
  return {
    resolve(...args) {
      // node validates right to left and stops at the first absolute path (posix).
      for (let i = args.length - 1; i >= 0; i--) {
        const p = args[i];
        if (typeof p !== 'string') throw errors.invalidArgType(`paths[${i}]`, 'string', p);
        if (isPosix && p.charCodeAt(0) === 47) {
          return native.resolve(i === 0 ? args : args.slice(i), '');
        }
      }
      return native.resolve(args, process.cwd());
    },
    normalize(path) {
      validateString(path, 'path');
      return native.normalize(path);
    },
    isAbsolute(path) {
      validateString(path, 'path');
      return native.isAbsolute(path);
    },
    join(...args) {
      for (let i = 0; i < args.length; i++) {
        if (typeof args[i] !== 'string') throw errors.invalidArgType('path', 'string', args[i]);
      }
      return native.join(args);
    },
    relative(from, to) {
      validateString(from, 'from');
      validateString(to, 'to');
      if (from === to) return '';
      const cwd = isPosix && from.charCodeAt(0) === 47 && to.charCodeAt(0) === 47
        ? '' : process.cwd();
      return native.relative(from, to, cwd);
    },
    toNamespacedPath(path) {
      if (isPosix || typeof path !== 'string' || path.length === 0) return path;
      return native.toNamespacedPath(path, process.cwd());
    },
    dirname(path) {
      validateString(path, 'path');
      return native.dirname(path);
    },
    basename(path, suffix) {
      if (suffix !== undefined) validateString(suffix, 'suffix');
      validateString(path, 'path');
      return suffix === undefined ? native.basename(path) : native.basename(path, suffix);
    },
    extname(path) {
      validateString(path, 'path');
      return native.extname(path);
    },
    format: _format.bind(null, native),
    parse(path) {
      validateString(path, 'path');
      return native.parse(path);
    },
    matchesGlob,
    sep: native.sep,
    delimiter: native.delimiter,
    win32: null,
    posix: null,
  };
}

const win32 = build(nb.win32, false);
const posix = build(nb.posix, true);
posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = posix;
