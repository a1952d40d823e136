// process is tagged '[object process]' (packages use it to tell node from a browser).
console.log(Object.prototype.toString.call(process));
const d = Object.getOwnPropertyDescriptor(process, Symbol.toStringTag);
console.log(d.value, d.writable, d.enumerable, d.configurable);
