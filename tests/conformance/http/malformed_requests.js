// Malformed and unusual requests sent as raw bytes: llhttp-level strictness (400 for bare LF,
// CL with TE, duplicate Content-Length, missing Host; 431 for a 17 KB head), pipelining and a
// chunked upload. Each answer is printed without its Date header.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => body += c);
  req.on('end', () => res.end(`${req.method} ${req.url} ${JSON.stringify(body)}`));
});
const cases = [
  ['bare LF', 'GET / HTTP/1.1\nHost: x\n\n'],
  ['CL+TE', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ['dup CL', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd'],
  ['431', 'GET / HTTP/1.1\r\nHost: x\r\nX-Big: ' + 'a'.repeat(17000) + '\r\n\r\n'],
  ['pipelined', 'GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhiGET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
  ['chunked', 'POST /ch HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'],
  ['no host', 'GET / HTTP/1.1\r\n\r\n'],
];
server.listen(0, async () => {
  for (const [name, bytes] of cases) {
    await new Promise((resolve) => {
      const s = net.connect(server.address().port, '127.0.0.1');
      let out = '';
      s.setEncoding('utf8');
      s.on('data', (d) => out += d);
      s.on('end', () => {
        console.log(`--- ${name}`);
        console.log(out.replace(/Date: .*\r\n/g, '').replace(/\r\n/g, '|'));
        resolve();
      });
      s.write(bytes);
    });
  }
  server.close();
});
