for (const fn of [setTimeout, setInterval, setImmediate]) {
  try { fn('not a function'); } catch (e) { console.log(e.code, e.name, e.message); }
}
try { process.nextTick(42); } catch (e) { console.log(e.code, e.message); }
try { queueMicrotask({}); } catch (e) { console.log(e.code, e.message); }
