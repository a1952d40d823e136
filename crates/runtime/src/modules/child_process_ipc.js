// Node's IPC channel in 'json' serialization on a parent's ChildProcess or on a forked
// child's `process`: send()/'message'/disconnect()/'disconnect'/connected/channel. Each
// message is one JSON text per line (child_process.rs frames and batches the lines).
// Messages whose `cmd` starts with NODE_ are node's internal ones ('internalMessage').
'use strict';

const nb = internal.natives.child_process;
const errors = internal.errors;
const makeError = errors.make;

const targets = new Map(); // native channel id -> ChildProcess | process
// Channels closed with send callbacks still pending: the queued messages are written before
// the socket closes, and their callbacks still run (as node's).
const closing = new Map(); // native channel id -> ChildProcess | process
const kChannelId = Symbol('kChannelId');
const kSendCallbacks = Symbol('kSendCallbacks');
let nextReq = 1;

// The `channel` object node exposes (`process.channel`, `subprocess.channel`).
class Control {
  constructor(target) {
    this._target = target;
    this._refs = true;
  }
  ref() {
    const id = this._target[kChannelId];
    if (id) nb.ipcRef(id, true);
  }
  unref() {
    const id = this._target[kChannelId];
    if (id) nb.ipcRef(id, false);
  }
  get fd() { return this._target[kChannelId] ? -1 : undefined; }
}

function channelClosed() {
  return makeError(Error, 'ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
}

function send(message, handle, options, callback) {
  if (typeof handle === 'function') {
    callback = handle;
    handle = undefined;
    options = undefined;
  } else if (typeof options === 'function') {
    callback = options;
    options = undefined;
  } else if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw errors.invalidArgType('options', 'Object', options);
  }
  if (message === undefined) {
    throw makeError(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
  }
  if (typeof message !== 'string' && typeof message !== 'object' &&
      typeof message !== 'number' && typeof message !== 'boolean') {
    throw errors.invalidArgType('message', ['string', 'object', 'number', 'boolean'], message);
  }
  if (handle !== undefined && handle !== null) {
    throw errors.notImplemented('child_process send() with a handle (sendHandle)');
  }
  if (!this.connected) {
    const err = channelClosed();
    if (typeof callback === 'function') process.nextTick(callback, err);
    else process.nextTick(() => this.emit('error', err));
    return false;
  }
  const req = nextReq++;
  if (nextReq > 0x3fffffff) nextReq = 1;
  if (typeof callback === 'function') this[kSendCallbacks].set(req, callback);
  nb.ipcSend(this[kChannelId], req, JSON.stringify(message));
  return true;
}

function close(target) {
  const id = target[kChannelId];
  if (!id) return;
  target[kChannelId] = 0;
  targets.delete(id);
  if (target[kSendCallbacks].size > 0) closing.set(id, target);
  nb.ipcClose(id);
  target.connected = false;
  process.nextTick(() => {
    target.emit('disconnect');
    if (typeof target._channelClosed === 'function') target._channelClosed();
  });
}

function disconnect() {
  if (!this.connected) {
    this.emit('error', makeError(Error, 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
    return;
  }
  close(this);
}

// node keeps the channel ref'd while the target has 'message' or 'disconnect' listeners,
// so a child with no listeners can exit while connected.
function countListeners(target) {
  return target.listenerCount('message') + target.listenerCount('disconnect');
}
function updateRef(target) {
  const id = target[kChannelId];
  if (id) nb.ipcRef(id, countListeners(target) > 0);
}

function setupChannel(target, id) {
  target[kChannelId] = id;
  target[kSendCallbacks] = new Map();
  targets.set(id, target);
  target.connected = true;
  target.channel = new Control(target);
  target._channel = target.channel;
  target.send = send;
  target.disconnect = disconnect;
  target.on('newListener', (name) => {
    if (name === 'message' || name === 'disconnect') process.nextTick(updateRef, target);
  });
  target.on('removeListener', (name) => {
    if (name === 'message' || name === 'disconnect') process.nextTick(updateRef, target);
  });
  updateRef(target);
}

internal.hooks.cpIpc = function cpIpc(id, lines) {
  const target = targets.get(id);
  if (target === undefined) return;
  if (lines === null) {
    close(target);
    return;
  }
  for (const line of lines) {
    let message;
    try {
      message = JSON.parse(line);
    } catch (e) {
      target.emit('error', e);
      continue;
    }
    const internalMessage = message !== null && typeof message === 'object' &&
      typeof message.cmd === 'string' && message.cmd.startsWith('NODE_');
    target.emit(internalMessage ? 'internalMessage' : 'message', message);
  }
};

internal.hooks.cpIpcSent = function cpIpcSent(id, req, errno) {
  const target = targets.get(id) ?? closing.get(id);
  if (target === undefined) return;
  const cb = target[kSendCallbacks].get(req);
  if (cb === undefined) return;
  target[kSendCallbacks].delete(req);
  if (target[kSendCallbacks].size === 0) closing.delete(id);
  cb(errno ? internal.requireBuiltin('internal/child_process_stdio', true).uvError(errno, 'write') : null);
};

// A child started with NODE_CHANNEL_FD: `process` becomes the channel's target.
function setupProcessChannel() {
  const id = nb.ipcOpen();
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (id) setupChannel(process, id);
}

module.exports = { setupChannel, setupProcessChannel, channelClosed };
