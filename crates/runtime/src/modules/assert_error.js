// assert.AssertionError and the messages node 20 generates for a failed assertion: the
// one-line `1 !== 2` form, the `+ actual - expected` line diff of inspected values, and the
// `not…` forms that print the value once.
'use strict';

const { inspect } = internal.requireBuiltin('internal/inspect', true);
const kinds = internal.requireBuiltin('internal/inspect_kinds', true);
const errors = internal.errors;

// What a failed comparison says first, by operator.
const headline = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Two one-line values shorter than this together print side by side (`1 !== 2`).
const kShortPair = 12;
// Longest message body before node cuts it.
const kMaxLines = 50;

// The palette of the diff: empty unless stderr is a colour terminal (node decides the same
// way, once per message).
function palette() {
  const stderr = process.stderr;
  let colors = false;
  try {
    colors = Boolean(stderr && stderr.isTTY && typeof stderr.hasColors === 'function' && stderr.hasColors());
  } catch {
    colors = false;
  }
  if (!colors) return { blue: '', green: '', red: '', white: '', colors };
  return { blue: '\u001b[34m', green: '\u001b[32m', red: '\u001b[31m', white: '\u001b[39m', colors };
}

// How assertion messages show a value: every level, every element, keys sorted, getters
// evaluated, one property per line so that the diff can work line by line.
// Values print without colours even on a colour terminal; only the markers are coloured.
function inspectValue(value) {
  // An Error compared at the top level prints without its stack (node does the same).
  if (kinds.isError(value)) return withoutStack(value, () => inspectRaw(value));
  return inspectRaw(value);
}

