// Other modules hand out Buffers: querystring.unescapeBuffer, os.userInfo({ encoding: 'buffer' }), StringDecoder#lastChar.
const q = require('querystring');
console.log(q.unescapeBuffer('é%C3%A9+%zz%4'), q.unescapeBuffer('a+b', true), q.unescapeBuffer('\u0141%'));
try { q.unescapeBuffer(5); } catch (e) { console.log(e.code, e.message); }
const info = require('os').userInfo({ encoding: 'buffer' });
console.log(Buffer.isBuffer(info.username), Buffer.isBuffer(info.homedir), info.username.toString() === require('os').userInfo().username);
const { StringDecoder } = require('string_decoder');
const d = new StringDecoder('utf8');
d.write(Buffer.from([0xe2, 0x82]));
console.log(Buffer.isBuffer(d.lastChar), d.lastNeed, d.lastTotal);
