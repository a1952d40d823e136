// exec / execFile: buffered output, encodings, failures, maxBuffer, timeout, promisify.
const cp = require('child_process');
const util = require('util');

const show = (label) => (err, stdout, stderr) => {
  if (err) {
    const fields = {};
    for (const k of Object.keys(err)) fields[k] = err[k];
    console.log(label, err.constructor.name, JSON.stringify(err.message), fields);
  } else {
    console.log(label, null);
  }
  console.log('  stdout', stdout, 'stderr', stderr);
};

function step(fn) {
  return new Promise((resolve) => fn(resolve));
}

(async () => {
  await step((done) => cp.exec('echo hi; echo err >&2', (...a) => { show('exec ok')(...a); done(); }));
  await step((done) => cp.exec('echo out; echo bad >&2; exit 3', (...a) => { show('exec exit 3')(...a); done(); }));
  await step((done) => cp.exec('kill -9 $$', (...a) => { show('exec killed')(...a); done(); }));
  await step((done) => cp.exec('sleep 10', { timeout: 50 }, (...a) => { show('exec timeout')(...a); done(); }));
  await step((done) => cp.exec('echo 0123456789', { maxBuffer: 4 }, (...a) => { show('exec maxBuffer')(...a); done(); }));
  await step((done) => cp.exec('printf "h\\303\\251"', { encoding: 'buffer' }, (...a) => { show('exec buffer')(...a); done(); }));
  await step((done) => cp.exec('printf abc', { encoding: 'hex' }, (...a) => { show('exec hex')(...a); done(); }));
  await step((done) => cp.exec('true', { cwd: '/nonexistent-dir-xyz' }, (...a) => { show('exec bad cwd')(...a); done(); }));
  await step((done) => cp.execFile('echo', ['a', 'b'], (...a) => { show('execFile ok')(...a); done(); }));
  await step((done) => cp.execFile('sh', ['-c', 'exit 2'], (...a) => { show('execFile exit 2')(...a); done(); }));
  await step((done) => cp.execFile('nonexistent-command-xyz', ['x'], (...a) => { show('execFile enoent')(...a); done(); }));
  await step((done) => cp.execFile('echo', { shell: true }, (...a) => { show('execFile options only')(...a); done(); }));
  const child = cp.execFile('cat', (...a) => show('execFile stdin')(...a));
  child.stdin.end('fed through stdin');
  await new Promise((r) => child.on('close', r));

  const exec = util.promisify(cp.exec);
  const execFile = util.promisify(cp.execFile);
  const p = exec('echo promised');
  console.log('promise.child', p.child instanceof cp.ChildProcess);
  console.log(await p);
  console.log(await execFile('echo', ['file', 'promised']));
  try {
    await exec('echo partial; exit 5');
  } catch (e) {
    console.log('rejected', e.code, JSON.stringify(e.stdout), JSON.stringify(e.stderr), e.cmd);
  }
})();
