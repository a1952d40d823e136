const show = (f) => { try { return f(); } catch (e) { return `${e.code}: ${e.message.split('\n')[0].replace(__dirname, '.')}`; } };
console.log(show(() => require('multi')), show(() => require('multi/sub')), show(() => require('multi/feat/x.js')));
console.log(show(() => require('multi/arr')));
for (const s of ['multi/private/a', 'multi/lib/sub.js', 'multi/feat/y.js', '#util']) console.log(show(() => require(s)));
import('multi').then((m) => console.log(m.default));
