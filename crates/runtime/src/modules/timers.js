// Node's timers (lib/timers.js): Timeout and Immediate objects live here. A Timeout's loop
// timer is armed by the native binding (timers.rs) under a slot; when timers are due the
// loop calls processTimers once, which takes the due slots from the binding one by one.
'use strict';

const tb = internal.natives.timers;
const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const asyncIdSymbol = Symbol('asyncId');
const triggerIdSymbol = Symbol('triggerId');
const kId = Symbol('nrt.timerId');
let nextId = 1;
// Loop slot -> armed Timeout (timers.rs reuses slots, so the array stays dense and as long as
// the number of live timers); a Timeout's slot is its kId, 0 when not armed.
const slots = [undefined]; // slot 0 is never used; starting dense keeps this a fast array
// Immediates by slot id, oldest first: the loop runs them in the order they were queued, so
// every slot before the one firing is done, and the array can drop its prefix. A dense
// array beats a Map here (QuickJS hashes Map keys; setImmediate is a hot path).
const immQueue = [];
let immBase = 1; // slot id of immQueue[0]
let nextImmSlot = 1;
const byPrimitive = new Map(); // toPrimitive() id -> Timeout
// A Timeout's slot property: hidden from inspect, as node has no such field (one shared
// descriptor rather than a new object per Timeout).
const kIdDescriptor = { value: 0, writable: true };

// node keeps timers in one linked list per duration; inspect shows it as [TimersList].
function TimersList(expiry, msecs) {
  this._idleNext = this;
  this._idlePrev = this;
  this.expiry = expiry;
  this.id = 0;
  this.msecs = msecs;
  this.priorityQueuePosition = 1;
}
const lists = new Map();
function listFor(ms) {
  let l = lists.get(ms);
  if (l === undefined) {
    l = new TimersList(tb.now() + ms, ms);
    lists.set(ms, l);
  }
  return l;
}
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

function validateCallback(callback) {
  if (typeof callback !== 'function') {
    throw internal.errors.invalidArgType('callback', 'Function', callback);
  }
}

function Timeout(callback, after, args, isRepeat, isRefed) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
        '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
    }
    after = 1;
  }
  this._idleTimeout = after;
  const list = listFor(after);
  this._idlePrev = list;
  this._idleNext = list;
  this._idleStart = tb.now();
  this._onTimeout = callback;
  this._timerArgs = args;
  this._repeat = isRepeat ? after : null;
  this._destroyed = false;
  this[kRefed] = isRefed;
  this[kHasPrimitive] = false;
  this[asyncIdSymbol] = nextId++;
  this[triggerIdSymbol] = 1;
  Object.defineProperty(this, kId, kIdDescriptor);
  arm(this, after, isRepeat, isRefed);
}

function arm(timer, after, repeat, refed) {
  const slot = tb.start(after, repeat, refed);
  timer[kId] = slot;
  slots[slot] = timer;
}

Timeout.prototype[inspectCustom] = function (_, options) {
  return require('util').inspect(this, { ...options, depth: 0, customInspect: false });
};

// Re-arms a pending or already fired timer; a cleared one (`_idleTimeout` -1) stays off.
Timeout.prototype.refresh = function refresh() {
  if (this._idleTimeout === -1) return this;
  const slot = this[kId];
  if (slot !== 0) {
    tb.refresh(slot);
  } else {
    this._destroyed = false;
    arm(this, this._idleTimeout, this._repeat !== null, this[kRefed]);
  }
  return this;
};
Timeout.prototype.unref = function unref() {
  this[kRefed] = false;
  if (this[kId] !== 0) tb.setRef(this[kId], false);
  return this;
};
Timeout.prototype.ref = function ref() {
  this[kRefed] = true;
  if (this[kId] !== 0) tb.setRef(this[kId], true);
  return this;
};
Timeout.prototype.hasRef = function hasRef() {
  return this[kRefed];
};
Timeout.prototype.close = function close() {
  clearTimeout(this);
  return this;
};
Timeout.prototype[Symbol.toPrimitive] = function () {
  const id = this[asyncIdSymbol];
  if (!this[kHasPrimitive]) {
    this[kHasPrimitive] = true;
    byPrimitive.set(id, this);
  }
  return id;
};
Timeout.prototype[Symbol.dispose] = function () {
  clearTimeout(this);
};

// Takes an armed Timeout off the loop (clearTimeout without destroying it).
function unarm(timer) {
  const slot = timer[kId];
  slots[slot] = undefined;
  timer[kId] = 0;
  tb.clear(slot);
}

