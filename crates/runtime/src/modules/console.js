// The global console (lib/internal/console/constructor.js): util.format/inspect output,
// written synchronously to fd 1 / fd 2 so process.exit() never loses a line.
'use strict';

// util (and inspect) load on the first non-string argument: printing strings needs neither.
const inspect = (...a) => require('util').inspect(...a);
const formatWithOptions = (...a) => require('util').formatWithOptions(...a);
function plainStrings(args) {
  for (let i = 0; i < args.length; i++) if (typeof args[i] !== 'string') return false;
  return args.length < 2 || !args[0].includes('%');
}
const pb = internal.natives.process;
const kCounts = Symbol('counts');
const kGroupIndent = Symbol('kGroupIndent');

function Console(options, stderr, ignoreErrors) {
  if (!new.target) return Reflect.construct(Console, arguments);
  initConsole(this, options, stderr, ignoreErrors);
  for (const key of Object.keys(Console.prototype)) {
    this[key] = Console.prototype[key].bind(this);
    Object.defineProperty(this[key], 'name', { value: key });
  }
}

function initConsole(self, options, stderr, ignoreErrors) {
  if (options && typeof options.write === 'function') {
    options = { stdout: options, stderr, ignoreErrors };
  }
  const { stdout, stderr: err = stdout, inspectOptions, groupIndentation = 2 } = options || {};
  if (!stdout || typeof stdout.write !== 'function') {
    throw internal.errors.invalidArgType('stdout', 'Writable', stdout);
  }
  self._stdout = stdout;
  self._stderr = err;
  self._inspectOptions = inspectOptions;
  if (typeof groupIndentation !== 'number') {
    throw internal.errors.invalidArgType('groupIndentation', 'number', groupIndentation);
  }
  if (!Number.isInteger(groupIndentation)) {
    throw internal.errors.outOfRange('groupIndentation', 'an integer', groupIndentation);
  }
  if (groupIndentation < 0 || groupIndentation > 1000) {
    throw internal.errors.outOfRange('groupIndentation', '>= 0 && <= 1000', groupIndentation);
  }
  self._groupIndentation = groupIndentation;
  self[kCounts] = new Map();
  // node's name for the console.time() table; tests and tools read it.
  Object.defineProperty(self, '_times', { value: new Map(), writable: true, enumerable: false, configurable: true });
  self[kGroupIndent] = '';
}

// node colors console output on a color terminal (unless NO_COLOR/NODE_DISABLE_COLORS).
const colorCache = [undefined, undefined];
function useColors(fd) {
  if (colorCache[fd - 1] === undefined) {
    const env = process.env;
    const force = env.FORCE_COLOR;
    let on;
    if (force !== undefined) on = force !== '0' && force !== 'false';
    else on = pb.isatty(fd) && env.NO_COLOR === undefined && env.NODE_DISABLE_COLORS === undefined &&
      env.TERM !== 'dumb';
    colorCache[fd - 1] = on;
  }
  return colorCache[fd - 1];
}

function write(con, toErr, args) {
  let opts = con._inspectOptions;
  if (con._global && opts === undefined && useColors(toErr ? 2 : 1)) opts = { colors: true };
  let s;
  if (plainStrings(args)) s = args.join(' ');
  else s = opts ? formatWithOptions(opts, ...args) : internal.format(...args);
  const indent = con[kGroupIndent];
  if (indent.length !== 0) {
    if (s.includes('\n')) s = s.replace(/\n/g, `\n${indent}`);
    s = indent + s;
  }
  s += '\n';
  if (con._global) {
    // Through the stream's write, as node's console: code that patches
    // process.stdout.write sees console output too. Until the program touches the stream
    // it does not exist, and the bytes go straight to the descriptor (same effect, no
    // stream set-up in a hello world).
    internal.stdioWrite(toErr ? 2 : 1, s);
  } else {
    (toErr ? con._stderr : con._stdout).write(s);
  }
}

const tableChars = {
  middleMiddle: '─', rowMiddle: '┼', topRight: '┐', topLeft: '┌', leftMiddle: '├',
  topMiddle: '┬', bottomRight: '┘', bottomLeft: '└', bottomMiddle: '┴', rightMiddle: '┤',
  left: '│ ', right: ' │', middle: ' │ ',
};
function stringWidth(s) {
  return s.length;
}
function renderRow(row, columnWidths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    out += cell + ' '.repeat(columnWidths[i] - stringWidth(cell));
    if (i !== row.length - 1) out += tableChars.middle;
  }
  out += tableChars.right;
  return out;
}
function renderTable(head, columns) {
  const rows = [];
  const columnWidths = head.map((h) => stringWidth(h));
  const longestColumn = Math.max(...columns.map((a) => a.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      columnWidths[i] = Math.max(columnWidths[i] || 0, stringWidth(value));
    }
  }
  const divider = columnWidths.map((i) => tableChars.middleMiddle.repeat(i + 2));
  let result = `${tableChars.topLeft}${divider.join(tableChars.topMiddle)}${tableChars.topRight}\n` +
    `${renderRow(head, columnWidths)}\n` +
    `${tableChars.leftMiddle}${divider.join(tableChars.rowMiddle)}${tableChars.rightMiddle}\n`;
  for (const row of rows) result += `${renderRow(row, columnWidths)}\n`;
  result += `${tableChars.bottomLeft}${divider.join(tableChars.bottomMiddle)}${tableChars.bottomRight}`;
  return result;
}

