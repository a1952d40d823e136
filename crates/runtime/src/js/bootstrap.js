// nrt bootstrap: defines the globals and process, the built-in module table, error
// reporting as node prints it, nextTick and promise-rejection processing. Called once with
// the native bindings and the command-line options; hands its hooks back to Rust.
(function bootstrap(natives, options) {
  'use strict';
  const pb = natives.process;
  const hooks = { __proto__: null };
  const internal = { natives, hooks, errors: {} };
  // On a worker thread: `{ threadId, name, env }` (worker.rs); undefined on the main thread.
  internal.workerInfo = options.worker ?? undefined;
  const isWorker = internal.workerInfo !== undefined;

  // ---- Engine output shaped as V8's: stack traces, messages, locale strings (engine.js)
  const {
    creationSite, displayPath, errorHeader, errorLocation, thrownInternally, nodeErrors, sourceLine,
  } = natives.loadBuiltin('internal/engine')(internal, natives);

  // ---- Node-style errors -------------------------------------------------------------
  // `props` are defined before the stack's header is written (a SystemError's own `name`).
  // node's errors with a code inherit a toString giving `Name [CODE]: message` (tests and
  // programs match String(err) against the code) from a prototype between them and Base's.
  const codedPrototypes = new Map();
  const builtinErrors = new Set([Error, TypeError, RangeError, SyntaxError, URIError, EvalError, ReferenceError]);
  function codedPrototype(Base) {
    let proto = codedPrototypes.get(Base);
    if (proto === undefined) {
      proto = Object.create(Base.prototype, {
        constructor: { value: Base, writable: true, enumerable: false, configurable: true },
        toString: {
          value: function toString() { return `${this.name} [${this.code}]: ${this.message}`; },
          writable: true, enumerable: false, configurable: true,
        },
      });
      codedPrototypes.set(Base, proto);
    }
    return proto;
  }
  // Only node's own ERR_* errors print their code; libuv's (ENOENT…), OpenSSL's
  // (ERR_OSSL_*) and these, which node raises as plain errors with a code, do not.
  const plainCodes = new Set(['ERR_INVALID_URL', 'ERR_UNHANDLED_REJECTION']);
  function isNodeErrorCode(code) {
    return typeof code === 'string' && code.startsWith('ERR_') && !code.startsWith('ERR_OSSL_') &&
      !plainCodes.has(code);
  }
  function makeError(Base, code, message, props) {
    const e = new Base(message);
    if (builtinErrors.has(Base) && isNodeErrorCode(code) && Object.getPrototypeOf(e) === Base.prototype) {
      Object.setPrototypeOf(e, codedPrototype(Base));
    }
    nodeErrors.add(e);
    Object.defineProperty(e, 'code', { value: code, enumerable: true, writable: true, configurable: true });
    if (props !== undefined) Object.defineProperties(e, props);
    const s = e.stack;
    if (typeof s === 'string') {
      const nl = s.indexOf('\n');
      e.stack = errorHeader(e) + (nl === -1 ? '' : s.slice(nl));
    }
    return e;
  }
  // node's determineSpecificType (lib/internal/errors.js), the "Received …" part.
  function describeReceived(v) {
    if (v == null) return ` Received ${v}`;
    if (typeof v === 'function') return ` Received function ${v.name}`;
    if (typeof v === 'object') {
      if (v.constructor && v.constructor.name) return ` Received an instance of ${v.constructor.name}`;
      return ` Received ${internal.inspect(v, { depth: -1 })}`;
    }
    let inspected = internal.inspect(v, { colors: false });
    if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
    return ` Received type ${typeof v} (${inspected})`;
  }
  const errors = internal.errors;
  errors.make = makeError;
  // What a value is, in node's words (`type number (1)`, `an instance of Foo`, `null`).
  errors.specificType = (v) => describeReceived(v).slice(' Received '.length);
  internal.describeReceived = describeReceived;
  internal.errorHeader = errorHeader;
  // node throws its argument-validation errors from lib/internal/errors.js.
  const validationHeader = (e) => {
    thrownInternally.add(e);
    return e;
  };
  errors.invalidArgType = (name, expected, actual) => {
    // node-core words the expectation (types, then instances, then other phrases).
    const types = Array.isArray(expected) ? expected : [expected];
    return validationHeader(makeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `${natives.errors.argTypeExpectation(name, types)}.${describeReceived(actual)}`));
  };
  // Large integers print with `_` separators in ERR_OUT_OF_RANGE messages.
  const withSeparators = (digits) => {
    let out = '';
    let i = digits.length;
    const start = digits[0] === '-' ? 1 : 0;
    for (; i >= start + 4; i -= 3) out = `_${digits.slice(i - 3, i)}${out}`;
    return `${digits.slice(0, i)}${out}`;
  };
  const describeOutOfRange = (value) => {
    if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) return withSeparators(String(value));
    if (typeof value === 'bigint') {
      const big = value > 2n ** 32n || value < -(2n ** 32n);
      return `${big ? withSeparators(String(value)) : String(value)}n`;
    }
    return internal.inspect(value);
  };
  // A message whose "must be …" part node words specially (several kinds of expected type).
  errors.invalidArgTypeText = (name, expectedText, actual) => validationHeader(makeError(TypeError,
    'ERR_INVALID_ARG_TYPE', `The "${name}" ${name.includes('.') ? 'property' : 'argument'} must be ${expectedText}.${describeReceived(actual)}`));
  errors.outOfRange = (name, range, value) => validationHeader(makeError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${describeOutOfRange(value)}`));
  errors.notImplemented = (what) => makeError(Error, 'ERR_NOT_IMPLEMENTED',
    `${what} is not implemented in nrt yet`);
  // A function (or class) named `name` that exists, so destructuring at load time works,
  // and throws ERR_NOT_IMPLEMENTED naming `${moduleName}.${name}` when a program calls it.
  errors.notImplementedFunction = (moduleName, name) => ({
    [name]() { throw errors.notImplemented(`${moduleName}.${name}`); },
  })[name];
  errors.invalidArgValue = (name, value, reason = 'is invalid') => validationHeader(makeError(TypeError,
    'ERR_INVALID_ARG_VALUE', `The argument '${name}' ${reason}. Received ${internal.inspect(value)}`));
  errors.abort = (cause) => {
    const e = new Error('The operation was aborted');
    e.name = 'AbortError';
    Object.defineProperty(e, 'code', { value: 'ABORT_ERR', enumerable: true, writable: true, configurable: true });
    if (cause !== undefined) e.cause = cause;
    return e;
  };
  // Node's SystemError (lib/internal/errors.js): `info` is the context its caller passed,
  // with errno/syscall/path/dest accessors onto it.
  class SystemError extends Error {
    toString() { return `${this.name} [${this.code}]: ${this.message}`; }
    [Symbol.for('nodejs.util.inspect.custom')](depth, ctx) {
      return internal.inspect(this, { ...ctx, getters: true, customInspect: false });
    }
  }
  function systemInfo(code, message, errno, syscall, path, dest) {
    path ??= undefined;
    // Key order of node's context objects: lib/internal/fs/rimraf.js (rm),
    // lib/internal/fs/cp/cp-sync.js (cp), uvException's ctx (ERR_SYSTEM_ERROR).
    const info = syscall === 'rm' ? { code, message, path, syscall, errno }
      : syscall === 'cp' ? { message, path, syscall, errno, code }
        : { errno, code, message, syscall, path };
    if (path === undefined) delete info.path;
    if (dest !== undefined && dest !== null) info.dest = dest;
    return info;
  }
  function makeSystemError(code, message, info) {
    const props = {
      name: { value: 'SystemError', writable: true, configurable: true },
      info: { value: info, enumerable: true, writable: false, configurable: true },
    };
    for (const key of ['errno', 'syscall', 'path', 'dest']) {
      if (key in info) {
        props[key] = {
          enumerable: true,
          configurable: true,
          get() { return info[key]; },
          set(v) { info[key] = v; },
        };
      }
    }
    return makeError(SystemError, code, message, props);
  }
  hooks.makeError = (cls, code, message, sys) => {
    const Base = globalThis[cls] || Error;
    let e;
    if (sys && Array.isArray(sys.info)) {
      const { errno, syscall, path, dest, info } = sys;
      e = makeSystemError(code, message, systemInfo(info[0], info[1], errno, syscall, path, dest));
    } else if (sys) {
      const { errno, syscall, path, dest } = sys;
      e = new Base(message);
      if (errno !== undefined) e.errno = errno;
      e.code = code;
      e.syscall = syscall;
      if (path !== undefined && path !== null) e.path = path;
      if (dest !== undefined && dest !== null) e.dest = dest;
    } else {
      e = makeError(Base, code, message);
    }
    return e;
  };

  // ---- Built-in modules --------------------------------------------------------------
  const builtinNames = [
    '_http_agent', '_http_client', '_http_common', '_http_incoming', '_http_outgoing',
    '_http_server', '_stream_duplex', '_stream_passthrough', '_stream_readable',
    '_stream_transform', '_stream_wrap', '_stream_writable', '_tls_common', '_tls_wrap',
    'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console',
    'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain',
    'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector', 'inspector/promises',
    'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process',
    'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream',
    'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
    'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm',
    'wasi', 'worker_threads', 'zlib',
  ];
  const builtinSet = new Set(builtinNames);
  const schemeOnly = new Set(['test', 'test/reporters', 'sea']);
  const builtinCache = new Map();
  internal.builtinNames = builtinNames;
  internal.isBuiltin = (id) => {
    if (typeof id !== 'string') return false;
    if (id.startsWith('node:')) {
      const bare = id.slice(5);
      return builtinSet.has(bare) || schemeOnly.has(bare);
    }
    return builtinSet.has(id);
  };
  internal.partialModule = (name, impl, missing) => {
    for (const key of missing) {
      if (Object.prototype.hasOwnProperty.call(impl, key)) continue;
      Object.defineProperty(impl, key, {
        enumerable: true,
        configurable: true,
        get() { throw errors.notImplemented(`${name}.${key}`); },
      });
    }
    return impl;
  };
  const aliases = { sys: 'util', 'util/types': null };
  const streamAliases = {
    __proto__: null,
    _stream_duplex: 'Duplex',
    _stream_passthrough: 'PassThrough',
    _stream_readable: 'Readable',
    _stream_transform: 'Transform',
    _stream_writable: 'Writable',
  };
  function requireBuiltin(id, internalOk = false) {
    const name = id.startsWith('node:') ? id.slice(5) : id;
    const cached = builtinCache.get(name);
    if (cached !== undefined) return cached.exports;
    if (name === 'sys') return requireBuiltin('util');
    if (name === 'util/types') return requireBuiltin('util').types;
    if (name === 'dns/promises') return requireBuiltin('dns').promises;
    // node's deprecated `_stream_*` modules are the classes of `stream` themselves.
    if (streamAliases[name] !== undefined) return requireBuiltin('stream')[streamAliases[name]];
    if ((name.startsWith('internal/') && !internalOk) || !natives.hasBuiltin(name)) {
      throw makeError(Error, 'ERR_NOT_IMPLEMENTED',
        `The built-in module '${name}' is not implemented in nrt yet`);
    }
    const module = { exports: {}, id: name, loaded: false };
    builtinCache.set(name, module);
    try {
      const fn = natives.loadBuiltin(name);
      fn.call(module.exports, module.exports, requireBuiltin, module, internal, process);
    } catch (e) {
      builtinCache.delete(name);
      throw e;
    }
    module.loaded = true;
    return module.exports;
  }
  internal.requireBuiltin = requireBuiltin;
  internal.inspect = (...args) => requireBuiltin('util').inspect(...args);
  internal.format = (...args) => requireBuiltin('util').format(...args);
  void aliases;

  // ---- process -----------------------------------------------------------------------
  const EventEmitter = (() => {
    // events must exist before process; load it with a provisional process.
    const module = { exports: {} };
    const fn = natives.loadBuiltin('events');
    fn.call(module.exports, module.exports, requireBuiltin, module, internal, {
      emitWarning: (w) => process.emitWarning(w),
    });
    builtinCache.set('events', module);
    return module.exports;
  })();

  function Process() {}
  Object.setPrototypeOf(Process.prototype, EventEmitter.prototype);
  Object.defineProperty(Process, 'name', { value: 'process' });
  const process = new Process();
  EventEmitter.init.call(process);
  // Object.prototype.toString(process) is '[object process]' in node; packages (axios's
  // adapter choice) test it to tell node from a browser.
  Object.defineProperty(process, Symbol.toStringTag, {
    value: 'process', writable: true, enumerable: false, configurable: false,
  });
  process.title = 'nrt';
  process.version = options.version;
  process.versions = {
    node: options.version.slice(1),
    nrt: options.nrtVersion,
    quickjs: options.quickjsVersion,
    modules: '115',
    uv: '1.46.0',
  };
  process.arch = pb.arch;
  process.platform = pb.platform;
  process.release = { name: 'node', lts: 'Iron' };
  process.argv = options.argv;
  process.execArgv = options.execArgv;
  process.argv0 = options.argv[0] ? String(options.argv[0]).split('/').pop() : 'nrt';
  process.argv[0] = pb.execPath;
  process.execPath = pb.execPath;
  process.pid = pb.pid;
  process.ppid = pb.ppid;
  process.features = { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: false, tls: true, cached_builtins: true, typescript: false };
  process.config = { variables: {} };
  process.moduleLoadList = [];
  // The working directory is cached until chdir, as node does: path.resolve asks for it on
  // every call, and a system call each time is costly.
  let cachedCwd = '';
  process.cwd = function wrappedCwd() {
    if (cachedCwd === '') cachedCwd = pb.cwd();
    return cachedCwd;
  };
  process.chdir = function wrappedChdir(dir) {
    if (isWorker) {
      throw makeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', 'process.chdir() is not supported in workers');
    }
    if (typeof dir !== 'string') throw errors.invalidArgType('directory', 'string', dir);
    pb.chdir(dir);
    cachedCwd = '';
  };
  process.umask = (mask) => {
    if (mask === undefined) return pb.umask();
    // node's parseFileMode: an octal string or a 32-bit unsigned integer.
    if (typeof mask === 'string') {
      if (!/^[0-7]+$/.test(mask)) {
        throw makeError(TypeError, 'ERR_INVALID_ARG_VALUE',
          `The argument 'mask' must be a 32-bit unsigned integer or an octal string. Received ${internal.inspect(mask)}`);
      }
      mask = parseInt(mask, 8);
    }
    if (typeof mask !== 'number') throw errors.invalidArgType('mask', 'number', mask);
    if (!Number.isInteger(mask)) throw errors.outOfRange('mask', 'an integer', mask);
    if (mask < 0 || mask > 4294967295) throw errors.outOfRange('mask', '>= 0 && <= 4294967295', mask);
    return pb.umask(mask);
  };
  process.uptime = () => pb.uptime();
  function hrtime(prev) {
    const [s, ns] = pb.hrtime();
    if (prev !== undefined) {
      if (!Array.isArray(prev)) throw errors.invalidArgType('time', 'Array', prev);
      if (prev.length !== 2) throw errors.outOfRange('time', '2', prev.length);
      let ds = s - prev[0];
      let dns = ns - prev[1];
      if (dns < 0) { ds -= 1; dns += 1e9; }
      return [ds, dns];
    }
    return [s, ns];
  }
  hrtime.bigint = () => pb.hrtimeBigint();
  process.hrtime = hrtime;
  function memoryUsage() {
    const [rss, heapTotal, heapUsed, external, arrayBuffers] = pb.memoryUsage();
    return { rss, heapTotal, heapUsed, external, arrayBuffers };
  }
  memoryUsage.rss = () => pb.rss();
  process.memoryUsage = memoryUsage;
  process.cpuUsage = function cpuUsage(prev) {
    const [user, system] = pb.rusage();
    if (prev !== undefined) {
      if (prev === null || typeof prev !== 'object') throw errors.invalidArgType('prevValue', 'Object', prev);
      for (const key of ['user', 'system']) {
        const v = prev[key];
        if (typeof v !== 'number') throw errors.invalidArgType(`prevValue.${key}`, 'number', v);
        if (v < 0 || !Number.isFinite(v)) {
          throw makeError(RangeError, 'ERR_INVALID_ARG_VALUE',
            `The property 'prevValue.${key}' is invalid. Received ${internal.inspect(v)}`);
        }
      }
      return { user: user - prev.user, system: system - prev.system };
    }
    return { user, system };
  };
  process.resourceUsage = function resourceUsage() {
    const r = pb.rusage();
    const names = ['userCPUTime', 'systemCPUTime', 'maxRSS', 'sharedMemorySize', 'unsharedDataSize',
      'unsharedStackSize', 'minorPageFault', 'majorPageFault', 'swappedOut', 'fsRead', 'fsWrite',
      'ipcSent', 'ipcReceived', 'signalsCount', 'voluntaryContextSwitches', 'involuntaryContextSwitches'];
    const out = {};
    names.forEach((n, i) => { out[n] = r[i]; });
    return out;
  };
  process.getuid = () => pb.ids()[0];
  process.geteuid = () => pb.ids()[1];
  process.getgid = () => pb.ids()[2];
  process.getegid = () => pb.ids()[3];
  for (const name of ['setuid', 'setgid', 'seteuid', 'setegid', 'setgroups', 'initgroups', 'getgroups']) {
    process[name] = () => { throw errors.notImplemented(`process.${name}`); };
  }
  process.constrainedMemory = () => pb.constrainedMemory() ?? undefined;
  process.availableMemory = () => pb.totalMemory();
  // Null prototype: an event named '__proto__' or 'toString' is no signal.
  const signals = { __proto__: null, SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31 };
  process.kill = (pid, sig = 'SIGTERM') => {
    if (pid != (pid | 0)) throw errors.invalidArgType('pid', 'number', pid);
    let n = sig;
    if (typeof sig === 'string') {
      n = signals[sig];
      if (n === undefined) throw makeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${sig}`);
    }
    pb.kill(pid | 0, n | 0);
    return true;
  };
  process.abort = () => pb.reallyExit(134);
  process.allowedNodeEnvironmentFlags = new Set([
    '--max-old-space-size', '--stack-size', '--expose-gc', '--input-type', '--require', '-r',
    '--no-warnings', '--no-deprecation', '--unhandled-rejections',
  ]);
  let captureCallback = null;
  process.setUncaughtExceptionCaptureCallback = function (fn) {
    if (fn === null) {
      captureCallback = null;
      return;
    }
    if (typeof fn !== 'function') throw errors.invalidArgType('fn', ['Function', 'null'], fn);
    if (captureCallback !== null) {
      throw makeError(Error, 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
        '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active');
    }
    captureCallback = fn;
  };
  process.hasUncaughtExceptionCaptureCallback = () => captureCallback !== null;
  internal.captureCallback = () => captureCallback;
  process.setSourceMapsEnabled = () => { throw errors.notImplemented('process.setSourceMapsEnabled'); };
  // Signal events: listening starts with the first listener, stops with the last.
  const watchedSignals = new Set();
  const signalNames = Object.keys(signals);
  // Workers get no signals (node: signal events are not delivered in workers).
  if (!isWorker) process.on('newListener', (ev) => {
    if (typeof ev !== 'string' || signals[ev] === undefined || watchedSignals.has(ev)) return;
    if (ev === 'SIGKILL' || ev === 'SIGSTOP') {
      throw makeError(Error, 'EINVAL', `uv_signal_start ${ev} EINVAL`);
    }
    if (pb.signalWatch(signals[ev])) watchedSignals.add(ev);
  });
  process.on('removeListener', (ev) => {
    if (watchedSignals.has(ev) && process.listenerCount(ev) === 0) {
      watchedSignals.delete(ev);
      pb.signalUnwatch(signals[ev]);
    }
  });
  hooks.signal = (signum) => {
    const name = signalNames.find((n) => signals[n] === signum);
    if (name !== undefined) process.emit(name, name, signum);
  };

  // process.env: live view of the OS environment.
  // A worker's own copy unless it shares the environment (SHARE_ENV).
  if (isWorker && internal.workerInfo.env !== null) process.env = internal.workerInfo.env;
  else process.env = new Proxy({}, {
    // What the environment lacks comes from Object.prototype, as in node.
    get(t, k) {
      const v = typeof k === 'string' ? pb.getEnv(k) : null;
      return v != null ? v : Reflect.get(t, k);
    },
    set(t, k, v) {
      // A template literal throws node's TypeError for a symbol key or value.
      pb.setEnv(`${k}`, `${v}`);
      return true;
    },
    has(t, k) { return (typeof k === 'string' && pb.getEnv(k) != null) || k in t; },
    deleteProperty(t, k) { if (typeof k === 'string') pb.delEnv(k); return true; },
    ownKeys() { return pb.envKeys(); },
    getOwnPropertyDescriptor(t, k) {
      if (typeof k !== 'string') return undefined;
      const v = pb.getEnv(k);
      if (v == null) return undefined;
      return { value: v, writable: true, enumerable: true, configurable: true };
    },
    defineProperty(t, k, d) {
      if ('get' in d || 'set' in d) {
        throw makeError(TypeError, 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
          "'process.env' does not accept an accessor(getter/setter) descriptor");
      }
      if (!d.configurable || !d.writable || !d.enumerable) {
        throw makeError(TypeError, 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
          "'process.env' only accepts a configurable, writable, and enumerable data descriptor");
      }
      pb.setEnv(`${k}`, `${d.value}`);
      return true;
    },
  });

  // exit, exitCode
  let exitCode;
  function validateExitCode(code) {
    if (code === undefined || code === null) return code;
    if (typeof code === 'string' && /^-?\d+$/.test(code.trim())) return Number(code);
    if (typeof code !== 'number') throw errors.invalidArgType('code', 'number', code);
    if (!Number.isInteger(code)) throw errors.outOfRange('code', 'an integer', code);
    return code;
  }
  Object.defineProperty(process, 'exitCode', {
    enumerable: true,
    configurable: false,
    get() { return exitCode; },
    set(code) { exitCode = validateExitCode(code); },
  });
  process._exiting = false;
  process.exit = function exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode || 0);
    }
    pb.reallyExit((process.exitCode || 0) | 0);
  };
  process.reallyExit = (code) => pb.reallyExit(code | 0);
  hooks.emitBeforeExit = () => {
    if (!process._exiting) process.emit('beforeExit', process.exitCode || 0);
  };
  hooks.emitExit = () => {
    const mp = internal.mainPromise;
    if (mp !== undefined && natives.util.promiseState(mp)[0] === 0 && !process._exiting &&
        (exitCode === undefined || exitCode === 0)) {
      // node 20 exits 13 without a message here.
      exitCode = 13;
    }
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode || 0);
    }
    return (process.exitCode || 0) | 0;
  };

  // warnings
  process.emitWarning = function emitWarning(warning, type, code, ctor) {
    let detail;
    if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
      ctor = type.ctor; code = type.code;
      if (typeof type.detail === 'string') detail = type.detail;
      type = type.type || 'Warning';
    } else if (typeof type === 'function') {
      ctor = type; code = undefined; type = 'Warning';
    }
    if (type !== undefined && typeof type !== 'string') throw errors.invalidArgType('type', 'string', type);
    if (typeof code === 'function') { ctor = code; code = undefined; }
    if (code !== undefined && typeof code !== 'string') throw errors.invalidArgType('code', 'string', code);
    if (typeof warning === 'string') {
      const w = new Error(warning);
      w.name = String(type || 'Warning');
      if (code !== undefined) w.code = code;
      if (detail !== undefined) w.detail = detail;
      warning = w;
    } else if (!(warning instanceof Error)) {
      throw errors.invalidArgType('warning', ['Error', 'string'], warning);
    }
    if (warning.name === 'DeprecationWarning') {
      if (process.noDeprecation) return;
      if (process.throwDeprecation) {
        internal.markThrownInternally(warning);
        nextTick(() => { throw warning; });
        return;
      }
    }
    nextTick(() => {
      process.emit('warning', warning);
    });
  };
  let warnedTraceHint = false;
  if (options.noDeprecation) process.noDeprecation = true;
  if (options.traceDeprecation) process.traceDeprecation = true;
  if (options.throwDeprecation) process.throwDeprecation = true;
  // node's default 'warning' printer (lib/internal/process/warning.js).
  if (!options.noWarnings) process.on('warning', (warning) => {
    if (!(warning instanceof Error)) return;
    const isDeprecation = warning.name === 'DeprecationWarning';
    if (isDeprecation && process.noDeprecation) return;
    const trace = options.traceWarnings || (isDeprecation && process.traceDeprecation);
    let msg = `(${process.release.name}:${process.pid}) `;
    if (warning.code) msg += `[${warning.code}] `;
    if (trace && warning.stack) msg += `${warning.stack}`;
    else msg += typeof warning.toString === 'function' ? `${warning.toString()}` : `${warning.name}: ${warning.message}`;
    if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
    if (!trace && !warnedTraceHint) {
      warnedTraceHint = true;
      const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
      const argv0 = String(process.argv0 || 'node').split('/').pop().replace(/\.exe$/, '');
      msg += `\n(Use \`${argv0} ${flag} ...\` to show where the warning was created)`;
    }
    // Through process.stderr once it exists, as node's printer (a patched write sees it).
    if (internal.stdioWrite) internal.stdioWrite(2, `${msg}\n`);
    else pb.write(2, `${msg}\n`);
  });

  // ---- nextTick ----------------------------------------------------------------------
  let tickQueue = [];
  let tickHead = 0;
  let ticksScheduled = false;
  function nextTick(callback, ...args) {
    if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'Function', callback);
    if (process._exiting) return;
    // No arguments: keep no array, so the rest array dies here instead of a million of
    // them living in the queue (fresh pages and GC work at every tick-heavy burst).
    tickQueue.push(callback, args.length === 0 ? undefined : args);
    if (!ticksScheduled) {
      ticksScheduled = true;
      pb.scheduleTicks();
    }
  }
  process.nextTick = nextTick;
  hooks.runTicks = function nrtRunTicks() {
    ticksScheduled = false;
    while (tickHead < tickQueue.length) {
      const cb = tickQueue[tickHead];
      const args = tickQueue[tickHead + 1];
      tickQueue[tickHead] = tickQueue[tickHead + 1] = undefined;
      tickHead += 2;
      try {
        if (args === undefined) cb();
        else Reflect.apply(cb, undefined, args);
      } catch (err) {
        if (tickHead < tickQueue.length && !ticksScheduled) {
          ticksScheduled = true;
          pb.scheduleTicks();
        }
        throw err;
      }
    }
    tickQueue = [];
    tickHead = 0;
  };
  // For callers that run node's checkpoint themselves (the immediate batch in timers.js).
  internal.ticksPending = () => tickHead < tickQueue.length;

  // ---- uncaught exceptions and unhandled rejections (fatal.js) ----------------------
  natives.loadBuiltin('internal/fatal')(internal, natives, options, process, makeError, nextTick, {
    creationSite, displayPath, errorLocation, thrownInternally, nodeErrors, sourceLine,
  });

  // ---- stdio (stdio.js) ------------------------------------------------------------
  natives.loadBuiltin('internal/stdio')(internal, natives, process, EventEmitter, nextTick);

  // ---- globals -----------------------------------------------------------------------
  function defineGlobal(name, value) {
    Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });
  }
  function lazyGlobal(name, load) {
    Object.defineProperty(globalThis, name, {
      enumerable: false,
      configurable: true,
      get() {
        const value = load();
        defineGlobal(name, value);
        return value;
      },
      set(value) { defineGlobal(name, value); },
    });
  }
  Object.defineProperty(globalThis, 'global', { value: globalThis, writable: true, enumerable: true, configurable: true });
  // node's `process` global is an accessor pair (a program may replace it).
  {
    let value = process;
    Object.defineProperty(globalThis, 'process', {
      enumerable: false,
      configurable: true,
      get: function get() { return value; },
      set: function set(v) { value = v; },
    });
  }
  internal.process = process;
  lazyGlobal('console', () => requireBuiltin('console'));
  const timers = requireBuiltin('timers');
  // node's enumerable globals, in node's order.
  const enumerableGlobal = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, enumerable: true, configurable: true });
  for (const name of ['clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout']) {
    delete globalThis[name];
    enumerableGlobal(name, timers[name]);
  }
  const webExports = natives.loadBuiltin('internal/web')(internal);
  internal.web = webExports;
  const qm = globalThis.queueMicrotask;
  delete globalThis.queueMicrotask;
  enumerableGlobal('queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'Function', callback);
    qm(function nrtRunMicrotask() {
      try {
        callback();
      } catch (err) {
        // node reports a failing microtask from its creation site, not the throw.
        creationSite.add(err);
        throw err;
      }
    });
  });
  for (const name of ['structuredClone', 'atob', 'btoa', 'performance']) {
    delete globalThis[name];
    enumerableGlobal(name, webExports[name]);
  }
  for (const name of Object.keys(webExports)) {
    if (!Object.prototype.hasOwnProperty.call(globalThis, name) || !Object.getOwnPropertyDescriptor(globalThis, name).enumerable) {
      defineGlobal(name, webExports[name]);
    }
  }
  // node's Buffer, Blob and File globals are accessor pairs, not data properties.
  for (const name of ['Buffer', 'Blob', 'File']) {
    let value;
    Object.defineProperty(globalThis, name, {
      enumerable: false,
      configurable: true,
      get: { [`get ${name}`]() {
        if (value === undefined) value = requireBuiltin('buffer')[name];
        return value;
      } }[`get ${name}`],
      set: { [`set ${name}`](v) { value = v; } }[`set ${name}`],
    });
  }
  // The web-stream classes are accessor pairs too, loading stream/web on first use.
  for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest', 'ReadableByteStreamController', 'ReadableStreamDefaultController',
    'TransformStream', 'TransformStreamDefaultController', 'WritableStream', 'WritableStreamDefaultWriter',
    'WritableStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
    'TextEncoderStream', 'TextDecoderStream', 'CompressionStream', 'DecompressionStream']) {
    let value;
    Object.defineProperty(globalThis, name, {
      enumerable: false,
      configurable: true,
      get: { [`get ${name}`]() {
        if (value === undefined) value = requireBuiltin('stream/web')[name];
        return value;
      } }[`get ${name}`],
      set: { [`set ${name}`](v) { value = v; } }[`set ${name}`],
    });
  }
  // node 20's global `crypto` is Web Crypto, behind an enumerable getter.
  Object.defineProperty(globalThis, 'crypto', {
    enumerable: true,
    configurable: true,
    get() { return requireBuiltin('crypto').webcrypto; },
  });
  lazyGlobal('MessageChannel', () => requireBuiltin('worker_threads').MessageChannel);
  lazyGlobal('MessagePort', () => requireBuiltin('worker_threads').MessagePort);
  lazyGlobal('BroadcastChannel', () => requireBuiltin('worker_threads').BroadcastChannel);
  lazyGlobal('MessageEvent', () => {
    requireBuiltin('worker_threads');
    return internal.MessageEvent;
  });
  // fetch is an enumerable data property; Headers, Request, Response and FormData are
  // accessor pairs (node 20's shapes). All load internal/fetch on first use.
  let fetchExports;
  const fetchModule = () => (fetchExports ??= requireBuiltin('internal/fetch', true));
  Object.defineProperty(globalThis, 'fetch', {
    enumerable: true,
    configurable: true,
    writable: true,
    value: function fetch(input, init = undefined) { return fetchModule().fetch(input, init); },
  });
  for (const name of ['FormData', 'Headers', 'Request', 'Response']) {
    let value;
    Object.defineProperty(globalThis, name, {
      enumerable: false,
      configurable: true,
      get: { [`get ${name}`]() {
        if (value === undefined) value = fetchModule()[name];
        return value;
      } }[`get ${name}`],
      set: { [`set ${name}`](v) { value = v; } }[`set ${name}`],
    });
  }
  lazyGlobal('URL', () => requireBuiltin('url').URL);
  lazyGlobal('URLSearchParams', () => requireBuiltin('url').URLSearchParams);
  if (options.exposeGc) defineGlobal('gc', () => pb.gc());

  // ---- main --------------------------------------------------------------------------
  hooks.runRepl = function nrtRepl() {
    requireBuiltin('internal/repl', true)();
  };
  hooks.runMain = function nrtRunMain() {
    const Module = requireBuiltin('module');
    // A child forked with an IPC channel (node's NODE_CHANNEL_FD) gets process.send & co.
    if (pb.getEnv('NODE_CHANNEL_FD') != null) requireBuiltin('child_process')._setupProcessChannel();
    // A cluster worker (node's NODE_UNIQUE_ID): tells the primary it is online, and its
    // servers' listen() goes through the primary.
    if (pb.getEnv('NODE_UNIQUE_ID') != null && process.send !== undefined) {
      internal.clusterWorker = true;
      requireBuiltin('cluster')._setupWorker();
    }
    if (options.preload.length > 0) Module._preloadModules(options.preload);
    Module._runMain(options.kind, options.main, options.inputTypeModule);
  };
  hooks.esmResolve = (specifier, base, type) => requireBuiltin('module')._esmResolve(specifier, base, type);
  hooks.esmLoad = (name) => requireBuiltin('module')._esmLoad(name);
  hooks.processTimers = function nrtProcessTimers(now) { timers._processTimers(now); };
  hooks.runImmediates = function nrtProcessImmediate() { timers._runImmediates(); };
  natives.setHooks(hooks);
})
