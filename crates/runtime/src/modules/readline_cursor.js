// readline's terminal-control helpers (cursorTo, moveCursor, clearLine, clearScreenDown):
// ANSI/VT100 escape sequences written to a stream, shared with tty.WriteStream.
'use strict';

const { errors } = internal;
const CSI = (s) => `\x1b[${s}`;

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined && typeof callback !== 'function') {
    throw errors.invalidArgType('callback', 'Function', callback);
  }
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw errors.invalidArgValue('x', x);
  if (Number.isNaN(y)) throw errors.invalidArgValue('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  if (typeof x !== 'number') {
    throw errors.make(TypeError, 'ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column');
  }
  const data = typeof y !== 'number' ? CSI(`${x + 1}G`) : CSI(`${y + 1};${x + 1}H`);
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined && typeof callback !== 'function') {
    throw errors.invalidArgType('callback', 'Function', callback);
  }
  if (stream == null || !(dx || dy)) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  let data = '';
  if (dx < 0) data += CSI(`${-dx}D`);
  else if (dx > 0) data += CSI(`${dx}C`);
  if (dy < 0) data += CSI(`${-dy}A`);
  else if (dy > 0) data += CSI(`${dy}B`);
  // Written even when empty (a non-numeric dx), as node does.
  return stream.write(data, callback);
}

// dir < 0: to the left of the cursor; dir > 0: to the right; 0: the whole line.
function clearLine(stream, dir, callback) {
  if (callback !== undefined && typeof callback !== 'function') {
    throw errors.invalidArgType('callback', 'Function', callback);
  }
  if (stream == null) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  const type = dir < 0 ? CSI('1K') : dir > 0 ? CSI('0K') : CSI('2K');
  return stream.write(type, callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined && typeof callback !== 'function') {
    throw errors.invalidArgType('callback', 'Function', callback);
  }
  if (stream == null) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(CSI('0J'), callback);
}

module.exports = { CSI, cursorTo, moveCursor, clearLine, clearScreenDown };
