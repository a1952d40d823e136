// assert: node 20's assertions over the deep-equality algorithm (internal/deep_equal) and
// AssertionError with node's messages (internal/assert_error). `assert.strict` is the same
// set with the strict comparisons under the loose names.
'use strict';

const { inspect } = internal.requireBuiltin('internal/inspect', true);
const kinds = internal.requireBuiltin('internal/inspect_kinds', true);
const { isDeepEqual, isDeepStrictEqual } = internal.requireBuiltin('internal/deep_equal', true);
const { AssertionError } = internal.requireBuiltin('internal/assert_error', true);
const { callSiteSource } = internal.requireBuiltin('internal/assert_source', true);
// node exports it wrapped by util.deprecate (DEP0173).
const CallTracker = require('util').deprecate(
  internal.requireBuiltin('internal/assert_calltracker', true).CallTracker,
  'assert.CallTracker is deprecated.', 'DEP0173');
const errors = internal.errors;

const NO_EXCEPTION = Symbol('no exception');
const kErrorShapes = ['Object', 'Error', 'Function', 'RegExp'];

function missingArgs() {
  return errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "actual" and "expected" arguments must be specified');
}

// An assertion's failure is thrown from inside the assert module: an uncaught one is
// reported without a user source line (node shows its own node:assert line there).
function thrown(err) {
  internal.markThrownInternally(err);
  if (typeof err.stack === 'string' && !/\n\s+at /.test(err.stack)) internal.markFramelessInNode(err);
  return err;
}

function raise(options) {
  if (options.message instanceof Error) throw options.message;
  throw thrown(new AssertionError(options));
}

// ---- ok ----------------------------------------------------------------------------------

function checkTruthy(fn, argCount, value, message) {
  if (value) return;
  let generated = false;
  if (argCount === 0) {
    generated = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generated = true;
    // node quotes the call from the program's source; without it, the value.
    const code = callSiteSource(fn);
    message = code === undefined
      ? `${inspect(value)} == true`
      : `The expression evaluated to a falsy value:\n\n  ${code}\n`;
  } else if (message instanceof Error) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generated;
  throw thrown(err);
}

function ok(...args) {
  checkTruthy(ok, args.length, ...args);
}

// ---- comparisons -------------------------------------------------------------------------

