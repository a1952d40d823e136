// fork: the JSON channel both ways, send callbacks, internal ordering, disconnect.
const path = require('path');
const { fork, spawn } = require('child_process');

(async () => {
  const c = fork(path.join(__dirname, 'fixtures', 'ipc_child.js'), ['one', 'two']);
  console.log('parent', c.connected, typeof c.channel, c.stdio.length, c.stdin, c.stdout);
  const got = [];
  let sendCb = 'not called';
  c.on('message', (m) => {
    got.push(m);
    // Printed here, not in the callback: the child's own output would race it.
    if (m.bye) console.log('send cb', sendCb, 'messages', JSON.stringify(got));
  });
  c.send('text');
  c.send(42);
  c.send(true);
  c.send(null);
  c.send([1, { deep: [2, 3] }]);
  c.send({ undef: undefined, date: new Date(0), nan: NaN, str: 'line\nbreak' }, (err) => { sendCb = err; });
  c.send('stop');
  c.on('disconnect', () => console.log('parent disconnect', c.connected));
  await new Promise((r) => c.on('close', (code, sig) => { console.log('close', code, sig); r(); }));
  console.log('send after close', c.send('late', (err) => console.log('late cb', err.code, err.message)));

  const q = fork(path.join(__dirname, 'fixtures', 'quiet_child.js'));
  await new Promise((r) => q.on('exit', (code) => { console.log('quiet exit', code, q.connected); r(); }));

  const s = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'ipc_child.js'), 'spawned'], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  s.on('message', (m) => {
    console.log('spawned child says', m);
    if (m.echo !== undefined) s.send('stop');
  });
  s.send({ hello: 'via stdio ipc' });
  await new Promise((r) => s.on('close', r));
  try {
    fork('x.js', { serialization: 'bogus' });
  } catch (e) {
    console.log(e.code, e.message);
  }
})();
