// util.inspect, part 4: walking values. Turns a value into text, delegating escaping to
// inspect_text.js, kind checks to inspect_kinds.js, names to inspect_names.js and line
// breaking to inspect_layout.js.
'use strict';

const text = internal.requireBuiltin('internal/inspect_text', true);
const kinds = internal.requireBuiltin('internal/inspect_kinds', true);
const { assemble } = internal.requireBuiltin('internal/inspect_layout', true);
const { describeError } = internal.requireBuiltin('internal/inspect_errors', true);
const { constructorName, ownTag, isNamespace, label, functionBase } =
  internal.requireBuiltin('internal/inspect_names', true);

const { quote, keyText, formatNumber, formatBigInt, paint, plain } = text;
const customSymbol = Symbol.for('nodejs.util.inspect.custom');
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isIndexKey = (k) => typeof k === 'string' && /^(0|[1-9][0-9]*)$/.test(k) && Number(k) < 4294967295;

const defaults = {
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
};

function createContext(options) {
  const ctx = { ...defaults, seen: [], refs: new Map(), indent: 0, innermost: 0 };
  if (options !== undefined && options !== null && typeof options === 'object') {
    for (const key of Object.keys(options)) {
      if (hasOwn(defaults, key) || key === 'stylize') ctx[key] = options[key];
    }
  }
  if (ctx.depth === null) ctx.depth = Infinity;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  if (typeof ctx.stylize !== 'function') ctx.stylize = ctx.colors ? paint : plain;
  return ctx;
}

function inspect(value, opts, ...legacy) {
  let options = opts;
  if (typeof opts !== 'object' || opts === null) {
    // inspect(value, showHidden, depth, colors)
    options = {};
    if (typeof opts === 'boolean') options.showHidden = opts;
    if (legacy.length > 0) options.depth = legacy[0];
    if (legacy.length > 1) options.colors = legacy[1];
  }
  return render(createContext(options), value, 0);
}

// ---- primitives --------------------------------------------------------------------------

function renderString(ctx, s) {
  let extra = '';
  if (s.length > ctx.maxStringLength) {
    const left = s.length - ctx.maxStringLength;
    s = s.slice(0, ctx.maxStringLength);
    extra = `... ${left} more character${left > 1 ? 's' : ''}`;
  }
  // Long strings break after each newline into '...' + pieces.
  if (ctx.compact !== true && s.length > 16 && s.length > ctx.breakLength - ctx.indent - 4) {
    const lines = s.split(/(?<=\n)/);
    if (lines.length > 1) {
      const glue = ` +\n${' '.repeat(ctx.indent + 2)}`;
      return lines.map((line) => ctx.stylize(quote(line), 'string')).join(glue) + extra;
    }
  }
  return ctx.stylize(quote(s), 'string') + extra;
}

function renderPrimitive(ctx, v) {
  switch (typeof v) {
    case 'string': return renderString(ctx, v);
    case 'number': return formatNumber(ctx.stylize, v, ctx.numericSeparator);
    case 'bigint': return formatBigInt(ctx.stylize, v, ctx.numericSeparator);
    case 'boolean': return ctx.stylize(`${v}`, 'boolean');
    case 'undefined': return ctx.stylize('undefined', 'undefined');
    case 'symbol': return ctx.stylize(v.toString(), 'symbol');
    default: return ctx.stylize('null', 'null');
  }
}

// ---- entry point for any value ------------------------------------------------------------

