class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}
class Point3 extends Point {
  constructor() { super(1, 2); this.z = 3; }
}
class Empty {}
console.log(new Point(1, 2), new Point3(), new Empty());
class Tagged { get [Symbol.toStringTag]() { return 'Tag'; } }
console.log(new Tagged());
class Custom {
  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    return `Custom<${depth}>`;
  }
}
console.log(new Custom(), { nested: new Custom() });
const nullProto = Object.create(null);
nullProto.a = 1;
console.log(nullProto);
function OldStyle() { this.v = 1; }
console.log(new OldStyle());
const arr = [1, 2];
arr.extra = 'prop';
console.log(arr);
console.log(Object.create(Point.prototype));
