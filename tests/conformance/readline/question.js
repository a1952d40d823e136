// question/prompt/setPrompt/write over a PassThrough, with the output captured; closed
// interfaces; pause/resume events.
const readline = require('readline');
const { PassThrough, Writable } = require('stream');
const p = new PassThrough();
const outChunks = [];
const out = new Writable({ write(c, e, cb) { outChunks.push(String(c)); cb(); } });
const rl = readline.createInterface({ input: p, output: out, prompt: '> ' });
rl.on('line', (l) => console.log('line', l));
rl.on('close', () => console.log('close', JSON.stringify(outChunks)));
rl.on('pause', () => console.log('pause'));
rl.on('resume', () => console.log('resume'));
rl.prompt();
rl.question('name? ', (a) => {
  console.log('answer', a, JSON.stringify(rl.getPrompt()));
  rl.setPrompt('$ ');
  rl.prompt();
  rl.write('typed\n');
  rl.pause();
  rl.resume();
  rl.close();
  rl.close();
});
p.write('bob\n');
p.write('after\n');
rl.question('ignored', 5);
setTimeout(() => {
  for (const [label, f] of [
    ['question', () => rl.question('x', () => {})],
    ['write', () => rl.write('x')],
    ['prompt', () => rl.prompt()],
    ['pause', () => rl.pause()],
  ]) {
    try {
      const r = f();
      console.log(label, r === rl ? 'the interface' : r);
    } catch (e) {
      console.log(label, e.name, e.code, e.message);
    }
  }
}, 10);
// A question asked while another is pending only re-prompts.
const p2 = new PassThrough();
const rl2 = readline.createInterface({ input: p2 });
rl2.question('first', (a) => console.log('first got', a));
rl2.question('second', (a) => console.log('second got', a));
p2.end('A\nB\n');
rl2.on('line', (l) => console.log('rl2 line', l));
// Paused interfaces hold lines until resumed.
const p3 = new PassThrough();
const rl3 = readline.createInterface({ input: p3 });
rl3.on('line', (l) => console.log('rl3 line', l));
rl3.on('pause', () => console.log('rl3 pause'));
rl3.on('resume', () => console.log('rl3 resume'));
rl3.on('close', () => console.log('rl3 close'));
rl3.pause();
p3.end('x');
setTimeout(() => rl3.resume(), 20);
