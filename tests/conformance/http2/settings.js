// http2's SETTINGS helpers and constants; loading the module works.
const http2 = require('http2');
// Warnings print through the default 'warning' listener; show them on stdout instead.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));

console.log(http2.getDefaultSettings());
console.log(http2.getPackedSettings({
  headerTableSize: 1, enablePush: true, maxConcurrentStreams: 5, initialWindowSize: 100,
  maxFrameSize: 16384, maxHeaderListSize: 99, enableConnectProtocol: true,
}));
console.log(http2.getPackedSettings(), http2.getPackedSettings({ maxHeaderSize: 5 }));
console.log(http2.getUnpackedSettings(http2.getPackedSettings({ enablePush: false, maxFrameSize: 20000 })));
console.log(http2.getUnpackedSettings(Buffer.from([0, 6, 0, 0, 0, 5, 0, 2, 0, 0, 0, 0])));
console.log(http2.getUnpackedSettings(Buffer.from([0, 2, 0, 0, 0, 5, 0, 9, 0, 0, 0, 1, 0, 8, 0, 0, 0, 0])));
console.log(http2.getUnpackedSettings(new Uint8Array([0, 4, 0, 0, 1, 0])));
const bad = [
  () => http2.getPackedSettings({ headerTableSize: -1 }),
  () => http2.getPackedSettings({ enablePush: 1 }),
  () => http2.getPackedSettings({ maxFrameSize: 100 }),
  () => http2.getPackedSettings({ initialWindowSize: 2 ** 31 }),
  () => http2.getPackedSettings({ maxConcurrentStreams: 1.5 }),
  () => http2.getPackedSettings(5),
  () => http2.getUnpackedSettings(Buffer.alloc(5)),
  () => http2.getUnpackedSettings('x'),
  () => http2.getUnpackedSettings(Buffer.from([0, 5, 0, 0, 0, 1]), { validate: true }),
];
for (const f of bad) {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
const c = http2.constants;
console.log(c.HTTP2_HEADER_STATUS, c.HTTP2_HEADER_CONTENT_TYPE, c.HTTP2_METHOD_GET, c.HTTP_STATUS_OK,
  c.NGHTTP2_CANCEL, c.NGHTTP2_SETTINGS_MAX_FRAME_SIZE, c.HTTP_STATUS_IM_A_TEAPOT, Object.keys(c).length);
console.log(typeof http2.sensitiveHeaders, String(http2.sensitiveHeaders));