function unenroll(timer) {
  if (timer._destroyed) return;
  timer._destroyed = true;
  timer._idlePrev = timer._idleNext = null;
  timer._idleTimeout = -1;
  timer._onTimeout = null;
  if (timer[kHasPrimitive]) byPrimitive.delete(timer[asyncIdSymbol]);
  if (timer[kId] !== 0) unarm(timer);
}

function setTimeout(callback, after, arg1, arg2, arg3) {
  validateCallback(callback);
  let args;
  switch (arguments.length) {
    case 0: case 1: case 2: break;
    case 3: args = [arg1]; break;
    case 4: args = [arg1, arg2]; break;
    default: args = Array.prototype.slice.call(arguments, 2);
  }
  return new Timeout(callback, after, args, false, true);
}

function setInterval(callback, repeat, arg1, arg2, arg3) {
  validateCallback(callback);
  let args;
  switch (arguments.length) {
    case 0: case 1: case 2: break;
    case 3: args = [arg1]; break;
    case 4: args = [arg1, arg2]; break;
    default: args = Array.prototype.slice.call(arguments, 2);
  }
  return new Timeout(callback, repeat, args, true, true);
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = byPrimitive.get(Number(timer));
    if (t) unenroll(t);
  }
}

// The timers phase, node's processTimers: every due Timeout in the loop's order (lists by
// expiry, a list's timers in creation order), with node's checkpoint between two timers —
// after an interval is re-armed (node's `finally`) and once the next timer is known to be
// due, so a tick may still clear it. When no tick waits, the binding runs the promise jobs
// of that checkpoint in the same call that takes the next timer. A throwing callback is
// reported as uncaught and the next timer runs without a checkpoint before it (node
// re-enters processTimers).
function processTimers(now) {
  const ticksPending = internal.ticksPending;
  let next = tb.nextDue(false);
  let checkpointFirst = false;
  while (next !== 0) {
    const slot = next >> 1;
    const timer = slot === 0 ? undefined : slots[slot];
    const repeat = timer !== undefined && timer._repeat !== null;
    if (timer !== undefined && !repeat) {
      // timers.rs freed the slot: leave it before a tick or the callback arms a timer there.
      slots[slot] = undefined;
      timer[kId] = 0;
      timer._idlePrev = timer._idleNext = null;
      if (timer[kHasPrimitive]) byPrimitive.delete(timer[asyncIdSymbol]);
    }
    if (checkpointFirst) {
      // Ticks first; promise jobs ran in nextDue unless a tick was waiting.
      if ((next & 1) === 1 ? afterMicrotasks(true) : ticksPending()) checkpoint();
      // A timeout refreshed by that checkpoint fires now and only now: node takes it off
      // its list as it runs it.
      if (timer !== undefined && !repeat && timer[kId] !== 0) unarm(timer);
    }
    if (timer === undefined) {
      if (slot === 0) break;
      next = tb.nextDue(false); // (never: every slot timers.rs hands out is armed here)
      continue;
    }
    checkpointFirst = true;
    const callback = timer._onTimeout;
    if (callback === null) {
      // Cleared by a tick or promise job of the checkpoint above.
      next = tb.nextDue(!ticksPending());
      continue;
    }
    timer._idleStart = now;
    const args = timer._timerArgs;
    try {
      if (args === undefined) timer._onTimeout();
      else Reflect.apply(callback, timer, args);
    } catch (err) {
      if (!repeat && timer[kId] === 0) timer._destroyed = true;
      next = tb.nextDue(false);
      checkpointFirst = false;
      tb.uncaught(err);
      continue;
    }
    // A fired timeout is destroyed unless its callback refreshed it, as in node.
    if (!repeat && timer[kId] === 0) timer._destroyed = true;
    next = tb.nextDue(!ticksPending());
  }
}

// Immediates waiting in immQueue that keep the loop alive; the loop's single batch entry
// (timers.rs) is ref'd exactly while this is above zero.
let immRefCount = 0;
let batchScheduled = false;

// delta is +1 or -1: the batch entry's ref follows the count across 0.
function refImmediates(delta) {
  immRefCount += delta;
  if (batchScheduled && immRefCount === (delta > 0 ? 1 : 0)) tb.immediatesRef(delta > 0);
}

