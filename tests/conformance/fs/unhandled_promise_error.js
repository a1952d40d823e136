// An fs/promises rejection nobody handles.
require('fs/promises').readFile('missing.txt');
