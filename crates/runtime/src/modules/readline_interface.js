// readline.Interface: lines from any Readable ('line', 'close', 'pause', 'resume'),
// question/prompt, async iteration, '\r\n' across chunks (crlfDelay). Terminal mode is a
// small line editor (insert, backspace, delete, left/right/home/end, history, tab
// completion, ^C, ^D) redrawn with plain escape sequences: node's exact redraw output, its
// completion list layout and kill/yank are not reproduced (COMPAT.md).
'use strict';

const EventEmitter = internal.requireBuiltin('events');
const { errors } = internal;
const { cursorTo, clearLine } = internal.requireBuiltin('internal/readline_cursor', true);
const { emitKeypressEvents } = internal.requireBuiltin('internal/readline_keys', true);

const kMinCrlfDelay = 100;
const kHistorySize = 30;
const lineEnding = /\r?\n|\r(?!\n)/;

const kQuestionCallback = Symbol('kQuestionCallback');
const kOldPrompt = Symbol('kOldPrompt');
const kLineBuffer = Symbol('kLineBuffer');
const kSawReturnAt = Symbol('kSawReturnAt');
const kDecoder = Symbol('kDecoder');
const kListeners = Symbol('kListeners');
const kQueue = Symbol('kQueue');
const kPrompt = Symbol('kPrompt');
const kCooked = Symbol('kCooked');

function useAfterClose() {
  return errors.make(Error, 'ERR_USE_AFTER_CLOSE', 'readline was closed');
}

function validateOptions(o) {
  if (o.completer !== undefined && typeof o.completer !== 'function') {
    throw errors.invalidArgValue('completer', o.completer);
  }
  if (o.historySize !== undefined) {
    if (typeof o.historySize !== 'number') throw errors.invalidArgType('historySize', 'number', o.historySize);
    if (Number.isNaN(o.historySize) || o.historySize < 0) throw errors.outOfRange('historySize', '>= 0', o.historySize);
  }
  if (o.tabSize !== undefined) {
    if (typeof o.tabSize !== 'number') throw errors.invalidArgType('tabSize', 'number', o.tabSize);
    if (!Number.isInteger(o.tabSize)) throw errors.outOfRange('tabSize', 'an integer', o.tabSize);
    if (o.tabSize < 1 || o.tabSize > 4294967295) throw errors.outOfRange('tabSize', '>= 1 && <= 4294967295', o.tabSize);
  }
  if (o.signal !== undefined) {
    const AbortSignal = globalThis.AbortSignal;
    if (!(o.signal instanceof AbortSignal)) throw errors.invalidArgType('options.signal', 'AbortSignal', o.signal);
  }
}

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  EventEmitter.call(this);
  let options = {};
  if (input && input.input) {
    options = input;
    ({ output, completer, terminal } = options);
    input = options.input;
  } else {
    options = { input, output, completer, terminal };
  }
  validateOptions(options);
  if (terminal === undefined && !(output === null || output === undefined)) terminal = !!output.isTTY;
  this.input = input;
  this.output = output;
  this.terminal = !!terminal;
  this.line = '';
  this.history = Array.isArray(options.history) ? options.history.slice() : [];
  this.historySize = options.historySize ?? kHistorySize;
  this.removeHistoryDuplicates = !!options.removeHistoryDuplicates;
  this.crlfDelay = options.crlfDelay ? Math.max(kMinCrlfDelay, options.crlfDelay) : kMinCrlfDelay;
  this.tabSize = options.tabSize ?? 8;
  this.completer = completer;
  this.isCompletionEnabled = true;
  this.escapeCodeTimeout = options.escapeCodeTimeout ?? 500;
  this[kPrompt] = options.prompt !== undefined ? `${options.prompt}` : '> ';
  this[kLineBuffer] = null;
  this[kSawReturnAt] = 0;
  const { StringDecoder } = internal.requireBuiltin('string_decoder');
  this[kDecoder] = new StringDecoder('utf8');

  const onError = (err) => this.emit('error', err);
  const onEnd = () => {
    if (typeof this[kLineBuffer] === 'string' && this[kLineBuffer].length > 0) {
      this.emit('line', this[kLineBuffer]);
    }
    this[kLineBuffer] = null;
    this.close();
  };
  const listeners = { error: onError };
  if (this.terminal) {
    this.cursor = 0;
    this.historyIndex = -1;
    emitKeypressEvents(input, this);
    listeners.keypress = (s, key) => this._ttyWrite(s, key);
    listeners.end = () => this.close();
    // If the input cannot go raw (nrt's process.stdin until stdio binds tty's raw mode),
    // the terminal keeps echoing and editing the line itself, so nothing is redrawn.
    this[kCooked] = false;
    if (typeof input.setRawMode === 'function') {
      try {
        input.setRawMode(true);
      } catch {
        this[kCooked] = true;
      }
    }
  } else {
    listeners.data = (data) => this._normalWrite(data);
    listeners.end = onEnd;
  }
  this[kListeners] = listeners;
  for (const [ev, fn] of Object.entries(listeners)) input.on(ev, fn);

  const signal = options.signal;
  if (signal) {
    const onAbort = () => this.close();
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  input.resume();
}
Object.setPrototypeOf(Interface.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Interface, EventEmitter);

