// fs.constants and the access-mode shortcuts.
const fs = require('fs');
console.log(fs.constants);
console.log(fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK);
console.log(require('fs/promises').constants === fs.constants);
