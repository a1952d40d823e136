// Engine error wording, as V8 prints it.
const cases = [
  () => null.x,
  () => undefined.y = 1,
  () => notDefined,
  () => { const o = {}; o.method(); },
  () => { const f = 1; f(); },
  () => JSON.parse('{bad'),
  () => { class A {} A(); },
  () => new (class { #x; m(o) { return o.#x; } })().m({}),
  () => [].reduce((a, b) => a),
  () => new Array(-1),
  () => Symbol() + '',
  () => { function r() { r(); } r(); },
];
for (const c of cases) {
  try { c(); } catch (e) { console.log(`${e.name}: ${e.message}`); }
}
