// Node's `dns` and `dns/promises`: `lookup` and `lookupService` go through the operating
// system's resolver (node-net's getaddrinfo/getnameinfo on the blocking pool, as libuv does
// for node). The c-ares side of node — `resolve*`, `reverse`, `setServers` — needs a DNS
// protocol client nrt does not have yet: those throw ERR_NOT_IMPLEMENTED (COMPAT.md).
'use strict';

const nd = internal.natives.dns;
const { errors } = internal;

const validFamilies = [0, 4, 6];
const validOrders = ['verbatim', 'ipv4first', 'ipv6first'];
const validHints = new Set([0, nd.ADDRCONFIG, nd.V4MAPPED, nd.ALL]);
for (const a of [nd.ADDRCONFIG, nd.V4MAPPED, nd.ALL]) {
  for (const b of [nd.ADDRCONFIG, nd.V4MAPPED, nd.ALL]) {
    validHints.add(a | b);
    for (const c of [nd.ADDRCONFIG, nd.V4MAPPED, nd.ALL]) validHints.add(a | b | c);
  }
}

let defaultOrder = 'verbatim';

// ---- requests ------------------------------------------------------------------------
const pending = new Map();
let nextId = 1;
function request(done) {
  const id = nextId++;
  if (nextId > 0x7fffffff) nextId = 1;
  pending.set(id, done);
  return id;
}
internal.hooks.dnsComplete = function dnsComplete(id, err, result) {
  const done = pending.get(id);
  if (done === undefined) return;
  pending.delete(id);
  done(err === null ? null : dnsException(err), result);
};

// node's dnsException: `<syscall> <code> <hostname>` with errno/code/syscall/hostname.
function dnsException([code, errno, syscall, hostname]) {
  const e = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  if (hostname) e.hostname = hostname;
  return e;
}

// ---- validation ----------------------------------------------------------------------
function oneOf(value, name, list) {
  if (list.includes(value)) return;
  const allowed = list.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
  const kind = name.includes('.') ? 'property' : 'argument';
  throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
    `The ${kind} '${name}' must be one of: ${allowed}. Received ${internal.inspect(value)}`);
}

function validateFunction(fn, name) {
  if (typeof fn !== 'function') throw errors.invalidArgType(name, 'Function', fn);
}

let warnedInvalidHostname = false;
function warnInvalidHostname(hostname) {
  if (warnedInvalidHostname) return;
  warnedInvalidHostname = true;
  process.emitWarning(`The provided hostname "${hostname}" is not a valid hostname, and is ` +
    'supported in the dns module solely for compatibility.', 'DeprecationWarning', 'DEP0118');
}

// node's lookup argument handling: (hostname[, options | family], callback).
function lookupArgs(hostname, options) {
  if (hostname && typeof hostname !== 'string') {
    throw errors.invalidArgType('hostname', 'string', hostname);
  }
  let family = 0;
  let hints = 0;
  let all = false;
  let order = defaultOrder;
  if (typeof options === 'number') {
    oneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    throw errors.invalidArgType('options', ['integer', 'object'], options);
  } else {
    if (options?.hints != null) {
      if (typeof options.hints !== 'number') {
        throw errors.invalidArgType('options.hints', 'number', options.hints);
      }
      hints = options.hints >>> 0;
    }
    if (options?.family != null) {
      if (options.family === 'IPv4') family = 4;
      else if (options.family === 'IPv6') family = 6;
      else {
        oneOf(options.family, 'options.family', validFamilies);
        family = options.family;
      }
    }
    if (options?.all != null) {
      if (typeof options.all !== 'boolean') {
        throw errors.invalidArgType('options.all', 'boolean', options.all);
      }
      all = options.all;
    }
    if (options?.verbatim != null) {
      if (typeof options.verbatim !== 'boolean') {
        throw errors.invalidArgType('options.verbatim', 'boolean', options.verbatim);
      }
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options?.order != null) {
      oneOf(options.order, 'options.order', validOrders);
      order = options.order;
    }
  }
  if (hints !== 0 && !validHints.has(hints)) {
    throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The argument 'hints' is invalid. Received ${internal.inspect(hints)}`);
  }
  return { family, hints, all, order };
}

// [address, family, …] in the requested order.
function ordered(flat, order) {
  const list = [];
  for (let i = 0; i < flat.length; i += 2) list.push({ address: flat[i], family: flat[i + 1] });
  if (order === 'ipv4first') {
    return [...list.filter((a) => a.family === 4), ...list.filter((a) => a.family === 6)];
  }
  if (order === 'ipv6first') {
    return [...list.filter((a) => a.family === 6), ...list.filter((a) => a.family === 4)];
  }
  return list;
}

function isIP(s) {
  return require('net').isIP(s);
}

// ---- lookup ----------------------------------------------------------------------------
function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { family, hints, all, order } = lookupArgs(hostname, options);
  validateFunction(callback, 'callback');
  if (!hostname) {
    warnInvalidHostname(hostname);
    if (all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    return {};
  }
  const literal = isIP(hostname);
  if (literal) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: literal }]);
    else process.nextTick(callback, null, hostname, literal);
    return {};
  }
  nd.lookup(request((err, flat) => {
    if (err) return callback(err);
    const list = ordered(flat, order);
    if (all) callback(null, list);
    else callback(null, list[0].address, list[0].family);
  }), hostname, family, hints);
  return {};
}

function lookupPromise(hostname, options) {
  const opts = lookupArgs(hostname, options);
  return new Promise((resolve, reject) => {
    lookup(hostname, { ...opts, order: opts.order }, (err, address, family) => {
      if (err) reject(err);
      else if (opts.all) resolve(address);
      else resolve({ address, family });
    });
  });
}
Object.defineProperty(lookup, require('util').promisify.custom, {
  value: lookupPromise, enumerable: false, writable: true, configurable: true,
});

// ---- lookupService ---------------------------------------------------------------------
function lookupServiceArgs(args) {
  const [address, port] = args;
  if (typeof address !== 'string' || !isIP(address)) {
    throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The argument 'address' is invalid. Received ${internal.inspect(address)}`);
  }
  return [address, validatePort(port)];
}

