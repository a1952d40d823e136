// The `module` built-in and the loaders: CommonJS (lib/internal/modules/cjs/loader.js) and
// the resolution half of ESM (lib/internal/modules/esm/resolve.js). Resolution is written
// by hand after node's documented algorithm; see crates/runtime/RESOLVER.md.
'use strict';

const mb = internal.natives.module;
const { errors } = internal;

// ---- posix path helpers ----------------------------------------------------------------
function normalizeParts(p) {
  const abs = p.startsWith('/');
  const out = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else {
      out.push(seg);
    }
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
}
function resolvePath(...parts) {
  let p = '';
  for (let i = parts.length - 1; i >= 0 && !p.startsWith('/'); i--) {
    p = p === '' ? parts[i] : `${parts[i]}/${p}`;
  }
  if (!p.startsWith('/')) p = `${process.cwd()}/${p}`;
  return normalizeParts(p);
}
function dirname(p) {
  const i = p.lastIndexOf('/');
  if (i <= 0) return i === 0 ? '/' : '.';
  return p.slice(0, i);
}
function extname(p) {
  const base = p.slice(p.lastIndexOf('/') + 1);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i);
}
function pathToFileURL(p) {
  return `file://${encodeURI(p).replace(/\?/g, '%3F').replace(/#/g, '%23')}`;
}
function fileURLToPath(u) {
  const s = typeof u === 'string' ? u : String(u.href ?? u);
  if (!s.startsWith('file:')) {
    throw errors.make(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  }
  return decodeURIComponent(s.replace(/^file:\/\/[^/]*/, ''));
}
internal.pathToFileURL = pathToFileURL;
internal.fileURLToPath = fileURLToPath;

// ---- package.json ------------------------------------------------------------------------
const packageJsonCache = new Map();
function readPackage(dir) {
  const file = `${dir === '/' ? '' : dir}/package.json`;
  if (packageJsonCache.has(file)) return packageJsonCache.get(file);
  const text = mb.readFile(file);
  let pkg = null;
  if (text !== undefined) {
    try {
      const parsed = JSON.parse(text);
      pkg = { path: file, exists: true, raw: parsed,
        main: parsed.main, exports: parsed.exports, imports: parsed.imports,
        name: parsed.name, type: parsed.type };
    } catch (e) {
      const err = errors.make(Error, 'ERR_INVALID_PACKAGE_CONFIG',
        `Invalid package config ${file}.`);
      err.cause = e;
      throw err;
    }
  }
  packageJsonCache.set(file, pkg);
  return pkg;
}
function readPackageScope(checkPath) {
  let dir = dirname(checkPath);
  for (;;) {
    if (dir.endsWith('/node_modules')) return null;
    const pkg = readPackage(dir);
    if (pkg) return pkg;
    if (dir === '/') return null;
    dir = dirname(dir);
  }
}

// ---- exports / imports maps (PACKAGE_EXPORTS_RESOLVE) ------------------------------------
function isConditionalSugar(exports, pkgPath) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  const keys = Object.keys(exports);
  let isSugar = false;
  for (let i = 0; i < keys.length; i++) {
    const cur = keys[i] === '' || keys[i][0] !== '.';
    if (i === 0) isSugar = cur;
    else if (isSugar !== cur) {
      throw errors.make(Error, 'ERR_INVALID_PACKAGE_CONFIG',
        `Invalid package config ${pkgPath}. "exports" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.`);
    }
  }
  return isSugar;
}
function resolveTarget(pkgDir, target, subpath, pattern, conditions, pkgPath) {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) {
      if (pattern === undefined) return undefined;
      throw errors.make(Error, 'ERR_INVALID_PACKAGE_TARGET',
        `Invalid "exports" target ${JSON.stringify(target)} defined in ${pkgPath}`);
    }
    const resolved = pattern !== undefined ? target.replaceAll('*', pattern) : target + subpath;
    return normalizeParts(`${pkgDir}/${resolved}`);
  }
  if (Array.isArray(target)) {
    for (const t of target) {
      let r;
      try { r = resolveTarget(pkgDir, t, subpath, pattern, conditions, pkgPath); } catch (e) {
        if (e.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw e;
      }
      if (r !== undefined && r !== null) return r;
    }
    return undefined;
  }
  if (target !== null && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (key === 'default' || conditions.includes(key)) {
        const r = resolveTarget(pkgDir, target[key], subpath, pattern, conditions, pkgPath);
        if (r === undefined) continue;
        return r;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  return undefined;
}
function packageExportsResolve(pkgDir, subpath, pkg, conditions, base) {
  let exports = pkg.exports;
  if (isConditionalSugar(exports, pkg.path)) exports = { '.': exports };
  let resolved;
  if (Object.prototype.hasOwnProperty.call(exports, subpath) && !subpath.includes('*')) {
    resolved = resolveTarget(pkgDir, exports[subpath], '', undefined, conditions, pkg.path);
  } else {
    let bestMatch = '';
    let bestSubpath;
    for (const key of Object.keys(exports)) {
      const star = key.indexOf('*');
      if (star !== -1 && subpath.startsWith(key.slice(0, star))) {
        const trailer = key.slice(star + 1);
        if (subpath.length >= key.length && subpath.endsWith(trailer) &&
            key.length > bestMatch.length) {
          bestMatch = key;
          bestSubpath = subpath.slice(star, subpath.length - trailer.length);
        }
      }
    }
    if (bestMatch) {
      resolved = resolveTarget(pkgDir, exports[bestMatch], '', bestSubpath, conditions, pkg.path);
    }
  }
  if (resolved === undefined || resolved === null) {
    if (subpath === '.') {
      throw errors.make(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED',
        `No "exports" main defined in ${pkg.path}`);
    }
    throw errors.make(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      `Package subpath '${subpath}' is not defined by "exports" in ${pkg.path}` +
      (base ? ` imported from ${base}` : ''));
  }
  return resolved;
}
function parsePackageName(request) {
  let sep = request.indexOf('/');
  if (request[0] === '@') {
    if (sep === -1) return null;
    sep = request.indexOf('/', sep + 1);
  }
  const name = sep === -1 ? request : request.slice(0, sep);
  return { name, subpath: `.${sep === -1 ? '' : request.slice(sep)}` };
}

// ---- CommonJS resolution ----------------------------------------------------------------
const kExtensions = ['.js', '.json', '.node'];
function tryFile(p) {
  return mb.stat(p) === 1 ? mb.realpath(p) : undefined;
}
function tryExtensions(p) {
  for (const ext of Object.keys(Module._extensions)) {
    const f = tryFile(p + ext);
    if (f) return f;
  }
  return undefined;
}
function tryPackage(dir, originalPath) {
  const pkg = readPackage(dir);
  const main = pkg && pkg.main;
  if (!main || typeof main !== 'string') return tryExtensions(`${dir}/index`);
  const filename = resolvePath(dir, main);
  const actual = tryFile(filename) || tryExtensions(filename) || tryExtensions(`${filename}/index`);
  if (actual === undefined) {
    const fallback = tryExtensions(`${dir}/index`);
    if (fallback === undefined) {
      const err = new Error(`Cannot find module '${filename}'. ` +
        'Please verify that the package.json has a valid "main" entry');
      err.code = 'MODULE_NOT_FOUND';
      err.path = `${dir}/package.json`;
      err.requestPath = originalPath;
      throw err;
    }
    return fallback;
  }
  return actual;
}
function findPath(request, paths, isMain) {
  const absolute = request.startsWith('/');
  if (absolute) paths = [''];
  const trailingSlash = request.endsWith('/') || /\/\.\.?$/.test(request) || request === '.' || request === '..';
  for (const curPath of paths) {
    if (curPath && mb.stat(curPath) !== 2) continue;
    const basePath = absolute ? normalizeParts(request) : resolvePath(curPath, request);
    let filename;
    const rc = mb.stat(basePath);
    if (!trailingSlash) {
      if (rc === 1) filename = mb.realpath(basePath);
      if (!filename) filename = tryExtensions(basePath);
    }
    if (!filename && rc === 2) filename = tryPackage(basePath, request);
    if (filename) return filename;
  }
  return false;
}
function nodeModulePaths(from) {
  from = resolvePath(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  const parts = from.split('/');
  for (let i = parts.length; i > 0; i--) {
    if (parts[i - 1] === 'node_modules') continue;
    const dir = parts.slice(0, i).join('/');
    if (dir === '') break;
    paths.push(`${dir}/node_modules`);
  }
  paths.push('/node_modules');
  return paths;
}
function resolveExports(nmPath, request) {
  const parsed = parsePackageName(request);
  if (!parsed) return undefined;
  const pkgDir = `${nmPath}/${parsed.name}`;
  const pkg = readPackage(pkgDir);
  if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
    const r = packageExportsResolve(pkgDir, parsed.subpath, pkg, ['node', 'require']);
    return finalizeExportsPath(r, pkg.path);
  }
  return undefined;
}
function finalizeExportsPath(r, pkgPath) {
  const f = tryFile(r);
  if (f) return f;
  const err = new Error(`Cannot find module '${r}'`);
  err.code = 'MODULE_NOT_FOUND';
  if (pkgPath) err.path = pkgPath;
  throw err;
}
function resolveSelf(parentPath, request) {
  const pkg = readPackageScope(`${parentPath}/x`);
  if (!pkg || pkg.exports === undefined || pkg.exports === null || typeof pkg.name !== 'string') return undefined;
  if (request !== pkg.name && !request.startsWith(`${pkg.name}/`)) return undefined;
  const pkgDir = dirname(pkg.path);
  const r = packageExportsResolve(pkgDir, `.${request.slice(pkg.name.length)}`, pkg, ['node', 'require']);
  return finalizeExportsPath(r, pkg.path);
}
function resolveImports(request, parentPath, conditions) {
  const pkg = readPackageScope(`${parentPath}/x`);
  const imports = pkg && pkg.imports;
  if (imports !== null && typeof imports === 'object' && request !== '#' && !request.startsWith('#/')) {
    const pkgDir = dirname(pkg.path);
    let resolved;
    if (Object.prototype.hasOwnProperty.call(imports, request) && !request.includes('*')) {
      resolved = resolveTarget(pkgDir, imports[request], '', undefined, conditions, pkg.path);
    } else {
      let best = '';
      let bestSub;
      for (const key of Object.keys(imports)) {
        const star = key.indexOf('*');
        if (star === -1 || !request.startsWith(key.slice(0, star))) continue;
        const trailer = key.slice(star + 1);
        if (request.length >= key.length && request.endsWith(trailer) && key.length > best.length) {
          best = key;
          bestSub = request.slice(star, request.length - trailer.length);
        }
      }
      if (best) resolved = resolveTarget(pkgDir, imports[best], '', bestSub, conditions, pkg.path);
    }
    if (resolved !== undefined && resolved !== null) return resolved;
  }
  throw errors.make(TypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
    `Package import specifier "${request}" is not defined${pkg ? ` in package ${pkg.path}` : ''}`);
}

// ---- Module ------------------------------------------------------------------------------
function Module(id = '', parent) {
  this.id = id;
  this.path = dirname(id);
  Object.defineProperty(this, 'exports', { value: {}, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(this, kParent, { value: parent, writable: true });
  this.filename = null;
  this.loaded = false;
  this.children = [];
  if (parent && parent.children) parent.children.push(this);
}
const kParent = Symbol('kParent');
Object.defineProperty(Module.prototype, 'parent', {
  get() { return this[kParent]; },
  set(v) { this[kParent] = v; },
  enumerable: false,
  configurable: true,
});
Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module._extensions = { __proto__: null };
Module.globalPaths = [];
{
  const home = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const paths = [];
  if (home) paths.unshift(resolvePath(home, '.node_libraries'), resolvePath(home, '.node_modules'));
  paths.push(resolvePath(process.execPath, '..', '..', 'lib', 'node'));
  paths.reverse();
  if (nodePath) paths.unshift(...nodePath.split(':').filter(Boolean).map((p) => resolvePath(p)));
  Module.globalPaths = paths;
}
Module.builtinModules = internal.builtinNames.slice();
Module.isBuiltin = (id) => internal.isBuiltin(id);
Module._nodeModulePaths = nodeModulePaths;
Module._findPath = findPath;
Module.Module = Module;
Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
Module.wrap = (script) => `${Module.wrapper[0]}${script}${Module.wrapper[1]}`;

Module._resolveLookupPaths = function (request, parent) {
  if (request[0] !== '.' || (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
    let paths;
    if (parent && parent.paths && parent.paths.length) paths = parent.paths.concat(Module.globalPaths);
    else paths = Module.globalPaths.slice();
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [dirname(parent.filename)];
};

Module._resolveFilename = function (request, parent, isMain, options) {
  if (internal.isBuiltin(request)) return request;
  let paths;
  if (options && options.paths) {
    paths = [];
    for (const p of options.paths) {
      const fake = new Module('', null);
      fake.paths = nodeModulePaths(p);
      const lookup = Module._resolveLookupPaths(request, fake);
      for (const x of lookup) if (!paths.includes(x)) paths.push(x);
      if (request.startsWith('.')) paths.unshift(resolvePath(p));
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }
  if (request[0] === '#' && parent && parent.filename) {
    // Only a package scope with "imports" maps #specifiers; otherwise they are looked up
    // like any other request (and usually not found).
    const scope = readPackageScope(parent.filename);
    if (scope && scope.imports != null) {
      return finalizeExportsPath(resolveImports(request, dirname(parent.filename), ['node', 'require']), scope.path);
    }
  }
  const parentPath = parent && parent.filename ? dirname(parent.filename) : process.cwd();
  const self = resolveSelf(parentPath, request);
  if (self) return self;
  if (request[0] !== '.' && request[0] !== '/' && paths) {
    for (const p of paths) {
      if (!p.endsWith('/node_modules')) continue;
      const r = resolveExports(p, request);
      if (r) return r;
    }
  }
  const filename = findPath(request, paths || [], isMain);
  if (filename) return filename;
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = cursor[kParent]) {
    requireStack.push(cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  internal.markThrownInternally(err);
  throw err;
};

Module._load = function (request, parent, isMain) {
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    if (!internal.isBuiltin(request)) {
      const err = errors.make(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${request}`);
      internal.markThrownInternally(err);
      throw err;
    }
    return internal.requireBuiltin(id);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent && parent.children && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }
  if (internal.isBuiltin(filename)) return internal.requireBuiltin(filename);
  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    setMain(module);
    module.id = '.';
  }
  Module._cache[filename] = module;
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent && parent.children) {
        const i = parent.children.indexOf(module);
        if (i !== -1) parent.children.splice(i, 1);
      }
    }
  }
  return module.exports;
};
let mainModule;
function setMain(m) { mainModule = m; }

Module.prototype.load = function (filename) {
  this.filename = filename;
  this.paths = nodeModulePaths(dirname(filename));
  let ext = extname(filename);
  if (ext === '.mjs' || (ext === '.js' && formatOf(filename) === 'module')) {
    // require(esm), as node 20.19+: the module namespace, or its 'module.exports' export.
    const ns = requireEsm(filename);
    this.exports = ns !== null && typeof ns === 'object' && 'module.exports' in ns ? ns['module.exports'] : ns;
    this.loaded = true;
    return;
  }
  if (!Module._extensions[ext]) ext = '.js';
  Module._extensions[ext](this, filename);
  this.loaded = true;
};

Module.prototype.require = function nrtRequire(id) {
  if (typeof id !== 'string') throw errors.invalidArgType('id', 'string', id);
  if (id === '') throw errors.invalidArgValue('id', id, "must be a non-empty string");
  return Module._load(id, this, false);
};

Module.prototype._compile = function nrtCompile(content, filename) {
  internal.sourceCache.set(filename, content);
  internal.wrappedFiles.add(filename);
  let fn;
  try {
    fn = mb.compileFunction(content, filename);
  } catch (err) {
    if (err !== null && typeof err === 'object') compileFailed.add(err);
    throw err;
  }
  const dir = dirname(filename);
  const require = makeRequire(this);
  return Reflect.apply(fn, this.exports, [this.exports, require, this, filename, dir]);
};

Module._extensions['.js'] = function (module, filename) {
  const content = mb.readFile(filename);
  if (content === undefined) {
    throw errors.make(Error, 'ENOENT', `ENOENT: no such file or directory, open '${filename}'`);
  }
  try {
    module._compile(content, filename);
  } catch (err) {
    // node 20.19+ detects module syntax in a .js file whose package sets no "type".
    if (!(err instanceof SyntaxError) || !compileFailed.has(err)) throw err;
    const pkg = readPackageScope(filename);
    if ((pkg && pkg.type !== undefined) || !mb.parsesAsModule(content)) throw err;
    detectedEsm.add(filename);
    if (module.id === '.') {
      runMainModule(filename);
      return;
    }
    const ns = requireEsm(filename);
    module.exports = ns !== null && typeof ns === 'object' && 'module.exports' in ns ? ns['module.exports'] : ns;
  }
};
const detectedEsm = new Set();
const compileFailed = new WeakSet();
Module._extensions['.json'] = function (module, filename) {
  const content = mb.readFile(filename);
  try {
    module.exports = JSON.parse(content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content);
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};
Module._extensions['.node'] = function (module, filename) {
  throw errors.notImplemented(`Native addons (${filename})`);
};

function makeRequire(mod) {
  const require = function require(path) {
    return mod.require(path);
  };
  require.resolve = function resolve(request, options) {
    if (typeof request !== 'string') throw errors.invalidArgType('request', 'string', request);
    return Module._resolveFilename(request, mod, false, options);
  };
  require.resolve.paths = function paths(request) {
    if (internal.isBuiltin(request)) return null;
    return Module._resolveLookupPaths(request, mod);
  };
  Object.defineProperty(require, 'main', { get() { return mainModule; }, enumerable: true, configurable: true });
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

Module.createRequire = function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string') {
    filepath = fileURLToPath(filename);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    filepath = fileURLToPath(filename);
  } else if (typeof filename === 'string' && filename.startsWith('/')) {
    filepath = filename;
  } else {
    throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received ${internal.inspect(filename)}`);
  }
  const trailingSlash = filepath.endsWith('/');
  const proxyPath = trailingSlash ? `${filepath}noop.js` : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = nodeModulePaths(m.path);
  return makeRequire(m);
};
Module.register = () => { throw errors.notImplemented('module.register'); };
Module.syncBuiltinESMExports = () => { throw errors.notImplemented('module.syncBuiltinESMExports'); };
Module.findSourceMap = () => undefined;
Module.runMain = () => { throw errors.notImplemented('module.runMain'); };

// ---- module format (package.json "type") --------------------------------------------------
function formatOf(filename) {
  if (detectedEsm.has(filename)) return 'module';
  const ext = extname(filename);
  if (ext === '.mjs') return 'module';
  if (ext === '.cjs') return 'commonjs';
  if (ext === '.json') return 'json';
  if (ext === '.node') return 'addon';
  const pkg = readPackageScope(filename);
  if (pkg && pkg.type === 'module') return 'module';
  return 'commonjs';
}

// ---- ESM ---------------------------------------------------------------------------------
const evalSources = new Map();
// Synthetic modules for require(esm): name -> { source, meta }.
const facades = new Map();
let facadeCount = 0;
function runFacade(source, self) {
  const name = `${self}?nrt-require=${++facadeCount}`;
  const state = { done: false, ns: undefined };
  facades.set(name, {
    source: source.replaceAll('SELF', JSON.stringify(name)),
    meta: { __nrtDone: (ns) => { state.done = true; state.ns = ns; } },
  });
  const p = mb.importSync(name);
  p.catch(() => {});
  facades.delete(name);
  if (!state.done) {
    const [st, reason] = internal.natives.util.promiseState(p);
    if (st === 2) throw reason;
    throw errors.make(Error, 'ERR_REQUIRE_ASYNC_MODULE',
      'require() cannot be used on an ESM graph with top-level await. Use import() instead. ' +
      'To see where the top-level await comes from, use --experimental-print-required-tla.');
  }
  return state.ns;
}
function requireEsm(filename) {
  const f = JSON.stringify(filename);
  const ns = runFacade(`import * as ns from ${f};\nimport.meta.__nrtDone(ns);\n`, filename);
  if (!('default' in ns)) return ns;
  // node marks a namespace with a default export for CommonJS consumers.
  return runFacade(`export * from ${f};\nexport { default } from ${f};\nexport const __esModule = true;\n` +
    `import * as self from SELF;\nimport.meta.__nrtDone(self);\n`, filename);
}
const loadValues = new Map();
function esmNotFound(message, url) {
  const err = errors.make(Error, 'ERR_MODULE_NOT_FOUND', message);
  if (url !== undefined) {
    err.url = url;
    internal.markThrownInternally(err);
  } else {
    internal.markThrownInternally(err);
  }
  return err;
}
// Import attributes, checked as node 20 checks them (its codes still say ASSERTION).
function checkAttributes(resolved, type) {
  if (type !== undefined && type !== null && type !== 'json') {
    throw errors.make(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', `Import attribute type "${type}" is unsupported`);
  }
  if (!resolved.startsWith('/')) return;
  const isJson = formatOf(resolved) === 'json';
  if (isJson && type !== 'json') {
    throw errors.make(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_MISSING',
      `Module "${pathToFileURL(resolved)}" needs an import attribute of type "json"`);
  }
  if (!isJson && type === 'json') {
    throw errors.make(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_FAILED',
      `Module "${pathToFileURL(resolved)}" is not of type "json"`);
  }
}
function esmResolve(specifier, base, type) {
  const resolved = esmResolveName(specifier, base);
  checkAttributes(resolved, type);
  return resolved;
}
function esmResolveName(specifier, base) {
  if (evalSources.has(specifier) || facades.has(specifier)) return specifier;
  if (specifier.startsWith('node:') || internal.isBuiltin(specifier)) {
    if (!internal.isBuiltin(specifier)) {
      throw errors.make(Error, 'ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${specifier}`);
    }
    return specifier.startsWith('node:') ? specifier : `node:${specifier}`;
  }
  const baseDir = base.startsWith('/') ? dirname(base) : process.cwd();
  const baseName = base.startsWith('/') ? base : `${process.cwd()}/${base}`;
  let path;
  if (specifier.startsWith('file:')) {
    path = fileURLToPath(specifier);
  } else if (specifier.startsWith('/') || specifier.startsWith('./') || specifier.startsWith('../') ||
      specifier === '.' || specifier === '..') {
    path = resolvePath(baseDir, decodeURIComponent(specifier));
  } else if (specifier[0] === '#') {
    path = resolveImports(specifier, baseDir, ['node', 'import']);
  } else if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(specifier)) {
    throw errors.make(Error, 'ERR_UNSUPPORTED_ESM_URL_SCHEME',
      `Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '${specifier.slice(0, specifier.indexOf(':') + 1)}'`);
  } else {
    path = packageResolve(specifier, baseDir, baseName);
  }
  const st = mb.stat(path);
  if (st === 2) {
    throw errors.make(Error, 'ERR_UNSUPPORTED_DIR_IMPORT',
      `Directory import '${path}' is not supported resolving ES modules imported from ${baseName}`);
  }
  if (st !== 1) {
    throw esmNotFound(`Cannot find module '${path}' imported from ${baseName}`, pathToFileURL(path));
  }
  return mb.realpath(path);
}
function packageResolve(specifier, baseDir, baseName) {
  const parsed = parsePackageName(specifier);
  if (!parsed) {
    throw errors.make(TypeError, 'ERR_INVALID_MODULE_SPECIFIER',
      `Invalid module "${specifier}" is not a valid package name imported from ${baseName}`);
  }
  const self = readPackageScope(`${baseDir}/x`);
  if (self && self.name === parsed.name && self.exports != null) {
    return packageExportsResolve(dirname(self.path), parsed.subpath, self, ['node', 'import'], baseName);
  }
  for (const nm of nodeModulePaths(baseDir)) {
    const pkgDir = `${nm}/${parsed.name}`;
    if (mb.stat(pkgDir) !== 2) continue;
    const pkg = readPackage(pkgDir);
    if (pkg && pkg.exports != null) {
      return packageExportsResolve(pkgDir, parsed.subpath, pkg, ['node', 'import'], baseName);
    }
    if (parsed.subpath === '.') {
      const main = pkg && typeof pkg.main === 'string' ? resolvePath(pkgDir, pkg.main) : undefined;
      const candidates = main ? [main, `${main}.js`, `${main}.json`, `${main}/index.js`] : [];
      candidates.push(`${pkgDir}/index.js`);
      for (const c of candidates) if (mb.stat(c) === 1) return c;
      throw esmNotFound(`Cannot find package '${pkgDir}' imported from ${baseName}`);
    }
    return `${pkgDir}/${parsed.subpath.slice(2)}`;
  }
  throw esmNotFound(`Cannot find package '${parsed.name}' imported from ${baseName}`);
}
const identRe = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const reserved = new Set(['default', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue',
  'debugger', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for',
  'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch',
  'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let',
  'static', 'implements', 'interface', 'package', 'private', 'protected', 'public']);
function syntheticSource(name, value, withNames) {
  loadValues.set(name, value);
  let src = `const m = import.meta.__nrtValue; delete import.meta.__nrtValue;\nexport default m;\n`;
  if (withNames && value !== null && (typeof value === 'object' || typeof value === 'function')) {
    // Accessors of not-yet-implemented APIs throw when read: leave them out of the named
    // exports (importing one by name then fails at link time, loudly).
    const names = Object.keys(value).filter((k) => {
      if (!identRe.test(k) || reserved.has(k)) return false;
      const d = Object.getOwnPropertyDescriptor(value, k);
      if (d && d.get) {
        try { d.get.call(value); } catch { return false; }
      }
      return true;
    });
    if (names.length) src += `export const { ${names.join(', ')} } = m;\n`;
  }
  return src;
}
function esmLoad(name) {
  const facade = facades.get(name);
  if (facade !== undefined) return facade;
  if (evalSources.has(name)) {
    return { source: evalSources.get(name), meta: { url: `file://${process.cwd()}/${name}` } };
  }
  if (name.startsWith('node:')) {
    const exports = internal.requireBuiltin(name.slice(5));
    return { source: syntheticSource(name, exports, true), meta: { __nrtValue: exports } };
  }
  const format = formatOf(name);
  const meta = {
    url: pathToFileURL(name),
    filename: name,
    dirname: dirname(name),
    resolve: (spec) => {
      const r = esmResolveName(spec, name);
      return r.startsWith('/') ? pathToFileURL(r) : r;
    },
  };
  if (format === 'module') {
    let src = mb.readFile(name);
    if (src === undefined) throw esmNotFound(`Cannot find module '${name}'`, meta.url);
    if (src.startsWith('#!')) src = `//${src.slice(2)}`;
    internal.sourceCache.set(name, src);
    internal.esmFiles.add(name);
    return { source: src, meta };
  }
  if (format === 'json') {
    const text = mb.readFile(name);
    let value;
    try { value = JSON.parse(text); } catch (e) { e.message = `${name}: ${e.message}`; throw e; }
    return { source: syntheticSource(name, value, false), meta: { __nrtValue: value } };
  }
  if (format === 'addon') throw errors.notImplemented(`Native addons (${name})`);
  const exports = Module._load(name, null, false);
  return { source: syntheticSource(name, exports, true), meta: { __nrtValue: exports } };
}
Object.defineProperty(Module, '_esmResolve', { value: esmResolve });
// `-r`: required from a module in the working directory, as node's preload.
Module._preloadModules = function (requests) {
  const parent = new Module('internal/preload', null);
  parent.paths = nodeModulePaths(process.cwd());
  for (const r of requests) parent.require(r);
};
Object.defineProperty(Module, '_esmLoad', { value: esmLoad });

// ---- entry points ------------------------------------------------------------------------
let evalCount = 0;
function runMainModule(url) {
  const p = import(url);
  internal.mainPromise = p;
  // node reports a failed entry module as it reports a rejection (fromPromise).
  p.then(undefined, (err) => internal.hooks.fatalException(err, true));
}
Object.defineProperty(Module, '_runMain', {
  value(kind, main, inputTypeModule) {
    if (kind === 'file') {
      const path = resolvePath(main);
      let filename;
      try {
        filename = Module._resolveFilename(path, null, true);
      } catch (err) {
        internal.markThrownInternally(err);
        throw err;
      }
      process.argv[1] = filename;
      if (formatOf(filename) === 'module') {
        runMainModule(filename);
        return;
      }
      Module._load(filename, null, true);
      return;
    }
    const name = kind === 'stdin' ? '[stdin]' : '[eval]';
    if (inputTypeModule) {
      const id = `${name.slice(0, -1)}${++evalCount}]`;
      evalSources.set(id, main);
      runMainModule(id);
      return;
    }
    const m = new Module(name);
    m.filename = resolvePath(process.cwd(), name);
    m.paths = nodeModulePaths(process.cwd());
    m.loaded = true;
    const g = globalThis;
    g.__filename = name;
    g.__dirname = '.';
    g.exports = m.exports;
    g.module = m;
    g.require = makeRequire(m);
    internal.sourceCache.set(name, main);
    const run = kind === 'stdin' ? function nrtEvalStdin() { return mb.runScript(main, name); } :
      function nrtEvalString() { return mb.runScript(main, name); };
    const result = run();
    if (kind === 'print') {
      process.on('exit', () => console.log(result));
    }
  },
});

module.exports = Module;
