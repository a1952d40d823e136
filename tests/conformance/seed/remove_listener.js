const EventEmitter = require("events");
const emitter = new EventEmitter();
const listener = () => console.log("called");
emitter.on("eventName", listener);
emitter.emit("eventName");
emitter.removeListener("eventName", listener);
console.log(emitter.emit("eventName"), emitter.listenerCount("eventName"));
