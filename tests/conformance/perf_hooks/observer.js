// PerformanceObserver: entries reach the callback after the synchronous code (looked at
// from a later timer, as node's exact delivery turn is not specified), takeRecords,
// buffered, disconnect, errors, timerify.
const { performance, PerformanceObserver } = require('perf_hooks');
const log = [];
const obs = new PerformanceObserver((list, observer) => {
  log.push(`observer ${observer === obs} ${list.getEntries().map((e) => `${e.entryType}:${e.name}`).join(' ')}`);
  log.push(`byType ${list.getEntriesByType('measure').length} byName ${list.getEntriesByName('m1').length}`);
});
obs.observe({ entryTypes: ['mark', 'measure'] });
performance.mark('m1');
performance.mark('m2');
performance.measure('between', 'm1', 'm2');
console.log('sync end', log.length);
const other = new PerformanceObserver(() => log.push('other called'));
other.observe({ type: 'mark' });
performance.mark('x');
console.log('taken', other.takeRecords().map((e) => e.name).join(','));
other.disconnect();
const buffered = new PerformanceObserver((list) => {
  log.push(`buffered ${list.getEntries().map((e) => e.name).join(',')}`);
  buffered.disconnect();
});
buffered.observe({ type: 'mark', buffered: true });
// Waits (bounded) for a condition; delivery order against timers is not specified.
function waitFor(cond, then, tries = 400) {
  if (cond() || tries === 0) then();
  else setTimeout(() => waitFor(cond, then, tries - 1), 5);
}
waitFor(() => log.some((l) => l.startsWith('buffered')) && log.some((l) => l.startsWith('observer')), () => {
  console.log(log.join('\n'));
  log.length = 0;
  obs.disconnect();
  // A second observer shows when the mark has been delivered.
  let probed = false;
  const probe = new PerformanceObserver(() => { probed = true; probe.disconnect(); });
  probe.observe({ type: 'mark' });
  performance.mark('after disconnect');
  waitFor(() => probed, () => console.log('after disconnect', probed, log.length));
});
function t(label, f) {
  try {
    f();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('no callback', () => new PerformanceObserver());
t('no options', () => new PerformanceObserver(() => {}).observe());
t('both', () => new PerformanceObserver(() => {}).observe({ entryTypes: ['mark'], type: 'mark' }));
const timed = performance.timerify(function double(n) { return n * 2; });
console.log(timed.name, timed.length, timed(21));
