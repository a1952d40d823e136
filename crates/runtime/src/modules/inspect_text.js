// util.inspect, part 1: text. ANSI styles, quoting and escaping strings, numbers, property
// keys and the visible width of a rendered piece. Nothing here looks at objects.
'use strict';

// SGR codes as [on, off] pairs; util.inspect.colors exposes this table.
const palette = Object.create(null);
function defineColors(off, names, first) {
  names.forEach((name, i) => {
    if (name) palette[name] = [first + i, off];
  });
}
palette.reset = [0, 0];
palette.bold = [1, 22];
palette.dim = [2, 22];
palette.italic = [3, 23];
palette.underline = [4, 24];
palette.blink = [5, 25];
palette.inverse = [7, 27];
palette.hidden = [8, 28];
palette.strikethrough = [9, 29];
palette.doubleunderline = [21, 24];
const hues = ['Black', 'Red', 'Green', 'Yellow', 'Blue', 'Magenta', 'Cyan', 'White'];
defineColors(39, hues.map((h) => h.toLowerCase()), 30);
defineColors(49, hues.map((h) => `bg${h}`), 40);
palette.framed = [51, 54];
palette.overlined = [53, 55];
palette.gray = [90, 39];
defineColors(39, hues.map((h, i) => (i === 0 ? '' : `${h.toLowerCase()}Bright`)), 90);
palette.bgGray = [100, 49];
defineColors(49, hues.map((h, i) => (i === 0 ? '' : `bg${h}Bright`)), 100);
// Other spellings node accepts; they are not enumerable, as in node.
const synonyms = {
  grey: 'gray', blackBright: 'gray', bgGrey: 'bgGray', bgBlackBright: 'bgGray', faint: 'dim',
  crossedout: 'strikethrough', strikeThrough: 'strikethrough', crossedOut: 'strikethrough',
  conceal: 'hidden', swapColors: 'inverse', swapcolors: 'inverse', doubleUnderline: 'doubleunderline',
};
for (const alias of Object.keys(synonyms)) {
  Object.defineProperty(palette, alias, {
    get() { return this[synonyms[alias]]; },
    set(v) { Object.defineProperty(this, alias, { value: v, writable: true, enumerable: true, configurable: true }); },
    enumerable: false,
    configurable: true,
  });
}

// Which color each kind of token gets (util.inspect.styles).
const roles = Object.assign(Object.create(null), {
  special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey',
  null: 'bold', string: 'green', symbol: 'green', date: 'magenta', regexp: 'red', module: 'underline',
});

function paint(text, role) {
  const colorName = roles[role];
  const codes = colorName === undefined ? undefined : palette[colorName];
  if (codes === undefined) return text;
  return `\u001b[${codes[0]}m${text}\u001b[${codes[1]}m`;
}

function plain(text) {
  return text;
}

const ansiPattern = /[\u001b\u009b][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-nq-uy=><~]))/g;

function removeColors(text) {
  return String(text).replace(ansiPattern, '');
}

// Code points drawn two cells wide (CJK, full-width forms, most emoji).
function isWide(cp) {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}
function isZeroWidth(cp) {
  return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

// How many terminal cells `text` takes.
function visibleWidth(text, colored) {
  const s = colored ? removeColors(text) : text;
  let cells = 0;
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7e || s.charCodeAt(i) < 0x20) { ascii = false; break; }
  }
  if (ascii) return s.length;
  for (const ch of s.normalize('NFC')) {
    const cp = ch.codePointAt(0);
    if (isWide(cp)) cells += 2;
    else if (!isZeroWidth(cp)) cells += 1;
  }
  return cells;
}

// ---- strings ---------------------------------------------------------------------------

const namedEscapes = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 92: '\\\\' };

function hex2(code) {
  return code.toString(16).toUpperCase().padStart(2, '0');
}

// Writes `text` between quotes: single ones unless the text holds a single quote; then double,
// then backtick, and single with escaping when the text holds all three.
function quote(text) {
  let mark = "'";
  if (text.includes("'")) {
    if (!text.includes('"')) mark = '"';
    else if (!text.includes('`')) mark = '`';
  }
  const markCode = mark.charCodeAt(0);
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let rep;
    if (c === markCode) rep = `\\${mark}`;
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f)) rep = namedEscapes[c] || `\\x${hex2(c)}`;
    else if (c === 92) rep = '\\\\';
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
      rep = `\\u${c.toString(16)}`;
    }
    if (rep !== undefined) {
      out += text.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return mark + out + text.slice(from) + mark;
}

const bareKey = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

// A property name as it appears before the colon.
function keyText(key, style, hidden) {
  if (typeof key === 'symbol') return `[${style(escapeControl(key.toString()), 'symbol')}]`;
  if (hidden) return `[${escapeControl(key).replace(/'/g, "\\'")}]`;
  if (key === '__proto__') return "['__proto__']";
  if (bareKey.test(key)) return style(key, 'name');
  return style(quote(key), 'string');
}

// Escapes control characters in text shown without quotes (symbol descriptions, hidden keys).
function escapeControl(text) {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (ch) => namedEscapes[ch.charCodeAt(0)] || `\\x${hex2(ch.charCodeAt(0))}`);
}

// ---- numbers ---------------------------------------------------------------------------

function underscoreGroups(digits, fromLeft) {
  const parts = [];
  if (fromLeft) {
    for (let i = 0; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  } else {
    for (let end = digits.length; end > 0; end -= 3) parts.unshift(digits.slice(Math.max(0, end - 3), end));
  }
  return parts.join('_');
}

function separateInteger(text) {
  const sign = text[0] === '-' ? '-' : '';
  return sign + underscoreGroups(text.slice(sign.length), false);
}

function formatNumber(style, n, separators) {
  if (Object.is(n, -0)) return style('-0', 'number');
  let text = `${n}`;
  if (separators && Number.isFinite(n) && !text.includes('e')) {
    const dot = text.indexOf('.');
    if (dot === -1) text = separateInteger(text);
    else text = `${separateInteger(text.slice(0, dot))}.${underscoreGroups(text.slice(dot + 1), true)}`;
  }
  return style(text, 'number');
}

function formatBigInt(style, n, separators) {
  const text = `${n}`;
  return style(`${separators ? separateInteger(text) : text}n`, 'bigint');
}

module.exports = {
  palette, roles, paint, plain, removeColors, visibleWidth, quote, keyText, escapeControl,
  formatNumber, formatBigInt,
};
