try {
  require('./fixtures/use-missing-subpath.js');
} catch (err) {
  console.log(err.code);
  console.log(err.message.replace(__dirname, '<dir>'));
}
