// fsPromises.watch: an async iterator of { eventType, filename }; leaving the loop closes
// the watcher; an AbortSignal ends it with an AbortError.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-watchp-'));
  const it = fsp.watch(dir);
  console.log(typeof it[Symbol.asyncIterator], typeof it.next);
  // An empty file: one inotify event only (libuv shares pending events with a later watcher
  // of the same path).
  setTimeout(() => fs.writeFileSync(path.join(dir, 'a.txt'), ''), 10);
  for await (const ev of it) {
    console.log(ev, Object.keys(ev).join(','));
    break;
  }

  const ac = new AbortController();
  setTimeout(() => ac.abort(), 10);
  try {
    for await (const ev of fsp.watch(dir, { signal: ac.signal })) console.log('unexpected', ev);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  try {
    for await (const ev of fsp.watch(dir, { signal: AbortSignal.abort('why') })) console.log('unexpected', ev);
  } catch (e) {
    console.log(e.name, e.code, e.cause);
  }
  try {
    await fsp.watch(path.join(dir, 'missing')).next();
  } catch (e) {
    console.log(e.code, e.syscall, e.message.replace(dir, '<dir>'));
  }
  const bad = fsp.watch(5);
  console.log('lazy', typeof bad.next);
  await bad.next().catch((e) => console.log(e.code, e.message));
  fs.rmSync(dir, { recursive: true });
})();
