// Node's tls on node-net's rustls layer (tls.rs): a TLSSocket is a net.Socket whose native
// socket was connected and handshaken in Rust, so its bytes are already decrypted; the
// session's facts come from the binding. A tls.Server is a net.Server whose native
// listener runs each handshake before reporting the socket ('secureConnection').
'use strict';

const net = require('net');
const tb = internal.natives.tls;
const nb = internal.natives.net;
const errors = internal.errors;
const makeError = errors.make;

const kSession = Symbol('kSession');
const kOptions = Symbol('kOptions');

const DEFAULT_MIN_VERSION = 'TLSv1.2';
const DEFAULT_MAX_VERSION = 'TLSv1.3';
const VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

function isBytes(v) {
  return typeof v === 'string' || ArrayBuffer.isView(v);
}

function toU8(v) {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return v;
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

// ca/cert/key: a string or bytes, or an array of them.
function material(options, name) {
  const v = options[name];
  if (v === undefined || v === null) return undefined;
  const list = Array.isArray(v) ? v : [v];
  for (const x of list) {
    if (!isBytes(x)) {
      throw errors.invalidArgType(`options.${name}`, ['string', 'Buffer', 'TypedArray', 'DataView'], x);
    }
  }
  if (name === 'ca') return list.map(toU8);
  // Several certs/keys: the chain is their concatenation (one key is used).
  if (list.length === 1) return toU8(list[0]);
  return list.map((x) => (typeof x === 'string' ? x : Buffer.from(x).toString('latin1'))).join('\n');
}

function checkVersion(v, which) {
  if (v === undefined) return undefined;
  if (!VERSIONS.includes(v)) {
    const shown = typeof v === 'string' ? `"${v}"` : String(v);
    throw makeError(TypeError, 'ERR_TLS_INVALID_PROTOCOL_VERSION', `${shown} is not a valid ${which} TLS protocol version`);
  }
  return v;
}

// rustls speaks TLS 1.2 and 1.3 only.
function versions(options) {
  const min = checkVersion(options.minVersion, 'minimum') ?? exports.DEFAULT_MIN_VERSION;
  const max = checkVersion(options.maxVersion, 'maximum') ?? exports.DEFAULT_MAX_VERSION;
  if (max === 'TLSv1' || max === 'TLSv1.1') throw errors.notImplemented(`tls maxVersion ${max}`);
  return [min, max];
}

function alpnList(protocols) {
  if (protocols === undefined || protocols === null) return undefined;
  if (Array.isArray(protocols)) {
    return protocols.map((p) => {
      if (typeof p === 'string') return p;
      if (ArrayBuffer.isView(p)) return Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('latin1');
      throw errors.invalidArgType('options.ALPNProtocols', ['string', 'Buffer', 'TypedArray', 'DataView'], p);
    });
  }
  if (ArrayBuffer.isView(protocols)) {
    // The wire form: length-prefixed names.
    const b = Buffer.from(protocols.buffer, protocols.byteOffset, protocols.byteLength);
    const out = [];
    for (let i = 0; i < b.length;) {
      const n = b[i];
      out.push(b.toString('latin1', i + 1, i + 1 + n));
      i += 1 + n;
    }
    return out;
  }
  throw errors.invalidArgType('options.ALPNProtocols', ['Array', 'Buffer', 'TypedArray', 'DataView'], protocols);
}

const unsupportedOptions = ['pfx', 'passphrase', 'secureProtocol', 'ciphers', 'sigalgs', 'ecdhCurve',
  'dhparam', 'honorCipherOrder', 'privateKeyEngine', 'privateKeyIdentifier', 'clientCertEngine',
  'pskCallback', 'SNICallback', 'ticketKeys', 'sessionIdContext', 'crl', 'session', 'secureContext'];

function rejectUnsupported(options, api) {
  for (const k of unsupportedOptions) {
    if (options[k] !== undefined) throw errors.notImplemented(`${api}({ ${k} })`);
  }
}

// The native context options from node's options.
function contextOptions(options) {
  const [minVersion, maxVersion] = versions(options);
  return {
    ca: material(options, 'ca'),
    cert: material(options, 'cert'),
    key: material(options, 'key'),
    minVersion,
    maxVersion,
    ALPNProtocols: alpnList(options.ALPNProtocols),
    rejectUnauthorized: options.rejectUnauthorized !== false,
    requestCert: !!options.requestCert,
    servername: typeof options.servername === 'string' ? options.servername : undefined,
  };
}

// ---- SecureContext -------------------------------------------------------------------

function SecureContext(options) {
  if (!(this instanceof SecureContext)) return new SecureContext(options);
  this[kOptions] = options;
  // Built now so bad keys and certificates throw here, as in node.
  tb.freeContext(tb.serverContext(options));
  this.context = {};
}

function createSecureContext(options = {}) {
  if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'Object', options);
  rejectUnsupported(options, 'tls.createSecureContext');
  return new SecureContext(contextOptions(options));
}

