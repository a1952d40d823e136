// The seed's event-loop example: nrt examples/hello.js
console.log("Start");

setTimeout(() => {
  console.log("Timeout");
}, 0);

process.nextTick(() => console.log("Next Tick"));
Promise.resolve().then(() => console.log("Promise"));

console.log("End");
