// util.parseEnv: node 20's dotenv parser, quirks included (a line without `=` joins the
// next key, an empty key ends the parse, only double quotes expand `\n`, keys come back in
// byte order because node collects them in a sorted map).
'use strict';

const errors = internal.errors;

const trimSpaces = (text) => text.replace(/^ +| +$/g, '');

// UTF-8 byte order is code point order.
function byteOrder(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function parseEnv(content) {
  if (typeof content !== 'string') throw errors.invalidArgType('content', 'string', content);
  const found = new Map();
  let rest = trimSpaces(content.replace(/\r/g, ''));
  while (rest.length > 0) {
    // Blank lines and comment lines (only when they end with a newline).
    if (rest[0] === '\n' || rest[0] === '#') {
      const nl = rest.indexOf('\n');
      if (nl !== -1) {
        rest = rest.slice(nl + 1);
        continue;
      }
    }
    const eq = rest.indexOf('=');
    if (eq === -1) break;
    let key = trimSpaces(rest.slice(0, eq));
    rest = rest.slice(eq + 1).replace(/^ +/, '');
    if (key === '') break;
    if (key.startsWith('export ')) key = key.slice(7);
    if (rest === '') {
      found.set(key, '');
      break;
    }
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      const close = rest.indexOf(quote, 1);
      if (close === -1) {
        // Unterminated: the rest of the line, quote included, if a line follows.
        const nl = rest.indexOf('\n');
        if (nl === -1) break;
        found.set(key, rest.slice(0, nl));
        rest = rest.slice(nl);
        continue;
      }
      let value = rest.slice(1, close);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
      found.set(key, value);
      const nl = rest.indexOf('\n', close + 1);
      rest = nl === -1 ? '' : rest.slice(nl + 1);
      continue;
    }
    const nl = rest.indexOf('\n');
    let value = nl === -1 ? rest : rest.slice(0, nl);
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    rest = nl === -1 ? '' : rest.slice(nl + 1);
    found.set(key, trimSpaces(value));
  }
  const out = {};
  for (const key of [...found.keys()].sort(byteOrder)) out[key] = found.get(key);
  return out;
}

module.exports = { parseEnv };
