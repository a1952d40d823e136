console.log(global === globalThis, typeof process, typeof console, typeof require, typeof module);
const names = ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval',
  'clearImmediate', 'queueMicrotask', 'structuredClone', 'TextEncoder', 'TextDecoder', 'URL',
  'URLSearchParams', 'atob', 'btoa', 'AbortController', 'AbortSignal', 'Event', 'EventTarget',
  'performance'];
console.log(names.filter((n) => typeof globalThis[n] === 'undefined'));
console.log(Object.keys(globalThis).filter((k) => names.includes(k)));
console.log(typeof __filename, typeof __dirname, typeof exports);
