// Request and Response: constructors, the body mixin, clone, FormData round trips.
const show = async (f) => {
  try {
    console.log('ok', await f());
  } catch (e) {
    console.log(e.name, e.code, e.message, e.cause ? e.cause.message : '');
  }
};
(async () => {
  const r = new Response('{"a":1}', { status: 201, statusText: 'Made', headers: { x: 'y' } });
  console.log(r.status, r.statusText, r.ok, r.type, r.url, r.redirected, r.bodyUsed, [...r.headers]);
  const c = r.clone();
  console.log(await r.json(), r.bodyUsed, await c.text());
  await show(() => r.text());
  await show(() => r.clone());
  await new Response('nope').json().catch((e) => console.log('json', e.name));
  await show(() => new Response('nope').formData());
  await show(() => Response.prototype.text.call({}));
  console.log(await new Response(new Uint8Array([1, 2])).arrayBuffer());
  const b = await new Response('hey', { headers: { 'content-type': 'text/Plain' } }).blob();
  console.log(b.size, b.type, await b.text());
  console.log(await new Response().text(), new Response().status, new Response(null, { status: 204 }).body);
  console.log(await new Response(new Blob(['blob body'])).text());
  console.log(await new Response('\ufeffbom').text());
  await show(() => new Response('x', { status: 99 }));
  await show(() => new Response('x', { status: 204 }));
  await show(() => new Response('', { statusText: 'a\nb' }));
  const e = Response.error();
  console.log(e.type, e.status, e.ok, e.body, [...e.headers]);
  const j = Response.json({ a: [1] }, { status: 202 });
  console.log(j.status, j.headers.get('content-type'), await j.text());
  await show(() => Response.json(undefined));
  const red = Response.redirect('http://example.com/x', 307);
  console.log(red.status, red.headers.get('location'));
  await show(() => Response.redirect('/x'));
  await show(() => Response.redirect('http://example.com/', 200));

  const q = new Request('http://example.com/x?y#z', { method: 'post', body: 'z', headers: { a: 'b' } });
  console.log(q.method, q.url, q.mode, q.credentials, q.cache, q.redirect, q.referrer, q.keepalive, q.destination, q.signal.aborted, [...q.headers]);
  const q2 = new Request(q, { headers: { c: 'd' } });
  console.log(q.bodyUsed, q2.method, [...q2.headers], await q2.text());
  const q3 = new Request('http://example.com/', { method: 'PUT', body: 'again' });
  const q4 = q3.clone();
  console.log(await q3.text(), await q4.text(), q3.bodyUsed, q4.bodyUsed);
  console.log(new Request('http://example.com/', { method: 'delete' }).method, new Request('http://example.com/', { method: 'Get' }).method);
  await show(() => new Request());
  await show(() => new Request('/x'));
  await show(() => new Request('http://a.com', { method: 'bad method' }));
  await show(() => new Request('http://a.com', { method: 'TRACE' }));
  await show(() => new Request('http://a.com', { mode: 'navigate' }));
  await show(() => new Request('http://a.com', { redirect: 'x' }));
  await show(() => new Request('http://a.com', { signal: 5 }));
  const ac = new AbortController();
  const sq = new Request('http://a.com', { signal: ac.signal });
  ac.abort();
  console.log(sq.signal.aborted, sq.signal.reason.name);

  const fd = new FormData();
  fd.append('a', 'x\ny');
  fd.append('f', new Blob(['abc'], { type: 'text/x' }), 'f.txt');
  fd.append('g', new File(['q'], 'g.bin'));
  fd.append('b', new Blob(['b']));
  console.log(fd.get('f').name, fd.get('b').name, fd.getAll('a'), fd.has('g'), [...fd.keys()]);
  const req = new Request('http://example.com/', { method: 'POST', body: fd });
  const type = req.headers.get('content-type');
  console.log(/^multipart\/form-data; boundary=----formdata-undici-0\d{11}$/.test(type));
  const boundary = type.split('=')[1];
  console.log(JSON.stringify((await req.clone().text()).split(boundary).join('BOUNDARY')));
  const back = await req.formData();
  for (const [k, v] of back) {
    console.log(k, typeof v === 'string' ? JSON.stringify(v) : [v.constructor.name, v.name, v.type, v.size, await v.text()]);
  }
  console.log([...await new Response(new URLSearchParams('a=1&b=%20x&a=2')).formData()]);
  fd.set('a', 'y');
  fd.delete('g');
  console.log(fd.has('g'), fd.getAll('a'), [...fd.keys()]);
  await show(() => fd.append('a'));
  await show(() => fd.append('a', 'x', 'name'));
  await show(() => new FormData({}));
  await show(() => new Response('garbage', { headers: { 'content-type': 'multipart/form-data; boundary=xx' } }).formData());
  await show(() => new Response('x', { headers: { 'content-type': 'multipart/form-data' } }).formData());
})();