function inspectRaw(value) {
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

function withoutStack(err, print) {
  const own = Object.getOwnPropertyDescriptor(err, 'stack');
  if (own !== undefined && !own.configurable) return print();
  try {
    Object.defineProperty(err, 'stack', {
      value: Error.prototype.toString.call(err), writable: true, enumerable: false, configurable: true,
    });
  } catch {
    return print();
  }
  try {
    return print();
  } finally {
    if (own === undefined) delete err.stack;
    else Object.defineProperty(err, 'stack', own);
  }
}

const isObjectish = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';

// Keeps at most 47 lines of a long inspected value, marking the cut.
function clipLines(lines, c) {
  if (lines.length > kMaxLines) {
    lines.length = 46;
    lines.push(`${c.blue}...${c.white}`);
  }
  return lines;
}

// The message of a failed strictEqual / deepStrictEqual; a message the program gave takes
// the headline's place.
function diffMessage(actual, expected, operator, custom) {
  const c = palette();
  let other = '';
  let tail = '';
  let caret = '';
  let skipped = false;
  const actualText = inspectValue(actual);
  const actualLines = actualText.split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  const bothObjects = typeof actual === 'object' && actual !== null &&
    typeof expected === 'object' && expected !== null;
  if (operator === 'strictEqual' &&
      (bothObjects || (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }

  // One line each: short primitives print side by side; a longer pair may get a caret
  // under the first differing character.
  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const plainA = actualLines[0];
    const plainE = expectedLines[0];
    const width = plainA.length + plainE.length;
    if (width <= kShortPair) {
      const notObject = (v) => typeof v !== 'object' || v === null;
      if (notObject(actual) && notObject(expected) && (actual !== 0 || expected !== 0)) {
        return `${custom || headline[operator]}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (operator !== 'strictEqualObject') {
      const columns = process.stderr && process.stderr.isTTY ? process.stderr.columns : 80;
      if (width < columns) {
        let at = 0;
        while (plainA[at] === plainE[at]) at += 1;
        // A caret only helps when the values share a prefix longer than the quotes.
        if (at > 2) caret = `\n  ${' '.repeat(at)}^`;
      }
    }
  }

  // Identical closing lines are printed once at the end (at most three, then `...`).
  let commonTail = 0;
  while (actualLines.length > 0 && expectedLines.length > 0 &&
         actualLines[actualLines.length - 1] === expectedLines[expectedLines.length - 1]) {
    const line = actualLines.pop();
    expectedLines.pop();
    if (commonTail < 3) tail = `\n  ${line}${tail}`;
    else other = line;
    commonTail += 1;
  }
  const longest = Math.max(actualLines.length, expectedLines.length);
  if (longest === 0) {
    // Everything matched: the values print the same but are different objects.
    const lines = clipLines(actualText.split('\n'), c);
    return `${headline.notIdentical}\n\n${lines.join('\n')}\n`;
  }
  if (commonTail > 4) {
    tail = `\n${c.blue}...${c.white}${tail}`;
    skipped = true;
  }
  if (other !== '') {
    tail = `\n  ${other}${tail}`;
    other = '';
  }

  let printed = 0;
  let sameRun = 0;
  let body = '';
  const head = `${custom || headline[operator]}\n${c.green}+ actual${c.white} ${c.red}- expected${c.white}`;
  const skippedNote = ` ${c.blue}...${c.white} Lines skipped`;

  // The longer side supplies the lines past the end of the shorter one.
  let longer = actualLines;
  let sign = `${c.green}+${c.white}`;
  let shorterLength = expectedLines.length;
  if (actualLines.length < longest) {
    longer = expectedLines;
    sign = `${c.red}-${c.white}`;
    shorterLength = actualLines.length;
  }

  // After a run of equal lines, show its last two (three if that is all), `...` for more.
  const closeRun = (i) => {
    if (sameRun > 2) {
      if (sameRun > 3) {
        if (sameRun > 4) {
          if (sameRun === 5) {
            body += `\n  ${longer[i - 3]}`;
            printed += 1;
          } else {
            body += `\n${c.blue}...${c.white}`;
            skipped = true;
          }
        }
        body += `\n  ${longer[i - 2]}`;
        printed += 1;
      }
      body += `\n  ${longer[i - 1]}`;
      printed += 1;
    }
    sameRun = 0;
  };

  for (let i = 0; i < longest; i += 1) {
    if (i >= shorterLength) {
      closeRun(i);
      if (longer === actualLines) body += `\n${sign} ${longer[i]}`;
      else other += `\n${sign} ${longer[i]}`;
      printed += 1;
    } else {
      const expectedLine = expectedLines[i];
      let actualLine = actualLines[i];
      // A trailing comma alone does not make two lines differ.
      let differs = actualLine !== expectedLine &&
        (!actualLine.endsWith(',') || actualLine.slice(0, -1) !== expectedLine);
      if (differs && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
        differs = false;
        actualLine += ',';
      }
      if (differs) {
        closeRun(i);
        body += `\n${c.green}+${c.white} ${actualLine}`;
        other += `\n${c.red}-${c.white} ${expectedLine}`;
        printed += 2;
      } else {
        body += other;
        other = '';
        sameRun += 1;
        if (sameRun <= 2) {
          body += `\n  ${actualLine}`;
          printed += 1;
        }
      }
    }
    if (printed > kMaxLines && i < longest - 2) {
      return `${head}${skippedNote}\n${body}\n${c.blue}...${c.white}${other}\n${c.blue}...${c.white}`;
    }
  }
  return `${head}${skipped ? skippedNote : ''}\n${body}${other}${tail}${caret}`;
}

// The message of a failed notStrictEqual / notDeepStrictEqual: the value, once.
function sameValueMessage(actual, operator) {
  const c = palette();
  let lead = headline[operator];
  if (operator === 'notStrictEqual' && isObjectish(actual)) lead = headline.notStrictEqualObject;
  const lines = clipLines(inspectValue(actual).split('\n'), c);
  if (lines.length === 1) return `${lead}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
  return `${lead}\n\n${lines.join('\n')}\n`;
}

const clip = (text, max) => (text.length > max ? `${text.slice(0, max - 3)}...` : text);

// The message of the loose and custom operators (`==`, `deepEqual`, `fail`'s operator…).
function looseMessage(actual, expected, operator) {
  const c = palette();
  let left = inspectValue(actual);
  let right = inspectValue(expected);
  const lead = headline[operator];
  if (operator === 'notDeepEqual' && left === right) {
    return clip(`${lead}\n\n${left}`, 1024);
  }
  left = clip(left, 512);
  right = clip(right, 512);
  if (operator === 'deepEqual') {
    return `${lead}\n\n${left}\n\nshould loosely deep-equal\n\n${right}`;
  }
  const unequal = headline[`${operator}Unequal`];
  if (unequal !== undefined) {
    return `${unequal}\n\n${left}\n\nshould not loosely deep-equal\n\n${right}`;
  }
  return `${left} ${operator} ${right}`;
}

function generatedMessage(actual, expected, operator) {
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    return sameValueMessage(actual, operator);
  }
  return looseMessage(actual, expected, operator);
}

// How inspect shows a long string in the error's own properties.
function shorten(text) {
  const lines = text.split('\n', 11);
  if (lines.length > 10) return `${lines.slice(0, 10).join('\n')}\n...`;
  // node keeps what follows the first 512 characters (sic), then the ellipsis.
  if (text.length > 512) return `${text.slice(512)}...`;
  return text;
}

// The top frame is the call of the assertion (`startName`): put its column on the callee's
// name, where V8 puts it (QuickJS may point at an argument).
function placeTopFrame(stack, startName) {
  if (typeof stack !== 'string' || typeof internal.callColumn !== 'function') return stack;
  const lines = stack.split('\n');
  const at = lines.findIndex((l) => /^\s+at /.test(l));
  if (at === -1) return stack;
  const m = /^(\s+at (?:.*? \()?)(.+?):(\d+):(\d+)(\)?)$/.exec(lines[at]);
  if (m === null) return stack;
  let file = m[2];
  if (file.startsWith('file://')) {
    try {
      file = decodeURIComponent(file.slice(7));
    } catch {
      return stack;
    }
  }
  // `assert(x)` calls the function named `ok` (or `strict`) under the module's name.
  const names = startName === 'ok' || startName === 'strict' ? [startName, 'assert'] : [startName];
  let col = Number(m[4]);
  for (const name of names) {
    const placed = internal.callColumn(file, Number(m[3]), col, name);
    if (placed !== col) {
      col = placed;
      break;
    }
  }
  lines[at] = `${m[1]}${m[2]}:${m[3]}:${col}${m[5]}`;
  return lines.join('\n');
}

class AssertionError extends Error {
  constructor(options) {
    if (options === null || typeof options !== 'object') {
      throw errors.invalidArgType('options', 'Object', options);
    }
    const { message, actual, expected, operator, stackStartFn, details } = options;
    const saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    // The strict comparisons always show the diff, under the program's message if any.
    if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      super(diffMessage(actual, expected, operator, message ? String(message) : undefined));
    } else if (message != null) {
      super(String(message));
    } else {
      super(generatedMessage(actual, expected, operator));
    }
    Error.stackTraceLimit = saved;
    this.generatedMessage = !message;
    // The stack's header names the code, the name itself does not (node does the same).
    Object.defineProperty(this, 'name', {
      value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i += 1) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    const startFn = typeof stackStartFn === 'function' ? stackStartFn : AssertionError;
    Error.captureStackTrace(this, startFn);
    // Materialise the stack while the name still carries the code.
    this.stack = placeTopFrame(this.stack, startFn.name);
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](depth, options) {
    const { actual, expected } = this;
    if (typeof actual === 'string') this.actual = shorten(actual);
    if (typeof expected === 'string') this.expected = shorten(expected);
    try {
      return inspect(this, { ...options, customInspect: false, depth: 0 });
    } finally {
      this.actual = actual;
      this.expected = expected;
    }
  }
}

module.exports = { AssertionError, inspectValue };
