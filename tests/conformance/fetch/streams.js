// fetch with web streams: Response.body as a ReadableStream, streamed request bodies
// (ReadableStream and async generators with duplex: 'half'), locked/disturbed checks.
const http = require('http');
const server = http.createServer((req, res) => {
  let n = 0;
  req.on('data', (d) => { n += d.length; });
  req.on('end', () => res.end(`${req.method} ${req.headers['transfer-encoding']} ${n}`));
}).listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const r = await fetch(base);
  console.log(Object.prototype.toString.call(r.body), r.body.locked, r.bodyUsed);
  const chunks = [];
  for await (const c of r.body) chunks.push(Buffer.from(c).toString());
  console.log(chunks.join(''), r.bodyUsed);
  await r.text().catch((e) => console.log(e.name, e.message));
  const body = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('abc')); c.enqueue(new Uint8Array(5)); c.close(); } });
  const p = await fetch(base, { method: 'POST', body, duplex: 'half' });
  console.log(await p.text());
  async function* gen() { yield new Uint8Array(3); yield new Uint8Array(4); }
  console.log(await (await fetch(base, { method: 'POST', body: gen(), duplex: 'half' })).text());
  await fetch(base, { method: 'POST', body: new ReadableStream() }).catch((e) => console.log(e.name, e.message));
  const bad = new ReadableStream({ start(c) { c.enqueue('str'); c.close(); } });
  // The request writer takes string chunks too.
  console.log(await (await fetch(base, { method: 'POST', body: bad, duplex: 'half' })).text());
  // Read as a body, a string chunk is an error.
  const strBody = new Response(new ReadableStream({ start(c) { c.enqueue('s'); c.close(); } }));
  await strBody.text().catch((e) => console.log(e.name, e.message));
  const resp = new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('streamed')); c.close(); } }));
  console.log(await resp.clone().text(), await resp.text());
  const used = new ReadableStream(); used.getReader();
  try { new Response(used); } catch (e) { console.log(e.name, e.message); }
  console.log(new Response('x').body instanceof ReadableStream, new Response(null).body);
  const rr = new Response('abc'); const rd = rr.body.getReader(); console.log(rr.bodyUsed, (await rd.read()).value, rr.bodyUsed);
  server.close();
});
