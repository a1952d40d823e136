// A Transform with its own _final (option or subclass method): the final runs, then the
// flush and the end of the readable side, at 'prefinish'.
const { Transform } = require('stream');
const t = new Transform({ transform(c, e, cb) { cb(null, c); }, flush(cb) { console.log('flush'); cb(null, 'F'); }, final(cb) { console.log('final'); this.push('X'); cb(); } });
t.on('data', (d) => console.log('data', String(d)));
for (const ev of ['prefinish', 'finish', 'end', 'close']) t.on(ev, () => console.log(ev));
t.end('a');
class T2 extends Transform { _transform(c, e, cb) { cb(null, c); } _final(cb) { console.log('T2 final'); cb(); } }
const t2 = new T2(); t2.on('data', (d) => console.log('t2 data', String(d))); for (const ev of ['finish', 'end']) t2.on(ev, () => console.log('t2', ev)); t2.end('b');
