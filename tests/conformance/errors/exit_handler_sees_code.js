process.on('exit', (code) => console.log('exit code', code));
null.prop;
