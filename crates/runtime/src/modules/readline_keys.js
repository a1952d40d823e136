// readline.emitKeypressEvents: decodes a stream's input into 'keypress' events
// (str, { sequence, name, ctrl, meta, shift, code? }), VT100/xterm key sequences as node
// names them.
'use strict';

const kKeypressDecoder = Symbol('keypress-decoder');
const kEscapeTimer = Symbol('keypress-escape-timer');

// CSI / SS3 final codes (after ESC[ or ESC O, digits stripped) and their key names.
const codeNames = {
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
  OA: 'up', OB: 'down', OC: 'right', OD: 'left', OE: 'clear', OF: 'end', OH: 'home',
  OP: 'f1', OQ: 'f2', OR: 'f3', OS: 'f4', '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
  '[7~': 'home', '[8~': 'end', '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9', '[21~': 'f10',
  '[23~': 'f11', '[24~': 'f12', '[Z': 'tab',
};

function key(sequence, name, extra) {
  return { sequence, name, ctrl: false, meta: false, shift: false, ...extra };
}

// Parses one key from the front of `s`; returns [str, key, consumed] or null when `s`
// holds only the start of an escape sequence (more input may complete it).
function parseKey(s) {
  const ch = s[0];
  if (ch === '\x1b') {
    if (s.length === 1) return null;
    let i = 1;
    let meta = false;
    if (s[i] === '\x1b') { // ESC ESC [A: meta + the sequence
      meta = true;
      i++;
      if (s.length === i) return null;
    }
    const intro = s[i];
    if (intro === '[' || intro === 'O') {
      let j = i + 1;
      if (intro === '[' && s[j] === '[') j++; // linux console f1-f5: ESC [ [ A
      const start = j;
      while (j < s.length && /[0-9;]/.test(s[j])) j++;
      if (j >= s.length) return null;
      const params = s.slice(start, j);
      const final = s[j];
      const sequence = s.slice(0, j + 1);
      const parts = params.split(';');
      const modifier = parts.length > 1 ? (Number(parts[1]) || 1) - 1 : 0;
      const num = parts[0];
      const code = final === '~' ? `${intro}${num}~` : `${intro}${final}`;
      const name = codeNames[code] ?? (final === 'Z' ? 'tab' : 'undefined');
      return [undefined, key(sequence, name === 'undefined' ? undefined : name, {
        ctrl: !!(modifier & 4),
        meta: meta || !!(modifier & 10),
        shift: !!(modifier & 1) || final === 'Z',
        code,
      }), j + 1];
    }
    // ESC + a character: meta.
    const inner = parseKey(s.slice(i));
    if (inner === null) return null;
    const [, k, used] = inner;
    const sequence = s.slice(0, i + used);
    return [undefined, { ...k, sequence, meta: true }, i + used];
  }
  const code = ch.charCodeAt(0);
  const cp = s.codePointAt(0);
  const str = cp > 0xffff ? s.slice(0, 2) : ch;
  if (ch === '\r') return [ch, key(ch, 'return'), 1];
  if (ch === '\n') return [ch, key(ch, 'enter'), 1];
  if (ch === '\t') return [ch, key(ch, 'tab'), 1];
  if (ch === '\b' || ch === '\x7f') return [ch, key(ch, 'backspace'), 1];
  if (ch === ' ') return [ch, key(ch, 'space'), 1];
  if (code > 0 && code <= 26) {
    return [ch, key(ch, String.fromCharCode(code + 96), { ctrl: true }), 1];
  }
  if (/[a-z0-9]/.test(ch)) return [ch, key(ch, ch), 1];
  if (/[A-Z]/.test(ch)) return [ch, key(ch, ch.toLowerCase(), { shift: true }), 1];
  return [str, key(str, undefined), str.length];
}

// Emits every complete key at the front of `s`; returns the unparsed rest. Within one
// chunk only the last key may trigger tab completion (earlier ones are a paste, as node).
function emitKeys(stream, s, iface) {
  const keys = [];
  let i = 0;
  while (i < s.length) {
    const r = parseKey(s.slice(i));
    if (r === null) break;
    keys.push(r);
    i += r[2];
  }
  const completion = iface.isCompletionEnabled;
  try {
    for (let k = 0; k < keys.length; k++) {
      if (completion !== undefined) iface.isCompletionEnabled = completion && k === keys.length - 1;
      stream.emit('keypress', keys[k][0], keys[k][1]);
    }
  } finally {
    if (completion !== undefined) iface.isCompletionEnabled = completion;
  }
  return s.slice(i);
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  const { StringDecoder } = internal.requireBuiltin('string_decoder');
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  let pending = '';
  const timeout = iface.escapeCodeTimeout;
  function onData(input) {
    if (stream.listenerCount('keypress') === 0) {
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
      return;
    }
    clearTimeout(stream[kEscapeTimer]);
    const str = typeof input === 'string' ? input : stream[kKeypressDecoder].write(input);
    pending = emitKeys(stream, pending + str, iface);
    // A lone ESC becomes 'escape' once the interface's escapeCodeTimeout has passed.
    if (pending === '\x1b' && typeof timeout === 'number') {
      stream[kEscapeTimer] = setTimeout(() => {
        pending = '';
        stream.emit('keypress', undefined, key('\x1b', 'escape'));
      }, timeout);
    }
  }
  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }
  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = { emitKeypressEvents };
