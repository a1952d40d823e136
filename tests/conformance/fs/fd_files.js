// readFile/writeFile/appendFile given a file descriptor: from the current position.
const fs = require('fs');
const tmp = fs.mkdtempSync((process.env.TMPDIR || '/tmp') + '/nrt-fs-');
const f = tmp + '/f.txt';
const fd = fs.openSync(f, 'w+');
fs.writeFileSync(fd, 'abc');
fs.appendFileSync(fd, new Uint8Array([100]));
console.log(JSON.stringify(fs.readFileSync(fd, 'utf8')));
console.log(fs.readSync(fd, new Uint8Array(1), 0, 1, 0));
console.log(JSON.stringify(fs.readFileSync(fd, 'utf8')));
fs.writeFile(fd, 'EF', (err) => {
  console.log('writeFile', err);
  fs.readFile(f, 'utf8', (err, d) => {
    console.log('readFile path', err, d);
    const r = fs.openSync(f, 'r');
    fs.readFile(r, (err, d) => {
      console.log('readFile fd', err, d.length, new TextDecoder().decode(d));
      fs.closeSync(r);
      fs.closeSync(fd);
      try {
        fs.readFileSync(fd);
      } catch (err) {
        console.log('closed fd', err.code, err.syscall, err.message);
      }
      fs.rmSync(tmp, { recursive: true });
      console.log(fs.existsSync(tmp));
    });
  });
});
