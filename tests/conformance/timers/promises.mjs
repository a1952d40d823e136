import { setTimeout as sleep, setImmediate as immediate, setInterval as every, scheduler } from 'node:timers/promises';
const v = await sleep(5, 'slept');
console.log(v);
console.log(await immediate('imm'));
let n = 0;
for await (const x of every(1, 'tick')) {
  console.log(x, ++n);
  if (n === 3) break;
}
await scheduler.wait(1);
const ac = new AbortController();
const p = sleep(1000, null, { signal: ac.signal });
ac.abort();
try { await p; } catch (e) { console.log(e.name, e.code); }
const util = await import('node:util');
const slept = await util.promisify(setTimeout)(1, 'promisified');
console.log(slept);
