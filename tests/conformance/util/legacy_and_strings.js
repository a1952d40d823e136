// toUSVString, stripVTControlCharacters, _extend, the deprecated util.is* checks, util.log's
// shape, util.aborted and util.types through 'util/types'.
const util = require('util');
function t(f) { try { console.log(f()); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); } }
t(() => JSON.stringify(util.toUSVString('a\ud800b\udc00c\ud83d\ude00')));
t(() => util.toUSVString(12));
t(() => util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u001b[1;2mx'));
t(() => util.stripVTControlCharacters(1));
t(() => util._extend({ a: 1 }, { b: 2 }));
t(() => util._extend({ a: 1 }, null));
t(() => util._extend({ a: 1 }, 'str'));
for (const name of ['isBoolean', 'isBuffer', 'isNull', 'isNullOrUndefined', 'isNumber', 'isString', 'isSymbol',
  'isUndefined', 'isRegExp', 'isObject', 'isDate', 'isError', 'isFunction', 'isPrimitive', 'isArray']) {
  const values = [true, 1, 'x', Symbol.iterator, null, undefined, {}, [], () => {}, /x/, new Date(0), new Error('e'),
    Object.create(Error.prototype), Buffer.from('x'), new Uint8Array(1)];
  console.log(name.padEnd(18), values.map((v) => (util[name](v) ? 1 : 0)).join(''));
}
const logged = [];
const orig = console.log;
console.log = (...args) => logged.push(util.format(...args));
util.log('hello %s', 'world');
console.log = orig;
console.log(/^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d:\d\d:\d\d - hello world$/.test(logged[0]));
console.log(require('util/types') === util.types, require('node:util/types').isDate(new Date()));
(async () => {
  try { await util.aborted(1, {}); } catch (e) { console.log(e.code, e.message); }
  const ac = new AbortController();
  try { await util.aborted(ac.signal, 1); } catch (e) { console.log(e.code, e.message); }
  const p = util.aborted(ac.signal, {});
  setTimeout(() => ac.abort(), 1);
  const event = await p;
  console.log('aborted', event instanceof Event, event.type);
  console.log('already', await util.aborted(AbortSignal.abort(), {}));
})();
