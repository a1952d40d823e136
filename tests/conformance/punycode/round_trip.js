// punycode: RFC 3492 encode/decode, the IDNA label helpers and the UCS-2 helpers.
const punycode = require('punycode');

console.log(punycode.version, Object.keys(punycode), Object.keys(punycode.ucs2));
const words = ['mañana', 'bücher', 'ü', 'abc', '他们为什么不说中文', '☃-⌘', '', 'a-b-', 'ﬁ',
  'Pročprostěnemluvíčesky', 'ليهمابتكلموشعربي؟', '\u{1F600}smile', 'MajiでKoiする5秒前'];
for (const w of words) {
  const enc = punycode.encode(w);
  console.log(JSON.stringify(w), enc, punycode.decode(enc) === w, punycode.toASCII(w));
}
console.log(punycode.decode('ihqwcrb4cv8a8dqg056pqjye'), punycode.decode('MajiKoi5-783gue6qz075azm5e'));
console.log(punycode.toUnicode('xn--maana-pta.com'), punycode.toUnicode('Xn--maana-pta.COM'),
  punycode.toUnicode('XN--MAANA-PTA'));
console.log(punycode.toASCII('mañana.com@bücher'), punycode.toASCII('mañana。com'),
  punycode.toASCII('a．b｡ç'));
console.log(punycode.ucs2.decode('\uD834\uDF06a\uD800'), punycode.ucs2.encode([0x1D306, 97, 0xD800]).length);
for (const bad of ['\x80', 'a-!', '99999999999999', 'ü-a', 'zz']) {
  try {
    console.log(JSON.stringify(punycode.decode(bad)));
  } catch (e) {
    console.log(JSON.stringify(bad), e.name, e.message, e.code);
  }
}
