// `path/win32`: node exports path.win32 itself.
'use strict';

module.exports = require('path').win32;
