// Node's `diagnostics_channel`: named channels that publish messages to subscribers, and
// tracing channels (start/end/asyncStart/asyncEnd/error) around sync, callback and promise
// calls. Pure JavaScript by nature (subscribers are JS functions called synchronously).
//
// A channel object is kept for the life of the process once created (node holds them
// weakly, which only matters for the memory of many throw-away names). nrt's own modules
// publish nothing on node's built-in channels yet (COMPAT.md).
'use strict';

const { errors } = internal;

const registry = new Map();

// node's internal Map subclass; the name shows when an active channel is inspected.
class SafeMap extends Map {}

// Reports a subscriber's or transform's error as uncaught, after the current operation, so
// one failing subscriber neither stops the publisher nor the other subscribers.
function reportLater(err) {
  process.nextTick(() => {
    throw err;
  });
}

function validateSubscription(fn) {
  if (typeof fn !== 'function') throw errors.invalidArgType('subscription', 'Function', fn);
}

// A channel with subscribers or bound stores takes ActiveChannel's prototype; the plain
// Channel prototype is the cheap, inactive case (publish is a no-op).
function markActive(channel) {
  Object.setPrototypeOf(channel, ActiveChannel.prototype);
  channel._subscribers = [];
  channel._stores = new SafeMap();
}

function maybeMarkInactive(channel) {
  if (channel._subscribers.length === 0 && channel._stores.size === 0) {
    Object.setPrototypeOf(channel, Channel.prototype);
    channel._subscribers = undefined;
    channel._stores = undefined;
  }
}

class Channel {
  constructor(name) {
    this._subscribers = undefined;
    this._stores = undefined;
    this.name = name;
    registry.set(name, this);
  }

  static [Symbol.hasInstance](value) {
    // node reads the prototype of whatever it is given, so null and undefined throw V8's text.
    if (value == null) throw new TypeError('Cannot convert undefined or null to object');
    const proto = Object.getPrototypeOf(value);
    return proto === Channel.prototype || proto === ActiveChannel.prototype;
  }

  subscribe(subscription) {
    validateSubscription(subscription);
    markActive(this);
    this.subscribe(subscription);
  }

  unsubscribe() {
    return false;
  }

  bindStore(store, transform) {
    markActive(this);
    this.bindStore(store, transform);
  }

  unbindStore() {
    return false;
  }

  get hasSubscribers() {
    return false;
  }

  publish() {}

  runStores(data, fn, thisArg, ...args) {
    return Reflect.apply(fn, thisArg, args);
  }
}

class ActiveChannel {
  subscribe(subscription) {
    validateSubscription(subscription);
    // Copy on write: a publish in progress keeps iterating the list it started with.
    this._subscribers = [...this._subscribers, subscription];
  }

  unsubscribe(subscription) {
    const index = this._subscribers.indexOf(subscription);
    if (index === -1) return false;
    const next = this._subscribers.slice();
    next.splice(index, 1);
    this._subscribers = next;
    maybeMarkInactive(this);
    return true;
  }

  bindStore(store, transform) {
    this._stores.set(store, transform);
  }

  unbindStore(store) {
    if (!this._stores.has(store)) return false;
    this._stores.delete(store);
    maybeMarkInactive(this);
    return true;
  }

  get hasSubscribers() {
    return true;
  }

  publish(data) {
    const subscribers = this._subscribers;
    for (let i = 0; i < subscribers.length; i++) {
      try {
        subscribers[i](data, this.name);
      } catch (err) {
        reportLater(err);
      }
    }
  }

  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return Reflect.apply(fn, thisArg, args);
    };
    // Each bound store wraps the run before it, so the last one bound is entered first
    // (outermost). A transform runs as its store is entered; one that throws skips its store
    // and is reported as uncaught.
    for (const [store, transform] of this._stores) {
      const next = run;
      run = () => {
        let value = data;
        if (transform !== undefined) {
          try {
            // QuickJS would name the wrong callee in its TypeError; node says this.
            if (typeof transform !== 'function') throw new TypeError('transform is not a function');
            value = transform(data);
          } catch (err) {
            reportLater(err);
            return next();
          }
        }
        return store.run(value, next);
      };
    }
    return run();
  }
}

function channel(name) {
  const existing = registry.get(name);
  if (existing !== undefined) return existing;
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw errors.invalidArgType('channel', ['string', 'symbol'], name);
  }
  return new Channel(name);
}

function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

function unsubscribe(name, subscription) {
  const ch = registry.get(name);
  return ch === undefined ? false : ch.unsubscribe(subscription);
}

function hasSubscribers(name) {
  const ch = registry.get(name);
  return ch === undefined ? false : ch.hasSubscribers;
}

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

class TracingChannel {
  constructor(nameOrChannels) {
    for (const event of traceEvents) {
      let ch;
      if (typeof nameOrChannels === 'string') {
        ch = channel(`tracing:${nameOrChannels}:${event}`);
      } else {
        ch = nameOrChannels[event];
        if (!(ch instanceof Channel)) {
          throw errors.invalidArgType(`nameOrChannels.${event}`, 'Channel', ch);
        }
      }
      Object.defineProperty(this, event, { value: ch, writable: false, enumerable: false, configurable: false });
    }
  }

  get hasSubscribers() {
    return this.start.hasSubscribers || this.end.hasSubscribers ||
      this.asyncStart.hasSubscribers || this.asyncEnd.hasSubscribers ||
      this.error.hasSubscribers;
  }

  subscribe(handlers) {
    for (const event of traceEvents) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  unsubscribe(handlers) {
    let done = true;
    for (const event of traceEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) done = false;
    }
    return done;
  }

  traceSync(fn, context = {}, thisArg, ...args) {
    // Only traces whose subscribers were there at the start publish anything.
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, error } = this;
    return start.runStores(context, () => {
      try {
        const result = Reflect.apply(fn, thisArg, args);
        context.result = result;
        return result;
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const resolved = (result) => {
      context.result = result;
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return result;
    };
    const rejected = (err) => {
      context.error = err;
      error.publish(context);
      asyncStart.publish(context);
      asyncEnd.publish(context);
      return Promise.reject(err);
    };
    return start.runStores(context, () => {
      try {
        let promise = Reflect.apply(fn, thisArg, args);
        if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
        return promise.then(resolved, rejected);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }

  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const { start, end, asyncStart, asyncEnd, error } = this;
    const callback = args.at(position);
    if (typeof callback !== 'function') throw errors.invalidArgType('callback', 'Function', callback);
    function wrapped(err, result) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = result;
      }
      // The callback runs inside asyncStart's stores; asyncEnd follows it even if it throws.
      return asyncStart.runStores(context, () => {
        try {
          return Reflect.apply(callback, this, arguments);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    args.splice(position, 1, wrapped);
    return start.runStores(context, () => {
      try {
        return Reflect.apply(fn, thisArg, args);
      } catch (err) {
        context.error = err;
        error.publish(context);
        throw err;
      } finally {
        end.publish(context);
      }
    });
  }
}

function tracingChannel(nameOrChannels) {
  if (typeof nameOrChannels !== 'string' &&
      (nameOrChannels === null || typeof nameOrChannels !== 'object')) {
    throw errors.invalidArgTypeText('nameOrChannels',
      'of type string or an instance of TracingChannel or Object', nameOrChannels);
  }
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
