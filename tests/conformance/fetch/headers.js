// Headers: combining, sort-and-combine iteration, getSetCookie, validation errors.
const show = (f) => {
  try {
    console.log('ok', f());
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
};
const h = new Headers([['B', '2'], ['a', '1'], ['set-cookie', 'x'], ['Set-Cookie', 'y'], ['a', '3']]);
console.log([...h], h.get('A'), h.getSetCookie(), h.has('b'), [...h.keys()], [...h.values()]);
console.log(h);
h.set('A', 'z');
h.delete('b');
console.log([...h.entries()], h.get('missing'));
const seen = [];
h.forEach(function (v, k, o) { seen.push([k, v, o === h, this.t]); }, { t: 1 });
console.log(seen);
console.log(new Headers({ a: ' x\t', B: 'y' }).get('a'), [...new Headers(new Headers({ z: '1' }))]);
console.log(Object.prototype.toString.call(h), Object.prototype.toString.call(h.entries()));
show(() => new Headers([['a']]));
show(() => new Headers(5));
show(() => new Headers(null));
show(() => h.append('bad name', 'x'));
show(() => h.append('a', 'x\ny'));
show(() => h.get());
show(() => h.set('a'));
show(() => new Headers({ a: '\u0100' }));
show(() => Headers.prototype.get.call({}, 'a'));
show(() => h.forEach(5));
const r = new Response('x', { headers: { 'Content-Type': 'text/a' } });
console.log(r.headers.get('content-type'), [...r.headers]);
r.headers.append('x', '1');
console.log([...r.headers]);
show(() => Response.error().headers.set('a', 'b'));
show(() => Response.redirect('http://example.com/a', 301).headers.append('a', 'b'));
