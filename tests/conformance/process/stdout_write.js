const r = process.stdout.write('no newline');
process.stdout.write(' then newline\n', () => console.log('write callback'));
process.stderr.write('to stderr\n');
console.log(r, typeof process.stdout.fd, process.stdout.fd, process.stderr.fd);
process.stdout.write(new Uint8Array([104, 105, 10]));
