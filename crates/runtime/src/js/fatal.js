// Uncaught exceptions and unhandled rejections as node 20 handles and prints them:
// 'uncaughtException'/'unhandledRejection' events, --unhandled-rejections modes, the
// `file:line` + source + caret report, and exit code 1.
(function fatal(internal, natives, options, process, makeError, nextTick, engine) {
  'use strict';
  const pb = natives.process;
  const { hooks } = internal;
  const { creationSite, displayPath, errorLocation, thrownInternally, nodeErrors, sourceLine } = engine;

  // ---- uncaught exceptions and unhandled rejections ----------------------------------
  const kNoLocation = Symbol('noLocation');
  internal.markThrownInternally = (err) => {
    if (err !== null && typeof err === 'object') thrownInternally.add(err);
  };
  // Errors that have no frames in node either (an assertion failing after an await): their
  // report keeps inspect's brackets, as node's does.
  const framelessInNode = new WeakSet();
  internal.markFramelessInNode = (err) => framelessInNode.add(err);

  // "Emitted 'error' event at:" (events.js notes where an unheard 'error' was emitted).
  const emitSites = new WeakMap();
  internal.noteEmitSite = (err, siteStack, ctorName) => {
    if (err !== null && typeof err === 'object') emitSites.set(err, { siteStack, ctorName });
  };
  // User frames only: node's internal frames are not nrt's to print, and nrt's built-ins
  // are no part of node's report.
  const frameLines = (stack) => String(stack).split('\n')
    .filter((l) => /^\s+at /.test(l) && !/^\s+at (node:|.*\(node:)/.test(l));
  // The emit site's frames, with the run it shares with the error's own frames folded into
  // "[... lines matching original stack trace ...]" (its first and last lines kept), as node
  // prints it. Node's stacks end in its internal frames, which nrt's have not: two stand-ins
  // (one for an immediate, whose only internal frame is processImmediate) end both lists so
  // the fold lands where node's does; they are never printed.
  function emitTrailer(err, site) {
    const own = frameLines(site.siteStack);
    const theirs = frameLines(err.stack);
    const outer = own.length > 0 ? own[own.length - 1] : '';
    const tail = /^\s+at Immediate\./.test(outer) ? ['\0a'] : ['\0a', '\0b'];
    const a = own.concat(tail);
    // An error made without JS frames (libuv's, from node's C++) has no internal tail either.
    const b = theirs.length > 0 ? theirs.concat(tail) : theirs;
    let best = 0;
    let at = -1;
    for (let i = 0; i < a.length; i++) {
      for (let j = 0; j < b.length; j++) {
        let n = 0;
        while (i + n < a.length && j + n < b.length && a[i + n] === b[j + n]) n++;
        if (n > best) { best = n; at = i; }
      }
    }
    let lines = a;
    if (best > 1) {
      lines = a.slice(0, at + 1).concat('    [... lines matching original stack trace ...]', a.slice(at + best - 1));
    }
    lines = lines.filter((l) => !l.startsWith('\0'));
    const on = site.ctorName && site.ctorName !== 'EventEmitter' ? ` on ${site.ctorName} instance` : '';
    return `\nEmitted 'error' event${on} at:${lines.length ? `\n${lines.join('\n')}` : ''}`;
  }
  // Errors whose `stack` already starts with the source header (vm's displayErrors).
  const decorated = new WeakSet();
  internal.decoratedErrors = decorated;
  // The `file:line` + source line + caret header node prints above an error thrown at
  // `err`'s top frame ('' when there is nothing to point at).
  function sourceHeader(err, fromPromise) {
    const isObj = err !== null && (typeof err === 'object' || typeof err === 'function');
    const loc = isObj ? errorLocation.get(err) : kNoLocation;
    const isErrorLike = isObj && typeof err.stack === 'string';
    if (isObj && (thrownInternally.has(err) || decorated.has(err))) {
      // Raised inside a built-in: node shows its own internal source line here; nrt has
      // no user source to point at, so the report starts with the error itself.
      return '';
    }
    if (loc === undefined || loc === kNoLocation) return '';
    const text = sourceLine(loc.file, loc.line);
    if (text === undefined) return '';
    if (loc.column === 0) {
      // No position to point at (the input ended): node's caret line is blank to the line's end.
      return `${displayPath(loc.file)}:${loc.line}\n${text}\n${' '.repeat(text.length)}\n\n`;
    }
    if (!isErrorLike) return `${displayPath(loc.file)}:${loc.line}\n${text}\n^\n`;
    let col = loc.column - 1;
    const before = text.slice(0, col);
    // V8 puts the caret of an uncaught exception on the throw statement.
    const throwAt = before.lastIndexOf('throw');
    if (throwAt !== -1 && !fromPromise && !creationSite.has(err) && /^throw\b/.test(text.slice(throwAt))) col = throwAt;
    // V8 underlines the whole offending token of a parse error.
    const token = isSyntaxError(err) ? /^[A-Za-z_$][\w$]*/.exec(text.slice(col)) : null;
    const carets = '^'.repeat(token ? token[0].length : 1);
    return `${displayPath(loc.file)}:${loc.line}\n${text}\n${' '.repeat(Math.max(0, col))}${carets}\n\n`;
  }
  // A SyntaxError of any realm (vm contexts have their own constructors).
  function isSyntaxError(err) {
    if (err instanceof SyntaxError) return true;
    try {
      for (let p = Object.getPrototypeOf(err); p !== null; p = Object.getPrototypeOf(p)) {
        const c = Object.getOwnPropertyDescriptor(p, 'constructor');
        if (c !== undefined && typeof c.value === 'function' && c.value.name === 'SyntaxError') return true;
      }
    } catch { /* a proxy's trap threw */ }
    return false;
  }
  internal.sourceHeader = sourceHeader;
  function printFatal(err, fromPromise) {
    const isObj = err !== null && (typeof err === 'object' || typeof err === 'function');
    const isErrorLike = isObj && typeof err.stack === 'string';
    let out = isErrorLike ? '' : '\n';
    out += sourceHeader(err, fromPromise);
    let body;
    try {
      const site = isErrorLike ? emitSites.get(err) : undefined;
      if (site !== undefined) {
        // The report shows the emit site inside the stack, before the error's properties.
        try {
          Object.defineProperty(err, 'stack', { value: err.stack + emitTrailer(err, site), configurable: true, writable: true });
        } catch { /* a frozen error prints without it */ }
      }
      // node's fatalExceptionStackEnhancers.beforeInspector ignores custom inspect hooks.
      if (isObj) body = internal.inspect(err, { customInspect: false });
      // An error raised inside nrt has no frames to show (node shows its internal ones);
      // inspect brackets such an error, but a fatal report names it plainly.
      if (isErrorLike && !framelessInNode.has(err) && !/\n\s+at /.test(err.stack) &&
          body.startsWith(`[${err.stack}]`)) {
        body = err.stack + body.slice(err.stack.length + 2);
      }
      if (!isObj) body = internal.inspect(err).replace(/^'|'$/g, '');
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
    const capture = internal.captureCallback();
    if (capture !== null) {
      capture(err);
      return;
    }
    if (process.listenerCount('uncaughtExceptionMonitor') > 0) {
      process.emit('uncaughtExceptionMonitor', err, type);
    }
    if (process.listenerCount('uncaughtException') > 0) {
      process.emit('uncaughtException', err, type);
      return;
    }
    // node emits 'exit' before printing the report.
    process.exitCode = 1;
    if (!process._exiting) {
      process._exiting = true;
      try { process.emit('exit', 1); } catch { /* as node: still exit */ }
    }
    if (internal.workerInfo !== undefined) {
      // A worker's uncaught exception is its parent's 'error' event, not a report here.
      internal.requireBuiltin('worker_threads');
      internal.reportWorkerError(err);
      pb.reallyExit(1);
      return;
    }
    printFatal(err, fromPromise);
    const code = process.exitCode;
    pb.reallyExit(code === undefined || code === 0 ? 1 : code);
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
          // Raised by nrt's rejection tracking, not by user code: no frames to show.
          err.stack = `UnhandledPromiseRejection: ${msg}`;
          nodeErrors.delete(err);
          thrownInternally.add(err);
          hooks.fatalException(err, true);
        }
      }
    }
  };
})
