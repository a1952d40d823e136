// readline/promises: an Interface whose question() returns a promise, and Readline, which
// queues cursor actions and writes them on commit().
'use strict';

const { errors } = internal;
const base = internal.requireBuiltin('internal/readline_interface', true);
const { CSI } = internal.requireBuiltin('internal/readline_cursor', true);

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  base.Interface.call(this, input, output, completer, terminal);
}
Object.setPrototypeOf(Interface.prototype, base.Interface.prototype);
Object.setPrototypeOf(Interface, base.Interface);

Interface.prototype.question = function question(query, options = {}) {
  return new Promise((resolve, reject) => {
    if (this.closed) {
      reject(errors.make(Error, 'ERR_USE_AFTER_CLOSE', 'readline was closed'));
      return;
    }
    const signal = options && options.signal;
    if (signal) {
      if (!(signal instanceof AbortSignal)) {
        throw errors.invalidArgType('options.signal', 'AbortSignal', signal);
      }
      if (signal.aborted) {
        reject(errors.abort(signal.reason));
        return;
      }
      const onAbort = () => reject(errors.abort(signal.reason));
      signal.addEventListener('abort', onAbort, { once: true });
      base.Interface.prototype.question.call(this, query, { signal }, (answer) => {
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      });
      return;
    }
    base.Interface.prototype.question.call(this, query, resolve);
  });
};

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

const kStream = Symbol('kStream');
const kTodo = Symbol('kTodo');
const kAutoCommit = Symbol('kAutoCommit');
function validateInteger(v, name) {
  if (typeof v !== 'number') throw errors.invalidArgType(name, 'number', v);
  if (!Number.isInteger(v)) throw errors.outOfRange(name, 'an integer', v);
}
class Readline {
  constructor(stream, options = undefined) {
    if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function') {
      throw errors.invalidArgType('stream', 'Writable', stream);
    }
    this[kStream] = stream;
    this[kTodo] = [];
    this[kAutoCommit] = !!(options && options.autoCommit);
  }
  #queue(data) {
    if (this[kAutoCommit]) process.nextTick(() => this[kStream].write(data));
    else this[kTodo].push(data);
    return this;
  }
  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y !== undefined) validateInteger(y, 'y');
    return this.#queue(y === undefined ? CSI(`${x + 1}G`) : CSI(`${y + 1};${x + 1}H`));
  }
  moveCursor(dx, dy) {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      let data = '';
      if (dx < 0) data += CSI(`${-dx}D`);
      else if (dx > 0) data += CSI(`${dx}C`);
      if (dy < 0) data += CSI(`${-dy}A`);
      else if (dy > 0) data += CSI(`${dy}B`);
      this.#queue(data);
    }
    return this;
  }
  clearLine(dir) {
    validateInteger(dir, 'dir');
    return this.#queue(dir < 0 ? CSI('1K') : dir > 0 ? CSI('0K') : CSI('2K'));
  }
  clearScreenDown() {
    return this.#queue(CSI('0J'));
  }
  commit() {
    const data = this[kTodo].join('');
    this[kTodo] = [];
    return new Promise((resolve) => this[kStream].write(data, resolve));
  }
  rollback() {
    this[kTodo] = [];
    return this;
  }
}

module.exports = { Interface, Readline, createInterface };
