// util.MIMEType / MIMEParams: parsing, serialisation, setters and ERR_INVALID_MIME_SYNTAX.
const { MIMEType, MIMEParams, inspect } = require('util');
function t(f) { try { console.log(f()); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); } }
const m = new MIMEType('Text/HTML; Charset="utf-8"; foo=bar;;  baz="a\\"b" ; q');
console.log(m.type, m.subtype, m.essence, String(m), JSON.stringify(m), m.params.get('charset'), m.params.get('nope'));
console.log(m, [...m.params], [...m.params.keys()], [...m.params.values()]);
console.log(inspect(m.params), String(m.params));
t(() => new MIMEType('text'));
t(() => new MIMEType('/html'));
t(() => new MIMEType('te xt/html'));
t(() => new MIMEType('text/'));
t(() => new MIMEType('text/ht ml'));
t(() => new MIMEType(''));
t(() => { m.type = 'app lication'; });
t(() => { m.type = 'APPLICATION'; return String(m); });
t(() => { m.subtype = ''; });
t(() => { m.params.set('A', 'x y'); return String(m); });
t(() => { m.params.set('b c', 'x'); });
t(() => { m.params.set('d', 'é'); return String(m); });
t(() => { m.params.set('e', ''); return String(m); });
t(() => { m.params.set('f', '\n'); });
t(() => { m.params.delete('a'); return [m.params.has('a'), m.params.has('foo')]; });
t(() => new MIMEType({ toString() { return 'a/b;x=1' } }).toString());
t(() => new MIMEType('a/b;x=1;X=2;x=3').toString());
t(() => new MIMEType('  a/b  ;  x = 1 ; y="unterminated').toString());
t(() => new MIMEType('a/b;x="1";y=\'2\'').toString());
const p = new MIMEParams(); p.set('k', 'v'); console.log(p, String(p), p.get('k'), p.has('K'));
console.log(typeof MIMEType, MIMEType.name, MIMEParams.name, Object.getOwnPropertyNames(MIMEType.prototype), Object.getOwnPropertyNames(MIMEParams.prototype));
t(() => MIMEType('a/b'));
