process.on('warning', (w) => console.log('got warning:', w.name, w.message, w.code));
process.emitWarning('Something happened');
process.emitWarning('Custom type', 'CustomWarning', 'CODE1');
process.emitWarning(new Error('from error'));
console.log('sync first');
