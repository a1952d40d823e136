try {
  require('./does-not-exist');
} catch (err) {
  console.log(err.code);
  console.log(err.message.replaceAll(__dirname, '<dir>'));
  console.log(err.requireStack.map((p) => p.replace(__dirname, '<dir>')));
}
try {
  require('no-such-package');
} catch (err) {
  console.log(err.code, err.message.split('\n')[0]);
}
try {
  require('node:no-such-builtin');
} catch (err) {
  console.log(err.code, err.message);
}
