function prepareObjectStackTrace(obj, stack) { return stack; }
function getStack() {
  var obj = {};
  var prep = Error.prepareStackTrace;
  Error.prepareStackTrace = prepareObjectStackTrace;
  Error.captureStackTrace(obj);
  var stack = obj.stack.slice(1);
  Error.prepareStackTrace = prep;
  return stack;
}
const s = getStack();
console.log(typeof s[0], s[0].getFileName().split('/').pop(), s[0].isEval(), s[0].getLineNumber());