function equal(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  // eslint-disable-next-line eqeqeq
  if (actual != expected && !(Number.isNaN(actual) && Number.isNaN(expected))) {
    raise({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
}

function notEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    raise({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
}

function strictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!Object.is(actual, expected)) {
    raise({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
}

function notStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (Object.is(actual, expected)) {
    raise({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  }
}

function deepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!isDeepEqual(actual, expected)) {
    raise({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
}

function notDeepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (isDeepEqual(actual, expected)) {
    raise({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
}

function deepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (!isDeepStrictEqual(actual, expected)) {
    raise({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
}

function notDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missingArgs();
  if (isDeepStrictEqual(actual, expected)) {
    raise({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  }
}

// ---- fail, ifError, match ----------------------------------------------------------------

let warnedFailArgs = false;

function fail(actual, expected, message, operator, stackStartFn) {
  const count = arguments.length;
  let generated = false;
  if (count === 0) {
    message = 'Failed';
    generated = true;
  } else if (count === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!warnedFailArgs) {
      warnedFailArgs = true;
      process.emitWarning('assert.fail() with more than one argument is deprecated. ' +
        'Please use assert.strictEqual() instead or only pass a message.', 'DeprecationWarning', 'DEP0094');
    }
    if (count === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({
    actual, expected, message, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || fail,
  });
  if (generated) err.generatedMessage = true;
  throw thrown(err);
}

function ifError(err) {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    message += err.message.length === 0 && err.constructor ? err.constructor.name : err.message;
  } else {
    message += inspect(err);
  }
  const failure = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
  // The report continues with the frames of the original error that the assertion's own
  // stack does not already show.
  const original = err.stack;
  if (typeof original === 'string') {
    const theirs = original.split('\n');
    theirs.shift();
    let ours = failure.stack.split('\n');
    for (const frame of theirs) {
      const at = ours.indexOf(frame);
      if (at !== -1) {
        ours = ours.slice(0, at);
        break;
      }
    }
    failure.stack = `${ours.join('\n')}\n${theirs.join('\n')}`;
  }
  throw thrown(failure);
}

function matcher(fn, string, regexp, message, wantMatch) {
  if (!kinds.isRegExp(regexp)) throw errors.invalidArgType('regexp', 'RegExp', regexp);
  const isString = typeof string === 'string';
  if (isString && (RegExp.prototype.exec.call(regexp, string) !== null) === wantMatch) return;
  if (message instanceof Error) throw message;
  const generated = !message;
  if (generated) {
    if (!isString) {
      message = `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`;
    } else {
      message = `${wantMatch ? 'The input did not match the regular expression '
        : 'The input was expected to not match the regular expression '}${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
    }
  }
  const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generated;
  throw thrown(err);
}

function match(string, regexp, message) {
  matcher(match, string, regexp, message, true);
}

function doesNotMatch(string, regexp, message) {
  matcher(doesNotMatch, string, regexp, message, false);
}

// ---- throws, rejects ---------------------------------------------------------------------

function callForError(fn) {
  if (typeof fn !== 'function') throw errors.invalidArgType('fn', 'Function', fn);
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

const isThenable = (v) => kinds.isPromise(v) ||
  (v !== null && typeof v === 'object' && typeof v.then === 'function' && typeof v.catch === 'function');

async function settleForError(promiseFn) {
  let promise;
  if (typeof promiseFn === 'function') {
    promise = promiseFn();
    if (!isThenable(promise)) {
      throw errors.make(TypeError, 'ERR_INVALID_RETURN_VALUE', 'Expected instance of Promise to be returned ' +
        `from the "promiseFn" function but got ${errors.specificType(promise)}.`);
    }
  } else if (isThenable(promiseFn)) {
    promise = promiseFn;
  } else {
    throw errors.invalidArgType('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await promise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

// The expected side of an object validation, reduced to the keys being checked, so that the
// diff shows only them. Keys whose RegExp matched show the actual string (no false diff).
class Comparison {
  constructor(source, keys, actual) {
    for (const key of keys) {
      if (!(key in source)) continue;
      if (actual !== undefined && typeof actual[key] === 'string' && kinds.isRegExp(source[key]) &&
          RegExp.prototype.exec.call(source[key], actual[key]) !== null) {
        this[key] = actual[key];
      } else {
        this[key] = source[key];
      }
    }
  }
}

function checkErrorKey(actual, expected, key, message, keys, fn) {
  if (key in actual && isDeepStrictEqual(actual[key], expected[key])) return;
  if (!message) {
    const err = new AssertionError({
      actual: new Comparison(actual, keys),
      expected: new Comparison(expected, keys, actual),
      operator: 'deepStrictEqual',
      stackStartFn: fn,
    });
    err.actual = actual;
    err.expected = expected;
    err.operator = fn.name;
    throw thrown(err);
  }
  raise({ actual, expected, message, operator: fn.name, stackStartFn: fn });
}

// Whether `actual` (what was thrown) satisfies `expected` (a RegExp, an object of expected
// properties, an Error class, or a validation function); throws the AssertionError if not.
function validateError(actual, expected, message, fn) {
  let generated = false;
  if (typeof expected !== 'function') {
    if (kinds.isRegExp(expected)) {
      const text = String(actual);
      if (RegExp.prototype.exec.call(expected, text) !== null) return;
      if (!message) {
        generated = true;
        message = 'The input did not match the regular expression ' +
          `${inspect(expected)}. Input:\n\n${inspect(text)}\n`;
      }
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw thrown(err);
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) {
        keys.push('name', 'message');
      } else if (keys.length === 0) {
        throw errors.invalidArgValue('error', expected, 'may not be an empty object');
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && kinds.isRegExp(expected[key]) &&
            RegExp.prototype.exec.call(expected[key], actual[key]) !== null) {
          continue;
        }
        checkErrorKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    if (!message) {
      generated = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (kinds.isError(actual)) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        message += expected.name === name
          ? 'an error with identical name but a different prototype.' : `"${name}"`;
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
  } else {
    const result = Reflect.apply(expected, {}, [actual]);
    if (result === true) return;
    if (!message) {
      generated = true;
      const name = expected.name ? `"${expected.name}" ` : '';
      message = `The ${name}validation function is expected to return "true". Received ${inspect(result)}`;
      if (kinds.isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
    }
  }
  const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  err.generatedMessage = generated;
  throw thrown(err);
}

// `args` are what the program passed after the function: [error[, message]].
function expectError(fn, actual, args) {
  let [expected, message] = args;
  if (typeof expected === 'string') {
    // Both an error and a message, and the error is a string: node refuses it (only for
    // exactly two arguments).
    if (args.length === 2) throw errors.invalidArgType('error', kErrorShapes, expected);
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === expected) {
        throw errors.make(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', 'The "error/message" argument is ambiguous. ' +
          `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === expected) {
      throw errors.make(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', 'The "error/message" argument is ambiguous. ' +
        `The error "${actual}" is identical to the message.`);
    }
    message = expected;
    expected = undefined;
  } else if (expected != null && typeof expected !== 'object' && typeof expected !== 'function') {
    throw errors.invalidArgType('error', kErrorShapes, expected);
  }
  if (actual === NO_EXCEPTION) {
    let details = '';
    if (expected && expected.name) details += ` (${expected.name})`;
    details += message ? `: ${message}` : '.';
    const what = fn === rejects ? 'rejection' : 'exception';
    raise({ actual: undefined, expected, operator: fn.name, message: `Missing expected ${what}${details}`, stackStartFn: fn });
  }
  if (expected) validateError(actual, expected, message, fn);
}

function matchesError(actual, expected) {
  if (typeof expected !== 'function') {
    if (kinds.isRegExp(expected)) return RegExp.prototype.exec.call(expected, String(actual)) !== null;
    throw errors.invalidArgType('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectNoError(fn, actual, expected, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof expected === 'string') {
    message = expected;
    expected = undefined;
  }
  if (!expected || matchesError(actual, expected)) {
    const details = message ? `: ${message}` : '.';
    const what = fn === doesNotReject ? 'rejection' : 'exception';
    const actualMessage = actual === null || actual === undefined ? undefined : actual.message;
    raise({
      actual, expected, operator: fn.name, stackStartFn: fn,
      message: `Got unwanted ${what}${details}\nActual message: "${actualMessage}"`,
    });
  }
  throw actual;
}

function throws(fn, ...args) {
  expectError(throws, callForError(fn), args);
}

function doesNotThrow(fn, ...args) {
  expectNoError(doesNotThrow, callForError(fn), ...args);
}

async function rejects(promiseFn, ...args) {
  expectError(rejects, await settleForError(promiseFn), args);
}

async function doesNotReject(promiseFn, ...args) {
  expectNoError(doesNotReject, await settleForError(promiseFn), ...args);
}

// ---- the module --------------------------------------------------------------------------

// The module is `ok` itself, as in node (`assert === assert.ok`).
const assert = ok;
Object.assign(assert, {
  fail, AssertionError, ok, equal, notEqual, deepEqual, notDeepEqual, deepStrictEqual,
  notDeepStrictEqual, strictEqual, notStrictEqual, throws, rejects, doesNotThrow, doesNotReject,
  ifError, match, doesNotMatch, CallTracker,
});

function strict(...args) {
  checkTruthy(strict, args.length, ...args);
}
Object.assign(strict, assert, {
  equal: strictEqual,
  deepEqual: deepStrictEqual,
  notEqual: notStrictEqual,
  notDeepEqual: notDeepStrictEqual,
});
assert.strict = strict;
strict.strict = strict;

module.exports = assert;
