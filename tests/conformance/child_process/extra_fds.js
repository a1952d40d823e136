// stdio beyond 0–2: a 'pipe' at fd 3 is readable and writable; fd numbers and stream
// objects with an fd share the parent's descriptors.
const { spawn } = require('child_process');

const c = spawn('sh', ['-c', 'read line <&3; echo "got $line" >&3; echo done'], {
  stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
});
console.log(c.stdio.length, c.stdio[0], c.stdin, typeof c.stdio[3].write, typeof c.stdio[3].on);
let got = '';
let out = '';
c.stdio[3].on('data', (d) => { got += d; });
c.stdio[3].write('hello fd3\n');
c.stdout.on('data', (d) => { out += d; });
c.on('close', (code) => {
  console.log('close', code, JSON.stringify(got), JSON.stringify(out));
  const b = spawn('echo', ['shared stdout'], { stdio: ['ignore', 1, process.stderr] });
  b.on('close', (code2) => {
    console.log('b close', code2, b.stdout, b.stderr);
    const d = spawn('sh', ['-c', 'echo to fd 4 >&4'], { stdio: ['ignore', 'ignore', 'ignore', 'ignore', 'pipe'] });
    let four = '';
    d.stdio[4].on('data', (x) => { four += x; });
    d.on('close', (code3) => console.log('d close', code3, d.stdio.length, d.stdio[3], JSON.stringify(four)));
  });
});
