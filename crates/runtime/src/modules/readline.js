// Node's readline: Interface over any Readable (readline_interface.js), the cursor helpers
// (readline_cursor.js) and emitKeypressEvents (readline_keys.js).
'use strict';

const { Interface } = internal.requireBuiltin('internal/readline_interface', true);
const cursor = internal.requireBuiltin('internal/readline_cursor', true);
const { emitKeypressEvents } = internal.requireBuiltin('internal/readline_keys', true);

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine: cursor.clearLine,
  clearScreenDown: cursor.clearScreenDown,
  createInterface,
  cursorTo: cursor.cursorTo,
  emitKeypressEvents,
  moveCursor: cursor.moveCursor,
};
Object.defineProperty(module.exports, 'promises', {
  configurable: true,
  enumerable: true,
  get() { return require('readline/promises'); },
});
