// A worker's listen() that fails in the primary (EADDRINUSE) reports node's 'bind'
// error in the worker; bad send() arguments throw as child_process does.
const cluster = require('cluster');
const net = require('net');

if (cluster.isPrimary) {
  const blocker = net.createServer().listen(0, () => {
    const port = blocker.address().port;
    const w = cluster.fork({ PORT: String(port) });
    w.on('message', (m) => {
      console.log('worker reported', m.replace(String(port), 'PORT'));
    });
    w.on('exit', (code) => {
      console.log('exit', code);
      blocker.close();
    });
    try {
      w.send(Symbol('x'));
    } catch (e) {
      console.log(e.name, e.code);
    }
    try {
      w.send();
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
  });
} else {
  const server = net.createServer();
  server.on('error', (e) => {
    process.send(`${e.code} ${e.errno === require('os').constants.errno.EADDRINUSE * -1} ${e.syscall} ${e.address} ${typeof e.port} ${e.message} listening=${server.listening} ${server.address()}`);
    cluster.worker.disconnect();
  });
  server.listen(+process.env.PORT);
}
