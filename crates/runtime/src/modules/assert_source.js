// The source text of the call that made `assert.ok` fail, for node's
// "The expression evaluated to a falsy value:\n\n  assert.ok(x)\n" message. Node finds the
// call from the stack frame's file, line and column and re-parses the file; nrt does the
// same with a small scanner: from the callee name the frame points at, back over the
// member chain (`assert.strict.ok`) and forward to the closing parenthesis.
'use strict';

const identChar = /[\p{ID_Continue}$\u200c\u200d]/u;

// [file, line, column] of the first frame with a location above `fn`.
function callerLocation(fn) {
  const holder = {};
  Error.captureStackTrace(holder, fn);
  const stack = holder.stack;
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n').slice(1)) {
    const m = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (m !== null) return [m[1], Number(m[2]), Number(m[3])];
  }
  return undefined;
}

function readSource(file) {
  let path = file;
  if (path.startsWith('file://')) {
    try {
      path = decodeURIComponent(path.slice(7));
    } catch {
      return undefined;
    }
  }
  if (!path.startsWith('/')) return undefined;
  const cached = internal.sourceCache && internal.sourceCache.get(path);
  if (typeof cached === 'string') return cached;
  if (Array.isArray(cached)) return cached.join('\n');
  try {
    return internal.requireBuiltin('fs').readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

// Index just past the bracket group that opens at `open`, skipping strings, templates and
// comments; -1 if it never closes.
function skipGroup(src, open) {
  const closers = { '(': ')', '[': ']', '{': '}' };
  const stack = [closers[src[open]]];
  let i = open + 1;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      i = skipString(src, i);
      if (i === -1) return -1;
      continue;
    }
    if (ch === '/' && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i);
      i = nl === -1 ? src.length : nl;
      continue;
    }
    if (ch === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end === -1) return -1;
      i = end + 2;
      continue;
    }
    if (closers[ch] !== undefined) {
      stack.push(closers[ch]);
    } else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
    i += 1;
  }
  return -1;
}

function skipString(src, start) {
  const quote = src[start];
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) return i + 1;
    if (quote === '`' && ch === '$' && src[i + 1] === '{') {
      const end = skipGroup(src, i + 1);
      if (end === -1) return -1;
      i = end;
      continue;
    }
    if (ch === '\n' && quote !== '`') return -1;
    i += 1;
  }
  return -1;
}

// Index of the bracket that opens the group closing at `close`, scanning backwards
// (quotes inside a callee chain are rare; they are not skipped).
function groupStart(src, close) {
  let depth = 0;
  for (let i = close; i >= 0; i -= 1) {
    const ch = src[i];
    if (ch === ')' || ch === ']') depth += 1;
    if (ch === '(' || ch === '[') depth -= 1;
    if (depth === 0) return i;
  }
  return -1;
}

const skipSpaceBack = (src, i) => {
  while (i > 0 && /\s/.test(src[i - 1])) i -= 1;
  return i;
};

// Start of the callee whose last name begins at `at`: walks back over `.name`, `?.name`,
// calls and index groups.
function calleeStart(src, at) {
  let start = at;
  for (;;) {
    let i = skipSpaceBack(src, start);
    if (src[i - 1] !== '.') return start;
    i -= 1;
    if (src[i - 1] === '?') i -= 1;
    i = skipSpaceBack(src, i);
    let operandStart = i;
    while (src[operandStart - 1] === ')' || src[operandStart - 1] === ']') {
      const open = groupStart(src, operandStart - 1);
      if (open === -1) return start;
      operandStart = skipSpaceBack(src, open);
    }
    while (operandStart > 0 && identChar.test(src[operandStart - 1])) operandStart -= 1;
    if (operandStart === i) return start;
    start = operandStart;
  }
}

// Where a `/` starts a regular expression rather than a division: after an operator,
// an opening bracket, a separator or a keyword.
function startsRegExp(src, i) {
  let j = i;
  while (j > 0 && /\s/.test(src[j - 1])) j -= 1;
  if (j === 0) return true;
  const before = src[j - 1];
  if ('(,=:[!&|?{};+-*%<>~^'.includes(before)) return true;
  const word = /[A-Za-z_$][\w$]*$/.exec(src.slice(Math.max(0, j - 12), j));
  return word !== null && ['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'void', 'yield', 'await'].includes(word[0]);
}

function skipRegExp(src, start) {
  let i = start + 1;
  let inClass = false;
  while (i < src.length && src[i] !== '\n') {
    const ch = src[i];
    if (ch === '\\') i += 1;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) return i + 1;
    i += 1;
  }
  return start + 1;
}

