// v8.startupSnapshot outside a snapshot build, and the shape of getHeapStatistics.
const v8 = require('v8');

console.log(v8.startupSnapshot.isBuildingSnapshot(), Object.keys(v8.startupSnapshot));
for (const m of ['addDeserializeCallback', 'addSerializeCallback', 'setDeserializeMainFunction']) {
  try {
    v8.startupSnapshot[m](() => {});
  } catch (e) {
    console.log(m, e.name, e.code, e.message);
  }
}
const s = v8.getHeapStatistics();
for (const k of ['total_heap_size', 'total_physical_size', 'total_available_size', 'used_heap_size',
  'heap_size_limit', 'malloced_memory']) {
  console.log(k, typeof s[k], s[k] > 0);
}
console.log(s.used_heap_size <= s.total_heap_size, s.total_heap_size < s.heap_size_limit);
