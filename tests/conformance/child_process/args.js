// spawn/exec/execFile/fork argument checks: class, code and message as node.
const cp = require('child_process');

function t(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', typeof r);
    if (r && typeof r.kill === 'function') r.kill();
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

t('spawn()', () => cp.spawn());
t('spawn(1)', () => cp.spawn(1));
t("spawn('')", () => cp.spawn(''));
t('spawn nul', () => cp.spawn('a\u0000b'));
t('spawn args string', () => cp.spawn('true', 'x'));
t('spawn options string', () => cp.spawn('true', [], 'x'));
t('spawn options null', () => cp.spawn('true', [], null));
t('spawn arg nul', () => cp.spawn('true', ['ok', 'a\u0000']));
t('spawn cwd number', () => cp.spawn('true', [], { cwd: 1 }));
t('spawn shell number', () => cp.spawn('true', [], { shell: 1 }));
t('spawn detached string', () => cp.spawn('true', [], { detached: 'yes' }));
t('spawn uid float', () => cp.spawn('true', [], { uid: 1.5 }));
t('spawn argv0 number', () => cp.spawn('true', [], { argv0: 1 }));
t('spawn stdio bad', () => cp.spawn('true', [], { stdio: 'bogus' }));
t('spawn two ipc', () => cp.spawn('true', [], { stdio: ['pipe', 'pipe', 'pipe', 'ipc', 'ipc'] }));
t('spawn timeout', () => cp.spawn('true', [], { timeout: -1 }));
t('spawn killSignal', () => cp.spawn('true', [], { killSignal: 'SIGNOPE' }));
t('spawn signal', () => cp.spawn('true', [], { signal: 1 }));
t('exec()', () => cp.exec());
t('exec(1)', () => cp.exec(1));
t('exec cb string', () => cp.exec('true', {}, 'cb'));
t('execFile maxBuffer', () => cp.execFile('true', [], { maxBuffer: -1 }));
t('execFile timeout', () => cp.execFile('true', [], { timeout: 1.5 }));
t('fork()', () => cp.fork());
t('fork(1)', () => cp.fork(1));
t('fork args', () => cp.fork('x.js', 'arg'));
t('fork no ipc', () => cp.fork('x.js', [], { stdio: ['pipe', 'pipe', 'pipe'] }));
t('spawnSync()', () => cp.spawnSync());
t('spawnSync input', () => cp.spawnSync('true', [], { input: 1 }));
t('execSync(1)', () => cp.execSync(1));
t('execFileSync(1)', () => cp.execFileSync(1));
