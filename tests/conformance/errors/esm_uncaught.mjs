console.log("a");
function f() {
  throw new Error("esm boom");
}
f();