function validatePort(port) {
  const n = typeof port === 'string' && port.trim() !== '' ? Number(port) : port;
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim() === '') ||
      typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffff) {
    throw errors.make(RangeError, 'ERR_SOCKET_BAD_PORT',
      `Port should be >= 0 and < 65536. Received ${errors.specificType(port)}.`);
  }
  return n;
}

function lookupService(address, port, callback) {
  if (arguments.length !== 3) {
    throw errors.make(TypeError, 'ERR_MISSING_ARGS',
      'The "address", "port", and "callback" arguments must be specified');
  }
  const [addr, p] = lookupServiceArgs([address, port]);
  validateFunction(callback, 'callback');
  nd.lookupService(request((err, result) => {
    if (err) callback(err);
    else callback(null, result[0], result[1]);
  }), addr, p);
  return {};
}

function lookupServicePromise(address, port) {
  if (arguments.length !== 2) {
    throw errors.make(TypeError, 'ERR_MISSING_ARGS',
      'The "address" and "port" arguments must be specified');
  }
  const [addr, p] = lookupServiceArgs([address, port]);
  return new Promise((resolve, reject) => {
    nd.lookupService(request((err, result) => {
      if (err) reject(err);
      else resolve({ hostname: result[0], service: result[1] });
    }), addr, p);
  });
}
Object.defineProperty(lookupService, require('util').promisify.custom, {
  value: lookupServicePromise, enumerable: false, writable: true, configurable: true,
});

// ---- result order, servers, the c-ares API -------------------------------------------
function getDefaultResultOrder() {
  return defaultOrder;
}

function setDefaultResultOrder(order) {
  oneOf(order, 'dnsOrder', validOrders);
  defaultOrder = order;
}

function getServers() {
  return nd.systemServers();
}

function notImplemented(name) {
  return function () {
    throw errors.notImplemented(name);
  };
}

const resolverMethods = ['resolveAny', 'resolve4', 'resolve6', 'resolveCaa', 'resolveCname',
  'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr',
  'resolveSoa', 'reverse', 'resolve'];

// What the module exports, in node's order.
const exportedResolve = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa',
  'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa',
  'resolveSrv', 'resolveTxt', 'reverse'];

function makeResolver(prefix) {
  // node's Resolver extends a base class holding the server and cancel methods.
  class ResolverBase {
    constructor(options = undefined) {
      if (options !== undefined && (options === null || typeof options !== 'object')) {
        throw errors.invalidArgType('options', 'Object', options);
      }
    }

    // Nothing is ever in flight on a resolver without resolve methods.
    cancel() {}

    getServers() {
      return getServers();
    }

    setServers() {
      throw errors.notImplemented(`${prefix}Resolver.setServers`);
    }

    setLocalAddress() {
      throw errors.notImplemented(`${prefix}Resolver.setLocalAddress`);
    }
  }
  class Resolver extends ResolverBase {}
  for (const m of resolverMethods) {
    Object.defineProperty(Resolver.prototype, m, {
      value: notImplemented(`${prefix}${m}`), writable: true, configurable: true,
    });
  }
  return Resolver;
}

const codes = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT', EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR', BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS', NOTINITIALIZED: 'ENOTINITIALIZED', LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
};

const promises = {
  lookup: lookupPromise,
  lookupService: lookupServicePromise,
  Resolver: makeResolver('dns.promises.'),
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: notImplemented('dns.promises.setServers'),
  ...codes,
  getServers,
};
for (const m of exportedResolve) promises[m] = notImplemented(`dns.promises.${m}`);

module.exports = {
  lookup,
  lookupService,
  Resolver: makeResolver('dns.'),
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: notImplemented('dns.setServers'),
  ADDRCONFIG: nd.ADDRCONFIG,
  ALL: nd.ALL,
  V4MAPPED: nd.V4MAPPED,
  ...codes,
  getServers,
};
for (const m of exportedResolve) module.exports[m] = notImplemented(`dns.${m}`);
module.exports.promises = promises;
