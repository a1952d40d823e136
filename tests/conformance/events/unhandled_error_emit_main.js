const EventEmitter = require('events');
const e = new EventEmitter();
const err = new Error('boom'); err.code = 'ECODE';
e.emit('error', err);
