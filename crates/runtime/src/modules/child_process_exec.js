// child_process.exec / execFile: spawn, buffer stdout and stderr (maxBuffer, encoding,
// timeout + killSignal), call back with node's error shapes; util.promisify gives
// { stdout, stderr } or an error carrying them.
'use strict';

const errors = internal.errors;
const makeError = errors.make;
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

module.exports = function makeExec(cp, h) {
  function normalizeExecFileArgs(file, args, options, callback) {
    if (Array.isArray(args)) {
      args = args.slice();
    } else if (args != null && typeof args === 'object') {
      callback = options;
      options = args;
      args = null;
    } else if (typeof args === 'function') {
      callback = args;
      options = null;
      args = null;
    }
    if (args == null) args = [];
    if (typeof options === 'function') {
      callback = options;
    } else if (options != null && typeof options !== 'object') {
      throw errors.invalidArgType('options', 'Object', options);
    }
    if (options == null || typeof options !== 'object') options = {};
    if (callback != null && typeof callback !== 'function') {
      throw errors.invalidArgType('callback', 'Function', callback);
    }
    if (options.argv0 != null && typeof options.argv0 !== 'string') {
      throw errors.invalidArgType('options.argv0', 'string', options.argv0);
    }
    return { file, args, options, callback };
  }

  function execFile(file, args, options, callback) {
    ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
    options = {
      encoding: 'utf8',
      timeout: 0,
      maxBuffer: 1024 * 1024,
      killSignal: 'SIGTERM',
      cwd: null,
      env: null,
      shell: false,
      ...options,
    };
    h.validateTimeout(options.timeout);
    if (options.maxBuffer != null && !(typeof options.maxBuffer === 'number' && options.maxBuffer >= 0)) {
      throw errors.outOfRange('options.maxBuffer', 'a positive number', options.maxBuffer);
    }
    options.killSignal = h.toSignal(options.killSignal);
    const child = cp.spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      gid: options.gid,
      shell: options.shell,
      signal: options.signal,
      uid: options.uid,
      argv0: options.argv0,
      windowsHide: !!options.windowsHide,
      windowsVerbatimArguments: !!options.windowsVerbatimArguments,
    });
    const encoding = options.encoding;
    const asText = encoding && encoding !== 'buffer' && Buffer.isEncoding(encoding);
    const out = { stdout: [], stderr: [] };
    const len = { stdout: 0, stderr: 0 };
    let killed = false;
    let exited = false;
    let timer = null;
    let ex = null;
    let cmd = file;

    function exithandler(code, signal) {
      if (exited) return;
      exited = true;
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      if (!callback) return;
      const join = (parts) => (asText ? Buffer.concat(parts).toString(encoding) : Buffer.concat(parts));
      const stdout = join(out.stdout);
      const stderr = join(out.stderr);
      if (!ex && code === 0 && signal === null) {
        callback(null, stdout, stderr);
        return;
      }
      if (args.length !== 0) cmd += ` ${args.join(' ')}`;
      if (!ex) {
        ex = new Error(`Command failed: ${cmd}\n${stderr}`);
        ex.code = code < 0 ? require('util').getSystemErrorName(code) : code;
        ex.killed = child.killed || killed;
        ex.signal = signal;
        ex.stack = internal.errorHeader(ex);
      }
      ex.cmd = cmd;
      callback(ex, stdout, stderr);
    }

    function errorhandler(e) {
      ex = e;
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
      exithandler();
    }

    function kill() {
      if (child.stdout) child.stdout.destroy();
      if (child.stderr) child.stderr.destroy();
      killed = true;
      try {
        child.kill(options.killSignal);
      } catch (e) {
        ex = e;
        exithandler();
      }
    }

    if (options.timeout > 0) {
      timer = setTimeout(() => {
        kill();
        timer = null;
      }, options.timeout);
    }

    const collect = (name) => (chunk) => {
      const max = options.maxBuffer;
      const room = max - len[name];
      len[name] += chunk.length;
      if (len[name] > max) {
        if (room > 0) out[name].push(chunk.subarray(0, room));
        ex = makeError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${name} maxBuffer length exceeded`);
        kill();
      } else {
        out[name].push(chunk);
      }
    };
    if (child.stdout) child.stdout.on('data', collect('stdout'));
    if (child.stderr) child.stderr.on('data', collect('stderr'));
    child.addListener('close', exithandler);
    child.addListener('error', errorhandler);
    return child;
  }

  function normalizeExecArgs(command, options, callback) {
    if (typeof command !== 'string') throw errors.invalidArgType('command', 'string', command);
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    options = { ...options };
    options.shell = typeof options.shell === 'string' ? options.shell : true;
    return { file: command, options, callback };
  }

  function exec(command, options, callback) {
    const opts = normalizeExecArgs(command, options, callback);
    return execFile(opts.file, opts.options, opts.callback);
  }

  function promisified(run) {
    return (...args) => {
      let child;
      const promise = new Promise((resolve, reject) => {
        child = run(...args, (err, stdout, stderr) => {
          if (err !== null) {
            err.stdout = stdout;
            err.stderr = stderr;
            reject(err);
          } else {
            resolve({ stdout, stderr });
          }
        });
      });
      promise.child = child;
      return promise;
    };
  }
  Object.defineProperty(exec, kCustomPromisify, { enumerable: false, value: promisified(exec) });
  Object.defineProperty(execFile, kCustomPromisify, { enumerable: false, value: promisified(execFile) });
  return { exec, execFile, normalizeExecArgs };
};
