// The hello-world server of `cargo xtask bench http`: res.end('hello') on 127.0.0.1:$PORT.
const http = require('http');

const server = http.createServer((req, res) => {
  res.end('hello');
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
