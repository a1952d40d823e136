// perf_hooks: the timeline API (shapes and errors; never timing values).
const ph = require('perf_hooks');
const { performance, PerformanceObserver, PerformanceMark, PerformanceEntry } = ph;
console.log(Object.keys(ph).join(','));
console.log(ph.performance === globalThis.performance, String(performance));
const t0 = performance.now();
console.log(typeof t0, t0 > 0, performance.now() >= t0);
console.log(typeof performance.timeOrigin, Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 1000);
const a = performance.mark('a', { detail: { x: [1, 2] } });
console.log(a instanceof PerformanceMark, a instanceof PerformanceEntry, Object.keys(a).length, a.name, a.entryType, a.duration, a.detail);
console.log(Object.keys(a.toJSON()).join(','), Object.prototype.toString.call(a));
const b = performance.mark('b', { startTime: a.startTime + 5 });
console.log((b.startTime - a.startTime).toFixed(3));
const m = performance.measure('a-b', 'a', 'b');
console.log(m.entryType, m.duration.toFixed(3), m.detail, Object.keys(m.toJSON()).join(','));
const m2 = performance.measure('opt', { start: 'a', duration: 7, detail: 'd' });
console.log(m2.duration, m2.startTime === a.startTime, m2.detail);
const m3 = performance.measure('end', { end: 'b', duration: 2 });
console.log(m3.startTime === b.startTime - 2);
const m4 = performance.measure('num', 1, 3);
console.log(m4.startTime, m4.duration);
const m5 = performance.measure('from0');
console.log(m5.startTime, m5.duration > 0);
console.log(performance.getEntries().map((e) => `${e.entryType}:${e.name}`).join(' '));
console.log(performance.getEntriesByType('mark').length, performance.getEntriesByType('measure').length, performance.getEntriesByType('nope').length);
console.log(performance.getEntriesByName('a').length, performance.getEntriesByName('a', 'measure').length);
console.log(new PerformanceMark('free', { startTime: 3 }).startTime, performance.getEntriesByName('free').length);
performance.clearMarks('a');
console.log(performance.getEntriesByType('mark').map((e) => e.name).join(','));
performance.clearMarks();
performance.clearMeasures('opt');
console.log(performance.getEntries().map((e) => e.name).join(','));
performance.clearMeasures();
console.log(performance.getEntries().length);
function t(label, f) {
  try {
    f();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('mark no name', () => performance.mark());
t('measure no name', () => performance.measure());
t('mark negative', () => performance.mark('x', { startTime: -1 }));
t('mark startTime str', () => performance.mark('x', { startTime: 'a' }));
t('mark options', () => performance.mark('x', 5));
t('measure unknown', () => performance.measure('x', 'zz'));
t('measure all three', () => performance.measure('q', { start: 1, end: 2, duration: 1 }));
t('entry ctor', () => new PerformanceEntry());
t('byType none', () => performance.getEntriesByType());
const json = performance.toJSON();
console.log(Object.keys(json).join(','), Object.keys(json.eventLoopUtilization).join(','), json.nodeTiming.name);
console.log(Object.keys(performance.nodeTiming).join(','));
const nt = performance.nodeTiming;
console.log(nt.entryType, nt.startTime, nt.loopStart, nt.loopExit, nt.duration > 0, Object.keys(nt.toJSON()).join(','));
console.log(JSON.stringify(performance.eventLoopUtilization()));
setTimeout(() => {
  const elu = performance.eventLoopUtilization();
  console.log(Object.keys(elu).join(','), elu.idle >= 0, elu.active >= 0, elu.utilization >= 0 && elu.utilization <= 1);
  const d = performance.eventLoopUtilization(elu);
  console.log(typeof d.utilization, performance.nodeTiming.loopStart > 0);
}, 20);
console.log(Object.keys(ph.constants).length, ph.constants.NODE_PERFORMANCE_GC_MAJOR);
console.log(PerformanceObserver.supportedEntryTypes.join(','));
