// A parse error of vm code, uncaught.
require('vm').runInThisContext('if (true) {', { filename: 'unfinished.js' });
