// assert.CallTracker: calls, getCalls, report, reset, verify and their errors.
process.noDeprecation = true; // DEP0173 names the pid
const assert = require('assert');
const tracker = new assert.CallTracker();
function foo(a) { return a * 2; }
const callsfoo = tracker.calls(foo, 2);
const noop = tracker.calls();
console.log(callsfoo(3), callsfoo.name, callsfoo.length, noop.name, noop());
console.log(tracker.getCalls(callsfoo));
console.log(JSON.stringify(tracker.report(), (k, v) => typeof v === 'function' ? `fn ${v.name}` : v));
try { tracker.verify(); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message), e.operator); }
callsfoo(1);
noop();
try { tracker.verify(); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
const two = tracker.calls(() => {}, 1); 
try { tracker.verify(); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
tracker.reset(two);
console.log(tracker.report().length);
tracker.reset();
console.log(tracker.getCalls(callsfoo));
try { tracker.getCalls(foo) } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
try { tracker.calls(foo, 'x') } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
try { tracker.calls(foo, 0.5) } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
try { tracker.calls(1) } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
try { tracker.reset(foo) } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
const t2 = new assert.CallTracker(); const f = t2.calls(function named() {}, 3); f(1, 2); f('x');
console.log(t2.report()[0].message, t2.report()[0].stack instanceof Error);
try { t2.verify(); } catch (e) { console.log(JSON.stringify(e.message)); }
try { t2.calls(0); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); }
try { t2.verify(); } catch (e) { console.log(JSON.stringify(e.message)); }
console.log(assert.CallTracker.name);
const t3 = new assert.CallTracker();
const ctor = t3.calls(class Point { constructor(x) { this.x = x; } });
console.log(new ctor(1).x, t3.getCalls(ctor).length);
const m = t3.calls(function method(a) { return this.k + a; }, 2);
console.log(m.call({ k: 1 }, 2), t3.getCalls(m)[0].thisArg, t3.getCalls(m)[0].arguments);
try { t3.verify(); } catch (e) { console.log(Object.keys(e), e.actual, e['operator 0'], e['message 0']); }