// ---- identity ------------------------------------------------------------------------

function checkServerIdentity(hostname, cert) {
  const subject = cert && cert.subject;
  let cn = subject ? subject.CN : undefined;
  if (Array.isArray(cn)) cn = cn[cn.length - 1];
  const reason = tb.identityMismatch(String(hostname), cert ? cert.subjectaltname : undefined, cn);
  if (reason === undefined || reason === null) return undefined;
  const err = makeError(Error, 'ERR_TLS_CERT_ALTNAME_INVALID',
    `Hostname/IP does not match certificate's altnames: ${reason}`);
  err.reason = reason;
  err.host = hostname;
  err.cert = cert;
  return err;
}

// ---- TLSSocket -----------------------------------------------------------------------

function TLSSocket(socket, options) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, options);
  if (socket instanceof net.Socket || (socket && typeof socket.pipe === 'function')) {
    throw errors.notImplemented('new tls.TLSSocket(socket)');
  }
  if (socket && typeof socket === 'object' && options === undefined) options = socket;
  net.Socket.call(this, options);
  this.encrypted = true;
  this.authorized = false;
  this.authorizationError = null;
  this.alpnProtocol = null;
  this.servername = null;
  this[kSession] = null;
  this[kOptions] = options || {};
}
Object.setPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
Object.setPrototypeOf(TLSSocket, net.Socket);

TLSSocket.prototype._connectNative = function (port, host, path, family, options) {
  const o = this[kOptions];
  const ctx = tb.clientContext({ ...o.context, checkIdentity: false });
  const id = tb.connect(port, host, path, family, ctx, o.identityName || host);
  return id;
};

// Reads the native session once the handshake is done.
TLSSocket.prototype._loadSession = function () {
  const id = this._nativeId();
  const s = id ? tb.session(id) : undefined;
  this[kSession] = s || null;
  if (s) {
    this.alpnProtocol = s.alpnProtocol ?? false;
    this.authorized = s.authorized;
    this.authorizationError = s.authorizationError ?? null;
    if (s.servername) this.servername = s.servername;
  }
  return s;
};

// Client: node's onConnectSecure — the chain verdict, then checkServerIdentity.
TLSSocket.prototype._onSecureNative = function () {
  const s = this._loadSession();
  const o = this[kOptions];
  let verifyError = null;
  if (s && s.authorizationError) {
    verifyError = makeError(Error, s.authorizationError, verifyMessage(s.authorizationError));
  } else {
    const hostname = o.servername || o.host || 'localhost';
    const check = typeof o.checkServerIdentity === 'function' ? o.checkServerIdentity : exports.checkServerIdentity;
    verifyError = check(hostname, this.getPeerCertificate(true)) || null;
  }
  if (verifyError) {
    this.authorized = false;
    this.authorizationError = verifyError.code || verifyError.message;
    if (o.rejectUnauthorized !== false) {
      this.destroy(verifyError);
      return false;
    }
  } else {
    this.authorized = true;
    this.authorizationError = null;
  }
  return true;
};

TLSSocket.prototype._emitSecure = function () {
  this.secureConnecting = false;
  this.emit('secureConnect');
};

function verifyMessage(code) {
  const m = {
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
    SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
    CERT_HAS_EXPIRED: 'certificate has expired',
    CERT_NOT_YET_VALID: 'certificate is not yet valid',
  };
  return m[code] || code;
}

