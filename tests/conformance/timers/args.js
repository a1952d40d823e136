setImmediate((a) => {
  console.log('immediate', a);
  setTimeout((x, y, z) => console.log('timeout', x, y, z), 1, 'x', 2, [3]);
  const iv = setInterval((n) => {
    console.log('interval', n, ++count);
    if (count === 3) clearInterval(iv);
  }, 5, 'z');
}, 'y');
let count = 0;
