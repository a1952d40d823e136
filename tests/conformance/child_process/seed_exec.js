// The seed guide's exec() example, run in a directory this case creates.
const fs = require('fs');
const path = require('path');
const dir = path.join(require('os').tmpdir(), `nrt-cp-seed-exec-${process.pid}`);
fs.mkdirSync(dir, { recursive: true });
for (const f of ['one.txt', 'two.txt']) fs.writeFileSync(path.join(dir, f), f);

const { exec } = require("child_process");
exec("ls -1", { cwd: dir }, (error, stdout, stderr) => {
  console.log(stdout);
  fs.rmSync(dir, { recursive: true });
});