function nameObject(pairs) {
  const o = { __proto__: null };
  for (const [k, v] of pairs) {
    if (o[k] === undefined) o[k] = v;
    else if (Array.isArray(o[k])) o[k].push(v);
    else o[k] = [o[k], v];
  }
  return o;
}

function certObject(c) {
  if (!c) return {};
  const out = {
    subject: nameObject(c.subject),
    issuer: nameObject(c.issuer),
  };
  if (c.subjectaltname !== undefined && c.subjectaltname !== null) out.subjectaltname = c.subjectaltname;
  out.ca = c.ca;
  out.valid_from = c.valid_from;
  out.valid_to = c.valid_to;
  out.fingerprint = c.fingerprint;
  out.fingerprint256 = c.fingerprint256;
  out.fingerprint512 = c.fingerprint512;
  out.serialNumber = c.serialNumber;
  out.raw = Buffer.from(c.raw.buffer, c.raw.byteOffset, c.raw.byteLength);
  return out;
}

function session(socket) {
  if (socket[kSession] === null && !socket.connecting) socket._loadSession();
  return socket[kSession];
}

TLSSocket.prototype.getPeerCertificate = function getPeerCertificate(detailed) {
  const s = session(this);
  if (!s || s.peerCertificates.length === 0) return s ? {} : null;
  const chain = s.peerCertificates.map(certObject);
  if (detailed) {
    for (let i = 0; i < chain.length; i++) {
      const next = chain[i + 1];
      // The last certificate is its own issuer when self-issued, as in node.
      chain[i].issuerCertificate = next || chain[i];
    }
  }
  return chain[0];
};

TLSSocket.prototype.getCertificate = function getCertificate() {
  throw errors.notImplemented('tlsSocket.getCertificate');
};

TLSSocket.prototype.getProtocol = function getProtocol() {
  const s = session(this);
  return s ? s.protocol : null;
};

TLSSocket.prototype.getCipher = function getCipher() {
  const s = session(this);
  if (!s || !s.cipher) return undefined;
  return { name: s.cipher[0], standardName: s.cipher[1], version: s.cipher[2] };
};

TLSSocket.prototype.isSessionReused = function isSessionReused() {
  return false;
};

TLSSocket.prototype.setServername = function setServername(name) {
  if (typeof name !== 'string') throw errors.invalidArgType('name', 'string', name);
  throw errors.notImplemented('tlsSocket.setServername');
};

for (const name of ['renegotiate', 'exportKeyingMaterial', 'getSession', 'getTLSTicket',
  'getEphemeralKeyInfo', 'getFinished', 'getPeerFinished', 'getSharedSigalgs', 'setMaxSendFragment',
  'enableTrace', 'disableRenegotiation', 'getX509Certificate', 'getPeerX509Certificate']) {
  TLSSocket.prototype[name] = function () { throw errors.notImplemented(`tlsSocket.${name}`); };
}

// ---- connect -------------------------------------------------------------------------

function normalizeArgs(args) {
  let options = {};
  let cb;
  if (typeof args[args.length - 1] === 'function') cb = args.pop();
  if (args[0] !== null && typeof args[0] === 'object') {
    options = { ...args[0] };
  } else {
    if (args[0] !== undefined) options.port = args[0];
    if (typeof args[1] === 'string') {
      options.host = args[1];
      if (args[2] && typeof args[2] === 'object') options = { ...args[2], ...options };
    } else if (args[1] && typeof args[1] === 'object') {
      options = { ...args[1], ...options };
    }
  }
  return [options, cb];
}

