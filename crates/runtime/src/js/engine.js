// Engine output as V8 prints it, for QuickJS: stack traces (`at fn (file:line:col)`,
// V8's columns, node's internal frames where our built-ins stand in for node's), engine
// error wording, the CallSite API for user `Error.prepareStackTrace`, and en-US
// Date/Number strings. Evaluated once by the bootstrap; returns what error reporting needs.
//
// vm evaluates this file again in each new realm (a QuickJS context of its own, see
// realm.rs) to shape that realm's errors the same way; `shared` is then the main realm's
// `internal.engineState`, so every realm records into the same tables.
(function engine(internal, natives, shared) {
  'use strict';
  const pb = natives.process;

  // ---- Stack traces in V8's format ---------------------------------------------------
  const sourceCache = shared ? shared.sourceCache : new Map(); // filename -> source text, for carets and V8 columns
  internal.sourceCache = sourceCache;
  const errorLocation = shared ? shared.errorLocation : new WeakMap(); // error -> { file, line, column } of its top frame
  const nodeErrors = shared ? shared.nodeErrors : new WeakSet(); // errors whose header shows `[code]`
  const thrownInternally = shared ? shared.thrownInternally : new WeakSet(); // errors raised by nrt's built-ins, not user code
  const creationSite = shared ? shared.creationSite : new WeakSet(); // errors whose fatal caret is where they were made

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
    // V8 positions are on tokens; QuickJS's can sit on the blank before one.
    while (text[col - 1] === ' ' && col < text.length) col++;
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
  const wrappedFiles = shared ? shared.wrappedFiles : new Set(); // CommonJS files: line 1 carries the wrapper
  internal.wrappedFiles = wrappedFiles;
  const esmFiles = shared ? shared.esmFiles : new Set(); // ES modules: node shows their frames as file URLs
  internal.esmFiles = esmFiles;
  const vmFiles = shared ? shared.vmFiles : new Set(); // scripts vm ran: their top level has no name
  internal.engineState = {
    sourceCache, errorLocation, nodeErrors, thrownInternally, creationSite, wrappedFiles, esmFiles, vmFiles,
  };
  const fileUrl = (p) => `file://${encodeURI(p).replace(/\?/g, '%3F').replace(/#/g, '%23')}`;
  const displayPath = (p) => (esmFiles.has(p) ? fileUrl(p) : p);
  const wrapHead = natives.module.wrapHeadLength;
  // V8 places a call frame at the callee's name (`check` in `check(a, b)`, `strictEqual` in
  // `assert.strictEqual(…)`); QuickJS may place it on an argument. Knowing the function that
  // frame called (`calleeName`), find that call on the line and use its name's column.
  function callColumn(file, line, col, calleeName) {
    if (!calleeName || !/^[A-Za-z_$][\w$]*$/.test(calleeName)) return col;
    const text = sourceLine(file, line);
    if (text === undefined || text.startsWith(calleeName, col - 1)) return col;
    const re = new RegExp(`(?<!\\bnew\\s+)(?<![\\w$])${calleeName.replace(/\$/g, '\\$')}\\s*\\(`, 'g');
    let found;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      // The call spans from its name to the matching parenthesis (strings are rare enough
      // in argument lists here to be counted naively).
      let depth = 0;
      let end = text.length;
      for (let i = m.index + m[0].length - 1; i < text.length; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')' && --depth === 0) { end = i; break; }
      }
      if (col - 1 >= m.index && col - 1 <= end) {
        if (found !== undefined) return col; // two candidates: keep QuickJS's position
        found = m.index + 1;
      }
    }
    return found === undefined ? col : found;
  }
  internal.callColumn = callColumn;
  function formatFrame(cs, next, knownColumn, calleeName) {
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
    if (line > 0) col = callColumn(file, line, v8Column(file, line, col), calleeName);
    if (knownColumn !== undefined) col = knownColumn;
    const loc = line > 0 ? `${displayPath(file)}:${line}:${col}` : displayPath(file);
    const nextName = next && next.getFunctionName();
    if (nextName === 'nrtProcessTimers') {
      return fn && fn !== '<anonymous>' ? `Timeout.${fn} [as _onTimeout] (${loc})` : `Timeout._onTimeout (${loc})`;
    }
    if (nextName === 'nrtProcessImmediate') {
      return `Immediate.${fn && fn !== '<anonymous>' ? fn : '<anonymous>'} (${loc})`;
    }
    if (!fn || fn === '<eval>' || fn === '<anonymous>') {
      const nextFn = next && next.getFunctionName();
      if (fn === '<eval>' && (file === '[eval]' || file === '[stdin]' || vmFiles.has(file))) return loc;
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
    [/^(.* in JSON at position \d+) \(line \d+ column \d+\)$/, '$1'],
    [/^private class field '(#[^']*)' does not exist$/, 'Cannot read private member $1 from an object whose class did not declare it'],
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
    if (loc.line === lines.length && loc.column > text.length && /^Unexpected (token ''|end of input)$/.test(msg)) {
      // At the very end of the source (a vm script has no wrapper after it to run into).
      setMsg('Unexpected end of input');
      loc.column = 0;
    } else if (/^(invalid redefinition of lexical identifier|Identifier has already been declared)$/.test(msg)) {
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
    } else if (msg === 'variable name expected' && at.trim().length) {
      // V8 names the token found where the name should be.
      const rest = at.trimStart();
      const word = /^[A-Za-z_$][\w$]*/.exec(rest);
      if (word) setMsg(`Unexpected token '${word[0]}'`);
      else if (/^\d/.test(rest)) setMsg('Unexpected number');
      else if (/^['"]/.test(rest)) setMsg('Unexpected string');
      else setMsg(`Unexpected token '${rest[0]}'`);
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
  // The function an Error.captureStackTrace(obj, fn) call cut the trace at, while it runs.
  let captureCallee;
  // Error.captureStackTrace stores the trace as an own data property, so the lazy header
  // above is never resolved for it: write it at capture time (V8 names the object as it
  // is then; node's AssertionError relies on that).
  {
    const capture = Error.captureStackTrace;
    if (typeof capture === 'function') {
      Object.defineProperty(Error, 'captureStackTrace', {
        value: function captureStackTrace(obj, fn) {
          // Without `fn`, the trace starts at our caller: this wrapper is not a frame of it.
          // With it, the top frame called `fn`: its column goes on that call (see callColumn).
          captureCallee = typeof fn === 'function' ? fn.name : undefined;
          try {
            capture(obj, typeof fn === 'function' ? fn : captureStackTrace);
            // Format now, while the callee is known (QuickJS may format on first read).
            if (captureCallee && obj !== null && typeof obj === 'object') void obj.stack;
          } finally {
            captureCallee = undefined;
          }
          const d = obj !== null && typeof obj === 'object' ? Object.getOwnPropertyDescriptor(obj, 'stack') : undefined;
          if (d !== undefined && typeof d.value === 'string' && d.value.startsWith(kLazyStack)) {
            d.value = errorHeader(obj) + d.value.slice(kLazyStack.length);
            try {
              Object.defineProperty(obj, 'stack', d);
            } catch { /* a frozen object keeps what the engine wrote */ }
          }
        },
        writable: true,
        enumerable: false,
        configurable: true,
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
    // QuickJS raises "call a class without new" inside the class's own frame; V8 at the call.
    const skip = err instanceof TypeError && callsites.length > 1 &&
      err.message === "class constructors must be invoked with 'new'" ? 1 : 0;
    let first;
    for (const cs of callsites.slice(skip)) {
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
        if (err instanceof TypeError && err.message === "class constructors must be invoked with 'new'") {
          const text = sourceLine(f, line);
          const id = text === undefined ? null : /^([A-Za-z_$][\w$]*)\s*\(/.exec(text.slice(col - 1));
          if (id) {
            Object.defineProperty(err, 'message', {
              value: `Class constructor ${id[1]} cannot be invoked without 'new'`,
              writable: true, enumerable: false, configurable: true,
            });
          }
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
        compileSteps.has(callsites[1].getFunctionName())) {
      fixSyntaxError(err, first);
    }
    if (first !== undefined && err !== null && typeof err === 'object') {
      try { if (!errorLocation.has(err)) errorLocation.set(err, first); } catch { /* frozen */ }
    }
    const onlyInternal = first === undefined;
    const frames = [];
    let i0 = skip;
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
    if (err instanceof SyntaxError && callsites.length > 1) {
      // A parse error of a CommonJS file: QuickJS reports the parse position as a frame
      // right above our compile step.
      if (compileSteps.has(callsites[1].getFunctionName())) i0 = 1;
    }
    for (let i = i0; i < callsites.length; i++) {
      const cs = callsites[i];
      const f = cs.getFileName();
      const fn = cs.getFunctionName();
      // Our loader and loop entry points are nrt's internals: like every other built-in
      // frame they are left out (node prints its own internal frames there; a conformance
      // comparison drops those, and nrt does not imitate them).
      if (entryPoints.has(fn) && (!f || f.startsWith('node:'))) continue;
      if (!f || (f.startsWith('node:') && !onlyInternal)) continue;
      let next;
      for (let j = i + 1; j < callsites.length; j++) {
        const g = callsites[j].getFileName();
        const gn = callsites[j].getFunctionName();
        if ((g && !g.startsWith('node:')) || entryPoints.has(gn)) { next = callsites[j]; break; }
      }
      const calleeName = i > 0 ? callsites[i - 1].getFunctionName() : captureCallee;
      // (A trace cut at `fn` places its top frame on the call to `fn`, not at `first`.)
      frames.push(formatFrame(cs, next, frames.length === 0 && captureCallee === undefined && first !== undefined && (cs.getFileName() === first.file || (cs.getFileName() === '<eval>' && first.file === '[eval]')) && cs.getLineNumber() === first.line ? first.column : undefined, calleeName));
    }
    const limit = typeof stackTraceLimit === 'number' ? Math.max(0, stackTraceLimit) : 0;
    const body = frames.slice(0, limit).map((l) => `\n    at ${l}`).join('');
    return err instanceof Error ? kLazyStack + body : errorHeader(err) + body;
  };
  // The functions that compile user code (module.js, vm.js): a parse error's first call
  // site is the parse position, right above one of them.
  const compileSteps = new Set(['nrtCompile', 'nrtVmCompile']);
  // Functions through which nrt's own loader and event loop call user code.
  const entryPoints = new Set([
    'nrtCompile', 'nrtRequire', 'nrtRunMain', 'nrtProcessTimers', 'nrtProcessImmediate',
    'nrtRunTicks', 'nrtEvalString', 'nrtEvalStdin', 'nrtRunMicrotask',
  ]);
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

  return { creationSite, displayPath, errorHeader, errorLocation, thrownInternally, nodeErrors, sourceLine };
})
