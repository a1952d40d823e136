const c = process.cpuUsage();
console.log(Object.keys(c), typeof c.user, c.user >= 0);
const d = process.cpuUsage(c);
console.log(d.user >= 0, d.system >= 0);
console.log(Object.keys(process.resourceUsage()));
console.log(typeof process.getuid(), typeof process.getgid(), process.geteuid() === process.getuid());
console.log(typeof process.availableMemory());
