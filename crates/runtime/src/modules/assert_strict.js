// assert/strict: the strict variant of assert (node: `require('assert').strict`).
'use strict';

module.exports = require('assert').strict;