Object.defineProperty(Interface.prototype, 'columns', {
  configurable: true,
  enumerable: true,
  get() { return this.output && this.output.columns ? this.output.columns : Infinity; },
});

Interface.prototype.setPrompt = function setPrompt(prompt) {
  this[kPrompt] = prompt;
};
Interface.prototype.getPrompt = function getPrompt() {
  return this[kPrompt];
};

Interface.prototype._writeToOutput = function _writeToOutput(s) {
  if (typeof s !== 'string') throw errors.invalidArgType('stringToWrite', 'string', s);
  if (this.output !== null && this.output !== undefined) this.output.write(s);
};

Interface.prototype.prompt = function prompt(preserveCursor) {
  if (this.paused) this.resume();
  if (this.terminal && process.env.TERM !== 'dumb' && !this[kCooked]) {
    if (!preserveCursor) this.cursor = 0;
    this._refreshLine();
  } else {
    this._writeToOutput(this[kPrompt]);
  }
};

Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options === null || typeof options !== 'object') options = {};
  const signal = options.signal;
  if (signal) {
    if (signal.aborted) return;
    const onAbort = () => {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const original = cb;
    cb = typeof cb === 'function' ? (answer) => {
      signal.removeEventListener('abort', onAbort);
      return original(answer);
    } : cb;
  }
  if (typeof cb !== 'function') return;
  if (this.closed) throw useAfterClose();
  if (this[kQuestionCallback]) {
    this.prompt();
    return;
  }
  this[kOldPrompt] = this[kPrompt];
  this.setPrompt(query);
  this[kQuestionCallback] = cb;
  this.prompt();
};

Interface.prototype._onLine = function _onLine(line) {
  if (this[kQuestionCallback]) {
    const cb = this[kQuestionCallback];
    this[kQuestionCallback] = null;
    this.setPrompt(this[kOldPrompt]);
    cb(line);
  } else {
    this.emit('line', line);
  }
};

// Non-terminal input: split into lines; a '\r' ending one chunk and a '\n' starting the next
// within crlfDelay ms are one line end.
Interface.prototype._normalWrite = function _normalWrite(b) {
  if (b === undefined) return;
  let string = typeof b === 'string' ? b : this[kDecoder].write(b);
  if (this[kSawReturnAt] && Date.now() - this[kSawReturnAt] <= this.crlfDelay) {
    if (string.charCodeAt(0) === 10) string = string.slice(1);
    this[kSawReturnAt] = 0;
  }
  const hasBreak = lineEnding.test(string);
  if (this[kLineBuffer] !== null) {
    string = this[kLineBuffer] + string;
    this[kLineBuffer] = null;
  }
  if (!hasBreak) {
    if (string) this[kLineBuffer] = string;
    return;
  }
  this[kSawReturnAt] = string.endsWith('\r') ? Date.now() : 0;
  const lines = string.split(lineEnding);
  this[kLineBuffer] = lines.pop();
  for (const line of lines) {
    this._onLine(line);
    if (this.closed) return;
  }
};

Interface.prototype.write = function write(d, key) {
  if (this.paused) this.resume();
  if (this.terminal) this._ttyWrite(d, key);
  else this._normalWrite(d);
};

Interface.prototype.pause = function pause() {
  if (this.paused) return;
  this.input.pause();
  this.paused = true;
  this.emit('pause');
  return this;
};

Interface.prototype.resume = function resume() {
  if (!this.paused) return;
  this.input.resume();
  this.paused = false;
  this.emit('resume');
  return this;
};

Interface.prototype.close = function close() {
  if (this.closed) return;
  this.pause();
  if (this.terminal && !this[kCooked] && typeof this.input.setRawMode === 'function') this.input.setRawMode(false);
  for (const [ev, fn] of Object.entries(this[kListeners])) this.input.removeListener(ev, fn);
  this.closed = true;
  this.emit('close');
};

Interface.prototype.getCursorPos = function getCursorPos() {
  const text = this[kPrompt] + this.line.slice(0, this.cursor ?? 0);
  const columns = this.columns;
  const cols = columns === Infinity ? text.length : text.length % columns;
  const rows = columns === Infinity ? 0 : Math.floor(text.length / columns);
  return { rows, cols };
};

// ---- terminal mode: a small line editor ---------------------------------------------
Interface.prototype._refreshLine = function _refreshLine() {
  if (!this.output || this[kCooked]) return;
  cursorTo(this.output, 0);
  clearLine(this.output, 0);
  this._writeToOutput(this[kPrompt] + this.line);
  cursorTo(this.output, this[kPrompt].length + this.cursor);
};

