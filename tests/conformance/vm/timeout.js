// `timeout` stops a run with ERR_SCRIPT_EXECUTION_TIMEOUT, which the code cannot catch.
const vm = require('vm');

function report(f) {
  try {
    console.log('returned', f());
  } catch (e) {
    console.log(e.name, e.code, e.message, Object.keys(e), e.stack.split('\n')[0]);
  }
}

report(() => vm.runInThisContext('let i = 0; while (true) i++', { timeout: 20 }));
report(() => vm.runInNewContext('for (;;) {}', {}, { timeout: 20 }));
report(() => vm.runInThisContext('try { for (;;) {} } catch (e) { "caught" }', { timeout: 20 }));
report(() => new vm.Script('for (;;) {}').runInContext(vm.createContext(), { timeout: 15 }));
report(() => vm.runInThisContext('1 + 1', { timeout: 1000 }));

// Timeouts nest: the inner one reports to its own caller, the outer one to the outside.
const ctx = vm.createContext({ vm });
report(() => vm.runInContext(`
  let code;
  try { vm.runInNewContext('for (;;) {}', {}, { timeout: 10 }); } catch (e) { code = e.code; }
  code`, ctx, { timeout: 5000 }));
report(() => vm.runInContext('vm.runInNewContext("for (;;) {}", {}, { timeout: 5000 })', ctx, { timeout: 30 }));

// With microtaskMode 'afterEvaluate' the context's promise jobs run before the call
// returns, under the same timeout.
const after = vm.createContext({ log: [] }, { microtaskMode: 'afterEvaluate' });
vm.runInContext('Promise.resolve().then(() => log.push("job"))', after);
console.log(after.log);
const before = vm.createContext({ log: [] });
vm.runInContext('Promise.resolve().then(() => log.push("job"))', before);
console.log(before.log);
report(() => vm.runInContext('Promise.resolve().then(() => { for (;;) {} }); "queued"',
  vm.createContext({}, { microtaskMode: 'afterEvaluate' }), { timeout: 20 }));
Promise.resolve().then(() => console.log('later', before.log));

for (const timeout of [0, -1, 1.5, 2 ** 32, '10', null]) {
  report(() => vm.runInThisContext('1', { timeout }));
}
