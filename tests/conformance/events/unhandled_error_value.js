const EventEmitter = require('events');
const e = new EventEmitter();
e.emit('error', { code: 'E_CUSTOM' });
