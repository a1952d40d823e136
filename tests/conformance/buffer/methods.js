// equals, compare, copy, fill, indexOf family, swap, toJSON, slice/subarray views.
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};
const b = Buffer.from('hello world');
show('equals', () => [b.equals(Buffer.from('hello world')), b.equals(Buffer.from('x')), b.equals(new Uint8Array(0))]);
show('equals string', () => b.equals('x'));
show('views', () => [b.subarray(1, 3), b.slice(-3), b.subarray(5, 2), b.slice('1', '3'), b.subarray(1).constructor === Buffer]);
const sub = b.subarray(0, 2);
sub[0] = 72;
show('view shares memory', () => b.toString());
show('map keeps Buffer', () => b.map((x) => x + 1).constructor.name);
show('static compare', () => [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(b, b), Buffer.compare(Buffer.from('ab'), Buffer.from('a'))]);
show('static compare bad', () => Buffer.compare('a', b));
show('compare ranges', () => [b.compare(b, 0, 5, 0, 5), b.compare(Buffer.from('world'), 0, 5, 6), b.compare(Buffer.from('x'), 1, 1, 2, 2), b.compare(Buffer.from('x'), 0, 1, 3, 3)]);
show('compare bad range', () => b.compare(b, 0, 20));
show('compare bad target', () => b.compare('x'));
show('compare fraction', () => b.compare(b, 1.5));

show('indexOf', () => [b.indexOf('o'), b.indexOf('o', 5), b.lastIndexOf('o'), b.indexOf(111), b.indexOf(111 + 256), b.includes('world'), b.indexOf(Buffer.from('wor'))]);
show('indexOf encodings', () => [b.indexOf('6f', 0, 'hex'), b.indexOf('d29y', 'base64'), b.indexOf('o', 'latin1'), Buffer.from('abc', 'ucs2').indexOf('c', 0, 'ucs2')]);
show('indexOf offsets', () => [b.lastIndexOf('o', -6), b.indexOf(''), b.indexOf('', 20), b.indexOf('o', -3), b.indexOf('h', '1'), b.indexOf('o', NaN), b.lastIndexOf('o', NaN), b.indexOf('o', {})]);
show('indexOf bad value', () => b.indexOf({}));
show('indexOf bad encoding', () => b.indexOf('a', 0, 'bad'));
show('indexOf empty buffer', () => [Buffer.alloc(0).indexOf('a'), Buffer.alloc(0).indexOf(Buffer.alloc(0)), Buffer.alloc(0).lastIndexOf(0)]);

show('swap', () => [Buffer.from([1, 2, 3, 4]).swap16(), Buffer.from([1, 2, 3, 4]).swap32(), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64()]);
const long = Buffer.alloc(256);
for (let i = 0; i < 256; i++) long[i] = i;
show('swap long', () => [long.swap16().subarray(0, 4), long.swap32().subarray(0, 4), long.swap64().subarray(0, 8)]);
show('swap16 odd', () => Buffer.from([1, 2, 3]).swap16());
show('swap32 odd', () => Buffer.from([1, 2, 3]).swap32());
show('swap64 odd', () => Buffer.alloc(12).swap64());

show('toJSON', () => JSON.stringify(Buffer.from('hi')));
show('toJSON empty', () => JSON.stringify(Buffer.alloc(0)));
show('round trip', () => Buffer.from(JSON.parse(JSON.stringify(Buffer.from('hi')))));

const f = Buffer.alloc(8);
show('fill string', () => f.fill('ab'));
show('fill number range', () => f.fill(0x41, 2, 4));
show('fill multibyte', () => f.fill('€', 1));
show('fill hex', () => f.fill('6162', 'hex'));
show('fill buffer', () => f.fill(Buffer.from('xyz'), 1, 7));
show('fill latin1', () => f.fill('\u0141', 'latin1'));
show('fill boolean', () => f.fill(true));
show('fill Uint16Array', () => f.fill(new Uint16Array([0x6162])));
show('fill bad hex', () => f.fill('zz', 'hex'));
show('fill negative offset', () => f.fill('a', -1));
show('fill end past length', () => f.fill('a', 0, 9));
show('fill bad encoding', () => f.fill('a', 'bad'));
show('fill number encoding', () => f.fill('a', 0, 8, 5));
show('fill empty range', () => f.fill('q', 4, 4));

const c = Buffer.alloc(6);
show('copy', () => [b.copy(c), c]);
show('copy ranges', () => [b.copy(c, 2, 6), c]);
show('copy target past end', () => b.copy(c, 10));
show('copy overlapping', () => { const o = Buffer.from('abcdef'); o.copy(o, 2, 0, 4); return o; });
show('copy into Uint16Array', () => { const u = new Uint16Array(2); Buffer.from([1, 2, 3, 4]).copy(u); return u; });
show('copy bad target', () => b.copy('x'));
show('copy negative sourceStart', () => b.copy(c, 0, -1));
show('copy negative targetStart', () => b.copy(c, -1));
show('copy sourceStart past end', () => b.copy(c, 0, 20));
show('parent/offset', () => [b.parent === b.buffer, b.offset === b.byteOffset]);
