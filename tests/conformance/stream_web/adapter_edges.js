// Edges of the node ↔ web bridges and node's predicates on web streams: cancel without a
// reason, a node side ended or destroyed behind the web side's back, sides that are not
// readable/writable, isReadable/isErrored/isDisturbed, null options and strategies.
'use strict';
const { Readable, Writable, PassThrough, Duplex, isReadable, isErrored, isDisturbed, isWritable } = require('stream');

const code = (e) => `${e.name} ${e.code}`;

async function main() {
  const r = new Readable({ read() {} });
  r.on('error', (e) => console.log('node readable error', code(e)));
  r.on('close', () => console.log('node readable close'));
  await Readable.toWeb(r).cancel().then(() => console.log('cancel resolved'));

  const w = new Writable({ write(c, e, cb) { cb(); } });
  const wsWriter = Writable.toWeb(w).getWriter();
  w.end();
  await wsWriter.closed.then(() => console.log('closed resolved'), (e) => console.log('closed rejected', code(e)));

  const d = new PassThrough();
  const { readable, writable } = Duplex.toWeb(d);
  const reader = readable.getReader();
  const writer = writable.getWriter();
  const closedR = reader.closed.catch((e) => console.log('reader closed', code(e), e.cause && e.cause.code));
  const closedW = writer.closed.catch((e) => console.log('writer closed', code(e)));
  d.destroy();
  await Promise.all([closedR, closedW]);

  const readOnly = Duplex.toWeb(new PassThrough({ writable: false }));
  await readOnly.writable.getWriter().closed.then(() => console.log('writable side closed'));
  const destroyed = new Readable({ read() {} });
  destroyed.destroy();
  console.log(Readable.toWeb(destroyed));
  try {
    Duplex.toWeb(new Readable({ read() {} }));
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }

  const rs = new ReadableStream({ start(c) { c.enqueue(1); } });
  console.log(isReadable(rs), isErrored(rs), isDisturbed(rs), isWritable(rs));
  await rs.getReader().read();
  console.log(isDisturbed(rs));
  const errored = new ReadableStream({ start(c) { c.error(new Error('x')); } });
  console.log(isReadable(errored), isErrored(errored), isDisturbed(errored));

  console.log(new ReadableStream({}, null), new WritableStream({}, null), new TransformStream({}, null, null));
  console.log(new ReadableStream().getReader(null), new ReadableStream().values(null)[Symbol.asyncIterator] !== undefined);
}
main();
