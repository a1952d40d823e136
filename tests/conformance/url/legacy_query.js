// url.parse(…, true) and url.format go through querystring, as in node's lib/url.js.
const url = require('url');
for (const u of ['/p?a=1&b=2&a=3', '/p?x=%zz&y=a+b&z', '/p', '/p?', '/p?a=%E2%82', '/p?' + 'k=v&'.repeat(1005)]) {
  const q = url.parse(u, true).query;
  console.log(Object.keys(q).length, JSON.stringify(q).slice(0, 80), Object.getPrototypeOf(q));
}
console.log(url.format({ pathname: '/a', query: { b: 'c d', e: [1, 2], f: "!'()*", g: null, h: 1e21 } }));
