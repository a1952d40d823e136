const EventEmitter = require('events');
const util = require('util');
class Door extends EventEmitter {
  open() { this.emit('open', 'now'); }
}
const d = new Door();
d.on('open', (when) => console.log('opened', when, d instanceof EventEmitter));
d.open();
function Legacy() { EventEmitter.call(this); }
util.inherits(Legacy, EventEmitter);
const l = new Legacy();
l.on('ping', () => console.log('legacy ping'));
l.emit('ping');
console.log(typeof EventEmitter.EventEmitter, EventEmitter.EventEmitter === EventEmitter);
console.log(Object.keys(new EventEmitter()));
