// `path/posix`: node exports path.posix itself.
'use strict';

module.exports = require('path').posix;
