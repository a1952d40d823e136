// child_process.spawnSync / execSync / execFileSync over node-child-process's spawn_sync
// (child_process.rs): node's result object, ETIMEDOUT/ENOBUFS errors, `Command failed`
// errors carrying the result, execSync's stderr passed through to ours.
'use strict';

const nb = internal.natives.child_process;
const errors = internal.errors;

module.exports = function makeSync(h) {
  function validateInput(input) {
    if (input === undefined || input === null) return undefined;
    if (typeof input === 'string') return input;
    if (ArrayBuffer.isView(input)) {
      return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    }
    throw errors.invalidArgType('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }

  function spawnSync(file, args, options) {
    options = {
      maxBuffer: 1024 * 1024,
      ...h.normalizeSpawnArguments(file, args, options),
    };
    h.validateTimeout(options.timeout);
    if (options.maxBuffer != null && !(typeof options.maxBuffer === 'number' && options.maxBuffer >= 0)) {
      throw errors.outOfRange('options.maxBuffer', 'a positive number', options.maxBuffer);
    }
    const killSignal = h.toSignal(options.killSignal === undefined ? 'SIGTERM' : options.killSignal);
    const stdio = h.normalizeStdio(options.stdio === undefined ? 'pipe' : options.stdio);
    if (stdio.includes('ipc')) throw errors.notImplemented("child_process.spawnSync with 'ipc'");
    let input = validateInput(options.input);
    if (typeof input === 'string') input = Buffer.from(input, options.encoding && options.encoding !== 'buffer' ? options.encoding : 'utf8');
    const [pid, status, signal, stdout, stderr, err] = nb.spawnSync(options.file, options.args.map(String),
      options.cwd ?? undefined, options.envPairs, stdio, !!options.detached,
      options.uid ?? undefined, options.gid ?? undefined, options.timeout || 0, killSignal,
      options.maxBuffer == null ? Infinity : options.maxBuffer, input);
    if (typeof err === 'string') throw errors.notImplemented(err);
    const result = {};
    if (err !== undefined) {
      result.error = h.spawnError(err, `spawnSync ${options.file}`, options.file, options.args);
    }
    const started = pid !== 0;
    const wrap = (b) => {
      if (b === null || b === undefined) return null;
      const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
      return options.encoding && options.encoding !== 'buffer' ? buf.toString(options.encoding) : buf;
    };
    result.status = status ?? null;
    result.signal = signal ?? null;
    result.output = started ? [null, wrap(stdout), wrap(stderr)] : null;
    for (let i = 3; started && i < stdio.length; i++) result.output.push(null);
    result.pid = pid;
    result.stdout = started ? result.output[1] : null;
    result.stderr = started ? result.output[2] : null;
    return result;
  }

  // node's checkExecSyncError.
  function checkExecSyncError(ret, args, cmd) {
    let err;
    if (ret.error) {
      err = ret.error;
      Object.assign(err, ret);
    } else if (ret.status !== 0) {
      let msg = 'Command failed: ';
      msg += cmd || args.join(' ');
      if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
      err = Object.assign(new Error(msg), ret);
    }
    return err;
  }

  function passStderr(options, ret) {
    // Without an explicit stdio, node lets the child's stderr through to ours.
    if (options.stdio === undefined && ret.stderr && ret.stderr.length) process.stderr.write(ret.stderr);
  }

  function execFileSync(file, args, options) {
    if (!Array.isArray(args) && args != null && typeof args === 'object') {
      options = args;
      args = [];
    }
    options = options === undefined ? {} : options;
    const normalized = h.normalizeSpawnArguments(file, args, options);
    const ret = spawnSync(file, args, options);
    passStderr(options, ret);
    const err = checkExecSyncError(ret, normalized.args, undefined);
    if (err) throw err;
    return ret.stdout;
  }

  function execSync(command, options) {
    if (typeof command !== 'string') throw errors.invalidArgType('command', 'string', command);
    const opts = { ...options };
    opts.shell = typeof opts.shell === 'string' ? opts.shell : true;
    const ret = spawnSync(command, opts);
    passStderr(opts, ret);
    const err = checkExecSyncError(ret, undefined, command);
    if (err) throw err;
    return ret.stdout;
  }

  return { spawnSync, execSync, execFileSync };
};
