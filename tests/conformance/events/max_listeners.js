const EventEmitter = require('events');
const e = new EventEmitter();
e.setMaxListeners(2);
for (let i = 0; i < 3; i++) e.on('leak', () => {});
console.log('added', e.listenerCount('leak'));
