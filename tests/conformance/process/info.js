console.log(process.platform, process.arch);
console.log(/^v20\.\d+\.\d+$/.test(process.version), process.versions.node === process.version.slice(1));
console.log(typeof process.pid, process.pid > 0, typeof process.ppid);
console.log(process.cwd() === __dirname);
console.log(typeof process.uptime(), process.uptime() >= 0);
const t = process.hrtime();
console.log(t.length, typeof t[0], typeof t[1]);
const d = process.hrtime(t);
console.log(d[0] >= 0, d[1] >= 0);
console.log(typeof process.hrtime.bigint());
console.log(typeof process.umask(), process.umask() === process.umask());
console.log(process.title.length > 0, process.release.name);
console.log(typeof process.nextTick, typeof process.emitWarning, typeof process.kill);
console.log(process.kill(process.pid, 0));
process.chdir('..');
console.log(process.cwd() === __dirname.slice(0, __dirname.lastIndexOf('/')));
try { process.chdir('/definitely/not/here'); } catch (e) { console.log(e.code, e.syscall); }
