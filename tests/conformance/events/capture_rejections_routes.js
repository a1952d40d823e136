const EventEmitter = require('events');
try { new EventEmitter({ captureRejections: 1 }); } catch (e) { console.log(e.code, e.message); }
try { EventEmitter.captureRejections = 'x'; } catch (e) { console.log(e.code, e.message); }
const e = new EventEmitter({ captureRejections: true });
console.log(e);
e.on('x', async () => { throw new Error('a'); });
e.on('x', () => 5);
e.on('error', async (err) => { console.log('err', err.message); throw new Error('inner'); });
e.emit('x');
process.on('unhandledRejection', (r) => console.log('unhandled', r.message));
const f = new EventEmitter();
console.log(f.emit('x'), EventEmitter.captureRejections);
