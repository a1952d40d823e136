const add = require("./lib/add");
console.log(add(2, 2)); // Output: 4
