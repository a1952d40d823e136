// Terminal-mode tab completion: sync and callback completers, common prefixes, and tabs inside
// a multi-key chunk (a paste) inserted as text, as node does.
const readline = require('readline');
const { PassThrough } = require('stream');
const words = ['hello', 'help', 'world'];
for (const chunks of [['wo\t', '\r'], ['wo\t\r'], ['w', 'o\t', '\r'], ['wo\tx', '\r'], ['wo\t\n'], ['\two', '\r'], ['wo', '\t\r']]) {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, terminal: true, completer: (line) => [words.filter((x) => x.startsWith(line)), line] });
  rl.on('line', (l) => console.log(JSON.stringify(chunks), 'line', JSON.stringify(l)));
  for (const c of chunks) input.write(c);
  rl.close();
}
const input2 = new PassThrough();
const rl2 = readline.createInterface({ input: input2, terminal: true, completer: (line, cb) => setTimeout(() => cb(null, [['async-done'], line]), 1) });
rl2.on('line', (l) => { console.log('rl2 line', JSON.stringify(l)); rl2.close(); });
input2.write('as\t');
setTimeout(() => input2.write('\r'), 20);
