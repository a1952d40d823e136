// Node's https: http's client and server (node-http in Rust) over node-net's TLS layer.
// A request through an https Agent carries a TLS context (tls.js's options); an
// https.Server is an http.Server whose connections are handshaken first.
'use strict';

const http = require('http');
const tls = require('tls');
const client = internal.requireBuiltin('internal/http_client', true);
const server = internal.requireBuiltin('internal/http_server', true);
const tb = internal.natives.tls;
const errors = internal.errors;

// The TLS options an https Agent (and its pool name) looks at.
const tlsKeys = ['ca', 'cert', 'ciphers', 'key', 'pfx', 'rejectUnauthorized', 'servername',
  'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve',
  'dhparam', 'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine', 'ALPNProtocols'];

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  client.Agent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions ?? 100;
}
Object.setPrototypeOf(Agent.prototype, client.Agent.prototype);
Object.setPrototypeOf(Agent, client.Agent);

Agent.prototype.getName = function getName(options = {}) {
  let name = client.Agent.prototype.getName.call(this, options);
  for (const k of tlsKeys) {
    if (k === 'ALPNProtocols') continue;
    name += ':';
    const v = options[k];
    if (v !== undefined && v !== null) name += v;
  }
  return name;
};

// The TLS context a request needs: the agent's options under the request's.
client.tlsContextFor = function tlsContextFor(agent, options, host) {
  const merged = {};
  const base = agent && agent.options ? agent.options : {};
  for (const k of tlsKeys) {
    const v = options[k] !== undefined ? options[k] : base[k];
    if (v !== undefined) merged[k] = v;
  }
  internal.tlsRejectUnsupported(merged, 'https.request');
  const ctx = internal.tlsContextOptions(merged);
  const sni = merged.servername !== undefined ? merged.servername : host;
  ctx.servername = require('net').isIP(sni) ? undefined : sni;
  ctx.checkIdentity = true;
  return tb.clientContext(ctx);
};

const globalAgent = (() => {
  Agent.prototype._httpsGlobal = true;
  const a = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
  delete Agent.prototype._httpsGlobal;
  return a;
})();

function withDefaults(args) {
  // request(url[, options][, cb]) / request(options[, cb]): node adds the https agent.
  let [input, options, cb] = args;
  if (typeof input === 'string' || input instanceof URL) {
    if (typeof options === 'function') {
      cb = options;
      options = {};
    }
    options = { ...options, _defaultAgent: module.exports.globalAgent };
    return [input, options, cb];
  }
  cb = options;
  return [{ ...input, _defaultAgent: module.exports.globalAgent }, cb];
}

function request(...args) {
  return new client.ClientRequest(...withDefaults(args));
}

function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw errors.invalidArgType('options', 'Object', options);
  }
  internal.tlsRejectUnsupported(options, 'https.createServer');
  const ctx = internal.tlsContextOptions(options);
  server.Server.call(this, options, requestListener);
  this._tlsContext = tb.serverContext(ctx);
}
Object.setPrototypeOf(Server.prototype, server.Server.prototype);
Object.setPrototypeOf(Server, server.Server);

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
void tls;
