// FileHandle.readLines: the lines of a file through readline, the handle closed after.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-lines-'));
  const file = path.join(dir, 'f.txt');
  fs.writeFileSync(file, 'line one\r\nline two\n\nline four');
  const h = await fsp.open(file);
  const lines = [];
  for await (const line of h.readLines({ encoding: 'utf8' })) lines.push(line);
  console.log(lines, h.fd);
  fs.rmSync(dir, { recursive: true });
})();
