// Node's `v8` module on QuickJS: what has a QuickJS meaning is real (heap statistics from
// the engine's allocator, the startup-snapshot API, which answers as node does when no
// snapshot is being built); the rest — V8's serializer format, heap snapshots, coverage,
// flags, promise hooks — throws ERR_NOT_IMPLEMENTED when called (COMPAT.md).
'use strict';

const { errors } = internal;
const makeError = errors.make;
const nb = internal.natives.v8;

const missing = (name) => errors.notImplementedFunction('v8', name);

function getHeapStatistics() {
  const [allocated, used, limit] = nb.heapStatistics();
  const total = Math.max(allocated, used);
  // QuickJS has no limit unless one is set: the process can use what its cgroup or the
  // machine gives it.
  const heapLimit = limit > 0 ? limit : (process.constrainedMemory() ?? require('os').totalmem());
  return {
    total_heap_size: total,
    // Bytecode is data to QuickJS: it has no executable heap.
    total_heap_size_executable: 0,
    total_physical_size: total,
    total_available_size: Math.max(heapLimit - total, 0),
    used_heap_size: used,
    heap_size_limit: heapLimit,
    malloced_memory: allocated,
    // QuickJS does not overwrite freed memory.
    does_zap_garbage: 0,
  };
}

function notBuildingSnapshot() {
  return makeError(Error, 'ERR_NOT_BUILDING_SNAPSHOT',
    'Operation cannot be invoked when not building startup snapshot');
}

// nrt never builds a startup snapshot. node 20 answers isBuildingSnapshot() with 0 (a
// flag byte), not false.
const startupSnapshot = {
  addDeserializeCallback() { throw notBuildingSnapshot(); },
  addSerializeCallback() { throw notBuildingSnapshot(); },
  setDeserializeMainFunction() { throw notBuildingSnapshot(); },
  isBuildingSnapshot() { return 0; },
};

module.exports = {
  cachedDataVersionTag: missing('cachedDataVersionTag'),
  getHeapSnapshot: missing('getHeapSnapshot'),
  getHeapStatistics,
  getHeapSpaceStatistics: missing('getHeapSpaceStatistics'),
  getHeapCodeStatistics: missing('getHeapCodeStatistics'),
  setFlagsFromString: missing('setFlagsFromString'),
  Serializer: missing('Serializer'),
  Deserializer: missing('Deserializer'),
  DefaultSerializer: missing('DefaultSerializer'),
  DefaultDeserializer: missing('DefaultDeserializer'),
  deserialize: missing('deserialize'),
  takeCoverage: missing('takeCoverage'),
  stopCoverage: missing('stopCoverage'),
  serialize: missing('serialize'),
  writeHeapSnapshot: missing('writeHeapSnapshot'),
  promiseHooks: {
    onInit: missing('promiseHooks.onInit'),
    onSettled: missing('promiseHooks.onSettled'),
    onBefore: missing('promiseHooks.onBefore'),
    onAfter: missing('promiseHooks.onAfter'),
    createHook: missing('promiseHooks.createHook'),
  },
  queryObjects: missing('queryObjects'),
  startupSnapshot,
  setHeapSnapshotNearHeapLimit: missing('setHeapSnapshotNearHeapLimit'),
  GCProfiler: missing('GCProfiler'),
};
