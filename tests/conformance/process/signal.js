process.on('SIGUSR2', (name, num) => { console.log('got', name, num); process.exit(0); });
process.on('SIGINT', () => console.log('int'));
setTimeout(() => process.kill(process.pid, 'SIGUSR2'), 10);
setTimeout(() => console.log('not reached'), 5000);
