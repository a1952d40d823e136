// The seed guide's Express examples (cors, express.json, multer disk upload) driven by
// http requests from the same process.
const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const express = require('express');
const cors = require('cors');
const multer = require('multer');

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-uploads-'));
const upload = multer({ dest: uploads });
const app = express();
app.use(cors({ origin: 'http://localhost:3000', methods: ['GET', 'POST'] }));
app.use(express.json());
app.get('/data', (req, res) => res.json({ message: 'CORS is working!' }));
app.post('/echo', (req, res) => res.status(201).json({ got: req.body }));
app.post('/upload', upload.single('file'), (req, res) => {
  const { fieldname, originalname, mimetype, size } = req.file;
  console.log('file', fieldname, originalname, mimetype, size, fs.statSync(req.file.path).size);
  res.send('File uploaded!');
});

function request(port, method, p, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, method, path: p, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve([res.statusCode, res.headers['content-type'],
        res.headers['access-control-allow-origin'], Buffer.concat(chunks).toString()]));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  console.log(await request(port, 'GET', '/data', { origin: 'http://localhost:3000' }));
  console.log(await request(port, 'OPTIONS', '/data', { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' }));
  console.log(await request(port, 'POST', '/echo', { 'content-type': 'application/json' }, JSON.stringify({ a: [1, 'two'] })));
  const boundary = 'nrtboundary42';
  const payload = Buffer.alloc(200000, 7);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="blob.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n'),
    payload,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  console.log(await request(port, 'POST', '/upload', { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length }, body));
  const missing = await request(port, 'GET', '/missing', {});
  console.log(missing[0], missing[3].includes('Cannot GET /missing'));
  server.close(() => {
    fs.rmSync(uploads, { recursive: true, force: true });
    console.log('closed');
  });
});
