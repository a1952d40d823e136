// stream/consumers.blob and Duplex.from(Blob).
const { blob } = require('stream/consumers');
const { Readable, Duplex } = require('stream');
(async () => {
  const b = await blob(Readable.from(['ab', Buffer.from('cd')]));
  console.log(b instanceof Blob, b.size, b.type, await b.text());
  const chunks = await Duplex.from(new Blob(['bl', 'ob'])).toArray();
  console.log(chunks.length, chunks.map((c) => Object.prototype.toString.call(c)), Buffer.from(chunks[0]).toString());
})();
