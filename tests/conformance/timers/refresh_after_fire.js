// A fired timeout is destroyed unless its callback refreshed it; refresh() re-arms a fired
// timeout (and revives it) but not a cleared one, which also drops its callback.
const a = setTimeout(() => {
  console.log('a fired, destroyed:', a._destroyed);
  setImmediate(() => console.log('a after firing, destroyed:', a._destroyed));
}, 1);
let n = 0;
const r = setTimeout(() => {
  n += 1;
  console.log('r fired', n);
  if (n < 2) r.refresh();
  setImmediate(() => {
    console.log('r after firing', n, 'destroyed:', r._destroyed);
    // The next part starts only once r is done (a fixed delay raced r under load).
    if (n === 2) refreshFired();
  });
}, 1);
const b = setTimeout(() => console.log('b: never'), 5);
clearTimeout(b);
b.refresh();
console.log('b cleared:', b._destroyed, b._idleTimeout, b._onTimeout);
function refreshFired() {
  let again = 0;
  const c = setTimeout(() => { again += 1; console.log('c fired', again); }, 1);
  setTimeout(() => {
    console.log('c before refresh, destroyed:', c._destroyed);
    c.refresh();
    console.log('c after refresh, destroyed:', c._destroyed);
  }, 10);
}
