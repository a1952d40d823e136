// Client and server together: a keep-alive agent reuses one connection for sequential
// requests; a chunked upload (write without Content-Length) and a streamed chunked
// response; server-side 'connection' counts the sockets.
const http = require('http');

let connections = 0;
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    res.setHeader('X-Method', req.method);
    res.write(`${req.method} ${req.url} `);
    res.write(`te=${req.headers['transfer-encoding']} cl=${req.headers['content-length']} `);
    res.end(`body=${body}`);
  });
});
server.on('connection', () => connections++);

const agent = new http.Agent({ keepAlive: true });

function send(method, path, chunks) {
  return new Promise((resolve, reject) => {
    const req = http.request({ port: server.address().port, method, path, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        console.log(res.statusCode, res.headers['transfer-encoding'], res.headers.connection, res.headers['x-method'], text);
        resolve();
      });
    });
    req.on('error', reject);
    for (const c of chunks.slice(0, -1)) req.write(c);
    req.end(chunks[chunks.length - 1]);
  });
}

server.listen(0, async () => {
  await send('GET', '/one', []);
  await send('POST', '/two', ['a', 'b', 'c']);
  await send('PUT', '/three', ['whole']);
  console.log('connections', connections);
  agent.destroy();
  server.close(() => console.log('server closed'));
});
