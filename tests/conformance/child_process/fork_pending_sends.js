// Messages queued before disconnect() are delivered, and their callbacks are called.
const path = require('path');
const { fork } = require('child_process');
const c = fork(path.join(__dirname, 'fixtures', 'pending_child.js'));
const got = [];
c.on('message', (m) => got.push(m));
c.on('close', (code) => console.log('close', code, JSON.stringify(got)));
