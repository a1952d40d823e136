process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandled:', reason instanceof Error ? reason.message : reason, promise instanceof Promise);
});
Promise.reject(new Error('nobody catches me'));
Promise.reject('plain reason');
const late = Promise.reject(new Error('handled later'));
setTimeout(() => late.catch(() => console.log('caught late')), 1);
