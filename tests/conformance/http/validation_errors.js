// Argument and state errors of the http API: class, code and message as node's.
const http = require('http');

const t = (what, f) => {
  try {
    f();
    console.log(what, 'ok');
  } catch (e) {
    console.log(what, e.name, e.code, e.message);
  }
};
t('name', () => http.validateHeaderName('bad name'));
t('empty name', () => http.validateHeaderName(''));
t('undefined value', () => http.validateHeaderValue('x', undefined));
t('newline value', () => http.validateHeaderValue('x', 'a\nb'));
t('number value', () => http.validateHeaderValue('x', 12));
t('bad method', () => http.request({ method: 'BAD METHOD' }));
t('bad protocol', () => http.request('https://127.0.0.1/'));
console.log(http.maxHeaderSize, http.METHODS.includes('PATCH'), http.STATUS_CODES[418], http.STATUS_CODES[404]);
console.log(http.globalAgent instanceof http.Agent, http.globalAgent.keepAlive, new http.Agent().maxSockets);

const server = http.createServer((req, res) => {
  t('setHeader name', () => res.setHeader('bad name', 'x'));
  t('setHeader value', () => res.setHeader('x', ['a', 'b\r']));
  t('status 1000', () => res.writeHead(1000));
  t('status 99', () => res.writeHead(99, 'x'));
  t('write number', () => res.write(12));
  t('write null', () => res.write(null));
  res.writeHead(201, { 'X-Y': 'z' });
  t('setHeader after', () => res.setHeader('a', 'b'));
  t('writeHead after', () => res.writeHead(200));
  t('removeHeader after', () => res.removeHeader('a'));
  res.end('x');
  res.on('error', (e) => console.log('res error', e.code, e.message));
  console.log('late write returns', res.write('late', (e) => console.log('write cb', e && e.code)));
});
server.listen(0, () => {
  http.get({ port: server.address().port }, (res) => {
    res.resume();
    res.on('end', () => {
      console.log(res.statusCode, res.headers['x-y']);
      server.close();
    });
  });
});
