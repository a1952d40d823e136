// util.inspect, part 6: names. What an object is called in front of its braces: its
// constructor, its Symbol.toStringTag, "null prototype", or a function's headline.
'use strict';

const kinds = internal.requireBuiltin('internal/inspect_kinds', true);

function madeBy(obj, ctor) {
  try {
    return obj instanceof ctor;
  } catch {
    return false;
  }
}

// The name of the first constructor along the prototype chain that `obj` is an instance of
// (so a prototype object is not named after its own constructor), or null.
function constructorName(obj) {
  let proto = obj;
  while (proto !== null && proto !== undefined) {
    const d = Object.getOwnPropertyDescriptor(proto, 'constructor');
    if (d !== undefined && typeof d.value === 'function' && typeof d.value.name === 'string' &&
        d.value.name !== '' && madeBy(obj, d.value)) {
      return d.value.name;
    }
    proto = Object.getPrototypeOf(proto);
  }
  return null;
}

function ownTag(ctx, obj, ctor) {
  let tag;
  try {
    tag = obj[Symbol.toStringTag];
  } catch {
    return '';
  }
  if (typeof tag !== 'string' || tag === '' || tag === ctor) return '';
  const d = Object.getOwnPropertyDescriptor(obj, Symbol.toStringTag);
  if (d !== undefined && (ctx.showHidden || d.enumerable)) return '';
  return tag;
}

// An ES module namespace: null prototype and a fixed 'Module' tag.
function isNamespace(obj) {
  const d = Object.getOwnPropertyDescriptor(obj, Symbol.toStringTag);
  return d !== undefined && d.value === 'Module' && !d.writable && !d.configurable;
}

// "Foo", "Foo [Tag]", "Map(2)", "[Object: null prototype]"...
function label(ctor, tag, fallback, size = '') {
  if (ctor === null) {
    return `[${fallback}${size}: null prototype]${tag && tag !== fallback ? ` [${tag}]` : ''}`;
  }
  return `${ctor}${size}${tag ? ` [${tag}]` : ''}`;
}


function functionBase(ctx, fn, ctor, tag) {
  const name = typeof fn.name === 'string' ? fn.name : '';
  let base;
  if (kinds.isClass(fn)) {
    base = `[class ${name || '(anonymous)'}`;
    if (ctor !== 'Function' && ctor !== null) base += ` [${ctor}]`;
    const parent = Object.getPrototypeOf(fn);
    if (parent !== null && parent !== Function.prototype && typeof parent === 'function' && parent.name) {
      base += ` extends ${parent.name}`;
    }
    base += ']';
  } else {
    const kind = kinds.functionKind(fn);
    base = `[${kind}`;
    if (ctor === null) base += ' (null prototype)';
    base += name ? `: ${name}]` : ' (anonymous)]';
    if (ctor !== null && ctor !== kind && ctor !== 'Function') base += ` ${ctor}`;
  }
  if (tag && tag !== ctor) base += ` [${tag}]`;
  return ctx.stylize(base, 'special');
}


module.exports = { constructorName, ownTag, isNamespace, label, functionBase };
