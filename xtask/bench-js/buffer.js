// Buffer encode/decode and search: 1 MiB payloads (a few rounds each) and 100k small
// calls; prints the best of 3 as `RESULT <name> <ms>`.
const MIB = 1 << 20;
let seed = 42;
const bytes = Buffer.alloc(MIB);
for (let i = 0; i < MIB; i++) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  bytes[i] = (seed >>> 16) & 0xff;
}
const text = 'héllo wörld, plain ascii text — 日本語 😀 '.repeat(MIB / 64);
const ascii = 'plain ascii text, nothing else here '.repeat(MIB / 36);
const utf8 = Buffer.from(text);
const b64 = bytes.toString('base64');
const hex = bytes.toString('hex');
const haystack = Buffer.from(`${ascii}needle`);
const small = Buffer.from('hello world, hello buffer');
const cases = {
  base64_encode_1mib_x20: () => { for (let i = 0; i < 20; i++) bytes.toString('base64'); },
  base64_decode_1mib_x20: () => { for (let i = 0; i < 20; i++) Buffer.from(b64, 'base64'); },
  hex_encode_1mib_x20: () => { for (let i = 0; i < 20; i++) bytes.toString('hex'); },
  hex_decode_1mib_x20: () => { for (let i = 0; i < 20; i++) Buffer.from(hex, 'hex'); },
  utf8_encode_1mib_x20: () => { for (let i = 0; i < 20; i++) Buffer.from(text); },
  utf8_decode_1mib_x20: () => { for (let i = 0; i < 20; i++) utf8.toString(); },
  ascii_encode_1mib_x20: () => { for (let i = 0; i < 20; i++) Buffer.from(ascii); },
  indexOf_1mib_x20: () => { for (let i = 0; i < 20; i++) haystack.indexOf('needle'); },
  small_from_100k: () => { for (let i = 0; i < 1e5; i++) Buffer.from('hello world'); },
  small_toString_100k: () => { for (let i = 0; i < 1e5; i++) small.toString(); },
  small_indexOf_100k: () => { for (let i = 0; i < 1e5; i++) small.indexOf('buffer'); },
  alloc_64_100k: () => { for (let i = 0; i < 1e5; i++) Buffer.alloc(64); },
  readUInt32LE_100k: () => { let s = 0; for (let i = 0; i < 1e5; i++) s += small.readUInt32LE(i & 15); return s; },
};
for (const [name, f] of Object.entries(cases)) {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`RESULT ${name}`, best.toFixed(1));
}