function render(ctx, value, level) {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') {
    return renderPrimitive(ctx, value);
  }
  const proxy = kinds.proxyDetails(value);
  if (proxy !== undefined) {
    if (proxy.length === 0) return ctx.stylize('<Revoked Proxy>', 'special');
    if (ctx.showProxy) return renderProxy(ctx, proxy, level);
    value = proxy[0]; // show what the proxy wraps, without running its traps
  }
  // A vm context's global object shows as its sandbox, as node's global proxy does.
  const sandbox = internal.vmSandboxes === undefined ? undefined : internal.vmSandboxes.get(value);
  if (sandbox !== undefined) value = sandbox;
  if (ctx.customInspect) {
    let hook;
    try {
      hook = value[customSymbol];
    } catch {
      hook = undefined;
    }
    if (typeof hook === 'function' && hook !== inspect &&
        !(hasOwn(value, 'constructor') && value.constructor.prototype === value)) {
      const remaining = ctx.depth - level;
      // node hands the hook the depth left and, in its options, the caller's whole depth.
      const result = hook.call(value, remaining, optionsFor(ctx, ctx.depth), inspect);
      if (result !== value) {
        if (typeof result !== 'string') return render(ctx, result, level);
        return result.replace(/\n/g, `\n${' '.repeat(ctx.indent)}`);
      }
    }
  }
  if (ctx.seen.includes(value)) {
    let n = ctx.refs.get(value);
    if (n === undefined) {
      n = ctx.refs.size + 1;
      ctx.refs.set(value, n);
    }
    return ctx.stylize(`[Circular *${n}]`, 'special');
  }
  return renderObject(ctx, value, level);
}

// showProxy: `Proxy [ target, handler ]`.
function renderProxy(ctx, [target, handler], level) {
  if (level > ctx.depth) return ctx.stylize('Proxy [Array]', 'special');
  const pieces = [nested(ctx, target, level + 1), nested(ctx, handler, level + 1)];
  return assemble(ctx, pieces, { prefix: '', open: 'Proxy [', close: ']', list: true }, level + 1);
}

// The options object a custom inspect hook receives.
function optionsFor(ctx, depth) {
  const o = {};
  for (const key of Object.keys(defaults)) o[key] = ctx[key];
  o.depth = depth;
  o.stylize = ctx.stylize;
  return o;
}

// ---- keys and properties ---------------------------------------------------------------------

function ownKeys(ctx, obj, skip) {
  let names = ctx.showHidden ? Object.getOwnPropertyNames(obj) : Object.keys(obj);
  if (skip !== undefined) names = names.filter((k) => !skip(k));
  let symbols = Object.getOwnPropertySymbols(obj);
  if (!ctx.showHidden) symbols = symbols.filter((s) => Object.prototype.propertyIsEnumerable.call(obj, s));
  return names.concat(symbols);
}

function nested(ctx, value, level, extraIndent = 2) {
  ctx.indent += extraIndent;
  try {
    return render(ctx, value, level);
  } finally {
    ctx.indent -= extraIndent;
  }
}

