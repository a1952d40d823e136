const u = new URL('https://user:pw@Example.COM:8080/a/./b/../c%20d?x=1&y=two#frag');
console.log(u.href);
console.log(u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.origin);
console.log(new URL('../d?q=1', 'http://a.com/b/c/e').href);
console.log(new URL('/abs', 'http://a.com/b/c').href, new URL('//other.org/p', 'https://a.com').href);
console.log(new URL('http://a.com:80/').href, new URL('HTTP://A.COM').href);
console.log(u.searchParams.get('y'), [...u.searchParams], u.searchParams.has('x'));
u.searchParams.append('z', 'a b&c');
console.log(u.search, u.href);
u.pathname = '/new path';
u.hash = '';
u.port = '443';
console.log(u.href);
console.log(new URL('file:///tmp/a%20b.txt').pathname, new URL('mailto:me@example.com').pathname);
for (const bad of ['nope', 'http://', '', 'http://a b.com']) {
  try { new URL(bad); console.log('parsed', bad); } catch (e) { console.log(e.code, e.name, e.message, JSON.stringify(e.input)); }
}
console.log(URL.canParse('http://x.y'), URL.canParse('x'));
console.log(JSON.stringify({ u: new URL('http://x.org') }), String(new URL('http://x.org/?a=1')));
const p = new URLSearchParams('a=1&b=2&a=3');
console.log(p.getAll('a'), p.get('c'), p.toString(), p.size);
p.set('a', 'x'); p.delete('b'); p.sort();
console.log(p.toString());
console.log(new URLSearchParams({ q: 'x y', 'k!': "'()~" }).toString());
console.log(new URLSearchParams([['a', '1'], ['b', '2']]).toString());
const { fileURLToPath, pathToFileURL } = require('url');
console.log(fileURLToPath('file:///tmp/x%20y.js'), pathToFileURL('/tmp/a b#c.js').href);
