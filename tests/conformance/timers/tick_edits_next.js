// A tick between two due timers arms a new timer (it may take the slot the next due timer
// just left) and clears the one after: the next timer still runs its own callback, the
// cleared one never runs, and the new one waits for a later timers phase.
const log = (s) => console.log(s);
setTimeout(() => {
  log('u1');
  process.nextTick(() => {
    setTimeout(() => log('armed by a tick of u1'), 1);
    clearTimeout(u3);
  });
}, 3);
const u2 = setTimeout(() => {
  log('u2');
  setImmediate(() => log(`u2 destroyed: ${u2._destroyed}`));
}, 3);
const u3 = setTimeout(() => log('u3: never'), 3);
setTimeout(() => log('u4'), 3);
