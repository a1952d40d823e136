// timers/promises (lib/timers/promises.js).
'use strict';

const timers = require('timers');

function validateOptions(options) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') {
    throw internal.errors.invalidArgType('options', 'Object', options);
  }
  const { signal, ref } = options;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw internal.errors.invalidArgType('options.signal', 'AbortSignal', signal);
  }
  if (ref !== undefined && typeof ref !== 'boolean') {
    throw internal.errors.invalidArgType('options.ref', 'boolean', ref);
  }
  return options;
}

function setTimeout(after, value, options) {
  try {
    options = validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref = true } = options;
  if (signal && signal.aborted) return Promise.reject(internal.errors.abort(signal.reason));
  return new Promise((resolve, reject) => {
    let onAbort;
    const t = timers.setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, after);
    if (!ref) t.unref();
    if (signal) {
      onAbort = () => {
        timers.clearTimeout(t);
        reject(internal.errors.abort(signal.reason));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setImmediate(value, options) {
  try {
    options = validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref = true } = options;
  if (signal && signal.aborted) return Promise.reject(internal.errors.abort(signal.reason));
  return new Promise((resolve, reject) => {
    let onAbort;
    const i = timers.setImmediate(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref) i.unref();
    if (signal) {
      onAbort = () => {
        timers.clearImmediate(i);
        reject(internal.errors.abort(signal.reason));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

async function* setInterval(after, value, options) {
  options = validateOptions(options);
  const { signal, ref = true } = options;
  if (signal && signal.aborted) throw internal.errors.abort(signal.reason);
  let notYielded = 0;
  let callback;
  const interval = timers.setInterval(() => {
    notYielded++;
    if (callback) {
      callback();
      callback = undefined;
    }
  }, after);
  if (!ref) interval.unref();
  let onAbort;
  if (signal) {
    onAbort = () => {
      timers.clearInterval(interval);
      if (callback) {
        callback();
        callback = undefined;
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    while (!(signal && signal.aborted)) {
      if (notYielded === 0) {
        await new Promise((resolve) => { callback = resolve; });
      }
      for (; notYielded > 0; notYielded--) yield value;
    }
    throw internal.errors.abort(signal.reason);
  } finally {
    timers.clearInterval(interval);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait(delay, options) { return setTimeout(delay, undefined, options); },
  yield() { return setImmediate(); },
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
