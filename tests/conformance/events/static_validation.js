const EE = require('events'); const e = new EE();
for (const o of [{ highWaterMark: 'a' }, { highWaterMark: 0 }, { lowWaterMark: -1 }, { highWaterMark: 1.5 }, { close: 'end' }, { close: [1] }, 5]) {
  try { EE.on(e, 'x', o).return(); console.log('ok', o); } catch (err) { console.log(err.code, err.message); }
}
try { EE.on({}, 'x'); } catch (err) { console.log(err.code, err.message); }
EE.once({}, 'x').catch((err) => console.log('once', err.code, err.message));
try { EE.addAbortListener(); } catch (err) { console.log(err.code, err.message); }
try { EE.addAbortListener({}, () => {}); } catch (err) { console.log(err.code, err.message); }
try { EE.addAbortListener(new AbortController().signal, 1); } catch (err) { console.log(err.code, err.message); }
const ac = new AbortController(); const d = EE.addAbortListener(ac.signal, () => console.log('aborted!'));
console.log(typeof d[Symbol.dispose], Object.getPrototypeOf(d)); ac.abort();
const ac2 = new AbortController(); const d2 = EE.addAbortListener(ac2.signal, () => console.log('never')); d2[Symbol.dispose](); ac2.abort();
const ac3 = new AbortController(); ac3.abort(); EE.addAbortListener(ac3.signal, () => console.log('already aborted, async')); console.log('sync end');
