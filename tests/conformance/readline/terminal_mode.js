// terminal: true without an output: keypresses edit the line (backspace, left/right,
// delete, history with up), return submits it, ^D on an empty line closes.
const readline = require('readline');
const { PassThrough } = require('stream');
const input = new PassThrough();
const rl = readline.createInterface({ input, terminal: true });
console.log('terminal', rl.terminal, JSON.stringify(rl.line), rl.cursor);
rl.on('line', (l) => console.log('line', JSON.stringify(l), JSON.stringify(rl.history)));
rl.on('history', (h) => console.log('history', JSON.stringify(h)));
rl.on('close', () => console.log('close'));
input.write('helo');
input.write('\x1b[D');
input.write('l');
input.write('\r');
input.write('abc\x7f\x7fz\r');
input.write('\x1b[A');
input.write('\r');
input.write('xy\x1b[D\x1b[D\x1b[3~\r');
setTimeout(() => input.write('\x04'), 10);
