// querystring.parse/decode: separators, maxKeys, repeated keys, encodings, custom decoders.
const qs = require('querystring');
const show = (o) => console.log(o, Object.getPrototypeOf(o));
for (const s of ['a=1&b=2&a=3', 'foo=bar+baz&x=%20y%2', 'w=%D6%D0%CE%C4&foo=bar', 'a&b=&=c&&d=e=f',
  '', '=', '&', 'a=%E2%82%AC&b=%E2%82', '__proto__=x&constructor=y&toString=z', '1=a&b=2&0=c',
  'a[]=1&a[]=2', 'k%20ey=v%2Bal', '%zz=%%&x=%41%4', 'é=ü&ß', 'a=1;b=2']) {
  show(qs.parse(s));
}
show(qs.parse('a:1;b:2;a:3', ';', ':'));
show(qs.parse('a==1&&b==2', '&&', '=='));
show(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 }));
show(qs.parse('a=1&b=2&c=3', '&', '=', { maxKeys: 0 }));
show(qs.parse('a=1&b=2&c=3', '&', '=', { maxKeys: 1.5 }));
show(qs.parse('a=1&b=2&c=3', '&', '=', { maxKeys: -1 }));
show(qs.parse('a=1&b=2&c=3', '&', '=', { maxKeys: '1' }));
show(qs.parse('a=b+c&d=%41', null, null, { decodeURIComponent: (s) => s.toUpperCase() }));
show(qs.parse('a=%41&b=%ZZ', null, null, { decodeURIComponent: (s) => { if (s.includes('Z')) throw new Error('x'); return `<${s}>`; } }));
show(qs.parse('a=1', null, null, { decodeURIComponent: 'not a function' }));
show(qs.decode('x=1&x=2&x=3'));
for (const v of [undefined, null, 5, {}, ['a=1']]) show(qs.parse(v));
console.log(qs.decode === qs.parse, qs.encode === qs.stringify, Object.keys(qs).join());
console.log(qs.unescape('a%20b+c'), qs.unescape('a+b', true), qs.unescape('%E2%82'), qs.unescape('%zz%41'), qs.unescape(5));
console.log(qs.escape('a b&c=d/é~*\'()!'), qs.escape(5), qs.escape({ toString() { return 'x y'; } }), qs.escape(null), qs.escape([1, 2]));
console.log(qs.unescape.name, qs.escape.name, qs.parse.length, qs.stringify.length);
