// The seed guide's fork() example (parent.js); the parent disconnects after the answer so
// both processes end (the seed's child would otherwise wait for messages forever).
const path = require('path');
const { fork } = require("child_process");
const child = fork(path.join(__dirname, 'fixtures', 'seed_child.js'));

child.send({ message: "Hello child!" });

child.on("message", (data) => {
  console.log("Message from child:", data);
  child.disconnect();
});
child.on('exit', (code, signal) => console.log('exit', code, signal));
