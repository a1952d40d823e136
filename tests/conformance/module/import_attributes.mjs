const tries = [
  () => import('./fixtures/data.json'),
  () => import('./fixtures/esm-lib.mjs', { with: { type: 'json' } }),
  () => import('./fixtures/data.json', { with: { type: 'css' } }),
  () => import('./fixtures/data.json', { with: { type: 'json' } }),
];
for (const t of tries) {
  try {
    const m = await t();
    console.log('ok', m.default.answer);
  } catch (e) {
    console.log(e.name, e.code, e.message.replace(/file:\/\/\S*\/fixtures/, 'file:///<dir>/fixtures'));
  }
}
console.log(import.meta.resolve('./fixtures/data.json').endsWith('/fixtures/data.json'));
