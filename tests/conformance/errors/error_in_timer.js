setTimeout(() => {
  throw new Error('timer failure');
}, 1);
