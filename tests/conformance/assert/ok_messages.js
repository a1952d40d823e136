// assert.ok / assert(): the falsy-value message quotes the call from the source.
const assert = require('assert');
function t(f) {
  try { f(); console.log('no throw'); } catch (e) {
    console.log(e.name, e.code, e.operator, e.generatedMessage, e.actual, e.expected);
    console.log(JSON.stringify(e.message));
  }
}
const x = 0;
t(() => assert.ok(x));
t(() => assert(x));
t(() => assert.ok(x,
  undefined));
t(() => assert.ok());
t(() => assert.ok(1));
t(() => assert.ok(0, 'custom'));
t(() => assert.ok(0, new TypeError('boom')));
t(() => assert.strict.ok(null));
t(() => { assert.ok(typeof x === 'string' && x.length > 1 ? 'a' : ''); });
t(() => assert.ok.call(null, 0));
t(() => Reflect.apply(assert.ok, null, [0]));
t(() => {
    assert.ok(
      false,
    );
});
const { ok } = assert;
t(() => ok(null));
t(() => [0].forEach(assert));
t(() => eval('assert.ok(0)'));
t(() => new Function('assert', 'assert.ok(NaN)')(assert));
t(() => assert.ok(`template ${x} (with parens)` === 'no'));
