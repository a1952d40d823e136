// Node's http: the server (node-http owns each connection; http_server.js), the client
// (http_client.js), and the shared pieces.
'use strict';

const common = internal.requireBuiltin('internal/http_common', true);
const server = internal.requireBuiltin('internal/http_server', true);
const client = internal.requireBuiltin('internal/http_client', true);
const { OutgoingMessage } = internal.requireBuiltin('internal/http_outgoing', true);
const { IncomingMessage } = internal.requireBuiltin('internal/http_incoming', true);
const errors = internal.errors;

function createServer(options, requestListener) {
  return new server.Server(options, requestListener);
}

module.exports = {
  _connectionListener: server._connectionListener,
  METHODS: common.METHODS,
  STATUS_CODES: common.STATUS_CODES,
  Agent: client.Agent,
  ClientRequest: client.ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server: server.Server,
  ServerResponse: server.ServerResponse,
  createServer,
  validateHeaderName: common.validateHeaderName,
  validateHeaderValue: common.validateHeaderValue,
  get: client.get,
  request: client.request,
  setMaxIdleHTTPParsers(max) {
    if (typeof max !== 'number') throw errors.invalidArgType('max', 'number', max);
    if (!Number.isInteger(max) || max < 1) throw errors.outOfRange('max', '>= 1', max);
  },
};

Object.defineProperty(module.exports, 'maxHeaderSize', {
  configurable: true,
  enumerable: true,
  get() { return server._httpOptions.maxHeaderSize; },
});

Object.defineProperty(module.exports, 'globalAgent', {
  configurable: true,
  enumerable: true,
  get() { return client.globalAgent; },
  set(value) { throw errors.notImplemented('setting http.globalAgent'); },
});
