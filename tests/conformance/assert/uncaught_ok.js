// An uncaught assert() failure: node's report quotes the expression and points at the call.
const assert = require('assert');
function ready(state) {
  return state.open && state.count > 2;
}
const state = { open: true, count: 1 };
assert(ready(state), undefined);
