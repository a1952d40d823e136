process.on('exit', (code) => console.log('exit with', code));
setTimeout(() => { console.log('timer'); process.exit(5); console.log('not reached'); }, 1);
