console.log('x');
const x;
