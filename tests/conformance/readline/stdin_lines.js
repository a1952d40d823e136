// readline over process.stdin (fed from stdin_lines.stdin): lines, the unterminated last
// one, 'close' at the end of input.
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin });
let n = 0;
rl.on('line', (line) => console.log(++n, JSON.stringify(line)));
rl.on('close', () => console.log('close after', n));
