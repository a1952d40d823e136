// Popular npm packages under nrt: HTTP clients and servers (axios, node-fetch, koa,
// fastify, ws, socket.io), files and archives (fs-extra, glob, tar), and libraries that
// lean on the language and small node APIs. Everything runs on 127.0.0.1 in one process;
// the output is what node printed (popular_apps.stdout).
const http = require('http');
const os = require('os');
const path = require('path');
const crypto = require('crypto');

function get(url, headers) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve([res, Buffer.concat(chunks).toString()]));
    }).on('error', reject);
  });
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function clients() {
  const axios = require('axios');
  const fetch = require('node-fetch');
  const srv = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: req.method, url: req.url, body, type: req.headers['content-type'] }));
    });
  });
  const base = `http://127.0.0.1:${await listen(srv)}`;
  const r = await axios.get(`${base}/x?a=1`);
  console.log('axios get', r.status, r.data);
  const p = await axios.post(`${base}/p`, { hello: 'world' });
  console.log('axios post', p.status, p.data);
  try {
    await axios.get('http://127.0.0.1:1/');
  } catch (e) {
    console.log('axios error', e.code, e.message);
  }
  const f = await fetch(`${base}/nf`, { method: 'PUT', body: 'b' });
  console.log('node-fetch', f.status, await f.json());
  srv.close();
}

async function koa() {
  const Koa = require('koa');
  const app = new Koa();
  app.use(async (ctx, next) => {
    await next();
    ctx.set('X-T', 'ok');
  });
  app.use(async (ctx) => {
    ctx.body = { path: ctx.path, q: ctx.query };
  });
  const srv = app.listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const [res, body] = await get(`http://127.0.0.1:${srv.address().port}/hi?x=1`);
  console.log('koa', res.statusCode, res.headers['x-t'], body);
  srv.close();
}

async function fastify() {
  const app = require('fastify')();
  app.get('/hi/:name', async (req) => ({ hello: req.params.name }));
  app.post('/echo', async (req) => req.body);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = app.server.address().port;
  const [res, body] = await get(`http://127.0.0.1:${port}/hi/bob`);
  console.log('fastify', res.statusCode, body);
  const p = await app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
  console.log('fastify inject', p.statusCode, p.body);
  await app.close();
}

// ws's server, spoken to by a hand-made client (the upgrade request and one masked frame).
async function ws() {
  const { WebSocketServer } = require('ws');
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (s) => s.on('message', (m) => s.send(`echo:${m}`)));
  const key = crypto.randomBytes(16).toString('base64');
  await new Promise((resolve) => {
    const req = http.request({
      port: wss.address().port,
      host: '127.0.0.1',
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': key, 'Sec-WebSocket-Version': '13' },
    });
    req.on('upgrade', (res, socket) => {
      const accept = crypto.createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      console.log('ws upgrade', res.statusCode, res.headers['sec-websocket-accept'] === accept);
      const mask = Buffer.from([1, 2, 3, 4]);
      const payload = Buffer.from('hi').map((b, i) => b ^ mask[i % 4]);
      socket.write(Buffer.concat([Buffer.from([0x81, 0x82]), mask, payload]));
      let got = Buffer.alloc(0);
      socket.on('data', (d) => {
        got = Buffer.concat([got, d]);
        if (got.length < 2 || got.length < 2 + got[1]) return;
        console.log('ws frame', got[0].toString(16), got.subarray(2).toString());
        socket.destroy();
        wss.close(resolve);
      });
    });
    req.end();
  });
}

async function socketio() {
  const { Server } = require('socket.io');
  const srv = http.createServer();
  const io = new Server(srv);
  const port = await listen(srv);
  const [res, body] = await get(`http://127.0.0.1:${port}/socket.io/?EIO=4&transport=polling`);
  const open = JSON.parse(body.slice(1));
  console.log('socket.io', res.statusCode, body[0], open.upgrades, open.pingInterval);
  io.close();
}

