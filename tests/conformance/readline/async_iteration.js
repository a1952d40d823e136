// for await over an Interface, lines from several sources; breaking out closes it.
const readline = require('readline');
const { Readable, PassThrough } = require('stream');
async function main() {
  const rl = readline.createInterface({ input: Readable.from(['one\ntwo\n', 'three\r\nfour']), crlfDelay: Infinity });
  for await (const line of rl) console.log('line', line);
  console.log('closed', rl.closed);
  const p = new PassThrough();
  const rl2 = readline.createInterface({ input: p });
  rl2.on('close', () => console.log('rl2 close'));
  p.write('x\ny\nz\n');
  for await (const line of rl2) {
    console.log('rl2', line);
    if (line === 'y') break;
  }
  console.log('after break', rl2.closed);
  const many = Array.from({ length: 3000 }, (_, i) => `l${i}`).join('\n');
  let n = 0;
  for await (const line of readline.createInterface({ input: Readable.from([many]) })) {
    if (line.startsWith('l')) n++;
  }
  console.log('many', n);
}
main().then(() => console.log('done'));
