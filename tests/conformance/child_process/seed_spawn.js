// The seed guide's spawn() example, listing a directory this case creates (so the output
// is the same everywhere): stdout streams to the 'data' listener.
const fs = require('fs');
const path = require('path');
const dir = path.join(require('os').tmpdir(), `nrt-cp-seed-spawn-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });
for (const f of ['a.txt', 'b.txt', 'c.js']) fs.writeFileSync(path.join(dir, f), f);

const { spawn } = require("child_process");
const child = spawn("ls", ["-1", dir]);

child.stdout.on("data", (data) => {
  console.log(`Output: ${data}`);
});
child.on('close', () => fs.rmSync(dir, { recursive: true }));
