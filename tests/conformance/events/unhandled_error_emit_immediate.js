const EventEmitter = require('events');
class Thing extends EventEmitter {}
const t = new Thing();
function go() { t.emit('error', new TypeError('bad')); }
setImmediate(go);
