// Node's deprecated `constants` module (DEP0008): one flat object holding os.constants'
// dlopen, errno, priority and signals tables, fs.constants and crypto.constants, merged in
// that order — node builds it the same way, so later tables win on a shared name.
'use strict';

const os = require('os');

module.exports = Object.assign(
  {},
  os.constants.dlopen,
  os.constants.errno,
  os.constants.priority,
  os.constants.signals,
  require('fs').constants,
  require('crypto').constants,
);