// Every call expression `callee(...)` of the file as [start, end] source ranges.
function callRanges(src) {
  const ranges = [];
  const open = []; // [bracket index, callee start or -1]
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      if (ch === '`') {
        // Template substitutions may hold calls: treat `${` as a bracket.
        i += 1;
        while (i < src.length && src[i] !== '`') {
          if (src[i] === '\\') i += 1;
          else if (src[i] === '$' && src[i + 1] === '{') {
            const end = skipGroup(src, i + 1);
            if (end === -1) return ranges;
            for (const r of callRanges(src.slice(i + 2, end - 1))) ranges.push([r[0] + i + 2, r[1] + i + 2]);
            i = end - 1;
          }
          i += 1;
        }
        i += 1;
      } else {
        const end = skipString(src, i);
        i = end === -1 ? i + 1 : end;
      }
      continue;
    }
    if (ch === '/' && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i);
      i = nl === -1 ? src.length : nl;
      continue;
    }
    if (ch === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? src.length : end + 2;
      continue;
    }
    if (ch === '/' && startsRegExp(src, i)) {
      i = skipRegExp(src, i);
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      let callee = -1;
      if (ch === '(') {
        const j = skipSpaceBack(src, i);
        const prev = src[j - 1];
        if (prev !== undefined && (identChar.test(prev) || prev === ')' || prev === ']')) {
          let nameStart = j;
          while (nameStart > 0 && identChar.test(src[nameStart - 1])) nameStart -= 1;
          const word = src.slice(nameStart, j);
          if (!/^(if|for|while|switch|catch|function|return|typeof|await|yield|in|of|new|do|else|void|delete)$/.test(word)) {
            if (nameStart === j) {
              // `f()(x)` or `a[0](x)`: the callee ends with a bracket group.
              const opener = groupStart(src, j - 1);
              callee = opener === -1 ? -1 : calleeStart(src, skipSpaceBack(src, opener));
              if (callee !== -1) {
                let k = callee;
                while (k > 0 && identChar.test(src[k - 1])) k -= 1;
                callee = k;
              }
            } else {
              callee = calleeStart(src, nameStart);
            }
          }
        }
      }
      open.push([i, callee]);
    } else if (ch === ')' || ch === ']' || ch === '}') {
      const top = open.pop();
      if (top !== undefined && top[1] !== -1 && ch === ')') ranges.push([top[1], i + 1]);
    }
    i += 1;
  }
  return ranges;
}

// Whether a callee names the assertion (`assert`, `ok`, `strict`, or a chain holding one).
const namesAssertion = (callee) => /(?:^|[^\w$])(?:assert|ok|strict)(?:[^\w$]|$)/i.test(callee);

function callSiteSource(fn) {
  const where = callerLocation(fn);
  if (where === undefined) return undefined;
  const [file, line, column] = where;
  const src = readSource(file);
  if (src === undefined) return undefined;
  const lines = src.split('\n');
  if (line < 1 || line > lines.length) return undefined;
  let at = column - 1;
  for (let i = 0; i < line - 1; i += 1) at += lines[i].length + 1;
  // QuickJS's frame position may sit anywhere in the call (its callee, an argument):
  // take the calls around it, innermost first, and prefer one whose callee names assert.
  const around = callRanges(src)
    .filter(([start, end]) => start <= at && at < end)
    .sort((x, y) => (x[1] - x[0]) - (y[1] - y[0]));
  if (around.length === 0) return undefined;
  const [start, end] = around.find(([s, e]) => namesAssertion(src.slice(s, src.indexOf('(', s) === -1 ? e : src.indexOf('(', s)))) ||
    around[0];
  const code = src.slice(start, end);
  // Later lines lose the indentation of the call's first line, as node prints them.
  const startColumn = start - src.lastIndexOf('\n', start - 1) - 1;
  const [first, ...rest] = code.split('\n');
  let text = first;
  for (const more of rest) {
    let cut = 0;
    while (cut < startColumn && (more[cut] === ' ' || more[cut] === '\t')) cut += 1;
    text += `\n  ${more.slice(cut)}`;
  }
  return text;
}

module.exports = { callSiteSource };