function files() {
  const fse = require('fs-extra');
  const { globSync } = require('glob');
  const tar = require('tar');
  const d = fse.mkdtempSync(path.join(os.tmpdir(), 'nrt-popular-'));
  fse.outputFileSync(path.join(d, 'a/b/c/f.txt'), 'hi');
  fse.writeJsonSync(path.join(d, 'j.json'), { x: 1 });
  fse.copySync(path.join(d, 'a'), path.join(d, 'copy'));
  console.log('fs-extra/glob', globSync('**/*.txt', { cwd: d, posix: true }).sort(), fse.readJsonSync(path.join(d, 'j.json')));
  tar.c({ gzip: true, file: path.join(d, 'x.tgz'), cwd: d, sync: true }, ['a']);
  fse.mkdirSync(path.join(d, 'out'));
  tar.x({ file: path.join(d, 'x.tgz'), cwd: path.join(d, 'out'), sync: true });
  console.log('tar', fse.readFileSync(path.join(d, 'out/a/b/c/f.txt'), 'utf8'));
  fse.removeSync(d);
  console.log('removed', fse.existsSync(d));
}

async function libraries() {
  const _ = require('lodash');
  console.log('lodash', _.chunk([1, 2, 3, 4, 5], 2), _.camelCase('Foo Bar'), _.debounce.name);
  console.log('chalk', JSON.stringify(new (require('chalk').Instance)({ level: 1 }).red('x')));
  const { Command } = require('commander');
  const prog = new Command();
  prog.option('-d, --debug').argument('<f>');
  prog.parse(['node', 'x', '-d', 'file']);
  console.log('commander', prog.opts(), prog.args);
  const dayjs = require('dayjs');
  console.log('dayjs', dayjs('2020-01-02T03:04:05Z').add(1, 'day').toISOString());
  const uuid = require('uuid');
  console.log('uuid', uuid.validate(uuid.v4()), uuid.v5('x', uuid.v5.URL));
  const semver = require('semver');
  console.log('semver', semver.satisfies('1.2.3', '^1.0.0'), semver.inc('1.2.3', 'minor'));
  const bcrypt = require('bcryptjs');
  const h = bcrypt.hashSync('pw', 4);
  console.log('bcryptjs', bcrypt.compareSync('pw', h), bcrypt.compareSync('no', h));
  const qs = require('qs');
  console.log('qs', qs.parse('a[b]=1&c=2'), qs.stringify({ a: { b: [1, 2] } }));
  const { z } = require('zod');
  console.log('zod', z.object({ a: z.number() }).safeParse({ a: 'x' }).success);
  const Ajv = require('ajv');
  console.log('ajv', new Ajv().validate({ type: 'object', properties: { a: { type: 'number' } } }, { a: 1 }));
  const YAML = require('yaml');
  console.log('yaml', YAML.parse('a: [1, 2]\nb: x'), JSON.stringify(YAML.stringify({ q: [1] })));
  console.log('handlebars', require('handlebars').compile('Hi {{name}}!')({ name: '<b>' }));
  console.log('ejs', require('ejs').render('<%= x %>/<%- x %>', { x: '<i>' }));
  console.log('pug', require('pug').render('p Hello #{n}', { n: 'pug' }));
  const df = require('date-fns');
  console.log('date-fns', df.format(new Date(2020, 0, 2), 'yyyy-MM-dd'), df.differenceInDays(new Date(2020, 0, 9), new Date(2020, 0, 2)));
  const iconv = require('iconv-lite');
  console.log('iconv-lite', iconv.decode(iconv.encode('héllo', 'win1252'), 'win1252'), iconv.encode('é', 'win1252'));
  console.log('minimist', require('minimist')(['-x', '3', '--y=4', 'z']));
  const { produce } = require('immer');
  console.log('immer', produce({ a: 1 }, (d) => { d.a = 2; }));
  const rx = require('rxjs');
  console.log('rxjs', await rx.lastValueFrom(rx.of(1, 2, 3).pipe(rx.map((x) => x * 2), rx.toArray())));
  await require('bluebird').delay(1);
  console.log('bluebird', await require('bluebird').map([1, 2], (x) => x + 1));
  console.log('async', await require('async').mapSeries([1, 2], async (x) => x * 3));
  const cheerio = require('cheerio');
  console.log('cheerio', cheerio.load('<ul><li class=a>x</li><li>y</li></ul>')('li').map((i, e) => cheerio.load(e).text()).get());
}

(async () => {
  await clients();
  await koa();
  await fastify();
  await ws();
  await socketio();
  files();
  await libraries();
  console.log('done');
})().catch((e) => {
  console.log('FAILED', e);
  process.exitCode = 1;
});
