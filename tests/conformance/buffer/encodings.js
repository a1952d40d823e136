// Every encoding both ways, with invalid input, lone surrogates and code units above 0xFF.
const encodings = ['utf8', 'utf-8', 'utf16le', 'ucs2', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex'];
const samples = ['héllo wörld', '€ 😀', 'lone \ud800 high', 'lone \udc00 low', 'x\u0141\u00ff', '', 'aGVsbG8='];
for (const enc of encodings) {
  for (const s of samples) {
    const buf = Buffer.from(s, enc);
    console.log(enc, JSON.stringify(s), buf, JSON.stringify(buf.toString(enc)));
  }
}
const bytes = Buffer.from([0, 0x7f, 0x80, 0xc3, 0xa9, 0xe2, 0x82, 0xff, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0x80]);
for (const enc of encodings) console.log('decode', enc, JSON.stringify(bytes.toString(enc)));
console.log('odd utf16', JSON.stringify(Buffer.from([0x61, 0, 0x62]).toString('utf16le')));
console.log('utf16 lone', JSON.stringify(Buffer.from([0x00, 0xd8, 0x61, 0x00]).toString('utf16le')));

// Lenient decoders.
console.log(Buffer.from('zz11aa', 'hex'), Buffer.from('a1b', 'hex'), Buffer.from('a1bz', 'hex'), Buffer.from('A1Bc', 'hex'));
console.log(Buffer.from('aGVsbG8gd29ybGQ', 'base64'), Buffer.from('aGV sbG8-_==x', 'base64'));
console.log(Buffer.from('%%%', 'base64'), Buffer.from('a', 'base64'), Buffer.from('ab==cd', 'base64'));
console.log(Buffer.from('aGk\n\tgd29y', 'base64url'), Buffer.from('+/+/', 'base64url'), Buffer.from('-_-_', 'base64'));
console.log(Buffer.from([0xfb, 0xff]).toString('base64'), Buffer.from([0xfb, 0xff]).toString('base64url'));

// toString's range arguments.
const b = Buffer.from('hello world');
const show = (label, f) => {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};
show('no args', () => b.toString());
show('null encoding', () => b.toString(null));
show('undefined encoding', () => b.toString(undefined, 2));
show('negative start', () => b.toString('utf8', -1, 3));
show('string range', () => b.toString('utf8', '2', '5'));
show('NaN start', () => b.toString('utf8', NaN, 4));
show('fractions', () => b.toString('utf8', 2.7, 4.2));
show('upper case', () => b.toString('UTF8'));
show('null end', () => b.toString('utf8', 3, null));
show('numeric encoding', () => b.toString(1));
show('start past end', () => b.toString('utf8', 20));
show('end before start', () => b.toString('hex', 5, 2));
show('toLocaleString', () => b.toLocaleString('hex'));
show('template', () => `${Buffer.from('tpl')}`);
show('legacy slices', () => [b.hexSlice(0, 2), b.latin1Slice(1, 3), b.utf8Slice(), b.base64Slice(0, 3), b.ucs2Slice(0, 4), b.asciiSlice(6)]);
show('legacy slice out of range', () => b.utf8Slice(0, 20));
