// assert.CallTracker (deprecated in node 20, still supported): wraps functions to count
// their calls, and reports those called a different number of times than expected.
'use strict';

const { AssertionError } = internal.requireBuiltin('internal/assert_error', true);
const errors = internal.errors;

const noop = Function.prototype;

class CallTracker {
  // tracked proxy -> { name, expected, calls: [{ thisArg, arguments }] }
  #tracked = new Map();

  calls(fn, expected = 1) {
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    if (typeof expected !== 'number') throw errors.invalidArgType('expected', 'number', expected);
    if (!Number.isInteger(expected)) throw errors.outOfRange('expected', 'an integer', expected);
    if (expected < 1 || expected > 4294967295) {
      throw errors.outOfRange('expected', '>= 1 && <= 4294967295', expected);
    }
    if (typeof fn !== 'function') throw errors.invalidArgType('fn', 'Function', fn);
    const record = { name: fn.name || 'calls', expected, calls: [] };
    // A proxy keeps the function's name, length and construct behaviour.
    const tracked = new Proxy(fn, {
      apply(target, thisArg, args) {
        record.calls.push({ thisArg, arguments: args });
        return Reflect.apply(target, thisArg, args);
      },
    });
    this.#tracked.set(tracked, record);
    return tracked;
  }

  #recordOf(tracked) {
    const record = this.#tracked.get(tracked);
    if (record === undefined) {
      throw errors.invalidArgValue('tracked', tracked, 'is not a tracked function');
    }
    return record;
  }

  getCalls(fn) {
    return this.#recordOf(fn).calls.map((call) => ({ ...call }));
  }

  reset(fn) {
    if (fn === undefined) {
      for (const record of this.#tracked.values()) record.calls = [];
      return;
    }
    this.#recordOf(fn).calls = [];
  }

  report() {
    const out = [];
    for (const record of this.#tracked.values()) {
      const actual = record.calls.length;
      if (actual === record.expected) continue;
      out.push({
        message: `Expected the ${record.name} function to be executed ${record.expected} time(s) but was ` +
          `executed ${actual} time(s).`,
        actual,
        expected: record.expected,
        operator: record.name,
        stack: new Error(),
      });
    }
    return out;
  }

  verify() {
    const failures = this.report();
    if (failures.length === 0) return;
    const message = failures.length === 1 ? failures[0].message
      : 'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: failures });
  }
}

module.exports = { CallTracker };
