const math = require("./lib/math");

console.log(math.add(5, 3)); // Output: 8
console.log(math.add(2, 3)); // Output: 5
