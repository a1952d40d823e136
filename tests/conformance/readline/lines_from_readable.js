// 'line' events from Readable.from: '\n', '\r\n' (also split across chunks), lone '\r',
// the unterminated last line, then 'pause' and 'close'.
const readline = require('readline');
const { Readable } = require('stream');
const input = Readable.from(['a\nb', '\r\nc\r', '\nd\re\n', '\n', 'é', 'ü\ntail']);
const rl = readline.createInterface({ input });
for (const ev of ['line', 'close', 'pause', 'resume']) rl.on(ev, (x) => console.log(ev, JSON.stringify(x)));
console.log('terminal', rl.terminal, rl.closed, JSON.stringify(rl.line), JSON.stringify(rl.getPrompt()), rl.crlfDelay, rl.historySize, rl.input === input, rl.output);
console.log(rl instanceof readline.Interface, rl instanceof require('events'));
process.on('exit', () => console.log('exit', rl.closed));
// Multi-byte characters split between Buffer chunks.
const bytes = Buffer.from('héllo wörld\nzwei\n');
const rl2 = readline.createInterface({ input: Readable.from([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)]) });
rl2.on('line', (l) => console.log('rl2', l));
