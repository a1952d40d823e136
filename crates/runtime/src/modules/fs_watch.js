// Node's fs watchers (lib/internal/fs/watchers.js): FSWatcher (fs.watch, inotify through
// node-fs) and StatWatcher (fs.watchFile, stat polling). The native side (fs_watch.rs)
// keeps each watcher as a loop handle and calls hooks.fsWatchEvent / hooks.fsStatChange
// with its id; the JS objects live in `active`, so QuickJS's GC sees them.
'use strict';

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const fb = internal.natives.fs;
const errors = internal.errors;
const {
  getPath, validateFunction, validateBoolean, normalizeEncoding, toStats,
} = internal.requireBuiltin('internal/fs_utils', true);

const active = new Map(); // native id -> FSWatcher | StatWatcher

internal.hooks.fsWatchEvent = function fsWatchEvent(id, err, eventType, filename) {
  const w = active.get(id);
  if (w !== undefined) w._onchange(err, eventType, filename, id);
};
const fs = () => require('fs');
const pathMod = () => require('path');
function statOrNull(p) {
  try {
    return fs().statSync(p);
  } catch {
    return null;
  }
}
internal.hooks.fsStatChange = function fsStatChange(id, curr, prev) {
  const w = active.get(id);
  if (w !== undefined) w._onchange(curr, prev);
};

function encodeName(name, encoding) {
  if (name === undefined || name === null || encoding === undefined || encoding === 'utf8') {
    return name ?? null;
  }
  const bytes = Buffer.from(name, 'utf8');
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

function validateSignal(signal, name) {
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw errors.invalidArgType(name, 'AbortSignal', signal);
  }
}

// The native handle as node shows it (`_handle: FSEvent { … }`).
class FSEvent {
  constructor(id) {
    this.id = id;
  }
}

// node's watch start error: errno, syscall, code, path, filename, in that key order.
function watchStartError(e, filename) {
  if (e.syscall !== 'watch') return e;
  const { errno, code, path } = e;
  for (const k of ['errno', 'code', 'syscall', 'path']) delete e[k];
  e.errno = errno;
  e.syscall = 'watch';
  e.code = code;
  e.path = path;
  e.filename = filename;
  return e;
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = null;
  }

  // start(filename, persistent, recursive, encoding): node's internal entry point.
  start(filename, persistent, recursive, encoding) {
    if (this._handle !== null) return;
    filename = getPath(filename);
    let id;
    try {
      id = fb.watchStart(filename, persistent, false);
    } catch (e) {
      throw watchStartError(e, filename);
    }
    this._handle = new FSEvent(id);
    this._encoding = encoding;
    active.set(id, this);
    // recursive: one inotify watch per directory of the tree (node 20 on Linux walks the
    // tree in JS too), each event named relative to the root.
    this._dirs = null;
    if (recursive && statOrNull(filename)?.isDirectory()) {
      this._root = filename;
      this._persistent = persistent;
      this._dirs = new Map([[id, filename]]);
      this._scan(filename, false);
    }
  }

  // Watches the subdirectories of `dir`; `report` names what it finds (entries created
  // in a new directory before its watch started).
  _scan(dir, report) {
    let entries;
    try {
      entries = fs().readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = pathMod().join(dir, e.name);
      if (report) this._emitChange('rename', pathMod().relative(this._root, full));
      if (!e.isDirectory()) continue;
      let id;
      try {
        id = fb.watchStart(full, this._persistent, false);
      } catch {
        continue; // gone again, or unreadable: node skips it as well
      }
      if (this._handle !== null && !fb.watchHasRef(this._handle.id)) fb.watchRef(id, false);
      this._dirs.set(id, full);
      active.set(id, this);
      this._scan(full, report);
    }
  }

  _emitChange(eventType, name) {
    this.emit('change', eventType, encodeName(name, this._encoding));
  }

  _onchange(err, eventType, filename, id) {
    if (err) {
      this.close();
      err.filename = filename;
      this.emit('error', err);
      return;
    }
    if (this._dirs === null) {
      this._emitChange(eventType, filename);
      return;
    }
    const dir = this._dirs.get(id);
    if (dir === undefined) return;
    const full = pathMod().join(dir, filename);
    if (dir !== this._root && filename === pathMod().basename(dir) && statOrNull(dir) === null) {
      // The directory's own removal: its parent's watch reports it; stop watching it.
      this._dirs.delete(id);
      active.delete(id);
      fb.watchClose(id);
      return;
    }
    this._emitChange(eventType, pathMod().relative(this._root, full));
    if (eventType === 'rename' && statOrNull(full)?.isDirectory() && ![...this._dirs.values()].includes(full)) {
      let sub;
      try {
        sub = fb.watchStart(full, this._persistent, false);
      } catch {
        return;
      }
      if (!fb.watchHasRef(this._handle.id)) fb.watchRef(sub, false);
      this._dirs.set(sub, full);
      active.set(sub, this);
      this._scan(full, true);
    }
  }

  _ids() {
    if (this._handle === null) return [];
    return this._dirs === null ? [this._handle.id] : [...this._dirs.keys()];
  }

  close() {
    const h = this._handle;
    if (h === null) return;
    for (const id of this._ids()) {
      active.delete(id);
      fb.watchClose(id);
    }
    this._handle = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    for (const id of this._ids()) fb.watchRef(id, true);
    return this;
  }

  unref() {
    for (const id of this._ids()) fb.watchRef(id, false);
    return this;
  }
}

