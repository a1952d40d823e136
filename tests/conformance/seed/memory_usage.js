const usage = process.memoryUsage();
// The numbers differ between runs and engines; the shape does not.
console.log(Object.keys(usage));
console.log(Object.values(usage).every((v) => typeof v === "number" && v >= 0));
console.log(usage.rss > 0, usage.heapUsed > 0, usage.heapTotal >= usage.heapUsed);
console.log(typeof process.memoryUsage.rss());