function Immediate(callback, args) {
  this._idleNext = null;
  this._idlePrev = null;
  this._onImmediate = callback;
  this._argv = args;
  this._destroyed = false;
  this[kRefed] = true;
  this[asyncIdSymbol] = nextId++;
  this[triggerIdSymbol] = 1;
  const slot = nextImmSlot++;
  Object.defineProperty(this, kId, { value: slot });
  immQueue.push(this);
  if (batchScheduled) {
    refImmediates(1);
  } else {
    immRefCount += 1;
    batchScheduled = true;
    tb.scheduleImmediates(true);
  }
}
Immediate.prototype.ref = function ref() {
  if (!this[kRefed]) {
    this[kRefed] = true;
    if (!this._destroyed) refImmediates(1);
  }
  return this;
};
Immediate.prototype.unref = function unref() {
  if (this[kRefed]) {
    this[kRefed] = false;
    if (!this._destroyed) refImmediates(-1);
  }
  return this;
};
Immediate.prototype.hasRef = function hasRef() {
  return !!this[kRefed];
};
Immediate.prototype[Symbol.dispose] = function () {
  clearImmediate(this);
};

function setImmediate(callback, arg1, arg2, arg3) {
  validateCallback(callback);
  let args;
  switch (arguments.length) {
    case 0: case 1: break;
    case 2: args = [arg1]; break;
    case 3: args = [arg1, arg2]; break;
    default: args = Array.prototype.slice.call(arguments, 1);
  }
  return new Immediate(callback, args);
}

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed || !immediate[kId]) return;
  immediate._destroyed = true;
  const i = immediate[kId] - immBase;
  if (i >= 0) immQueue[i] = undefined;
  if (immediate[kRefed]) refImmediates(-1);
  immediate._onImmediate = null;
}

// Node's checkpoint after a callback: nextTicks, then promise jobs, until both are empty.
// A throwing tick is reported as uncaught and the rest go on.
function checkpoint() {
  for (;;) {
    if (internal.ticksPending()) {
      try {
        internal.hooks.runTicks();
      } catch (err) {
        tb.uncaught(err);
        continue;
      }
    }
    if (!afterMicrotasks(tb.runMicrotasks())) return;
  }
}

// The rest of a checkpoint once the promise jobs ran: unhandled rejections are processed
// when any wait; returns whether ticks were queued meanwhile (the checkpoint goes on then).
function afterMicrotasks(rejections) {
  if (rejections) {
    try {
      internal.hooks.processRejections();
    } catch (err) {
      tb.uncaught(err);
    }
  }
  return internal.ticksPending();
}

// The check phase: every immediate queued before it started, in order, with the usual
// checkpoint (nextTicks, promise jobs) after each. Immediates queued meanwhile wait for the
// next iteration (their own batch, scheduled by the constructor). A throwing immediate is
// reported as uncaught and the batch goes on without a checkpoint for it, as in node.
function runImmediates() {
  // Immediates queued from here on schedule the next batch (the constructor does it).
  batchScheduled = false;
  const end = nextImmSlot;
  const base = immBase;
  for (let id = base; id < end; id++) {
    const i = id - immBase;
    const imm = immQueue[i];
    if (imm === undefined) continue;
    immQueue[i] = undefined;
    imm._destroyed = true;
    if (imm[kRefed]) refImmediates(-1);
    const cb = imm._onImmediate;
    const argv = imm._argv;
    try {
      if (argv === undefined) cb.call(imm);
      else Reflect.apply(cb, imm, argv);
    } catch (err) {
      tb.uncaught(err);
      continue;
    }
    checkpoint();
  }
  // Drop the slots this batch consumed (later ones belong to the next batch).
  const done = end - immBase;
  if (done > 0) {
    immQueue.splice(0, done);
    immBase = end;
  }
}

const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(setTimeout, promisifyCustom, {
  enumerable: true,
  get() { return require('timers/promises').setTimeout; },
});
Object.defineProperty(setImmediate, promisifyCustom, {
  enumerable: true,
  get() { return require('timers/promises').setImmediate; },
});

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval: clearTimeout,
  _unrefActive() {},
  active(timer) { if (timer && timer.refresh) timer.refresh(); },
  unenroll(timer) { clearTimeout(timer); },
  enroll() { throw internal.errors.notImplemented('timers.enroll'); },
};
Object.defineProperty(module.exports, 'promises', {
  enumerable: true,
  get() { return require('timers/promises'); },
});
Object.defineProperty(module.exports, '_processTimers', { value: processTimers });
Object.defineProperty(module.exports, '_runImmediates', { value: runImmediates });
