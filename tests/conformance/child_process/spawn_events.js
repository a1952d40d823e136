// spawn: 'spawn', 'exit' before 'close', exit codes and signals, pipes both ways, kill().
const { spawn, ChildProcess } = require('child_process');
const EventEmitter = require('events');

function run(name, file, args, opts, feed) {
  return new Promise((resolve) => {
    const c = spawn(file, args, opts);
    const log = [];
    let out = '';
    let err = '';
    if (c.stdout) c.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
    if (c.stderr) c.stderr.on('data', (d) => { err += d; });
    c.on('spawn', () => log.push('spawn'));
    c.on('exit', (code, signal) => log.push(`exit ${code} ${signal} exitCode=${c.exitCode} signalCode=${c.signalCode}`));
    c.on('error', (e) => log.push(`error ${e.message}`));
    c.on('close', (code, signal) => {
      log.push(`close ${code} ${signal}`);
      console.log(name, JSON.stringify({ out, err }), log);
      resolve(c);
    });
    if (feed) feed(c);
  });
}

(async () => {
  const c0 = spawn('true');
  console.log(c0 instanceof ChildProcess, c0 instanceof EventEmitter, typeof c0.pid,
    c0.spawnfile, c0.spawnargs, c0.exitCode, c0.signalCode, c0.killed, c0.stdio.length);
  await new Promise((r) => c0.on('close', r));
  await run('echo', 'echo', ['hello', 'world']);
  await run('exit-code', 'sh', ['-c', 'echo out; echo err >&2; exit 3']);
  await run('cat', 'cat', [], {}, (c) => { c.stdin.write('line 1\n'); c.stdin.end('line 2\n'); });
  await run('shell', 'echo $((6*7)) "$X"', [], { shell: true, env: { ...process.env, X: 'from env' } });
  await run('cwd', 'pwd', [], { cwd: '/' });
  await run('argv0', 'sh', ['-c', 'echo $0'], { argv0: 'custom-name' });
  await run('ignore', 'sh', ['-c', 'echo hidden'], { stdio: 'ignore' });
  await run('inherit-stderr', 'sh', ['-c', 'echo visible >&2; echo piped'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const k = await run('kill', 'sleep', ['10'], {}, (c) => {
    c.on('spawn', () => console.log('kill() ->', c.kill(), c.killed));
  });
  console.log('kill after exit ->', k.kill());
  await run('kill-9', 'sleep', ['10'], {}, (c) => c.on('spawn', () => c.kill('SIGKILL')));
  await run('kill-number', 'sleep', ['10'], {}, (c) => c.on('spawn', () => c.kill(2)));
  await run('timeout', 'sleep', ['10'], { timeout: 50, killSignal: 'SIGINT' });
  await run('self-signal', 'sh', ['-c', 'kill -USR1 $$']);
  const ac = new AbortController();
  await run('abort', 'sleep', ['10'], { signal: ac.signal }, () => setTimeout(() => ac.abort(), 20));
  await run('enoent', 'nonexistent-command-xyz', ['a', 'b']);
  await run('bad-cwd', 'true', [], { cwd: '/nonexistent-dir-xyz' });
  const e = spawn('nonexistent-command-xyz', ['a']);
  console.log('sync state', e.pid, e.exitCode, e.stdout !== null, e.stdin !== null);
  e.on('error', (err) => {
    console.log(Object.keys(err), err.errno, err.code, err.syscall, err.path, err.spawnargs, e.exitCode);
  });
  await new Promise((r) => e.on('close', r));
  try {
    spawn('sleep', ['1']).kill('SIGNOPE');
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
})();
