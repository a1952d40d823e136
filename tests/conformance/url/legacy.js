const url = require('url');
for (const u of ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', '/just/a/path?x=1', '//host/path', 'HTTP://EXAMPLE.com', 'mailto:me@x.org', 'file:///tmp/a b.txt', 'https://[::1]:3000/x', 'http://a.com?q', 'relative/path#frag', 'http://x.com/a b', 'javascript:alert(1)', '']) {
  console.log(url.parse(u));
}
console.log(url.parse('/p?a=1&b=2&a=3', true).query);
console.log(url.parse('http://x.com/?a=1', true).query);
console.log(url.format({ protocol: 'https', hostname: 'example.com', pathname: '/a', query: { b: 'c d', e: [1, 2] } }));
console.log(url.format(url.parse('http://a.com/x?y#z')));
console.log(url.format(new URL('https://u:p@a.com/x?y#z'), { auth: false, fragment: false }));
console.log(url.resolve('http://a.com/b/c', '../d'), url.resolve('http://a.com/b/', 'https://other.org/x'));
