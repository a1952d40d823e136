function foo() {
  throw new Error('boom');
}
console.log('before');
foo();