function watchOptions(options) {
  if (typeof options === 'string') options = { encoding: options };
  else if (options === undefined || options === null || typeof options === 'function') options = {};
  else if (typeof options !== 'object') throw errors.invalidArgType('options', ['string', 'Object'], options);
  const o = { persistent: true, recursive: false, ...options };
  const encoding = normalizeEncoding(o.encoding ?? 'utf8');
  if (o.recursive !== undefined) validateBoolean(o.recursive, 'options.recursive');
  validateSignal(o.signal, 'options.signal');
  return { persistent: !!o.persistent, recursive: !!o.recursive, encoding, signal: o.signal };
}

// fs.watch(filename[, options][, listener])
function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  const o = watchOptions(options);
  const w = new FSWatcher();
  w.start(filename, o.persistent, o.recursive, o.encoding);
  // node adds the listener after starting (a bad one throws with the watcher running).
  if (listener) {
    validateFunction(listener, 'listener');
    w.addListener('change', listener);
  }
  if (o.signal !== undefined) {
    if (o.signal.aborted) process.nextTick(() => w.close());
    else {
      const onAbort = () => w.close();
      o.signal.addEventListener('abort', onAbort, { once: true });
      w.once('close', () => o.signal.removeEventListener('abort', onAbort));
    }
  }
  return w;
}

// fsPromises.watch(filename[, options]): an async iterator of { eventType, filename }.
async function* watchAsync(filename, options) {
  const o = watchOptions(options);
  const { signal } = o;
  if (signal !== undefined && signal.aborted) throw errors.abort(signal.reason);
  const w = new FSWatcher();
  w.start(filename, o.persistent, o.recursive, o.encoding);
  const queue = [];
  let wake = null;
  let failure = null;
  const notify = () => {
    if (wake !== null) {
      const f = wake;
      wake = null;
      f();
    }
  };
  w.on('change', (eventType, name) => {
    queue.push({ eventType, filename: name });
    notify();
  });
  w.on('error', (err) => {
    failure = err;
    notify();
  });
  const onAbort = () => {
    failure = errors.abort(signal.reason);
    w.close();
    notify();
  };
  if (signal !== undefined) signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (queue.length > 0) {
        yield queue.shift();
        continue;
      }
      if (failure !== null) throw failure;
      await new Promise((resolve) => { wake = resolve; });
    }
  } finally {
    if (signal !== undefined) signal.removeEventListener('abort', onAbort);
    w.close();
  }
}

// ---- StatWatcher (fs.watchFile) --------------------------------------------------------

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._handle = null;
    this._bigint = !!bigint;
  }

  start(filename, persistent, interval) {
    if (this._handle !== null) return;
    filename = getPath(filename);
    if (typeof interval !== 'number') throw errors.invalidArgType('interval', 'number', interval);
    if (!Number.isInteger(interval) || interval < 0 || interval > 4294967295) {
      throw errors.outOfRange('interval', '>= 0 && <= 4294967295', interval);
    }
    const id = fb.watchFileStart(filename, !!persistent, interval, this._bigint);
    this._handle = new FSEvent(id);
    active.set(id, this);
  }

  _onchange(curr, prev) {
    this.emit('change', toStats(curr), toStats(prev));
  }

  stop() {
    const h = this._handle;
    if (h === null) return;
    this._handle = null;
    active.delete(h.id);
    fb.watchClose(h.id);
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    if (this._handle !== null) fb.watchRef(this._handle.id, true);
    return this;
  }

  unref() {
    if (this._handle !== null) fb.watchRef(this._handle.id, false);
    return this;
  }
}

// One StatWatcher per resolved path, shared by every watchFile call on it (lib/fs.js).
const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = require('path').resolve(getPath(filename));
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  const o = { interval: 5007, persistent: true, ...(options || {}) };
  validateFunction(listener, 'listener');
  let stat = statWatchers.get(filename);
  if (stat === undefined) {
    stat = new StatWatcher(o.bigint);
    stat.start(filename, o.persistent, o.interval);
    statWatchers.set(filename, stat);
  }
  stat.addListener('change', listener);
  return stat;
}

function unwatchFile(filename, listener) {
  filename = require('path').resolve(getPath(filename));
  const stat = statWatchers.get(filename);
  if (stat === undefined) return;
  if (typeof listener === 'function') stat.removeListener('change', listener);
  else stat.removeAllListeners('change');
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

module.exports = { FSWatcher, StatWatcher, watch, watchAsync, watchFile, unwatchFile };
