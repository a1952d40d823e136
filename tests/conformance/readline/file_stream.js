// readline over fs.createReadStream: a file written first (CRLF and LF lines, a long line,
// multi-byte text across the stream's 16-byte chunks), read line by line with for await
// and with 'line' events.
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-readline-'));
const file = path.join(dir, 'lines.txt');
const lines = ['first', 'second with CRLF', '', 'ünïcødé ✓ 😀 text', 'x'.repeat(100), 'last line'];
fs.writeFileSync(file, `${lines[0]}\n${lines[1]}\r\n${lines[2]}\n${lines[3]}\n${lines[4]}\n${lines[5]}`);
async function main() {
  const rl = readline.createInterface({ input: fs.createReadStream(file, { highWaterMark: 16 }), crlfDelay: Infinity });
  const got = [];
  for await (const line of rl) got.push(line);
  console.log(got.length, JSON.stringify(got) === JSON.stringify(lines));
  for (const l of got) console.log(JSON.stringify(l.length > 20 ? `${l.slice(0, 20)}…(${l.length})` : l));
  await new Promise((resolve) => {
    const rl2 = readline.createInterface({ input: fs.createReadStream(file) });
    let n = 0;
    rl2.on('line', () => n++);
    rl2.on('close', () => {
      console.log('events', n);
      resolve();
    });
  });
  fs.rmSync(dir, { recursive: true });
}
main();
