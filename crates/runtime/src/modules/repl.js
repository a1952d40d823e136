// A line-based REPL for `nrt` on a terminal (node's starts one there): evaluates each
// entry in the global scope and prints the result as node's REPL does. No completion,
// history or editing beyond the terminal's own line discipline.
'use strict';

const { inspect } = require('util');
const mb = internal.natives.module;

// More openers than closers outside strings and comments: the entry continues.
function unbalanced(code) {
  let depth = 0;
  let quote = null;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '/' && code[i + 1] === '/') {
      const nl = code.indexOf('\n', i);
      if (nl === -1) break;
      i = nl;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
  }
  return depth > 0 || quote === '`';
}

module.exports = function startRepl() {
  const out = (s) => process.stdout.write(s);
  out(`Welcome to Node.js ${process.version}.\nType ".help" for more information.\n`);
  let pending = '';
  let counter = 0;
  const prompt = () => out(pending ? '... ' : '> ');
  globalThis.require = require('module').createRequire(`${process.cwd()}/[repl]`);
  globalThis.module = { exports: {}, id: '<repl>' };
  globalThis.exports = globalThis.module.exports;
  prompt();
  let buffered = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      handle(line);
    }
  });
  process.stdin.on('end', () => {
    out('\n');
    process.exit(0);
  });
  function handle(line) {
    const trimmed = line.trim();
    if (!pending && trimmed.startsWith('.')) {
      if (trimmed === '.exit') process.exit(0);
      if (trimmed === '.help') {
        out('.break     Sometimes you get stuck, this gets you out\n.exit      Exit the REPL\n.help      Print this help message\n');
      } else if (trimmed === '.break') {
        pending = '';
      } else {
        out('Invalid REPL keyword\n');
      }
      prompt();
      return;
    }
    const code = pending ? `${pending}\n${line}` : line;
    if (code.trim() === '') {
      prompt();
      return;
    }
    let result;
    try {
      // An object literal at the start is an expression in node's REPL.
      const src = /^\s*\{/.test(code) && !/;\s*$/.test(code) ? `(${code})` : code;
      result = mb.runScript(src, `REPL${++counter}`);
    } catch (err) {
      if (err instanceof SyntaxError && (/end of input/.test(err.message) || unbalanced(code))) {
        pending = code;
        prompt();
        return;
      }
      pending = '';
      const shown = err instanceof Error ? (err.stack || String(err)) : inspect(err);
      out(`Uncaught ${shown.split('\n    at ')[0]}\n`);
      prompt();
      return;
    }
    pending = '';
    globalThis._ = result;
    out(`${inspect(result, { colors: process.stdout.isTTY })}\n`);
    prompt();
  }
};
