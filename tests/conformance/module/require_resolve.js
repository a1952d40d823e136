const path = (p) => p.replace(__dirname, '<dir>');
console.log(path(require.resolve('./fixtures/data.json')));
console.log(path(require.resolve('./fixtures/dir-index')));
console.log(require.resolve('events'), require.resolve('node:events'));
console.log(require.resolve.paths('events'));
console.log(require.resolve.paths('./x').map(path));
try {
  require.resolve('./nope');
} catch (e) {
  console.log(e.code, path(e.message));
}
