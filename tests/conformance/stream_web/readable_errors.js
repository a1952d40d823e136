// Bad arguments and invalid states of ReadableStream, its readers and controllers.
'use strict';

function t(label, fn) {
  try {
    const r = fn();
    if (r && typeof r.then === 'function') {
      return r.then((v) => console.log(label, 'resolved', v), (e) => console.log(label, e.name, e.code, e.message));
    }
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

async function main() {
  t('source number', () => new ReadableStream(1));
  t('source null', () => new ReadableStream(null));
  t('bad type', () => new ReadableStream({ type: 'foo' }));
  t('pull not fn', () => new ReadableStream({ pull: 1 }));
  t('cancel not fn', () => new ReadableStream({ cancel: 'x' }));
  t('hwm negative', () => new ReadableStream({}, { highWaterMark: -1 }));
  t('hwm NaN', () => new ReadableStream({}, { highWaterMark: NaN }));
  t('size not fn', () => new ReadableStream({}, { size: 1 }));
  t('bytes with size', () => new ReadableStream({ type: 'bytes' }, { size: () => 1 }));
  t('strategy number', () => new ReadableStream({}, 1));
  t('locked getReader', () => { const r = new ReadableStream(); r.getReader(); r.getReader(); });
  t('byob on default', () => new ReadableStream().getReader({ mode: 'byob' }));
  t('bad mode', () => new ReadableStream().getReader({ mode: 'foo' }));
  t('options number', () => new ReadableStream().getReader(1));
  t('getReader this', () => ReadableStream.prototype.getReader.call({}));
  t('locked this', () => Object.getOwnPropertyDescriptor(ReadableStream.prototype, 'locked').get.call({}));
  t('reader ctor', () => new ReadableStreamDefaultReader(1));
  t('controller ctor', () => new ReadableStreamDefaultController());
  t('byob request ctor', () => new ReadableStreamBYOBRequest());
  t('byte controller ctor', () => new ReadableByteStreamController());
  t('close twice', () => new ReadableStream({ start(c) { c.close(); c.close(); } }));
  t('enqueue after close', () => new ReadableStream({ start(c) { c.close(); c.enqueue(1); } }));
  t('enqueue after error', () => new ReadableStream({ start(c) { c.error(1); c.enqueue(1); } }));
  t('from number', () => ReadableStream.from(1));
  t('from object', () => ReadableStream.from({}));
  t('values number', () => new ReadableStream().values(1));
  t('size throws', () => new ReadableStream({ start(c) { c.enqueue(1); } }, { size() { throw new Error('size!'); } }));
  await t('start throws', () => new ReadableStream({ start() { throw new RangeError('start!'); } }));
  const sizeErrored = new ReadableStream({ start(c) { try { c.enqueue(1); } catch {} } }, { size() { return -1; } });
  await t('bad size errors stream', () => sizeErrored.getReader().read());

  await t('cancel locked', () => { const r = new ReadableStream(); r.getReader(); return r.cancel(); });
  await t('cancel this', () => ReadableStream.prototype.cancel.call({}));
  await t('pipeTo number', () => new ReadableStream().pipeTo(1));
  await t('pipeTo locked dest', () => { const w = new WritableStream(); w.getWriter(); return new ReadableStream().pipeTo(w); });
  await t('pipeTo locked source', () => { const r = new ReadableStream(); r.getReader(); return r.pipeTo(new WritableStream()); });
  await t('pipeTo bad signal', () => new ReadableStream().pipeTo(new WritableStream(), { signal: 1 }));
  await t('pipeTo bad options', () => new ReadableStream().pipeTo(new WritableStream(), 1));
  t('pipeThrough number', () => new ReadableStream().pipeThrough(1));
  t('pipeThrough no readable', () => new ReadableStream().pipeThrough({ writable: new WritableStream() }));

  const rs = new ReadableStream();
  const reader = rs.getReader();
  const pending = reader.read();
  reader.releaseLock();
  await pending.catch((e) => console.log('pending after release', e.name, e.code, e.message));
  await reader.closed.catch((e) => console.log('closed after release', e.name, e.code, e.message));
  await t('read released', () => reader.read());
  await t('cancel released', () => reader.cancel());
  t('release twice', () => reader.releaseLock());
  console.log(rs.locked, rs.getReader() instanceof ReadableStreamDefaultReader);
  await t('read this', () => ReadableStreamDefaultReader.prototype.read.call({}));
}
main();
