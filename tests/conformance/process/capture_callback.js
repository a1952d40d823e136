console.log(process.stdout.isTTY, process.stdin.isTTY, process.hasUncaughtExceptionCaptureCallback());
process.setUncaughtExceptionCaptureCallback((e) => console.log('captured', e.message));
try { process.setUncaughtExceptionCaptureCallback(() => {}); } catch (e) { console.log(e.code); }
setTimeout(() => { throw new Error('boom'); }, 1);
setTimeout(() => console.log('still alive', process.allowedNodeEnvironmentFlags instanceof Set), 5);
