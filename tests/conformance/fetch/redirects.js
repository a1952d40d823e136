// fetch against a local server: redirect modes and rules, the request head undici sends,
// data: URLs, and network errors (TypeError: fetch failed with the cause).
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.url === '/loop') { res.writeHead(302, { location: '/loop' }); return res.end(); }
  if (req.url.startsWith('/to/')) { res.writeHead(+req.url.slice(4), { location: '/dest' }); return res.end(); }
  if (req.url === '/ftp') { res.writeHead(302, { location: 'ftp://example.com/' }); return res.end(); }
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.setHeader('set-cookie', ['a=1', 'b=2']);
    res.setHeader('X-Custom', 'yes');
    // The host header carries the port: left out.
    res.end(JSON.stringify([req.method, req.url, req.rawHeaders.filter((_, i) => i !== 1), body]));
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const fail = async (p) => {
    try {
      await p;
      console.log('resolved?');
    } catch (e) {
      console.log(e.name, e.message, '| cause:', e.cause && e.cause.name, e.cause && e.cause.message, e.cause && e.cause.code);
    }
  };
  await fail(fetch(`${base}/loop`));
  await fail(fetch(`${base}/to/301`, { redirect: 'error' }));
  await fail(fetch(`${base}/ftp`));
  for (const status of [301, 302, 303, 307, 308]) {
    const r = await fetch(`${base}/to/${status}`, { method: 'POST', body: 'payload', headers: { 'content-type': 'text/x' } });
    console.log(status, r.status, r.redirected, r.url.replace(base, 'BASE'), r.type, await r.text());
  }
  const m = await fetch(`${base}/to/302`, { redirect: 'manual' });
  console.log('manual', m.status, m.redirected, m.type, m.url.replace(base, 'BASE'), m.headers.get('location'));
  const r = await fetch(`${base}/h`);
  console.log(r.status, r.statusText, r.ok, [...r.headers].filter(([k]) => k !== 'date'));
  console.log(r.headers.getSetCookie(), r.headers.get('set-cookie'), r.headers.get('x-custom'));
  try { r.headers.set('a', 'b'); } catch (e) { console.log(e.name, e.message); }
  await r.arrayBuffer();
  const inits = [
    { method: 'POST', body: 'abc', headers: { 'X-B': '1', 'Content-Type': 'a' } },
    { method: 'POST' },
    { method: 'put', body: new Uint8Array(3) },
    { method: 'DELETE' },
    { method: 'POST', body: new URLSearchParams('a=1&b=2') },
    { method: 'post', body: new Blob(['x'], { type: 'q/r' }) },
    { method: 'PATCH', headers: [['accept', 'x'], ['user-agent', 'me'], ['accept-encoding', 'br']] },
    { method: 'HEAD' },
  ];
  for (const init of inits) {
    const res = await fetch(`${base}/p?q=1#frag`, init);
    console.log(init.method, await res.text());
  }
  const d = await fetch('data:text/plain;base64,aGVsbG8=');
  console.log(d.status, d.statusText, [...d.headers], d.url, await d.text());
  const d2 = await fetch('data:,a%20b#x');
  console.log([...d2.headers], d2.url, await d2.text());
  await fail(fetch('data:nocomma'));
  await fail(fetch('ftp://example.com/'));
  await fail(fetch('/relative'));
  await fail(fetch('http://127.0.0.1:1/'));
  await fail(fetch('http://u:p@127.0.0.1/'));
  await fail(fetch(`${base}/`, { method: 'GET', body: 'x' }));
  await fail(fetch(`${base}/`, { method: 'CONNECT' }));
  await fail(fetch());
  server.close();

  const closed = http.createServer();
  closed.listen(0, '127.0.0.1', () => {
    const port = closed.address().port;
    closed.close(async () => {
      try {
        await fetch(`http://127.0.0.1:${port}/`);
      } catch (e) {
        const c = e.cause;
        console.log(e.message, c.name, c.code, c.errno, c.syscall, c.address, c.port === port, c.message.replace(String(port), 'PORT'));
      }
    });
  });
});
