console.log(exports === module.exports, this === module.exports);
exports.a = 1;
console.log(module.exports);
