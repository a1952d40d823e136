let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const nums = input.trim().split(/\s+/).map(Number);
  console.log('sum', nums.reduce((a, b) => a + b, 0), typeof input);
});
