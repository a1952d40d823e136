const url = require('url');
console.log(Object.keys(url).join(' '));
const u = url.parse('http://a.com/b/c?x=1', true); console.log(u.resolveObject('../d?y=2'));
console.log(url.parse('http://a.com/b?q=1', true).resolveObject('#h').query);
for (const f of [() => url.resolve(1, 'a'), () => url.parse(1), () => url.format(1), () => URL.canParse(), () => url.fileURLToPath(5), () => url.pathToFileURL(5), () => url.fileURLToPath('http://a'), () => url.format(new URL('http://a'), 'x')]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(url.format({ protocol: 'http', host: 'a.com', port: 8080, pathname: 'x', search: '', query: { a: [1, 2] } }));
console.log(url.fileURLToPath('file:///C:/x/y', { windows: true }));
console.log(url.pathToFileURL('C:\\a\\b c', { windows: true }).href);
console.log(url.pathToFileURL('/tmp/a b/#?%').href);
console.log(url.domainToASCII('español.com'), url.domainToUnicode('xn--espaol-zwa.com'), JSON.stringify(url.domainToASCII('xn--iñvalid.com')));
console.log(url.urlToHttpOptions(new URL('http://u:p@[::1]:80/a?b#c')));
const w = new URL('http://a.com/?x=1'); w.searchParams.append('y', 'a b~*'); console.log(w.href, String(w.searchParams));
w.search = '?k=v'; console.log([...w.searchParams]);
w.hash = 'frag'; w.port = '8080'; w.pathname = '/p q'; w.hostname = 'EXAMPLE.org'; w.protocol = 'https'; w.username = 'me'; console.log(w.href, w.origin);
console.log(new URLSearchParams('?a=1&b=%zz+c'), new URL('HTTP://ÉXAMPLE.com/Ä?ü#ö').href);
console.log(new URL('http://[::1]:80/'), Object.getOwnPropertySymbols(new URL('http://a')));
try { w.href = 'nope'; } catch (e) { console.log(e.code, e.input); }
console.log(url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two'));
console.log(url.resolveObject('http://a/b', 'c').href, url.parse('http://user:pw@host:8/p?q#h').format());
