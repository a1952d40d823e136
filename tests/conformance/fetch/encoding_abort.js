// fetch: content-encoding decoding, AbortSignal cancellation before, during and after the
// response head, and AbortSignal.timeout.
const http = require('http');
const zlib = require('zlib');

const text = 'hello '.repeat(50);
const held = [];
const server = http.createServer((req, res) => {
  const send = (coding, body) => {
    res.setHeader('content-encoding', coding);
    res.end(body);
  };
  switch (req.url) {
    case '/gzip': return send('gzip', zlib.gzipSync(text));
    case '/xgzip': return send('x-gzip', zlib.gzipSync(text));
    case '/deflate': return send('deflate', zlib.deflateSync(text));
    case '/br': return send('br', zlib.brotliCompressSync(text));
    case '/two': return send('deflate, gzip', zlib.gzipSync(zlib.deflateSync(text)));
    case '/unknown': return send('identity-ish', text);
    case '/bad': return send('gzip', 'not gzip at all');
    case '/slow': held.push(res); res.writeHead(200); res.write('first'); return; // never ends
    case '/hang': held.push(res); return; // never answers
    default: res.end(text);
  }
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const p of ['/gzip', '/xgzip', '/deflate', '/br', '/two', '/unknown', '/plain']) {
    const r = await fetch(base + p);
    const body = await r.text();
    console.log(p, r.headers.get('content-encoding'), body === text, body.length);
  }
  const bad = await fetch(base + '/bad');
  try {
    await bad.text();
  } catch (e) {
    console.log('bad', e.name, e.message, e.cause && e.cause.code);
  }

  const pre = AbortSignal.abort();
  await fetch(base + '/plain', { signal: pre }).catch((e) => console.log('pre', e.name, e.message, e instanceof DOMException));
  const reason = new Error('mine');
  await fetch(base + '/plain', { signal: AbortSignal.abort(reason) }).catch((e) => console.log('reason', e === reason));

  const ac = new AbortController();
  const p = fetch(base + '/hang', { signal: ac.signal });
  setTimeout(() => ac.abort(), 20);
  await p.catch((e) => console.log('during', e.name, e.message, e.code));

  const ac2 = new AbortController();
  const r = await fetch(base + '/slow', { signal: ac2.signal });
  console.log('head', r.status);
  const t = r.text();
  setTimeout(() => ac2.abort(), 20);
  await t.catch((e) => console.log('body', e.name, e.message));

  await fetch(base + '/hang', { signal: AbortSignal.timeout(30) }).catch((e) => console.log('timeout', e.name, e.message, e.code));
  for (const res of held) res.destroy();
  server.close();
});
