// buffer.transcode: ICU's replacement '?' for unmappable characters and its U_* errors.
const { transcode } = require('buffer');
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
};
show('utf8 to ascii', () => transcode(Buffer.from('h€llo é'), 'utf8', 'ascii'));
show('utf8 to latin1', () => transcode(Buffer.from('h€llo é'), 'utf8', 'latin1'));
show('utf8 to ucs2', () => transcode(Buffer.from('hé'), 'utf8', 'ucs2'));
show('ucs2 to utf8', () => transcode(Buffer.from('hé', 'ucs2'), 'ucs2', 'utf8'));
show('invalid utf8', () => transcode(Buffer.from([0xff, 0x41]), 'utf8', 'ucs2'));
show('to hex', () => transcode(Buffer.from('x'), 'utf8', 'hex'));
show('string source', () => transcode('x', 'utf8', 'ascii'));
show('latin1 to utf8', () => transcode(Buffer.from([0xe9, 0x80]), 'latin1', 'utf8'));
show('ascii high bytes', () => transcode(Buffer.from([0xe9, 0x80]), 'ascii', 'utf8'));
show('astral to latin1', () => transcode(Buffer.from('😀'), 'utf8', 'latin1'));
show('names', () => transcode(Buffer.from('x'), 'binary', 'UTF-8'));
show('lone surrogate', () => transcode(Buffer.from([0x3d, 0xd8]), 'ucs2', 'utf8'));
show('empty', () => transcode(Buffer.alloc(0), 'utf8', 'ucs2'));
