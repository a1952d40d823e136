// Argument errors of the random functions: class, code, message.
const crypto = require('crypto');
function t(label, f) {
  try {
    f();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
t('bytes -1', () => crypto.randomBytes(-1));
t('bytes str', () => crypto.randomBytes('1'));
t('bytes big', () => crypto.randomBytes(2 ** 31));
t('bytes NaN', () => crypto.randomBytes(NaN));
t('bytes none', () => crypto.randomBytes());
t('bytes cb', () => crypto.randomBytes(1, 5));
t('fill offset', () => crypto.randomFillSync(new Uint8Array(4), 5));
t('fill offset u32', () => crypto.randomFillSync(new Uint32Array(4), 5));
t('fill size', () => crypto.randomFillSync(new Uint8Array(4), 1, 4));
t('fill size u32', () => crypto.randomFillSync(new Uint32Array(4), 2, 3));
t('fill neg', () => crypto.randomFillSync(new Uint8Array(4), -1));
t('fill offset str', () => crypto.randomFillSync(new Uint8Array(4), 'a'));
t('fill size neg', () => crypto.randomFillSync(new Uint8Array(4), 0, -1));
t('fill array', () => crypto.randomFillSync([1]));
t('fill no cb', () => crypto.randomFill(new Uint8Array(4)));
for (const args of [[0], [-1], [10, 5], [1, 1], [1.5], ['1'], [0, 2 ** 48], [2 ** 53], [-(2 ** 53), 0], [NaN], [1, 2, 3]]) {
  t(`randomInt ${JSON.stringify(args)}`, () => crypto.randomInt(...args));
}
t('uuid options', () => crypto.randomUUID(1));
t('uuid cache', () => crypto.randomUUID({ disableEntropyCache: 1 }));
t('grv float', () => crypto.getRandomValues(new Float32Array(4)));
t('grv big', () => crypto.getRandomValues(new Uint8Array(65537)));
t('grv none', () => crypto.getRandomValues());
t('grv this', () => globalThis.crypto.getRandomValues.call({}, new Uint8Array(1)));
t('tse length', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
t('tse buf1', () => crypto.timingSafeEqual('a', Buffer.from('ab')));
t('tse buf2', () => crypto.timingSafeEqual(Buffer.from('a'), 'b'));
console.log(crypto.timingSafeEqual(new Uint16Array([1]), Buffer.from([1, 0])), crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')));
console.log(crypto.timingSafeEqual(new ArrayBuffer(2), new Uint16Array(1)));
t('webcrypto ctor', () => new crypto.webcrypto.constructor());
