// util.styleText: formats, lists, stream checks (stdout is not a terminal here) and errors.
const util = require('util');
function t(f) { try { console.log(JSON.stringify(f())); } catch (e) { console.log(e.name, e.code, JSON.stringify(e.message)); } }
t(() => util.styleText('red', 'hi', { validateStream: false }));
t(() => util.styleText('red', 'hi', { stream: process.stderr }));
t(() => util.styleText('red', 'hi', { stream: 5 }));
t(() => util.styleText('red', 'hi', { validateStream: 5 }));
t(() => util.styleText(['bold', 'nope'], 'hi'));
t(() => util.styleText(['bold', 'red'], 'hi'));
t(() => util.styleText('none', 'hi'));
t(() => util.styleText('italic', 'hi', { validateStream: false }));
t(() => util.styleText(5, 'hi'));
t(() => util.styleText([], 'hi'));
console.log(util.styleText.length);
