// util.MIMEType and util.MIMEParams: WHATWG MIME Sniffing's "parse a MIME type" and
// "serialize a MIME type", with node's ERR_INVALID_MIME_SYNTAX errors.
'use strict';

const errors = internal.errors;

const tokenChar = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/;
// What a quoted-string may hold: tab, printable ASCII, and U+0080..U+00FF.
const quotedChar = /^[\t\u0020-\u007e\u0080-\u00ff]$/;
const httpWhitespace = /^[\t\n\r ]$/;

// -1 when every character of `text` is a token character, else the first offender.
function firstNonToken(text) {
  for (let i = 0; i < text.length; i += 1) {
    if (!tokenChar.test(text[i])) return i;
  }
  return -1;
}

function syntaxError(production, text, at) {
  return errors.make(TypeError, 'ERR_INVALID_MIME_SYNTAX',
    `The MIME syntax for a ${production} in "${text}" is invalid${at === -1 ? '' : ` at ${at}`}`);
}

function checkToken(production, text) {
  const at = firstNonToken(text);
  if (text.length === 0 || at !== -1) throw syntaxError(production, text, text.length === 0 ? -1 : at);
}

function checkValue(text) {
  for (let i = 0; i < text.length; i += 1) {
    if (!quotedChar.test(text[i])) throw syntaxError('parameter value', text, i);
  }
}

function trimWhitespace(text) {
  let start = 0;
  let end = text.length;
  while (start < end && httpWhitespace.test(text[start])) start += 1;
  while (end > start && httpWhitespace.test(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

function serializeValue(value) {
  if (value.length > 0 && firstNonToken(value) === -1) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

class MIMEParams {
  #entries = new Map();

  delete(name) {
    this.#entries.delete(name);
  }

  get(name) {
    const value = this.#entries.get(name);
    return value === undefined ? null : value;
  }

  has(name) {
    return this.#entries.has(name);
  }

  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    const at = firstNonToken(name);
    if (name.length === 0 || at !== -1) throw syntaxError('parameter name', name, name.length === 0 ? -1 : at);
    checkValue(value);
    this.#entries.set(name, value);
  }

  entries() {
    return this.#entries.entries();
  }

  keys() {
    return this.#entries.keys();
  }

  values() {
    return this.#entries.values();
  }

  toString() {
    let out = '';
    for (const [name, value] of this.#entries) {
      out += `${out === '' ? '' : ';'}${name}=${serializeValue(value)}`;
    }
    return out;
  }

  toJSON() {
    return this.toString();
  }

  // Parameters of a MIME type string from `start` on (after the subtype): malformed ones
  // are skipped, the first of a repeated name wins.
  static parse(params, text, start) {
    const entries = params.#entries;
    let i = start;
    while (i < text.length) {
      i += 1; // the ';'
      while (i < text.length && httpWhitespace.test(text[i])) i += 1;
      let name = '';
      while (i < text.length && text[i] !== ';' && text[i] !== '=') name += text[i++];
      name = name.toLowerCase();
      if (i >= text.length) break;
      if (text[i] === ';') continue;
      i += 1; // the '='
      let value = '';
      if (text[i] === '"') {
        i += 1;
        while (i < text.length) {
          const ch = text[i];
          if (ch === '\\') {
            i += 1;
            if (i < text.length) value += text[i++];
            else value += '\\';
          } else if (ch === '"') {
            i += 1;
            break;
          } else {
            value += ch;
            i += 1;
          }
        }
        while (i < text.length && text[i] !== ';') i += 1;
      } else {
        while (i < text.length && text[i] !== ';') value += text[i++];
        value = trimWhitespace(value);
        if (value === '') continue;
      }
      if (name !== '' && firstNonToken(name) === -1 && [...value].every((c) => quotedChar.test(c)) && !entries.has(name)) {
        entries.set(name, value);
      }
    }
  }
}
MIMEParams.prototype[Symbol.iterator] = MIMEParams.prototype.entries;
const parseParams = MIMEParams.parse;
delete MIMEParams.parse;

class MIMEType {
  #type;
  #subtype;
  #params = new MIMEParams();

  constructor(input) {
    const text = trimWhitespace(`${input}`);
    const slash = text.indexOf('/');
    const type = slash === -1 ? text : text.slice(0, slash);
    if (slash === -1 || type.length === 0 || firstNonToken(type) !== -1) {
      throw syntaxError('type', text, slash === -1 || type.length === 0 ? -1 : firstNonToken(type));
    }
    let end = text.indexOf(';', slash + 1);
    if (end === -1) end = text.length;
    const subtype = trimWhitespace(text.slice(slash + 1, end));
    if (subtype.length === 0 || firstNonToken(subtype) !== -1) {
      throw syntaxError('subtype', text, subtype.length === 0 ? -1 : firstNonToken(subtype));
    }
    this.#type = type.toLowerCase();
    this.#subtype = subtype.toLowerCase();
    parseParams(this.#params, text, end);
  }

  get type() {
    return this.#type;
  }

  set type(value) {
    value = `${value}`;
    checkToken('type', value);
    this.#type = value.toLowerCase();
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(value) {
    value = `${value}`;
    checkToken('subtype', value);
    this.#subtype = value.toLowerCase();
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#params;
  }

  toString() {
    const params = this.#params.toString();
    return `${this.essence}${params === '' ? '' : `;${params}`}`;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = { MIMEType, MIMEParams };
