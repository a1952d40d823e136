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
const kPendingFds = Symbol('kPendingFds'); // received descriptors not yet claimed
const kHandleQueue = Symbol('kHandleQueue'); // sends waiting for a NODE_HANDLE_ACK
const kLastHandle = Symbol('kLastHandle'); // the handle send awaiting its ack
let nextReq = 1;

// A raw descriptor passed over the channel (node's 'net.Native' handle: what cluster
// passes). It lives in the native handle table until taken over or closed.
class NativeHandle {
  constructor(id) { this._id = id; }
  close() {
    if (this._id) nb.handleClose(this._id);
    this._id = 0;
  }
}

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
  if (handle !== undefined && handle !== null && !(handle instanceof NativeHandle)) {
    throw errors.notImplemented('child_process send() with a handle (sendHandle)');
  }
  if (!this.connected) {
    const err = channelClosed();
    if (typeof callback === 'function') process.nextTick(callback, err);
    else process.nextTick(() => this.emit('error', err));
    return false;
  }
  writeMessage(this, message, handle, callback);
  return true;
}

// Node sends one handle at a time: after a message carrying a descriptor, everything
// else waits until the peer acknowledges it (NODE_HANDLE_ACK), so a node peer never
// receives two descriptors in one read.
function writeMessage(target, message, handle, callback) {
  const isAck = message !== null && typeof message === 'object' &&
    (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK');
  if (target[kHandleQueue] !== null && !isAck) {
    target[kHandleQueue].push([message, handle, callback]);
    return;
  }
  let json;
  let fd;
  if (handle instanceof NativeHandle) {
    json = JSON.stringify({ cmd: 'NODE_HANDLE', type: 'net.Native', msg: message });
    fd = handle._id;
    target[kHandleQueue] = [];
    target[kLastHandle] = [message, handle, callback];
  } else {
    json = JSON.stringify(message);
  }
  const req = nextReq++;
  if (nextReq > 0x3fffffff) nextReq = 1;
  if (typeof callback === 'function') target[kSendCallbacks].set(req, callback);
  nb.ipcSend(target[kChannelId], req, json, fd);
}

function onHandleAck(target, resend) {
  const queue = target[kHandleQueue];
  const last = target[kLastHandle];
  target[kHandleQueue] = null;
  target[kLastHandle] = null;
  if (queue === null || !target.connected) return;
  if (resend && last !== null) queue.unshift(last);
  for (let i = 0; i < queue.length; i++) {
    writeMessage(target, queue[i][0], queue[i][1], queue[i][2]);
    // A handle went out: the rest waits for its ack again.
    if (target[kHandleQueue] !== null) {
      target[kHandleQueue].push(...queue.slice(i + 1));
      return;
    }
  }
}

function close(target) {
  const id = target[kChannelId];
  if (!id) return;
  target[kChannelId] = 0;
  for (const fd of target[kPendingFds]) nb.handleClose(fd);
  target[kPendingFds].length = 0;
  target[kHandleQueue] = null;
  target[kLastHandle] = null;
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
  target[kPendingFds] = [];
  target[kHandleQueue] = null;
  target[kLastHandle] = null;
  target._send = function (message, handle, callback) {
    if (!this.connected) return false;
    writeMessage(this, message, handle, callback);
    return true;
  };
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

internal.hooks.cpIpc = function cpIpc(id, lines, fds) {
  const target = targets.get(id);
  if (target === undefined) {
    if (fds) for (const fd of fds) nb.handleClose(fd);
    return;
  }
  if (fds && fds.length) target[kPendingFds].push(...fds);
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
    let handle;
    if (message !== null && typeof message === 'object') {
      if (message.cmd === 'NODE_HANDLE') {
        const fd = target[kPendingFds].shift();
        writeMessage(target, { cmd: 'NODE_HANDLE_ACK' });
        if (fd === undefined) continue;
        if (message.type !== 'net.Native') {
          nb.handleClose(fd);
          target.emit('error', errors.notImplemented(
            `child_process receiving a handle of type '${message.type}'`));
          continue;
        }
        handle = new NativeHandle(fd);
        // node reports the wrapper too, before the message it carries.
        target.emit('internalMessage', message);
        message = message.msg;
      } else if (message.cmd === 'NODE_HANDLE_ACK' || message.cmd === 'NODE_HANDLE_NACK') {
        onHandleAck(target, message.cmd === 'NODE_HANDLE_NACK');
      }
    }
    const internalMessage = message !== null && typeof message === 'object' &&
      typeof message.cmd === 'string' && message.cmd.startsWith('NODE_');
    target.emit(internalMessage ? 'internalMessage' : 'message', message, handle);
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

module.exports = { setupChannel, setupProcessChannel, channelClosed, NativeHandle };
