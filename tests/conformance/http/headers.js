// Response header staging (setHeader/appendHeader/getHeaders/removeHeader, writeHead with an
// object, pairs and a raw list) and request header joining (rawHeaders order and case,
// duplicates joined or dropped as node does, set-cookie arrays, headersDistinct).
const http = require('http');
const net = require('net');

const seen = [];
const server = http.createServer((req, res) => {
  seen.push([req.url, req.rawHeaders, req.headers, req.headersDistinct]);
  if (req.url === '/staged') {
    res.setHeader('X-One', 1);
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.appendHeader('x-one', '2');
    res.setHeader('X-Gone', 'x');
    res.removeHeader('x-gone');
    console.log(res.getHeaderNames(), res.getRawHeaderNames(), res.hasHeader('X-ONE'), res.getHeader('x-one'));
    console.log(Object.getPrototypeOf(res.getHeaders()), JSON.stringify(res.getHeaders()));
    res.statusCode = 202;
    res.statusMessage = 'Taken';
    res.end();
  } else if (req.url === '/object') {
    res.setHeader('X-Before', 'b');
    res.writeHead(201, 'Made', { 'X-After': 'a', 'Content-Type': 'text/plain' });
    console.log(res.headersSent, res.statusCode, res.statusMessage);
    res.end('made');
  } else if (req.url === '/raw') {
    res.writeHead(200, ['X-Dup', '1', 'X-Dup', '2', 'content-length', '2']);
    res.end('ok');
  } else {
    res.writeHead(200, [['X-Pair', 'p'], ['X-Pair', 'q']]);
    res.end();
  }
});

function raw(bytes) {
  return new Promise((resolve) => {
    const s = net.connect(server.address().port, '127.0.0.1');
    let out = '';
    s.setEncoding('latin1');
    s.on('data', (d) => (out += d));
    s.on('end', () => {
      console.log(out.replace(/Date: .*\r\n/g, '').split('\r\n'));
      resolve();
    });
    s.end(bytes);
  });
}

server.listen(0, async () => {
  const conn = 'Connection: close\r\n';
  await raw(`GET /staged HTTP/1.1\r\nHost: h\r\n${conn}\r\n`);
  await raw(`GET /object HTTP/1.1\r\nHost: h\r\nX-Multi: 1\r\nx-multi: 2\r\nCookie: a=1\r\nCookie: b=2\r\n${conn}\r\n`);
  await raw(`GET /raw HTTP/1.1\r\nHost: h\r\nUser-Agent: one\r\nUser-Agent: two\r\nSet-Cookie: s=1\r\n${conn}\r\n`);
  await raw(`GET /pairs HTTP/1.0\r\nhOsT: h\r\n\r\n`);
  for (const s of seen) console.log(s);
  server.close();
});
