const ac = new AbortController();
console.log(ac.signal.aborted, ac.signal.reason);
ac.signal.addEventListener('abort', (ev) => console.log('abort event', ev.type, ac.signal.aborted));
ac.signal.onabort = () => console.log('onabort');
ac.abort();
console.log(ac.signal.reason.name, ac.signal.reason.message);
ac.abort();
const s = AbortSignal.abort('why');
console.log(s.aborted, s.reason);
try { s.throwIfAborted(); } catch (e) { console.log('threw', e); }
const t = AbortSignal.timeout(5);
t.addEventListener('abort', () => console.log('timeout', t.reason.name));
setTimeout(() => {}, 20);
