const EventEmitter = require('events');
const e = new EventEmitter();
function fire() { e.emit('error', new Error('late')); }
function mid() { fire(); }
setTimeout(function later() { mid(); }, 1);