function accessorText(ctx, obj, desc, level) {
  const name = desc.get && desc.set ? 'Getter/Setter' : desc.get ? 'Getter' : 'Setter';
  const wanted = desc.get !== undefined && ctx.getters &&
    (ctx.getters === true || (ctx.getters === 'get' && !desc.set) || (ctx.getters === 'set' && desc.set));
  if (!wanted) return ctx.stylize(`[${name}]`, 'special');
  try {
    const v = desc.get.call(obj);
    if (v === null) return `${ctx.stylize(`[${name}:`, 'special')} ${ctx.stylize('null', 'null')}${ctx.stylize(']', 'special')}`;
    if (typeof v === 'object' || typeof v === 'function') return `${ctx.stylize(`[${name}]`, 'special')} ${nested(ctx, v, level + 1)}`;
    return `${ctx.stylize(`[${name}:`, 'special')} ${renderPrimitive(ctx, v)}${ctx.stylize(']', 'special')}`;
  } catch (err) {
    return ctx.stylize(`[${name}: <Inspection threw (${err && err.message})>]`, 'special');
  }
}

// `key: value` for one own property (just the value for array slots).
function propertyText(ctx, obj, key, level, bare = false) {
  const desc = Object.getOwnPropertyDescriptor(obj, key) || { value: obj[key], enumerable: true };
  // compact: true indents a property's value under its key (3 columns) and moves a value
  // wider than a line below the key.
  const hanging = ctx.compact === true && !bare;
  let shown;
  let gap = ' ';
  if ('value' in desc) {
    shown = nested(ctx, desc.value, level + 1, hanging ? 3 : 2);
    if (hanging && text.visibleWidth(shown, ctx.colors) > ctx.breakLength) gap = `\n${' '.repeat(ctx.indent + 3)}`;
  } else if (desc.get !== undefined || desc.set !== undefined) {
    shown = accessorText(ctx, obj, desc, level);
  } else {
    shown = ctx.stylize('undefined', 'undefined');
  }
  if (bare) return shown;
  return `${keyText(key, ctx.stylize, !desc.enumerable)}:${gap}${shown}`;
}

function keyedPieces(ctx, obj, keys, level) {
  return keys.map((k) => propertyText(ctx, obj, k, level));
}

// ---- containers --------------------------------------------------------------------------

function moreItems(n) {
  return `... ${n} more item${n > 1 ? 's' : ''}`;
}

function arrayPieces(ctx, arr, level, shape) {
  const pieces = [];
  const length = arr.length;
  let indices;
  let i = 0;
  while (i < length && pieces.length < ctx.maxArrayLength) {
    if (hasOwn(arr, i)) {
      pieces.push(propertyText(ctx, arr, i, level, true));
      i++;
      continue;
    }
    // A run of holes: find the next own index without walking every slot.
    if (indices === undefined) indices = Object.keys(arr).filter(isIndexKey).map(Number);
    const next = indices.find((k) => k > i);
    const end = next === undefined ? length : next;
    const holes = end - i;
    pieces.push(ctx.stylize(`<${holes} empty item${holes > 1 ? 's' : ''}>`, 'undefined'));
    i = end;
  }
  if (i < length) {
    shape.more = pieces.length;
    pieces.push(moreItems(length - i));
  }
  return pieces;
}

function typedArrayPieces(ctx, ta, level, shape) {
  const length = kinds.typedArrayLength.call(ta);
  const shown = Math.min(length, ctx.maxArrayLength);
  const pieces = [];
  const big = typeof ta[0] === 'bigint';
  for (let i = 0; i < shown; i++) {
    pieces.push(big ? formatBigInt(ctx.stylize, ta[i], ctx.numericSeparator)
      : formatNumber(ctx.stylize, ta[i], ctx.numericSeparator));
  }
  if (length > shown) {
    shape.more = pieces.length;
    pieces.push(moreItems(length - shown));
  }
  if (ctx.showHidden) {
    ctx.indent += 2;
    for (const k of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      pieces.push(`[${k}]: ${render(ctx, ta[k], level + 1)}`);
    }
    ctx.indent -= 2;
  }
  return pieces;
}

function mapPieces(ctx, map, level) {
  const pieces = [];
  let left = kinds.mapSize.call(map);
  ctx.indent += 2;
  for (const [k, v] of Map.prototype.entries.call(map)) {
    if (pieces.length >= ctx.maxArrayLength) break;
    pieces.push(`${render(ctx, k, level + 1)} => ${render(ctx, v, level + 1)}`);
    left--;
  }
  ctx.indent -= 2;
  if (left > 0) pieces.push(moreItems(left));
  return pieces;
}

function setPieces(ctx, set, level) {
  const pieces = [];
  let left = kinds.setSize.call(set);
  ctx.indent += 2;
  for (const v of Set.prototype.values.call(set)) {
    if (pieces.length >= ctx.maxArrayLength) break;
    pieces.push(render(ctx, v, level + 1));
    left--;
  }
  ctx.indent -= 2;
  if (left > 0) pieces.push(moreItems(left));
  return pieces;
}

function bytesText(ctx, buffer) {
  const bytes = new Uint8Array(buffer);
  const shown = Math.min(bytes.length, ctx.maxArrayLength);
  let hex = '';
  for (let i = 0; i < shown; i++) hex += `${i ? ' ' : ''}${bytes[i].toString(16).padStart(2, '0')}`;
  if (bytes.length > shown) hex += ` ... ${bytes.length - shown} more byte${bytes.length - shown > 1 ? 's' : ''}`;
  return `${ctx.stylize('[Uint8Contents]', 'special')}: <${hex}>`;
}

// What one object looks like: a prefix, braces, its pieces, and how to lay them out.
function renderObject(ctx, value, level) {
  const ctor = constructorName(value);
  const tag = ownTag(ctx, value, ctor);
  const shape = { prefix: '', open: '{', close: '}', valueLike: false, list: false, numeric: false };
  let keys;
  let fill; // () => pieces before the keyed ones
  let emptyText; // what an object with nothing to show prints
  let depthName = ctor === null ? label(null, '', 'Object') : ctor || tag || 'Object';
  const kind = typeof value === 'function' ? 'Function' : kinds.classify(value);

  if (kind === 'Array') {
    keys = ownKeys(ctx, value, isIndexKey);
    shape.prefix = ctor === 'Array' && !tag ? '' : label(ctor, tag, 'Array', `(${value.length})`);
    Object.assign(shape, { open: '[', close: ']', list: true });
    shape.numeric = value.length > 0 && keys.length === 0;
    for (let i = 0; shape.numeric && i < Math.min(value.length, ctx.maxArrayLength); i++) {
      const v = value[i];
      if (typeof v !== 'number' && typeof v !== 'bigint') shape.numeric = false;
    }
    depthName = ctor === null ? label(null, '', 'Array') : ctor || 'Array';
    if (value.length === 0 && keys.length === 0) return shape.prefix ? `${shape.prefix} []` : '[]';
    fill = () => arrayPieces(ctx, value, level, shape);
  } else if (kind === 'TypedArray') {
    const elementType = kinds.typedArrayTag.call(value);
    keys = ownKeys(ctx, value, isIndexKey);
    // The tag shows whenever it differs from the constructor's name: a subclass prints the
    // element type it extends (`My(2) [Uint8Array]`), as node does.
    const shownTag = tag;
    // The length getter, not `.length`: a typed array may have lost its prototype.
    const length = kinds.typedArrayLength.call(value);
    shape.prefix = label(ctor, shownTag, elementType, `(${length})`);
    Object.assign(shape, { open: '[', close: ']', list: true, numeric: true });
    if (length === 0 && keys.length === 0 && !ctx.showHidden) return `${shape.prefix} []`;
    depthName = ctor || elementType;
    fill = () => typedArrayPieces(ctx, value, level, shape);
  } else if (kind === 'Map') {
    keys = ownKeys(ctx, value);
    shape.prefix = label(ctor, tag, 'Map', `(${kinds.mapSize.call(value)})`);
    if (kinds.mapSize.call(value) === 0 && keys.length === 0) return `${shape.prefix} {}`;
    fill = () => mapPieces(ctx, value, level);
  } else if (kind === 'Set') {
    keys = ownKeys(ctx, value);
    shape.prefix = label(ctor, tag, 'Set', `(${kinds.setSize.call(value)})`);
    if (kinds.setSize.call(value) === 0 && keys.length === 0) return `${shape.prefix} {}`;
    fill = () => setPieces(ctx, value, level);
  } else if (kind === 'Function') {
    keys = ownKeys(ctx, value);
    shape.prefix = functionBase(ctx, value, ctor, tag);
    shape.valueLike = true;
    emptyText = shape.prefix;
    depthName = kinds.functionKind(value);
  } else if (kind === 'RegExp') {
    keys = ownKeys(ctx, value);
    shape.prefix = ctx.stylize(RegExp.prototype.toString.call(value), 'regexp');
    shape.valueLike = true;
    emptyText = shape.prefix;
    depthName = ctor || 'RegExp';
  } else if (kind === 'Date') {
    keys = ownKeys(ctx, value);
    const t = Date.prototype.getTime.call(value);
    shape.prefix = ctx.stylize(Number.isNaN(t) ? 'Invalid Date' : Date.prototype.toISOString.call(value), 'date');
    shape.valueLike = true;
    emptyText = shape.prefix;
    depthName = ctor || 'Date';
  } else if (kind === 'Error') {
    const described = describeError(ctx, value, ctor, ownKeys(ctx, value));
    keys = described.keys;
    shape.prefix = described.base;
    shape.valueLike = true;
    emptyText = shape.prefix;
    depthName = ctor || 'Error';
  } else if (kind === 'ArrayBuffer' || kind === 'SharedArrayBuffer') {
    keys = ownKeys(ctx, value);
    shape.prefix = label(ctor, tag, kind);
    depthName = ctor || kind;
    fill = () => [bytesText(ctx, value), `byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)}`];
  } else if (kind === 'DataView') {
    keys = ownKeys(ctx, value);
    shape.prefix = label(ctor, tag, 'DataView');
    depthName = ctor || 'DataView';
    fill = () => [
      `byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)}`,
      `byteOffset: ${formatNumber(ctx.stylize, value.byteOffset, false)}`,
      `buffer: ${nested(ctx, value.buffer, level + 1)}`,
    ];
  } else if (kind === 'Promise') {
    keys = ownKeys(ctx, value);
    shape.prefix = label(ctor, tag, 'Promise');
    depthName = ctor || 'Promise';
    fill = () => {
      const [state, result] = kinds.settledState(value);
      if (state === 0) return [ctx.stylize('<pending>', 'special')];
      const shown = nested(ctx, result, level + 1);
      return [state === 2 ? `${ctx.stylize('<rejected>', 'special')} ${shown}` : shown];
    };
  } else if (kind === 'WeakMap' || kind === 'WeakSet') {
    keys = ownKeys(ctx, value);
    shape.prefix = label(ctor, tag, kind);
    depthName = ctor || kind;
    fill = () => [ctx.stylize('<items unknown>', 'special')];
  } else if (kind.startsWith('Boxed:')) {
    const inner = kind.slice(6);
    const primitive = kinds.boxedValue(value, inner);
    const isString = inner === 'String';
    keys = ownKeys(ctx, value, isString ? (k) => isIndexKey(k) || k === 'length' : undefined);
    let inside = inner === 'Symbol' ? primitive.toString()
      : renderPrimitive({ ...ctx, stylize: plain, compact: true }, primitive);
    if (inner === 'Number' && Object.is(primitive, -0)) inside = '-0';
    const role = inner === 'Symbol' ? 'symbol' : isString ? 'string' : inner.toLowerCase();
    let title = inner;
    if (ctor === null) title = `${inner} (null prototype)`;
    else if (ctor !== inner) title = `${inner} (${ctor})`;
    shape.prefix = ctx.stylize(`[${title}: ${inside}]${tag && tag !== inner ? ` [${tag}]` : ''}`, role);
    shape.valueLike = true;
    emptyText = shape.prefix;
    depthName = ctor || inner;
  } else if (kind === 'Arguments') {
    // node 20 lists an arguments object's slots as keys.
    keys = ownKeys(ctx, value);
    shape.prefix = '[Arguments]';
    if (keys.length === 0) return '[Arguments] {}';
  } else {
    keys = ownKeys(ctx, value);
    if (ctor === null && tag === 'Module' && isNamespace(value)) shape.prefix = label(null, '', 'Module');
    else if (ctor === null) shape.prefix = label(null, tag, 'Object');
    else if (ctor !== 'Object' || tag) shape.prefix = label(ctor, tag, 'Object');
    if (keys.length === 0) return shape.prefix ? `${shape.prefix} {}` : '{}';
  }

  if (emptyText !== undefined && keys.length === 0 && fill === undefined) return emptyText;
  if (level > ctx.depth) {
    return ctx.stylize(depthName.startsWith('[') ? depthName : `[${depthName}]`, 'special');
  }

  ctx.seen.push(value);
  ctx.innermost = level;
  let pieces;
  try {
    pieces = fill === undefined ? [] : fill();
    let keyed = keyedPieces(ctx, value, keys, level);
    if (ctx.sorted) {
      const order = typeof ctx.sorted === 'function' ? ctx.sorted : undefined;
      if (fill !== undefined && !shape.list) pieces.sort(order);
      keyed = keyed.sort(order);
    }
    pieces = pieces.concat(keyed);
  } finally {
    ctx.seen.pop();
  }
  // A container that one of its descendants points back to is labelled <ref *n>.
  const ref = ctx.refs.get(value);
  if (ref !== undefined) shape.ref = ctx.stylize(`<ref *${ref}>`, 'special');
  return assemble(ctx, pieces, shape, level);
}

module.exports = { inspect, render, renderPrimitive, defaults, createContext };
