// readline/promises: question resolves with the answer, rejects on abort; Readline queues
// cursor actions until commit.
const readlinePromises = require('readline/promises');
const readline = require('readline');
const { PassThrough, Writable } = require('stream');
console.log(readline.promises === readlinePromises, Object.keys(readlinePromises).join(','));
const out = [];
const sink = new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } });
async function main() {
  const p = new PassThrough();
  const rl = readlinePromises.createInterface({ input: p, output: sink });
  setTimeout(() => p.write('forty-two\n'), 5);
  const answer = await rl.question('answer? ');
  console.log('answer', answer, JSON.stringify(out));
  const ac = new AbortController();
  const pending = rl.question('never? ', { signal: ac.signal });
  ac.abort();
  await pending.catch((e) => console.log('aborted', e.name, e.code, e.message));
  await rl.question('x', { signal: AbortSignal.abort() }).catch((e) => console.log('pre-aborted', e.name, e.code));
  rl.close();
  await rl.question('closed?').catch((e) => console.log('closed', e.name, e.code, e.message));
  out.length = 0;
  const r = new readlinePromises.Readline(sink);
  console.log(r.cursorTo(1) === r, r.cursorTo(2, 3) === r);
  r.moveCursor(-1, 2).clearLine(0).clearLine(-1).clearLine(1).clearScreenDown();
  console.log('queued', out.length);
  await r.commit();
  console.log(JSON.stringify(out));
  r.cursorTo(5).rollback();
  await r.commit();
  console.log(JSON.stringify(out));
  try { r.cursorTo('a'); } catch (e) { console.log(e.name, e.code, e.message); }
  try { new readlinePromises.Readline(null); } catch (e) { console.log(e.name, e.code); }
}
main().then(() => console.log('done'));
