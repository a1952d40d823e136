// The primary's listening handles, one per key (address:port:addressType:fd:index).
// RoundRobinHandle (SCHED_RR, node's default on Linux): the primary accepts and passes
// each connection to the next free worker as a NODE_HANDLE ('newconn'); a worker is free
// again once it acknowledged. SharedHandle (SCHED_NONE): every worker gets the listening
// descriptor and accepts on its own.
'use strict';

const net = require('net');
const nb = internal.natives.net;
const { NativeHandle } = internal.requireBuiltin('internal/child_process_ipc', true);

class RoundRobinHandle {
  constructor(key, address, { port, fd, flags, backlog }) {
    this.key = key;
    this.all = new Map(); // worker id -> worker
    this.free = new Map(); // workers waiting for a connection, in order
    this.handles = []; // accepted connections waiting for a free worker
    this.listening = false;
    this.server = new net.Server();
    this.server._rawAccept = true;
    this.server._onRawConnection = (id) => this.distribute(new NativeHandle(id));
    if (fd !== undefined && fd >= 0) {
      throw internal.errors.notImplemented('cluster listen({ fd })');
    } else if (port >= 0) {
      this.server.listen({
        port,
        host: address,
        ipv6Only: Boolean(flags & 1),
        backlog: backlog || undefined,
      });
    } else {
      this.server.listen(address);
    }
    this.server.once('listening', () => { this.listening = true; });
  }

  add(worker, reply) {
    this.all.set(worker.id, worker);
    const done = () => {
      reply(null, { sockname: this.server.address() }, null);
      this.handoff(worker);
    };
    if (this.listening) {
      done();
      return;
    }
    this.server.once('listening', done);
    this.server.once('error', (err) => reply(err.errno, null));
  }

  remove(worker) {
    const existed = this.all.delete(worker.id);
    this.free.delete(worker.id);
    if (this.all.size !== 0) return false;
    for (const h of this.handles) h.close();
    this.handles = [];
    this.server.close();
    void existed;
    return true;
  }

  distribute(handle) {
    this.handles.push(handle);
    const [first] = this.free;
    if (first !== undefined) {
      this.free.delete(first[0]);
      this.handoff(first[1]);
    }
  }

  handoff(worker) {
    if (!this.all.has(worker.id)) return;
    const handle = this.handles.shift();
    if (handle === undefined) {
      this.free.set(worker.id, worker);
      return;
    }
    const send = this.sendHelper;
    send(worker, { act: 'newconn', key: this.key }, handle, (reply) => {
      if (reply.accepted) handle.close();
      else this.distribute(handle);
      this.handoff(worker);
    });
  }
}

class SharedHandle {
  constructor(key, address, { port, fd, flags }) {
    this.key = key;
    this.workers = new Map();
    this.handle = null;
    this.errno = 0;
    if (fd !== undefined && fd >= 0) {
      throw internal.errors.notImplemented('cluster listen({ fd })');
    }
    const r = port >= 0
      ? nb.bindHandle(port, address ?? undefined, undefined, 511, Boolean(flags & 1))
      : nb.bindHandle(0, undefined, address, 511, false);
    if (typeof r === 'number') this.handle = new NativeHandle(r);
    else this.errno = Array.isArray(r) ? r[1] : -22;
  }

  add(worker, reply) {
    this.workers.set(worker.id, worker);
    reply(this.errno, null, this.handle);
  }

  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    if (this.handle !== null) this.handle.close();
    this.handle = null;
    return true;
  }
}

module.exports = { RoundRobinHandle, SharedHandle };
