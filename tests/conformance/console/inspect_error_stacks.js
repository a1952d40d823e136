function make() { return new Error('outer', { cause: new TypeError('inner') }); }
console.log(make());
console.log({ wrapped: new RangeError('in object') });
console.log([new Error('in array')]);
const e = new Error('props');
e.code = 'E1';
e.details = { a: [1, 2] };
console.log(e);
console.log(new AggregateError([new Error('a1'), new Error('a2')], 'agg'));
class HttpError extends Error {
  constructor(status) { super(`status ${status}`); this.name = 'HttpError'; this.status = status; }
}
console.log(new HttpError(404));
console.error(new Error('to stderr'));
const noMsg = new Error();
console.log(noMsg);
console.log(Object.assign(new Error('x'), { name: 'Renamed' }));
try { JSON.parse('{'); } catch (err) { console.log(err.name); }
console.log(util_inspect_depth());
function util_inspect_depth() { return require('util').inspect(new Error('deep'), { depth: 0 }).split('\n')[0]; }
