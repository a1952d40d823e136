// An async fs error rethrown from the callback: node reports the throw site and the
// frameless error in brackets.
const fs = require('fs');
fs.readFile('missing.txt', (err) => {
  if (err) throw err;
});
