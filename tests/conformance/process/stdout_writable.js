// process.stdout and process.stderr are stream.Writables (writes to a pipe are synchronous).
const { Writable, Readable } = require('stream');

const out = process.stdout;
const calls = [];
console.log('instanceof Writable', out instanceof Writable, process.stderr instanceof Writable);
console.log('writable', out.writable, 'objectMode', out.writableObjectMode, 'hwm', out.writableHighWaterMark);
console.log('state', typeof out._writableState, out._writableState.objectMode, out.writableEnded, out.destroyed);
console.log('write returns', out.write('plain write\n'));
console.log('length after write', out.writableLength, 'needDrain', out.writableNeedDrain);
out.write('with callback\n', (err) => calls.push(`cb1 ${err}`));
out.write('with encoding\n', 'utf8', (err) => calls.push(`cb2 ${err}`));
out.write(new Uint8Array([98, 121, 116, 101, 115, 10]));
out.cork();
out.write('corked ');
out.write('writes\n');
out.uncork();
for (const bad of [5, null, {}]) {
  try {
    out.write(bad);
  } catch (e) {
    console.log(e.name, e.code);
  }
}
process.stderr.write('to stderr\n', () => calls.push('stderr cb'));
const r = Readable.from(['piped ', 'into ', 'stdout\n']);
r.pipe(out);
r.on('end', () => {
  setTimeout(() => {
    console.log('stdout still writable after the pipe ended', out.writable, out.writableEnded);
    console.log('callbacks', calls.sort());
    const patched = out.write;
    out.write = function (s) {
      return patched.call(this, `[patched] ${s}`);
    };
    console.log('console.log goes through process.stdout.write');
    out.write = patched;
  }, 5);
});
