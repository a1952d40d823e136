const enc = new TextEncoder();
console.log(enc.encoding, enc.encode('héllo €'), enc.encode());
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.decode(new Uint8Array([0xe2, 0x82, 0xac])));
console.log(JSON.stringify(dec.decode(new Uint8Array([0xff, 0x41]))));
try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { console.log(e.code, e.name); }
console.log(dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])));
const buf = new Uint8Array(4);
console.log(enc.encodeInto('abcdef', buf), buf);
console.log(btoa('Hello, World!'), atob('SGVsbG8sIFdvcmxkIQ=='), btoa(''), atob(''));
try { atob('*'); } catch (e) { console.log(e.name); }
try { btoa('€'); } catch (e) { console.log(e.name); }
