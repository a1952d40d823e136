const captured = [];
const orig = process.stdout.write;
process.stdout.write = function (chunk, ...rest) {
  captured.push(String(chunk));
  return true;
};
console.log('hidden %d', 1);
console.info({ also: 'hidden' });
process.stdout.write = orig;
console.log('captured:', captured);
