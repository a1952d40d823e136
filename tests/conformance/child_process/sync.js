// spawnSync / execSync / execFileSync: result objects, input, errors, timeout, maxBuffer.
const cp = require('child_process');

function summary(r) {
  const o = {};
  for (const k of Object.keys(r)) {
    const v = r[k];
    if (k === 'pid') o[k] = typeof v;
    else if (k === 'error') o[k] = v && `${v.code} ${v.message} ${v.syscall} ${v.path} ${JSON.stringify(v.spawnargs)}`;
    else o[k] = v;
  }
  return o;
}

console.log(summary(cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 4'])));
console.log(summary(cp.spawnSync('cat', { input: 'from input' })));
console.log(summary(cp.spawnSync('cat', [], { input: Buffer.from('buf input'), encoding: 'utf8' })));
console.log(summary(cp.spawnSync('sleep', ['10'], { timeout: 50 })));
console.log(summary(cp.spawnSync('sleep', ['10'], { timeout: 50, killSignal: 'SIGKILL' })));
console.log(summary(cp.spawnSync('nonexistent-command-xyz', ['q'])));
console.log(summary(cp.spawnSync('sh', ['-c', 'echo 0123456789; exec sleep 10'], { maxBuffer: 3 })));
console.log(summary(cp.spawnSync('echo', ['$HOME'], { shell: true, env: { HOME: '/home/x', PATH: process.env.PATH } })));
console.log(summary(cp.spawnSync('echo', ['ignored'], { stdio: 'ignore' })));
console.log(summary(cp.spawnSync('sh', ['-c', 'kill -TERM $$'])));

console.log(JSON.stringify(cp.execSync('echo hi')));
console.log(JSON.stringify(cp.execSync('echo hi', { encoding: 'utf8' })));
console.log(cp.execSync('cat', { input: 'piped in', encoding: 'utf8' }));
console.log(cp.execFileSync('echo', ['a', 'b'], { encoding: 'utf8' }));
try {
  cp.execSync('echo o; echo e >&2; exit 3', { stdio: 'pipe' });
} catch (e) {
  console.log(Object.keys(e), JSON.stringify(e.message), e.status, e.signal, String(e.stdout), String(e.stderr));
}
try {
  cp.execFileSync('sh', ['-c', 'exit 4']);
} catch (e) {
  console.log(JSON.stringify(e.message), e.status);
}
try {
  cp.execFileSync('nonexistent-command-xyz');
} catch (e) {
  console.log(e.message, e.code, e.status, e.error === e);
}
try {
  cp.execSync('sleep 10', { timeout: 50 });
} catch (e) {
  console.log(e.message, e.code, e.signal, e.status);
}
