// nrt bootstrap: defines the globals and process, the built-in module table, error
// reporting as node prints it, nextTick and promise-rejection processing. Called once with
// the native bindings and the command-line options; hands its hooks back to Rust.
(function bootstrap(natives, options) {
  'use strict';
  const pb = natives.process;
  const hooks = { __proto__: null };
  const internal = { natives, hooks, errors: {} };

  // ---- Stack traces in V8's format ---------------------------------------------------
  const sourceCache = new Map(); // filename -> source text, for carets and V8 columns
  internal.sourceCache = sourceCache;
  const errorLocation = new WeakMap(); // error -> { file, line, column } of its top frame
  const nodeErrors = new WeakSet(); // errors whose header shows `[code]`
  const fatalHeaders = new WeakMap(); // error -> node's internal source location, when fatal
  const creationSite = new WeakSet(); // errors whose fatal caret is where they were made

  function sourceLine(file, line) {
    let src = sourceCache.get(file);
    if (src === undefined) return undefined;
    if (typeof src === 'string') {
      src = src.split('\n');
      sourceCache.set(file, src);
    }
    return src[line - 1];
  }
  // QuickJS points `new Foo()` at `Foo`; V8 at `new`.
  function v8Column(file, line, col) {
    const text = sourceLine(file, line);
    if (text === undefined) return col;
    if (col > 4 && text.slice(col - 5, col - 1) === 'new ') return col - 4;
    // QuickJS points a method call at the dot; V8 at the property name.
    if (text[col - 1] === '.' && /[A-Za-z_$#]/.test(text[col] || '')) return col + 1;
    return col;
  }
  function errorHeader(err) {
    let name, message;
    try {
      name = err.name === undefined ? 'Error' : String(err.name);
      message = err.message === undefined ? '' : String(err.message);
      if (nodeErrors.has(err) && err.code !== undefined) name = `${name} [${err.code}]`;
    } catch {
      return '<error>';
    }
    if (name === '') return message;
    if (message === '') return name;
    return `${name}: ${message}`;
  }
  const wrappedFiles = new Set(); // CommonJS files: line 1 carries the wrapper
  internal.wrappedFiles = wrappedFiles;
  const esmFiles = new Set(); // ES modules: node shows their frames as file URLs
  internal.esmFiles = esmFiles;
  const fileUrl = (p) => `file://${encodeURI(p).replace(/\?/g, '%3F').replace(/#/g, '%23')}`;
  const displayPath = (p) => (esmFiles.has(p) ? fileUrl(p) : p);
  const wrapHead = natives.module.wrapHeadLength;
  function formatFrame(cs, next, knownColumn) {
    // V8 names methods by receiver type: `Foo.bar`, `new Foo`, `async fn`.
    let file = cs.getFileName();
    const fn = cs.getFunctionName();
    if (file === undefined || file === null || file === '') {
      return fn ? `${fn} (native)` : 'native';
    }
    if (file === '<eval>') file = '[eval]';
    let line = cs.getLineNumber();
    let col = cs.getColumnNumber();
    if (line === 1 && wrappedFiles.has(file)) col = Math.max(1, col - wrapHead);
    if (line > 0) col = v8Column(file, line, col);
    if (knownColumn !== undefined) col = knownColumn;
    const loc = line > 0 ? `${displayPath(file)}:${line}:${col}` : displayPath(file);
    const nextName = next && next.getFunctionName();
    if (nextName === 'nrtListOnTimeout') {
      return fn && fn !== '<anonymous>' ? `Timeout.${fn} [as _onTimeout] (${loc})` : `Timeout._onTimeout (${loc})`;
    }
    if (nextName === 'nrtProcessImmediate') {
      return `Immediate.${fn && fn !== '<anonymous>' ? fn : '<anonymous>'} (${loc})`;
    }
    if (!fn || fn === '<eval>' || fn === '<anonymous>') {
      const nextFn = next && next.getFunctionName();
      if (fn === '<eval>' && (file === '[eval]' || file === '[stdin]')) return loc;
      if (fn === '<eval>' || (wrappedFiles.has(file) && nextFn === 'nrtCompile')) {
        return `Object.<anonymous> (${loc})`;
      }
      return loc;
    }
    return `${cs.isConstructor && cs.isConstructor() ? 'new ' : ''}${fn} (${loc})`;
  }
  // QuickJS's wording of engine errors, rewritten to V8's (what node prints).
  const messageRewrites = [
    [/^cannot read property '(.*)' of (null|undefined)$/, "Cannot read properties of $2 (reading '$1')"],
    [/^cannot set property '(.*)' of (null|undefined)$/, "Cannot set properties of $2 (setting '$1')"],
    [/^unexpected token in expression: (.*)$/, 'Unexpected token $1'],
    [/^unexpected token in expression$/, 'Unexpected token'],
    [/^unexpected end of input$/, 'Unexpected end of input'],
    [/^unexpected end of string$/, 'Invalid or unexpected token'],
    [/^invalid redefinition of lexical identifier$/, 'Identifier has already been declared'],
    [/^'(.*)' is not initialized$/, "Cannot access '$1' before initialization"],
    [/^(.*) is not initialized$/, "Cannot access '$1' before initialization"],
    [/^stack overflow$/, 'Maximum call stack size exceeded'],
    [/^invalid array length$/, 'Invalid array length'],
    [/^empty array$/, 'Reduce of empty array with no initial value'],
    [/^cannot convert symbol to string$/, 'Cannot convert a Symbol value to a string'],
    [/^(.*) is not iterable$/, '$1 is not iterable'],
    [/^Division by zero$/, 'Division by zero'],
    [/^Maximum call stack size exceeded$/, 'Maximum call stack size exceeded'],
    [/^out of memory$/, 'out of memory'],
  ];
  const engineErrors = new Set([TypeError.prototype, ReferenceError.prototype, SyntaxError.prototype, RangeError.prototype, Error.prototype]);
  function rewriteMessage(err) {
    try {
      if (!engineErrors.has(Object.getPrototypeOf(err))) return;
      const m = err.message;
      if (typeof m !== 'string') return;
      for (const [re, to] of messageRewrites) {
        if (re.test(m)) {
          Object.defineProperty(err, 'message', { value: m.replace(re, to), writable: true, enumerable: false, configurable: true });
          return;
        }
      }
    } catch { /* frozen or exotic: leave it */ }
  }
  internal.rewriteMessage = rewriteMessage;
  const kLazyStack = '\u0000nrt-lazy-stack\u0000';
  // Parse errors: name the token as V8 does, from the source at the error position.
  function fixSyntaxError(err, loc) {
    let lines = sourceCache.get(loc.file);
    if (lines === undefined) return;
    if (typeof lines === 'string') {
      lines = lines.split('\n');
      sourceCache.set(loc.file, lines);
    }
    const setMsg = (m) => Object.defineProperty(err, 'message', { value: m, writable: true, enumerable: false, configurable: true });
    if (loc.line > lines.length) {
      // Past the end of the file (into our CommonJS wrapper): the input ended too early.
      setMsg('Unexpected end of input');
      loc.line = lines.length;
      loc.column = 0;
      return;
    }
    const text = lines[loc.line - 1];
    const before = text.slice(0, loc.column - 1);
    const at = text.slice(loc.column - 1);
    const msg = err.message;
    if (/^(invalid redefinition of lexical identifier|Identifier has already been declared)$/.test(msg)) {
      const m = /([A-Za-z_$][\w$]*)\s*$/.exec(before);
      if (m) {
        setMsg(`Identifier '${m[1]}' has already been declared`);
        loc.column = m.index + 1;
      }
    } else if (/^expecting '.*'$/.test(msg)) {
      const id = /^[A-Za-z_$][\w$]*/.exec(at);
      if (id) setMsg(`Unexpected identifier '${id[0]}'`);
      else if (at.trim().length) setMsg(`Unexpected token '${at.trim()[0]}'`);
      else setMsg('Unexpected end of input');
    } else if (msg === 'missing initializer for variable') {
      setMsg('Missing initializer in const declaration');
      const m = /([A-Za-z_$][\w$]*)\s*$/.exec(before);
      if (m) loc.column = m.index + 1;
    } else if (msg === 'invalid keyword: with') {
      setMsg('Strict mode code may not include a with statement');
    } else if (/^super\(\) is only valid/.test(msg)) {
      setMsg("'super' keyword unexpected here");
      const at2 = before.lastIndexOf('super');
      if (at2 !== -1) loc.column = at2 + 1;
    }
  }
  // V8 keeps `stack` as an own data property anyone may overwrite (even with undefined).
  {
    const d = Object.getOwnPropertyDescriptor(Error.prototype, 'stack');
    if (d && d.set && d.get) {
      const origGet = d.get;
      Object.defineProperty(Error.prototype, 'stack', {
        configurable: true,
        enumerable: false,
        // V8 writes the `Name: message` header when the stack is first read, so a `name`
        // set after construction (subclasses, `err.name = …`) shows; so do we.
        get() {
          const v = origGet.call(this);
          if (typeof v === 'string' && v.startsWith(kLazyStack)) {
            const full = errorHeader(this) + v.slice(kLazyStack.length);
            Object.defineProperty(this, 'stack', { value: full, writable: true, enumerable: false, configurable: true });
            return full;
          }
          return v;
        },
        set(v) {
          Object.defineProperty(this, 'stack', { value: v, writable: true, enumerable: false, configurable: true });
        },
      });
    }
  }
  let callSitesPatched = false;
  function patchCallSites(cs) {
    callSitesPatched = true;
    const proto = Object.getPrototypeOf(cs);
    const add = (name, fn) => {
      if (!Object.prototype.hasOwnProperty.call(proto, name)) {
        Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
      }
    };
    add('isEval', () => false);
    add('getEvalOrigin', () => undefined);
    add('getTypeName', () => null);
    add('getMethodName', () => null);
    add('getThis', () => undefined);
    add('isToplevel', function () { return !this.getFunctionName(); });
    add('isAsync', () => false);
    add('isPromiseAll', () => false);
    add('getPromiseIndex', () => null);
    add('getScriptNameOrSourceURL', function () { return this.getFileName(); });
    add('getScriptHash', () => '');
    add('getEnclosingColumnNumber', () => null);
    add('getEnclosingLineNumber', () => null);
    add('getPosition', () => 0);
    add('toString', function () { return formatFrame(this, undefined); });
  }
  Error.prepareStackTrace = function prepareStackTrace(err, callsites) {
    if (!callSitesPatched && callsites.length > 0) patchCallSites(callsites[0]);
    if (err instanceof Error) rewriteMessage(err);
    let first;
    for (const cs of callsites) {
      const f = cs.getFileName();
      if (f && f !== 'node:internal/bootstrap' && !f.startsWith('node:') && cs.getLineNumber() > 0) {
        const line = cs.getLineNumber();
        let col = cs.getColumnNumber();
        if (line === 1 && wrappedFiles.has(f)) col = Math.max(1, col - wrapHead);
        col = v8Column(f, line, col);
        if (err instanceof Error) {
          // QuickJS may place `new Foo(…, new Bar())` at a later token; V8 at `new Foo`.
          const text = sourceLine(f, line);
          const ctorName = err.constructor && err.constructor.name;
          if (text !== undefined && ctorName && !text.startsWith(`new ${ctorName}(`, col - 1)) {
            const at = text.lastIndexOf(`new ${ctorName}(`, col - 1);
            if (at !== -1 && text.indexOf(`new ${ctorName}(`, at + 1) === -1) col = at + 1;
          }
        }
        const pm = err instanceof TypeError && /^Cannot (?:read|set) properties of (?:null|undefined) \((?:reading|setting) '(.*)'\)$/.exec(err.message);
        if (pm) {
          const text = sourceLine(f, line);
          const at = text === undefined ? -1 : text.indexOf(`.${pm[1]}`, col - 1);
          if (at !== -1) col = at + 2;
        }
        if (err instanceof ReferenceError) {
          const text = sourceLine(f, line);
          const cond = text === undefined ? null : /^(\s*)(?:if|while)\s*\(\s*!?\s*$/.exec(text.slice(0, col - 1));
          if (cond) col = cond[1].length + 1;
        }
        if (err instanceof TypeError && err.message === 'not a function') {
          // QuickJS does not name the callee; V8 does (`o.method is not a function`).
          const text = sourceLine(f, line);
          if (text !== undefined) {
            const rest = text.slice(col - 1);
            const ctor = /^new\s+((?:[A-Za-z_$][\w$]*\s*\.\s*)*[A-Za-z_$][\w$]*)\s*\(/.exec(rest);
            let ident = /^[A-Za-z_$][\w$]*/.exec(rest);
            if (ident && !/^\s*[(`]/.test(rest.slice(ident[0].length))) ident = null;
            const chain = /((?:[A-Za-z_$][\w$]*\s*\.\s*)*)$/.exec(text.slice(0, col - 1));
            let msg;
            if (ctor) msg = `${ctor[1].replace(/\s+/g, '')} is not a constructor`;
            else if (ident && chain) msg = `${chain[1].replace(/\s+/g, '')}${ident[0]} is not a function`;
            if (msg !== undefined) {
              Object.defineProperty(err, 'message', { value: msg, writable: true, enumerable: false, configurable: true });
            }
          }
        }
        first = { file: f === '<eval>' ? '[eval]' : f, line, column: col };
        break;
      }
    }
    if (first !== undefined && err instanceof SyntaxError && callsites.length > 1 &&
        callsites[1].getFunctionName() === 'nrtCompile') {
      fixSyntaxError(err, first);
    }
    if (first !== undefined && err !== null && typeof err === 'object') {
      try { if (!errorLocation.has(err)) errorLocation.set(err, first); } catch { /* frozen */ }
    }
    const onlyInternal = first === undefined;
    const frames = [];
    let evalDone = false;
    let i0 = 0;
    // V8 leaves out the constructors of Error subclasses (it collects frames from new.target).
    if (err instanceof Error && Object.getPrototypeOf(err) !== Error.prototype) {
      const names = new Set();
      for (let p = Object.getPrototypeOf(err); p && p !== Error.prototype; p = Object.getPrototypeOf(p)) {
        const c = Object.getOwnPropertyDescriptor(p, 'constructor');
        if (c && typeof c.value === 'function' && !engineErrors.has(p)) names.add(c.value.name);
      }
      while (i0 < callsites.length && callsites[i0].isConstructor && callsites[i0].isConstructor() &&
        names.has(callsites[i0].getFunctionName())) i0++;
    }
    let compileError = false;
    if (err instanceof SyntaxError && callsites.length > 1) {
      // A parse error of a CommonJS file: QuickJS reports the parse position as a frame
      // right above our compile step.
      if (callsites[1].getFunctionName() === 'nrtCompile') {
        i0 = 1;
        compileError = true;
      }
    }
    for (let i = i0; i < callsites.length; i++) {
      const cs = callsites[i];
      const f = cs.getFileName();
      const fn = cs.getFunctionName();
      // Our loader and loop entry points stand for node's internals: print node's frames
      // there (v20.20.2's), so stacks read as node's. Other built-in frames are left out
      // unless there is nothing else to show.
      const emulated = compileError && fn === 'nrtCompile' ? wrapSafeFrames : internalFrames[fn];
      if (emulated !== undefined && (!f || f.startsWith('node:'))) {
        if (fn === 'nrtEvalString' || fn === 'nrtEvalStdin') evalDone = true;
        if (!(evalDone && fn === 'nrtRunMain')) for (const line of emulated) frames.push(line);
        continue;
      }
      if (!f || (f.startsWith('node:') && !onlyInternal)) continue;
      let next;
      for (let j = i + 1; j < callsites.length; j++) {
        const g = callsites[j].getFileName();
        const gn = callsites[j].getFunctionName();
        if ((g && !g.startsWith('node:')) || internalFrames[gn] !== undefined) { next = callsites[j]; break; }
      }
      frames.push(formatFrame(cs, next, frames.length === 0 && first !== undefined && (cs.getFileName() === first.file || (cs.getFileName() === '<eval>' && first.file === '[eval]')) && cs.getLineNumber() === first.line ? first.column : undefined));
    }
    // An error raised while an ES module body runs: node's module job frames follow.
    const last = callsites[callsites.length - 1];
    if (last !== undefined && esmFiles.has(last.getFileName()) && !last.getFunctionName()) {
      frames.push(...esmJobFrames);
    }
    const limit = typeof stackTraceLimit === 'number' ? Math.max(0, stackTraceLimit) : 0;
    const body = frames.slice(0, limit).map((l) => `\n    at ${l}`).join('');
    return err instanceof Error ? kLazyStack + body : errorHeader(err) + body;
  };
  function evalFrames(name, tail) {
    return [
      'runScriptInThisContext (node:internal/vm:209:10)',
      'node:internal/process/execution:118:14',
      `${name}-wrapper:6:24`,
      'runScript (node:internal/process/execution:101:62)',
      'evalScript (node:internal/process/execution:133:3)',
      ...tail,
    ];
  }
  const esmJobFrames = [
    'ModuleJob.run (node:internal/modules/esm/module_job:325:25)',
    'async ModuleLoader.import (node:internal/modules/esm/loader:606:24)',
    'async asyncRunEntryPointWithESMLoader (node:internal/modules/run_main:117:5)',
  ];
  const wrapSafeFrames = [
    'wrapSafe (node:internal/modules/cjs/loader:1464:18)',
    'Module._compile (node:internal/modules/cjs/loader:1495:20)',
    'Module._extensions..js (node:internal/modules/cjs/loader:1623:10)',
    'Module.load (node:internal/modules/cjs/loader:1266:32)',
    'Module._load (node:internal/modules/cjs/loader:1091:12)',
  ];
  const internalFrames = {
    __proto__: null,
    nrtCompile: [
      'Module._compile (node:internal/modules/cjs/loader:1521:14)',
      'Module._extensions..js (node:internal/modules/cjs/loader:1623:10)',
      'Module.load (node:internal/modules/cjs/loader:1266:32)',
      'Module._load (node:internal/modules/cjs/loader:1091:12)',
    ],
    nrtRequire: [
      'Module.require (node:internal/modules/cjs/loader:1289:19)',
      'require (node:internal/modules/helpers:182:18)',
    ],
    nrtRunMain: [
      'Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:164:12)',
      'node:internal/main/run_main_module:28:49',
    ],
    nrtListOnTimeout: [
      'listOnTimeout (node:internal/timers:581:17)',
      'process.processTimers (node:internal/timers:519:7)',
    ],
    nrtProcessImmediate: ['process.processImmediate (node:internal/timers:483:21)'],
    nrtRunTicks: ['process.processTicksAndRejections (node:internal/process/task_queues:77:11)'],
    nrtEvalString: evalFrames('[eval]', ['node:internal/main/eval_string:51:3']),
    nrtEvalStdin: evalFrames('[stdin]', [
      'node:internal/main/eval_stdin:32:5',
      'Socket.<anonymous> (node:internal/process/execution:234:5)',
      'Socket.emit (node:events:536:35)',
      'endReadableNT (node:internal/streams/readable:1698:12)',
    ]),
    nrtRunMicrotask: [
      'node:internal/process/task_queues:140:7',
      'AsyncResource.runInAsyncScope (node:async_hooks:206:9)',
      'AsyncResource.runMicrotask (node:internal/process/task_queues:137:8)',
    ],
  };
  // User code may install its own Error.prepareStackTrace (depd, source-map-support…) and
  // expects V8's CallSite API: complete QuickJS's call sites, and fall back to ours when
  // the user's is removed.
  {
    const native = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
    const ours = Error.prepareStackTrace;
    let user;
    Object.defineProperty(Error, 'prepareStackTrace', {
      configurable: true,
      enumerable: false,
      get() { return user ?? ours; },
      set(fn) {
        user = typeof fn === 'function' && fn !== ours ? fn : undefined;
        if (user !== undefined && !callSitesPatched) void new Error('complete the CallSite API').stack;
        // QuickJS keeps the callback in an internal slot behind its own accessor.
        if (native && native.set) native.set.call(Error, user ?? ours);
      },
    });
  }
  // QuickJS counts our built-ins' frames against the limit; collect more and apply the
  // user-visible limit (node's default 10) when formatting.
  let stackTraceLimit = 10;
  {
    const d = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
    if (d && d.set) d.set.call(Error, 64);
    Object.defineProperty(Error, 'stackTraceLimit', {
      configurable: true,
      enumerable: false,
      get() { return stackTraceLimit; },
      set(v) { stackTraceLimit = v; },
    });
  }

  // ---- engine output as V8/ICU prints it (en-US, no Intl) ----------------------------
  {
    const utcZone = () => {
      const tz = pb.getEnv('TZ');
      return tz === undefined || tz === null || tz === '' || /^(Etc\/)?(UTC|UCT|Universal|Zulu|GMT)$/.test(tz) || tz === ':UTC';
    };
    const withZone = (orig) => function () {
      const s = orig.call(this);
      if (s === 'Invalid Date' || this.getTimezoneOffset() !== 0 || !utcZone()) return s;
      return `${s} (Coordinated Universal Time)`;
    };
    const dp = Date.prototype;
    const define = (name, fn) => Object.defineProperty(dp, name, { value: fn, writable: true, enumerable: false, configurable: true });
    define('toString', withZone(dp.toString));
    define('toTimeString', withZone(dp.toTimeString));
    const dateOnly = (d) => `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
    const timeOnly = (d) => {
      const h = d.getHours();
      return `${h % 12 === 0 ? 12 : h % 12}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
    };
    const plain = (locales, options) => (locales === undefined || locales === 'en-US') && options === undefined;
    const { toLocaleString, toLocaleDateString, toLocaleTimeString } = dp;
    define('toLocaleString', function (locales, options) {
      if (!plain(locales, options) || Number.isNaN(this.getTime())) return toLocaleString.call(this, locales, options);
      return `${dateOnly(this)}, ${timeOnly(this)}`;
    });
    define('toLocaleDateString', function (locales, options) {
      if (!plain(locales, options) || Number.isNaN(this.getTime())) return toLocaleDateString.call(this, locales, options);
      return dateOnly(this);
    });
    define('toLocaleTimeString', function (locales, options) {
      if (!plain(locales, options) || Number.isNaN(this.getTime())) return toLocaleTimeString.call(this, locales, options);
      return timeOnly(this);
    });
    const numToLocale = Number.prototype.toLocaleString;
    Object.defineProperty(Number.prototype, 'toLocaleString', {
      value: function toLocaleString(locales, options) {
        const n = Number(this);
        if (!plain(locales, options) || !Number.isFinite(n)) {
          if (Number.isNaN(n)) return 'NaN';
          if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
          return numToLocale.call(n, locales, options);
        }
        const fixed = Math.abs(n).toFixed(3).replace(/\.?0+$/, '');
        const [int, frac] = fixed.split('.');
        const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const out = frac ? `${grouped}.${frac}` : grouped;
        return n < 0 && out !== '0' ? `-${out}` : out;
      },
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }

  // ---- Node-style errors -------------------------------------------------------------
  function makeError(Base, code, message) {
    const e = new Base(message);
    nodeErrors.add(e);
    Object.defineProperty(e, 'code', { value: code, enumerable: true, writable: true, configurable: true });
    const s = e.stack;
    if (typeof s === 'string') {
      const nl = s.indexOf('\n');
      e.stack = errorHeader(e) + (nl === -1 ? '' : s.slice(nl));
    }
    return e;
  }
  function describeReceived(v) {
    if (v == null) return ` Received ${v}`;
    if (typeof v === 'function') return ` Received function ${v.name || '<anonymous>'}`;
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
  // node throws its argument-validation errors from lib/internal/errors.js.
  const validationHeader = (e) => {
    fatalHeaders.set(e, 'node:internal/errors:541\n      throw error;\n      ^\n');
    return e;
  };
  errors.invalidArgType = (name, expected, actual) => {
    const kind = name.includes('.') ? 'property' : 'argument';
    const types = Array.isArray(expected) ? expected : [expected];
    const lower = types.map((t) => (t === 'Function' || t === 'Object' ? t.toLowerCase() : t));
    let exp = lower.length === 1 ? `of type ${lower[0]}` : `one of type ${lower.slice(0, -1).join(', ')} or ${lower[lower.length - 1]}`;
    if (types.length === 1 && /^[A-Z]/.test(types[0]) && types[0] !== 'Function' && types[0] !== 'Object') {
      exp = `an instance of ${types[0]}`;
    }
    return validationHeader(makeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `The "${name}" ${kind} must be ${exp}.${describeReceived(actual)}`));
  };
  errors.outOfRange = (name, range, value) => validationHeader(makeError(RangeError, 'ERR_OUT_OF_RANGE',
    `The value of "${name}" is out of range. It must be ${range}. Received ${internal.inspect(value)}`));
  errors.notImplemented = (what) => makeError(Error, 'ERR_NOT_IMPLEMENTED',
    `${what} is not implemented in nrt yet`);
  errors.invalidArgValue = (name, value, reason = 'is invalid') => validationHeader(makeError(TypeError,
    'ERR_INVALID_ARG_VALUE', `The argument '${name}' ${reason}. Received ${internal.inspect(value)}`));
  errors.abort = (cause) => {
    const e = new Error('The operation was aborted');
    e.name = 'AbortError';
    Object.defineProperty(e, 'code', { value: 'ABORT_ERR', enumerable: true, writable: true, configurable: true });
    if (cause !== undefined) e.cause = cause;
    return e;
  };
  hooks.makeError = (cls, code, message, errno, syscall, path, dest) => {
    const Base = globalThis[cls] || Error;
    let e;
    if (syscall !== undefined && syscall !== null) {
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
  function requireBuiltin(id, internalOk = false) {
    const name = id.startsWith('node:') ? id.slice(5) : id;
    const cached = builtinCache.get(name);
    if (cached !== undefined) return cached.exports;
    if (name === 'sys') return requireBuiltin('util');
    if (name === 'util/types') return requireBuiltin('util').types;
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
  process.features = { inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true, typescript: false };
  process.config = { variables: {} };
  process.moduleLoadList = [];
  process.cwd = () => pb.cwd();
  process.chdir = (dir) => {
    if (typeof dir !== 'string') throw errors.invalidArgType('directory', 'string', dir);
    pb.chdir(dir);
  };
  process.umask = (mask) => {
    if (mask === undefined) return pb.umask();
    if (typeof mask === 'string') mask = parseInt(mask, 8);
    return pb.umask(mask);
  };
  process.uptime = () => pb.uptime();
  function hrtime(prev) {
    const [s, ns] = pb.hrtime();
    if (prev !== undefined) {
      if (!Array.isArray(prev)) throw errors.invalidArgType('time', 'Array', prev);
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
  const signals = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31 };
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
  // Signal events: listening starts with the first listener, stops with the last.
  const watchedSignals = new Set();
  const signalNames = Object.keys(signals);
  process.on('newListener', (ev) => {
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
  process.env = new Proxy({}, {
    get(t, k) { return typeof k === 'string' ? (pb.getEnv(k) ?? undefined) : undefined; },
    set(t, k, v) { if (typeof k === 'string') pb.setEnv(k, String(v)); return true; },
    has(t, k) { return typeof k === 'string' && pb.getEnv(k) != null; },
    deleteProperty(t, k) { if (typeof k === 'string') pb.delEnv(k); return true; },
    ownKeys() { return pb.envKeys(); },
    getOwnPropertyDescriptor(t, k) {
      if (typeof k !== 'string') return undefined;
      const v = pb.getEnv(k);
      if (v == null) return undefined;
      return { value: v, writable: true, enumerable: true, configurable: true };
    },
    defineProperty(t, k, d) { if (typeof k === 'string') pb.setEnv(k, String(d.value)); return true; },
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
    if (typeof warning === 'string') {
      const w = new Error(warning);
      w.name = String(type || 'Warning');
      if (code !== undefined) w.code = code;
      if (detail !== undefined) w.detail = detail;
      warning = w;
    } else if (!(warning instanceof Error)) {
      throw errors.invalidArgType('warning', ['Error', 'string'], warning);
    }
    if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
    nextTick(() => {
      process.emit('warning', warning);
    });
  };
  let warnedTraceHint = false;
  if (options.noDeprecation) process.noDeprecation = true;
  if (!options.noWarnings) process.on('warning', (warning) => {
    if (process.listenerCount('warning') > 1 && false) return;
    if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
    const pid = process.pid;
    let msg = `(${process.release.name}:${pid}) `;
    if (warning.code) msg += `[${warning.code}] `;
    msg += `${warning.name}: ${warning.message}`;
    if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
    if (!warnedTraceHint) {
      warnedTraceHint = true;
      msg += `\n(Use \`${process.release.name} --trace-warnings ...\` to show where the warning was created)`;
    }
    pb.write(2, `${msg}\n`);
  });

  // ---- nextTick ----------------------------------------------------------------------
  let tickQueue = [];
  let tickHead = 0;
  let ticksScheduled = false;
  function nextTick(callback, ...args) {
    if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'Function', callback);
    if (process._exiting) return;
    tickQueue.push(callback, args);
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
        if (args.length === 0) cb();
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

  // ---- uncaught exceptions and unhandled rejections ----------------------------------
  const kNoLocation = Symbol('noLocation');
  internal.setFatalHeader = (err, header) => {
    if (err !== null && typeof err === 'object') fatalHeaders.set(err, header);
  };
  function printFatal(err, fromPromise) {
    const isObj = err !== null && (typeof err === 'object' || typeof err === 'function');
    let out = '';
    const loc = isObj ? errorLocation.get(err) : kNoLocation;
    const isErrorLike = isObj && typeof err.stack === 'string';
    if (!isErrorLike) out += '\n';
    if (isObj && fatalHeaders.has(err)) {
      out += `${fatalHeaders.get(err)}\n`;
    } else if (loc !== undefined && loc !== kNoLocation) {
      const text = sourceLine(loc.file, loc.line);
      if (text !== undefined && loc.column === 0) {
        // No position to point at (the input ended): node prints an empty caret line.
        out += `${displayPath(loc.file)}:${loc.line}\n${text}\n\n\n`;
      } else if (text !== undefined && !isErrorLike) {
        out += `${displayPath(loc.file)}:${loc.line}\n${text}\n^\n`;
      } else if (text !== undefined) {
        let col = loc.column - 1;
        const before = text.slice(0, col);
        // V8 puts the caret of an uncaught exception on the throw statement.
        const throwAt = before.lastIndexOf('throw');
        if (throwAt !== -1 && !fromPromise && !creationSite.has(err) && /^throw\b/.test(text.slice(throwAt))) col = throwAt;
        // V8 underlines the whole offending token of a parse error.
        const token = err instanceof SyntaxError ? /^[A-Za-z_$][\w$]*/.exec(text.slice(col)) : null;
        const carets = '^'.repeat(token ? token[0].length : 1);
        out += `${displayPath(loc.file)}:${loc.line}\n${text}\n${' '.repeat(Math.max(0, col))}${carets}\n\n`;
      }
    }
    let body;
    try {
      if (isObj && err instanceof Error) body = internal.inspect(err);
      else if (isObj) body = internal.inspect(err);
      else body = internal.inspect(err).replace(/^'|'$/g, '');
      if (!isObj) {
        if (typeof err === 'string') body = err;
        out += body + '\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n';
      } else {
        out += body + '\n';
      }
    } catch {
      out += `${String(err)}\n`;
    }
    out += `\nNode.js ${process.version}\n`;
    pb.write(2, out);
  }
  internal.printFatal = printFatal;
  hooks.fatalException = (err, fromPromise) => {
    const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
    if (process.listenerCount('uncaughtExceptionMonitor') > 0) {
      process.emit('uncaughtExceptionMonitor', err, type);
    }
    if (process.listenerCount('uncaughtException') > 0) {
      process.emit('uncaughtException', err, type);
      return;
    }
    // node emits 'exit' before printing the report.
    exitCode = 1;
    if (!process._exiting) {
      process._exiting = true;
      try { process.emit('exit', 1); } catch { /* as node: still exit */ }
    }
    printFatal(err, fromPromise);
    pb.reallyExit(exitCode === undefined || exitCode === 0 ? 1 : exitCode);
  };

  function rejectionError(reason) {
    const msg = 'This error originated either by throwing inside of an async function ' +
      'without a catch block, or by rejecting a promise which was not handled with ' +
      `.catch(). The promise rejected with the reason "${noSideEffectsToString(reason)}".`;
    const err = makeError(Error, 'ERR_UNHANDLED_REJECTION', msg);
    err.name = 'UnhandledPromiseRejection';
    return err;
  }
  function noSideEffectsToString(v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
      return typeof v === 'symbol' ? v.toString() : String(v);
    }
    if (typeof v === 'function') return Function.prototype.toString.call(v);
    if (Array.isArray(v)) {
      try { return Array.prototype.join.call(v); } catch { return ''; }
    }
    const ctor = v.constructor && typeof v.constructor.name === 'string' ? v.constructor.name : 'Object';
    return ctor === 'Object' ? '[object Object]' : `#<${ctor}>`;
  }
  const pendingRejections = new Map(); // promise -> reason, in rejection order
  const asyncHandled = new WeakMap(); // reported promise -> rejection id
  const rejectionIds = new WeakMap();
  let lastRejectionId = 0;
  hooks.promiseRejection = (promise, reason, handled) => {
    if (!handled) {
      rejectionIds.set(promise, ++lastRejectionId);
      pendingRejections.set(promise, reason);
    } else if (pendingRejections.has(promise)) {
      pendingRejections.delete(promise);
    } else if (asyncHandled.has(promise)) {
      const id = asyncHandled.get(promise);
      asyncHandled.delete(promise);
      nextTick(() => process.emit('rejectionHandled', promise));
      const w = new Error(`Promise rejection was handled asynchronously (rejection id: ${id})`);
      w.name = 'PromiseRejectionHandledWarning';
      w.id = id;
      process.emitWarning(w);
    }
  };
  hooks.processRejections = () => {
    if (pendingRejections.size === 0) return;
    const list = [...pendingRejections];
    pendingRejections.clear();
    const mode = options.unhandledRejections;
    for (const [promise, reason] of list) {
      asyncHandled.set(promise, rejectionIds.get(promise));
      if (mode === 'strict') {
        // strict: raise first; 'unhandledRejection' only if an uncaughtException handler ate it.
        const err = reason instanceof Error ? reason : rejectionError(reason);
        hooks.fatalException(err, true);
        process.emit('unhandledRejection', reason, promise);
        continue;
      }
      const handled = process.emit('unhandledRejection', reason, promise);
      if (!handled && mode === 'none') continue;
      if (!handled && (mode === 'warn' || mode === 'warn-with-error-code')) {
        const w = new Error(reason instanceof Error ? String(reason.stack) : noSideEffectsToString(reason));
        w.name = 'UnhandledPromiseRejectionWarning';
        process.emitWarning(w);
        const w2 = new Error('Unhandled promise rejection. This error originated either by throwing ' +
          'inside of an async function without a catch block, or by rejecting a promise which was ' +
          'not handled with .catch(). To terminate the node process on unhandled promise rejection, ' +
          'use the CLI flag `--unhandled-rejections=strict` (see ' +
          'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
          `(rejection id: ${rejectionIds.get(promise)})`);
        w2.name = 'UnhandledPromiseRejectionWarning';
        process.emitWarning(w2);
        if (mode === 'warn-with-error-code') process.exitCode = 1;
        continue;
      }
      if (!handled) {
        if (reason instanceof Error || (reason !== null && typeof reason === 'object' && typeof reason.stack === 'string')) {
          hooks.fatalException(reason, true);
        } else {
          const msg = 'This error originated either by throwing inside of an async function ' +
            'without a catch block, or by rejecting a promise which was not handled with ' +
            `.catch(). The promise rejected with the reason "${noSideEffectsToString(reason)}".`;
          const err = makeError(Error, 'ERR_UNHANDLED_REJECTION', msg);
          err.name = 'UnhandledPromiseRejection';
          // node's report of this error, internal frames included, so output matches.
          err.stack = `UnhandledPromiseRejection: ${msg}\n` +
            '    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n' +
            '    at processPromiseRejections (node:internal/process/promises:470:17)\n' +
            '    at process.processTicksAndRejections (node:internal/process/task_queues:96:32)';
          nodeErrors.delete(err);
          fatalHeaders.set(err, 'node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n      ^\n');
          hooks.fatalException(err, true);
        }
      }
    }
  };

  // ---- stdio -------------------------------------------------------------------------
  // Writes to files and pipes are synchronous, as node's; full stream semantics arrive with
  // the streams binding.
  // Writes to files and pipes are synchronous in node too (SyncWriteStream / pipes).
  function SyncWriteStream() { EventEmitter.call(this); }
  Object.setPrototypeOf(SyncWriteStream.prototype, EventEmitter.prototype);
  function makeWriteStream(fd) {
    const s = new SyncWriteStream();
    s.fd = fd;
    s.writable = true;
    s._isStdio = true;
    s.isTTY = pb.isatty(fd);
    if (s.isTTY) {
      const size = pb.winsize(fd);
      s.columns = size ? size[0] : 80;
      s.rows = size ? size[1] : 24;
      s.getWindowSize = () => [s.columns, s.rows];
      s.cursorTo = s.moveCursor = s.clearLine = s.clearScreenDown = () => {
        throw errors.notImplemented('tty.WriteStream cursor control');
      };
    }
    s.write = function write(chunk, encoding, cb) {
      if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw errors.invalidArgType('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
      }
      pb.write(fd, chunk);
      if (typeof cb === 'function') nextTick(cb, null);
      return true;
    };
    s.end = function end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (chunk !== undefined && chunk !== null) s.write(chunk, encoding);
      if (typeof cb === 'function') nextTick(cb);
      return s;
    };
    s.cork = s.uncork = () => {};
    s.setDefaultEncoding = () => s;
    s.getColorDepth = () => (s.isTTY ? 8 : 1);
    s.hasColors = () => s.isTTY;
    s.writableLength = 0;
    s.writableHighWaterMark = 16384;
    return s;
  }
  for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
    let stream;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: false,
      get() { return stream ??= makeWriteStream(fd); },
    });
  }
  // stdin: a reader thread feeds chunks while the stream flows (see process.rs).
  class StdinChunk extends Uint8Array {
    toString(encoding) {
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) {
        throw errors.notImplemented(`stdin chunk toString('${encoding}')`);
      }
      return natives.util.decodeUtf8(this);
    }
  }
  let stdin;
  function makeStdin() {
    const s = new EventEmitter();
    const buffered = [];
    let flowing = null;
    let ended = false;
    let encoding;
    let carry = new Uint8Array(0);
    s.fd = 0;
    s.isTTY = pb.isatty(0);
    s.readable = true;
    const decode = (bytes) => {
      // Hold back an incomplete UTF-8 sequence for the next chunk.
      let all = bytes;
      if (carry.length) {
        all = new Uint8Array(carry.length + bytes.length);
        all.set(carry);
        all.set(bytes, carry.length);
      }
      let cut = all.length;
      for (let i = all.length - 1, n = 0; i >= 0 && n < 4; i--, n++) {
        const b = all[i];
        if ((b & 0xc0) === 0x80) continue;
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        if (all.length - i < need) cut = i;
        break;
      }
      carry = all.slice(cut);
      return natives.util.decodeUtf8(all.subarray(0, cut));
    };
    const deliver = (chunk) => {
      const data = encoding ? decode(chunk) : Object.setPrototypeOf(chunk, StdinChunk.prototype);
      if (encoding && data === '') return;
      s.emit('data', data);
    };
    const flush = () => {
      while (flowing && buffered.length) deliver(buffered.shift());
      if (flowing && ended && buffered.length === 0 && !s.readableEnded) {
        s.readableEnded = true;
        if (encoding && carry.length) s.emit('data', natives.util.decodeUtf8(carry));
        s.emit('end');
        s.emit('close');
      }
    };
    hooks.stdinData = (chunk) => {
      buffered.push(chunk);
      if (flowing) flush();
      else if (flowing === false || s.listenerCount('readable') > 0) s.emit('readable');
    };
    hooks.stdinEnd = () => {
      ended = true;
      if (flowing) flush();
      else if (s.listenerCount('readable') > 0) s.emit('readable');
    };
    s.setEncoding = (enc) => {
      if (enc !== undefined && !/^utf-?8$/i.test(enc)) throw errors.notImplemented(`process.stdin.setEncoding('${enc}')`);
      encoding = 'utf8';
      return s;
    };
    s.resume = () => {
      flowing = true;
      pb.stdinStart();
      nextTick(flush);
      return s;
    };
    s.pause = () => {
      flowing = false;
      pb.stdinUnref();
      return s;
    };
    s.isPaused = () => flowing === false;
    s.read = () => {
      pb.stdinStart();
      if (buffered.length === 0) {
        if (ended && !s.readableEnded) {
          s.readableEnded = true;
          nextTick(() => { s.emit('end'); s.emit('close'); });
        }
        return null;
      }
      const total = buffered.reduce((n, b) => n + b.length, 0);
      const out = new Uint8Array(total);
      let off = 0;
      for (const b of buffered.splice(0)) { out.set(b, off); off += b.length; }
      return encoding ? decode(out) : Object.setPrototypeOf(out, StdinChunk.prototype);
    };
    const on = s.on;
    s.on = s.addListener = function (ev, fn) {
      on.call(this, ev, fn);
      if (ev === 'data' && flowing !== false) s.resume();
      if (ev === 'readable' || ev === 'end') pb.stdinStart();
      return this;
    };
    s.pipe = (dest) => {
      s.on('data', (d) => dest.write(d));
      s.on('end', () => { if (!dest._isStdio && typeof dest.end === 'function') dest.end(); });
      return dest;
    };
    s.unref = () => { pb.stdinUnref(); return s; };
    if (s.isTTY) {
      s.isRaw = false;
      s.setRawMode = () => { throw errors.notImplemented('process.stdin.setRawMode'); };
    }
    s.ref = () => { pb.stdinStart(); return s; };
    s[Symbol.asyncIterator] = async function* () {
      const queue = [];
      let wake;
      let done = false;
      s.on('data', (d) => { queue.push(d); if (wake) wake(); });
      s.on('end', () => { done = true; if (wake) wake(); });
      while (true) {
        if (queue.length) { yield queue.shift(); continue; }
        if (done) return;
        await new Promise((r) => { wake = r; });
        wake = undefined;
      }
    };
    return s;
  }
  Object.defineProperty(process, 'stdin', {
    configurable: true,
    enumerable: false,
    get() { return stdin ??= makeStdin(); },
  });

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
  defineGlobal('process', process);
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
  lazyGlobal('URL', () => requireBuiltin('url').URL);
  lazyGlobal('URLSearchParams', () => requireBuiltin('url').URLSearchParams);
  if (options.exposeGc) defineGlobal('gc', () => pb.gc());

  // ---- main --------------------------------------------------------------------------
  hooks.runRepl = function nrtRepl() {
    requireBuiltin('internal/repl', true)();
  };
  hooks.runMain = function nrtRunMain() {
    const Module = requireBuiltin('module');
    if (options.preload.length > 0) Module._preloadModules(options.preload);
    Module._runMain(options.kind, options.main, options.inputTypeModule);
  };
  hooks.esmResolve = (specifier, base) => requireBuiltin('module')._esmResolve(specifier, base);
  hooks.esmLoad = (name) => requireBuiltin('module')._esmLoad(name);
  hooks.fireTimer = function nrtListOnTimeout(id) { timers._fire(id); };
  hooks.fireImmediate = function nrtProcessImmediate(id) { timers._fireImmediate(id); };
  natives.setHooks(hooks);
})
