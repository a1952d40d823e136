// vm.measureMemory: option checks, and a summary of the heap.
process.emitWarning = () => {}; // the ExperimentalWarning names the process id
const vm = require('vm');

for (const [label, f] of [
  ['mode', () => vm.measureMemory({ mode: 'x' })],
  ['execution', () => vm.measureMemory({ execution: 'x' })],
  ['options', () => vm.measureMemory(1)],
  ['context', () => vm.measureMemory({ context: {} })],
]) {
  try {
    f();
    console.log(label, 'accepted');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
const p = vm.measureMemory();
console.log(p instanceof Promise);