function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms = ms % 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms = ms % 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    ({ 0: seconds, 1: ms } = seconds.toFixed(3).split('.'));
    const res = hours !== 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : minutes;
    return `${res}:${String(seconds).padStart(2, '0')}.${ms} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

Console.prototype = {
  log(...args) { write(this, false, args); },
  info(...args) { write(this, false, args); },
  debug(...args) { write(this, false, args); },
  warn(...args) { write(this, true, args); },
  error(...args) { write(this, true, args); },
  dir(object, options) {
    write(this, false, [inspect(object, { customInspect: false, ...this._inspectOptions, ...options })]);
  },
  dirxml(...args) { write(this, false, args); },
  trace(...args) {
    const err = { name: 'Trace', message: internal.format(...args) };
    Error.captureStackTrace(err, this.trace);
    write(this, true, [err.stack]);
  },
  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      write(this, true, args);
    }
  },
  // On a terminal: cursor to the top left, then clear the screen below (node's bytes).
  clear() {
    const out = this._global ? process.stdout : this._stdout;
    if (!out.isTTY || process.env.TERM === 'dumb') return;
    if (this._global) internal.stdioWrite(1, '\x1b[1;1H\x1b[0J');
    else out.write('\x1b[1;1H\x1b[0J');
  },
  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    write(this, false, [`${label}: ${count}`]);
  },
  countReset(label = 'default') {
    label = `${label}`;
    if (!this[kCounts].has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    this[kCounts].delete(label);
  },
  group(...data) {
    if (data.length > 0) write(this, false, data);
    this[kGroupIndent] += ' '.repeat(this._groupIndentation);
  },
  groupCollapsed(...data) {
    this.group(...data);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this._groupIndentation);
  },
  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, performance.now());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this._times.delete(label);
  },
  timeLog(label = 'default', ...data) {
    timeLogImpl(this, 'timeLog', `${label}`, data);
  },
  table(tabularData, properties) {
    if (properties !== undefined && !Array.isArray(properties)) {
      throw internal.errors.invalidArgType('properties', 'Array', properties);
    }
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    const final = (k, v) => this.log(renderTable(k, v));
    const _inspect = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
      return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity, ...this._inspectOptions });
    };
    const getIndexArray = (length) => Array.from({ length }, (_, i) => _inspect(i));
    if (tabularData instanceof Map) {
      const keys = [];
      const values = [];
      let length = 0;
      for (const { 0: k, 1: v } of tabularData) {
        keys.push(_inspect(k));
        values.push(_inspect(v));
        length++;
      }
      return final(['(iteration index)', 'Key', 'Values'], [getIndexArray(length), keys, values]);
    }
    if (tabularData instanceof Set) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(_inspect(v));
        length++;
      }
      return final(['(iteration index)', 'Values'], [getIndexArray(length), values]);
    }
    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);
    for (let i = 0; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = _inspect(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          map[key] ??= [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) map[key][i] = '';
          else map[key][i] = _inspect(item[key]);
        }
      }
    }
    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push('Values');
      values.push(valuesKeyArray);
    }
    keys.unshift('(index)');
    values.unshift(indexKeyArray);
    return final(keys, values);
  },
  profile() {},
  profileEnd() {},
  timeStamp() {},
};
Object.defineProperty(Console.prototype, 'constructor', { value: Console, enumerable: false, writable: true, configurable: true });

function timeLogImpl(con, name, label, data) {
  const time = con._times.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const duration = performance.now() - time;
  const formatted = formatTime(duration);
  if (data === undefined) write(con, false, [`${label}: ${formatted}`]);
  else write(con, false, [`${label}: ${formatted}`, ...data]);
  return true;
}

const globalConsole = Object.create({});
initConsole(globalConsole, { stdout: { write: (s) => pb.write(1, s) }, stderr: { write: (s) => pb.write(2, s) } });
globalConsole._global = true;
for (const key of Object.keys(Console.prototype)) {
  globalConsole[key] = Console.prototype[key].bind(globalConsole);
  Object.defineProperty(globalConsole[key], 'name', { value: key });
}
for (const key of ['_stdout', '_stderr', '_inspectOptions', '_groupIndentation', '_global']) {
  Object.defineProperty(globalConsole, key, { enumerable: false, writable: true, value: globalConsole[key] });
}
globalConsole.Console = Console;
Object.defineProperty(globalConsole, Symbol.toStringTag, { value: 'console', writable: false, enumerable: false, configurable: true });
Object.defineProperty(globalConsole, 'Console', { enumerable: false });
module.exports = globalConsole;
