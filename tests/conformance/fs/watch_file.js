// fs.watchFile / unwatchFile: (curr, prev) stats by polling, the zeroed stats of a
// missing file, a shared StatWatcher per path, 'stop', bigint stats, bad arguments.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-watchfile-'));
const file = path.join(dir, 'f.txt');

function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

function createWhole(p, data) {
  fs.writeFileSync(`${p}.tmp`, data);
  fs.renameSync(`${p}.tmp`, p);
}

let n = 0;
function listener(curr, prev) {
  n += 1;
  console.log('change', n, curr.constructor.name, curr.size, prev.size, curr.isFile(), prev.isFile(), curr.mtimeMs === 0, prev.mtimeMs === 0);
  if (n === 1) {
    // The file did not exist: both zeroed. Create it whole (a poll between creating and
    // writing would see it empty).
    console.log('  zero dates', curr.mtime.getTime(), prev.birthtime.getTime(), curr.nlink);
    createWhole(file, 'abc');
  } else if (n === 2) {
    fs.appendFileSync(file, 'defg');
  } else if (n === 3) {
    fs.unlinkSync(file);
  } else {
    fs.unwatchFile(file, other);
    console.log('listeners', w.listenerCount('change'));
    fs.unwatchFile(file, listener);
  }
}
function other() {}
const w = fs.watchFile(file, { interval: 5 }, listener);
console.log('StatWatcher', w.constructor.name, w.ref() === w, w.unref() === w);
w.ref();
console.log('shared', fs.watchFile(file, other) === w, w.listenerCount('change'));
w.on('stop', () => {
  console.log('stop');
  const big = path.join(dir, 'big');
  let calls = 0;
  const bw = fs.watchFile(big, { bigint: true, interval: 5 }, (curr, prev) => {
    console.log('bigint', curr.constructor.name, typeof curr.size, curr.size, prev.size, curr.mtimeNs === 0n);
    if (++calls === 1) {
      createWhole(big, '12345');
      return;
    }
    fs.unwatchFile(big);
    bw.on('stop', () => {
      attempt('no listener', () => fs.watchFile(file));
      attempt('bad path', () => fs.watchFile(5, () => {}));
      attempt('bad interval', () => fs.watchFile(file, { interval: 'x' }, () => {}));
      attempt('negative interval', () => fs.watchFile(file, { interval: -1 }, () => {}));
      attempt('unwatch bad path', () => fs.unwatchFile(5));
      attempt('unwatch unknown', () => fs.unwatchFile(path.join(dir, 'unknown')));
      fs.rmSync(dir, { recursive: true });
    });
  });
});