function connect(...args) {
  const [options, cb] = normalizeArgs(args);
  if (options.socket !== undefined) throw errors.notImplemented('tls.connect({ socket })');
  rejectUnsupported(options, 'tls.connect');
  if (options.checkServerIdentity !== undefined && typeof options.checkServerIdentity !== 'function') {
    throw errors.invalidArgType('options.checkServerIdentity', 'Function', options.checkServerIdentity);
  }
  if (options.servername !== undefined && typeof options.servername !== 'string') {
    throw errors.invalidArgType('name', 'string', options.servername);
  }
  options.rejectUnauthorized = options.rejectUnauthorized !== false;
  const context = contextOptions(options);
  // SNI is never an IP address (RFC 6066); the identity check still uses the host.
  const host = options.host || 'localhost';
  const sni = options.servername !== undefined ? options.servername : host;
  context.servername = net.isIP(sni) ? undefined : sni;
  const socket = new TLSSocket({ ...options, context, identityName: net.isIP(sni) ? host : sni });
  socket.secureConnecting = true;
  if (cb) socket.once('secureConnect', cb);
  if (options.timeout) socket.setTimeout(options.timeout);
  const connectOpts = { ...options };
  delete connectOpts.timeout;
  return socket.connect(connectOpts);
}

// ---- Server --------------------------------------------------------------------------

const tlsServers = new Map(); // native server id -> Server

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw errors.invalidArgType('options', 'Object', options);
  }
  rejectUnsupported(options, 'tls.createServer');
  net.Server.call(this, options);
  this._contextOptions = contextOptions(options);
  this._contextId = tb.serverContext(this._contextOptions);
  this.requestCert = !!options.requestCert;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  if (typeof listener === 'function') this.on('secureConnection', listener);
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

Server.prototype._listenNative = function (o) {
  return nb.listen(o.port ?? 0, o.host, o.path, o.backlog, o.ipv6Only, o.special, false, this._contextId);
};
Server.prototype._registerNative = function () {
  net.Server.prototype._registerNative.call(this);
  tlsServers.set(this._id, this);
};
Server.prototype._closeNative = function () {
  tlsServers.delete(this._id);
  net.Server.prototype._closeNative.call(this);
};

Server.prototype.setSecureContext = function setSecureContext(options) {
  if (options === null || typeof options !== 'object') throw errors.invalidArgType('options', 'Object', options);
  const next = contextOptions(options);
  const id = tb.serverContext(next);
  if (this._id) {
    tb.freeContext(id);
    throw errors.notImplemented('server.setSecureContext on a listening server');
  }
  tb.freeContext(this._contextId);
  this._contextOptions = next;
  this._contextId = id;
};

for (const name of ['addContext', 'getTicketKeys', 'setTicketKeys']) {
  Server.prototype[name] = function () { throw errors.notImplemented(`server.${name}`); };
}

internal.hooks.tlsConnection = function tlsConnection(id, sid, info) {
  const server = tlsServers.get(id);
  if (server === undefined) {
    nb.close(sid);
    return;
  }
  const socket = internal.netAccept(server, sid, info, TLSSocket);
  socket._tlsServer = true;
  socket._loadSession();
  if (!server.requestCert) {
    socket.authorized = false;
    socket.authorizationError = null;
  }
  server.emit('secureConnection', socket);
  if (!server.pauseOnConnect && socket.readableFlowing !== false) socket.read(0);
};

internal.hooks.tlsClientError = function tlsClientError(id, err) {
  const server = tlsServers.get(id);
  if (server === undefined) return;
  const e = internal.netError ? internal.netError(err) : err;
  server.emit('tlsClientError', e, new TLSSocket());
};

function createServer(options, listener) {
  return new Server(options, listener);
}

function getCiphers() {
  return tb.ciphers.slice();
}

let rootCerts;

module.exports = exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-CHACHA20-POLY1305',
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION,
  DEFAULT_MAX_VERSION,
  getCiphers,
  get rootCertificates() {
    if (rootCerts === undefined) rootCerts = Object.freeze(tb.rootCertificates.slice());
    return rootCerts;
  },
  convertALPNProtocols(protocols, out) {
    const list = alpnList(protocols) || [];
    const parts = [];
    for (const p of list) {
      const b = Buffer.from(p, 'latin1');
      parts.push(Buffer.from([b.length]), b);
    }
    out.ALPNProtocols = Buffer.concat(parts);
  },
  checkServerIdentity,
  createSecureContext,
  SecureContext,
  TLSSocket,
  Server,
  createServer,
  connect,
  createSecurePair() { throw errors.notImplemented('tls.createSecurePair'); },
};
internal.tlsContextOptions = contextOptions;
internal.tlsRejectUnsupported = rejectUnsupported;
