// `Headers` (WHATWG Fetch, as undici shapes it): a header list that keeps the first
// spelling of each name and the order of insertion, combines repeated values with ", "
// (except Set-Cookie), and iterates sorted by lower-cased name.
'use strict';

const customInspect = Symbol.for('nodejs.util.inspect.custom');

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const invalidValueRe = /[\0\r\n]/;

function byteString(v) {
  const s = `${v}`;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) {
      throw new TypeError(`Cannot convert argument to a ByteString because the character at index ${i} has a value of ${c} which is greater than 255.`);
    }
  }
  return s;
}

// Leading and trailing HTTP whitespace (tab, LF, CR, space) is dropped.
function normalizeValue(v) {
  return byteString(v).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

function argsRequired(what, n, got) {
  if (got < n) {
    throw new TypeError(`${what}: ${n} argument${n > 1 ? 's' : ''} required, but${n > 1 ? ' only' : ''} ${got} found.`);
  }
}

function checkName(what, name) {
  if (!tokenRe.test(name)) throw new TypeError(`${what}: "${name}" is an invalid header name.`);
}

function checkValue(what, value) {
  if (invalidValueRe.test(value)) throw new TypeError(`${what}: "${value}" is an invalid header value.`);
}

function illegal() {
  return internal.errors.make(TypeError, 'ERR_INVALID_THIS', 'Illegal invocation');
}

let listOf;
let guardOf;

class Headers {
  // lower-cased name -> { name (first spelling), value, cookies (Set-Cookie only) }
  #list = new Map();
  // 'none', or 'immutable' for the headers of a fetched response.
  #guard = 'none';

  constructor(init = undefined) {
    if (init === undefined) return;
    fill(this, init, 'Headers constructor');
  }

  static #check(h) {
    if (h === null || typeof h !== 'object' || !(#list in h)) throw illegal();
    return h.#list;
  }

  append(name, value) {
    const list = Headers.#check(this);
    argsRequired('Headers.append', 2, arguments.length);
    appendTo(this, list, byteString(name), normalizeValue(value), 'Headers.append');
  }

  delete(name) {
    const list = Headers.#check(this);
    argsRequired('Headers.delete', 1, arguments.length);
    name = byteString(name);
    checkName('Headers.delete', name);
    checkMutable(this);
    list.delete(name.toLowerCase());
  }

  get(name) {
    const list = Headers.#check(this);
    argsRequired('Headers.get', 1, arguments.length);
    name = byteString(name);
    checkName('Headers.get', name);
    const e = list.get(name.toLowerCase());
    return e === undefined ? null : e.value;
  }

  getSetCookie() {
    const e = Headers.#check(this).get('set-cookie');
    return e === undefined ? [] : e.cookies.slice();
  }

  has(name) {
    const list = Headers.#check(this);
    argsRequired('Headers.has', 1, arguments.length);
    name = byteString(name);
    checkName('Headers.has', name);
    return list.has(name.toLowerCase());
  }

  set(name, value) {
    const list = Headers.#check(this);
    argsRequired('Headers.set', 2, arguments.length);
    name = byteString(name);
    value = normalizeValue(value);
    checkName('Headers.set', name);
    checkValue('Headers.set', value);
    checkMutable(this);
    const key = name.toLowerCase();
    const e = list.get(key);
    if (e === undefined) {
      list.set(key, { name, value, cookies: key === 'set-cookie' ? [value] : null });
    } else {
      e.value = value;
      if (e.cookies) e.cookies = [value];
    }
  }

  forEach(callback, thisArg = undefined) {
    Headers.#check(this);
    argsRequired('Headers.forEach', 1, arguments.length);
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    for (const [k, v] of this) callback.call(thisArg, v, k, this);
  }

  // The standard's "sort and combine": names sorted, Set-Cookie values one by one.
  static #sorted(h) {
    const list = Headers.#check(h);
    const keys = [...list.keys()].sort();
    const out = [];
    for (const k of keys) {
      const e = list.get(k);
      if (k === 'set-cookie') for (const c of e.cookies) out.push([k, c]);
      else out.push([k, e.value]);
    }
    return out;
  }

  keys() { return makeIterator(Headers.#sorted(this), 0); }
  values() { return makeIterator(Headers.#sorted(this), 1); }
  entries() { return makeIterator(Headers.#sorted(this), 2); }
  [Symbol.iterator]() { return this.entries(); }

  get [Symbol.toStringTag]() { return 'Headers'; }

  [customInspect](depth, options) {
    const o = {};
    for (const e of Headers.#check(this).values()) o[e.name] = e.value;
    return `Headers ${internal.inspect(o, options)}`;
  }

  static {
    listOf = (h) => Headers.#check(h);
    guardOf = (h, set) => {
      if (set !== undefined) h.#guard = set;
      return h.#guard;
    };
  }
}
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });
for (const k of ['append', 'delete', 'get', 'getSetCookie', 'has', 'set', 'forEach', 'keys', 'values', 'entries']) {
  Object.defineProperty(Headers.prototype, k, { enumerable: true });
}

const HeadersIteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
  [Symbol.toStringTag]: { value: 'Headers Iterator', configurable: true },
});
function makeIterator(entries, kind) {
  let i = 0;
  const it = Object.create(HeadersIteratorPrototype);
  it.next = function next() {
    if (i >= entries.length) return { value: undefined, done: true };
    const [k, v] = entries[i++];
    return { value: kind === 0 ? k : kind === 1 ? v : [k, v], done: false };
  };
  Object.defineProperty(it, 'next', { enumerable: false });
  return it;
}

function checkMutable(h) {
  if (guardOf(h) === 'immutable') throw new TypeError('immutable');
}

function appendTo(h, list, name, value, what) {
  if (what !== null) {
    checkName(what, name);
    checkValue(what, value);
    checkMutable(h);
  }
  const key = name.toLowerCase();
  const e = list.get(key);
  if (e === undefined) {
    list.set(key, { name, value, cookies: key === 'set-cookie' ? [value] : null });
  } else {
    e.value = `${e.value}, ${value}`;
    if (e.cookies) e.cookies.push(value);
  }
}

// `HeadersInit`: a sequence of pairs or a record.
function fill(h, init, what) {
  const list = listOf(h);
  if (init !== null && typeof init === 'object' && typeof init[Symbol.iterator] === 'function') {
    for (const pair of init) {
      if (pair === null || typeof pair !== 'object' || typeof pair[Symbol.iterator] !== 'function') {
        throw new TypeError(`${what}: Argument 1 could not be converted to one of: sequence<sequence<ByteString>>, record<ByteString, ByteString>.`);
      }
      const p = [...pair];
      if (p.length !== 2) throw new TypeError(`${what}: expected name/value pair to be length 2, found ${p.length}.`);
      appendTo(h, list, byteString(p[0]), normalizeValue(p[1]), 'Headers.append');
    }
  } else if (init !== null && (typeof init === 'object' || typeof init === 'function')) {
    for (const k of Reflect.ownKeys(init)) {
      const d = Reflect.getOwnPropertyDescriptor(init, k);
      if (d === undefined || !d.enumerable) continue;
      if (typeof k === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      appendTo(h, list, byteString(k), normalizeValue(init[k]), 'Headers.append');
    }
  } else {
    throw new TypeError(`${what}: Argument 1 could not be converted to one of: sequence<sequence<ByteString>>, record<ByteString, ByteString>.`);
  }
}

// The list in insertion order as flat [name, value, …] for the wire.
function flat(h) {
  const out = [];
  for (const e of listOf(h).values()) {
    if (e.cookies) for (const c of e.cookies) out.push(e.name, c);
    else out.push(e.name, e.value);
  }
  return out;
}

// A header list from a response (flat, names as received) with the given guard.
function fromFlat(pairs, guard) {
  const h = new Headers();
  const list = listOf(h);
  for (let i = 0; i + 1 < pairs.length; i += 2) appendTo(h, list, pairs[i], pairs[i + 1], null);
  guardOf(h, guard);
  return h;
}

function setGuard(h, guard) {
  guardOf(h, guard);
}

module.exports = { Headers, fill, flat, fromFlat, setGuard, byteString, listOf: (h) => listOf(h) };
