// The default warning printer writes through process.stderr.write (a patched write
// sees it), before 'warning' listeners added later run.
'use strict';
const seen = [];
const write = process.stderr.write;
process.stderr.write = function (data) {
  seen.push(String(data).split('\n')[0].replace(/\(\w+:\d+\)/, '(PID)'));
  return true;
};
process.on('warning', (w) => {
  process.stderr.write = write;
  console.log('listener', w.name, seen);
});
process.emitWarning('careful', 'CustomWarning', 'X1');
