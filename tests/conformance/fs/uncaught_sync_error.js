// An fs error thrown synchronously and not caught: node's fatal report.
const fs = require('fs');
fs.readFileSync('missing.txt');
