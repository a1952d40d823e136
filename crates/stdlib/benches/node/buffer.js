// node side of benches/buffer.rs: same data, same operations, MiB/s per operation.
// Run: node crates/stdlib/benches/node/buffer.js
const MIB = 1 << 20;
let seed = 42;
const bytes = Buffer.alloc(MIB);
for (let i = 0; i < MIB; i++) { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; bytes[i] = (seed >>> 16) & 0xff; }
const unit = 'héllo wörld, plain ascii text — 日本語 😀 ';
let text = unit.repeat(Math.ceil(MIB / Buffer.byteLength(unit)) + 1);
let utf8 = Buffer.from(text).subarray(0, MIB);
// Cut like the Rust side: whole characters only.
text = utf8.toString().replace(/\ufffd+$/, '');
utf8 = Buffer.from(text);
const b64 = bytes.toString('base64');
const hex = bytes.toString('hex');
function bench(name, fn) {
  for (let i = 0; i < 20; i++) fn();
  let n = 0; const t0 = process.hrtime.bigint(); let t;
  do { fn(); n++; t = process.hrtime.bigint() - t0; } while (t < 3_000_000_000n);
  const per = Number(t) / n / 1e6;
  console.log(`${name.padEnd(20)} ${per.toFixed(3)} ms/iter  ${(1000 / per).toFixed(0)} MiB/s`);
}
bench('base64_encode_1mib', () => bytes.toString('base64'));
bench('base64_decode_1mib', () => Buffer.from(b64, 'base64'));
bench('hex_encode_1mib', () => bytes.toString('hex'));
bench('hex_decode_1mib', () => Buffer.from(hex, 'hex'));
bench('utf8_decode_1mib', () => utf8.toString('utf8'));
bench('utf8_encode_1mib', () => Buffer.from(text, 'utf8'));
bench('latin1_decode_1mib', () => bytes.toString('latin1'));