Interface.prototype._addHistory = function _addHistory() {
  if (this.line.length === 0 || this.historySize === 0) return this.line;
  if (this.history[0] !== this.line) {
    if (this.removeHistoryDuplicates) {
      const i = this.history.indexOf(this.line);
      if (i !== -1) this.history.splice(i, 1);
    }
    this.history.unshift(this.line);
    if (this.history.length > this.historySize) this.history.pop();
  }
  // node reports the history for every submitted line, a repeat of the newest included.
  this.emit('history', this.history);
  this.historyIndex = -1;
  return this.line;
};

Interface.prototype._ttyWrite = function _ttyWrite(s, key = {}) {
  const insert = (text) => {
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    this._refreshLine();
  };
  if (key.ctrl && key.name === 'c') {
    if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
    else this.close();
    return;
  }
  if (key.ctrl && key.name === 'd') {
    if (this.line.length === 0) this.close();
    return;
  }
  switch (key.name) {
    case 'return':
    case 'enter': {
      const line = this._addHistory();
      this.line = '';
      this.cursor = 0;
      if (!this[kCooked]) this._writeToOutput('\r\n');
      this._onLine(line);
      return;
    }
    case 'backspace':
      if (this.cursor > 0) {
        this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor);
        this.cursor--;
        this._refreshLine();
      }
      return;
    case 'delete':
      this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1);
      this._refreshLine();
      return;
    case 'left':
      if (this.cursor > 0) { this.cursor--; this._refreshLine(); }
      return;
    case 'right':
      if (this.cursor < this.line.length) { this.cursor++; this._refreshLine(); }
      return;
    case 'home':
      this.cursor = 0;
      this._refreshLine();
      return;
    case 'end':
      this.cursor = this.line.length;
      this._refreshLine();
      return;
    case 'tab':
      if (typeof this.completer === 'function' && this.isCompletionEnabled) {
        this._complete();
      } else {
        insert('\t');
      }
      return;
    case 'up':
    case 'down': {
      const next = this.historyIndex + (key.name === 'up' ? 1 : -1);
      if (next < -1 || next >= this.history.length) return;
      this.historyIndex = next;
      this.line = next === -1 ? '' : this.history[next];
      this.cursor = this.line.length;
      this._refreshLine();
      return;
    }
    default:
      if (typeof s === 'string' && s && !key.ctrl && !key.meta) {
        // Pasted text can hold line ends: each one submits a line.
        const parts = s.split(/\r\n|\n|\r/);
        for (let i = 0; i < parts.length; i++) {
          if (i > 0) this._ttyWrite('\r', { name: 'return' });
          if (parts[i]) insert(parts[i]);
        }
      }
  }
};

// Tab: the completer's [completions, substring]; one match (or a longer common prefix) is
// inserted, several are listed under the line (node formats the list in columns).
Interface.prototype._complete = function _complete() {
  const line = this.line.slice(0, this.cursor);
  const apply = (err, result) => {
    if (err || !Array.isArray(result)) return;
    const [completions, sub] = result;
    const matches = Array.isArray(completions) ? completions.filter((c) => typeof c === 'string' && c !== '') : [];
    if (matches.length === 0 || typeof sub !== 'string') return;
    let prefix = matches[0];
    for (const m of matches) {
      while (!m.startsWith(prefix)) prefix = prefix.slice(0, -1);
    }
    if (prefix.length > sub.length) {
      this._ttyWrite(prefix.slice(sub.length), {});
      return;
    }
    if (matches.length > 1) {
      this._writeToOutput(`\r\n${matches.join('  ')}\r\n`);
      this._refreshLine();
    }
  };
  if (this.completer.length === 2) {
    this.completer(line, apply);
  } else {
    try {
      apply(null, this.completer(line));
    } catch (err) {
      this.emit('error', err);
    }
  }
};

// ---- async iteration: lines queue while nobody reads; input pauses past 1024 ----------
Interface.prototype[Symbol.asyncIterator] = function asyncIterator() {
  if (this[kQueue] === undefined) {
    const q = { lines: [], waiting: [], done: false, error: null };
    this[kQueue] = q;
    const settle = () => {
      while (q.waiting.length > 0 && (q.lines.length > 0 || q.done || q.error)) {
        const { resolve, reject } = q.waiting.shift();
        if (q.lines.length > 0) resolve({ value: q.lines.shift(), done: false });
        else if (q.error) { reject(q.error); q.error = null; q.done = true; }
        else resolve({ value: undefined, done: true });
      }
    };
    this.on('line', (line) => {
      q.lines.push(line);
      if (q.lines.length >= 1024) this.pause();
      settle();
    });
    this.on('close', () => { q.done = true; settle(); });
    this.on('error', (err) => { q.error = err; settle(); });
    q.settle = settle;
  }
  const q = this[kQueue];
  const rl = this;
  return {
    next() {
      return new Promise((resolve, reject) => {
        q.waiting.push({ resolve, reject });
        q.settle();
        if (q.lines.length < 1024 && rl.paused && !rl.closed) rl.resume();
      });
    },
    return() {
      rl.close();
      q.done = true;
      q.lines.length = 0;
      q.settle();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
};

module.exports = { Interface, kQuestionCallback };
