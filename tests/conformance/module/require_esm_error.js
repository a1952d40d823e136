try {
  require('./fixtures/esm-lib.mjs');
} catch (e) {
  console.log(e.code);
}
