performance.mark('a');
for (let i = 0; i < 1e5; i++);
performance.mark('b', { detail: { x: 1 } });
const m = performance.measure('a-b', 'a', 'b');
console.log(m.name, m.entryType, m.duration >= 0, typeof m.startTime);
console.log(performance.getEntriesByType('mark').map((e) => e.name), performance.getEntriesByName('b')[0].detail);
performance.clearMarks('a');
console.log(performance.getEntries().map((e) => `${e.entryType}:${e.name}`));
try { performance.measure('x', 'nope'); } catch (e) { console.log(e.name); }
console.log(m instanceof PerformanceEntry, typeof PerformanceMark);
