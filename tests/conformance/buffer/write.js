// buf.write in all its argument shapes, partial characters, and argument errors.
const w = Buffer.alloc(10);
const show = (label, f) => {
  try {
    console.log(label, f(), w);
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};
show('string', () => w.write('abc'));
show('offset', () => w.write('abc', 8));
show('no partial char', () => w.write('€€', 7));
show('offset length', () => w.write('abcd', 1, 2));
show('encoding', () => w.write('6162', 'hex'));
show('offset encoding', () => w.write('6162', 3, 'hex'));
show('ucs2 odd room', () => w.write('ab', 1, 5, 'ucs2'));
show('base64', () => w.write('aGVsbG8gd29ybGQ=', 0, 'base64'));
show('latin1 high', () => w.write('\u0141\u00e9', 0, 'latin1'));
show('hex invalid', () => w.write('12zz34', 0, 'hex'));
show('number', () => w.write(5));
show('offset past end', () => w.write('a', 11));
show('negative offset', () => w.write('a', -1));
show('fraction offset', () => w.write('a', 1.5));
show('string offset', () => w.write('a', '1', 2));
show('length past end', () => w.write('a', 0, 20));
show('bad encoding', () => w.write('a', 'bogus'));
show('bad encoding 4th', () => w.write('a', 0, 1, 'bogus'));
show('legacy utf8Write', () => w.utf8Write('zz', 8));
show('legacy hexWrite', () => w.hexWrite('ffee', 0, 1));
show('legacy latin1Write past end', () => w.latin1Write('x', 11));
