// An interval is re-armed after its callback returns, behind a timer of the same duration
// armed by that callback; clearInterval inside the callback stops it and destroys it.
const log = [];
let first = true;
const a = setInterval(() => {
  log.push('a');
  if (first) {
    first = false;
    setTimeout(() => log.push('c (armed by a)'), 5);
  } else {
    clearInterval(a);
    setImmediate(() => {
      log.push(`a destroyed: ${a._destroyed}, idleTimeout: ${a._idleTimeout}`);
      console.log(log.join('\n'));
    });
  }
}, 5);
setTimeout(() => log.push('b'), 5);
