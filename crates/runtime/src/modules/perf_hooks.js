// Node's perf_hooks: the performance timeline of performance.js (the same `performance`
// object as the global). Histograms are not built in.
'use strict';

const perf = internal.perf;
const { errors } = internal;

module.exports = {
  Performance: perf.Performance,
  PerformanceEntry: perf.PerformanceEntry,
  PerformanceMark: perf.PerformanceMark,
  PerformanceMeasure: perf.PerformanceMeasure,
  PerformanceObserver: perf.PerformanceObserver,
  PerformanceObserverEntryList: perf.PerformanceObserverEntryList,
  PerformanceResourceTiming: perf.PerformanceResourceTiming,
  monitorEventLoopDelay() { throw errors.notImplemented('perf_hooks.monitorEventLoopDelay'); },
  createHistogram() { throw errors.notImplemented('perf_hooks.createHistogram'); },
  performance: perf.performance,
  constants: perf.constants,
};
