// string_decoder: unknown encodings and bad chunks.
const { StringDecoder } = require('string_decoder');
const t = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
for (const enc of ['bad', 'utf7', 'UTF-32', 5, {}, { a: 1 }, [1], { toString() { return 'hex'; } }, true, -0, 'buffer', 'base-64']) {
  t(`new ${String(enc)}`, () => new StringDecoder(enc).encoding);
}
for (const enc of ['UTF8', 'Utf-8', 'UCS-2', 'ucs2', 'LATIN1', 'Binary', 'HEX', 'ASCII', 'BASE64', 'base64URL', 'utf16le']) {
  t(`new ${enc}`, () => new StringDecoder(enc).encoding);
}
const d = new StringDecoder('utf8');
for (const bad of [undefined, null, 1, true, {}, [1, 2], new ArrayBuffer(2), 10n]) {
  t('write', () => d.write(bad));
}
t('end', () => d.end(5));
t('end null', () => d.end(null));
t('write this', () => StringDecoder.prototype.write.call({}, new Uint8Array(1)));
