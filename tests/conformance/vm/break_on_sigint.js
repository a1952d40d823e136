// breakOnSigint: a SIGINT during the run stops it with ERR_SCRIPT_EXECUTION_INTERRUPTED;
// process 'SIGINT' listeners get nothing meanwhile and work again afterwards.
const vm = require('vm');

function report(f) {
  try {
    console.log('returned', f());
  } catch (e) {
    console.log(e.name, e.code, e.message, Object.keys(e), e.stack.split('\n')[0]);
  }
}

report(() => vm.runInThisContext('process.kill(process.pid, "SIGINT"); for (;;) {}', { breakOnSigint: true }));
report(() => vm.runInNewContext('kill(); for (;;) {}', { kill: () => process.kill(process.pid, 'SIGINT') }, { breakOnSigint: true }));
report(() => new vm.Script('"no signal"').runInThisContext({ breakOnSigint: true }));

process.on('SIGINT', () => {
  console.log('listener');
  process.exit(0);
});
report(() => vm.runInThisContext('process.kill(process.pid, "SIGINT"); for (;;) {}', { breakOnSigint: true }));
process.kill(process.pid, 'SIGINT');
setTimeout(() => console.log('not reached'), 5000);
