// Node's cluster: `cluster.isPrimary` processes fork workers (child_process.fork with
// NODE_UNIQUE_ID in the environment) and own the listening sockets; workers' servers ask
// the primary over the IPC channel (node's NODE_CLUSTER messages, so nrt and node
// processes can be mixed). The primary side lives in cluster_primary.js, the worker side
// in cluster_worker.js, the shared Worker class and messaging in cluster_common.js.
'use strict';

const isWorker = process.env.NODE_UNIQUE_ID !== undefined || internal.clusterWorker === true;
module.exports = isWorker
  ? internal.requireBuiltin('internal/cluster_worker', true)
  : internal.requireBuiltin('internal/cluster_primary', true);
