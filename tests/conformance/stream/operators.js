// Readable operators: map, filter, forEach, toArray, some, find, every, flatMap, drop,
// take, reduce.
const { Readable } = require('stream');

const nums = () => Readable.from([1, 2, 3, 4, 5]);

async function main() {
  console.log('map', await nums().map((x) => x * 2).toArray());
  console.log('async map', await nums().map(async (x) => x + 0.5).toArray());
  console.log('concurrent map keeps order', await nums().map(async (x) => {
    await new Promise((r) => setTimeout(r, 6 - x));
    return x;
  }, { concurrency: 3 }).toArray());
  console.log('filter', await nums().filter((x) => x % 2).toArray());
  const seen = [];
  console.log('forEach', await nums().forEach((x) => seen.push(x)), seen);
  console.log('some', await nums().some((x) => x > 4), await nums().some((x) => x > 5));
  console.log('every', await nums().every((x) => x > 0), await nums().every((x) => x > 1));
  console.log('find', await nums().find((x) => x > 2), await nums().find((x) => x > 9));
  console.log('flatMap', await nums().flatMap((x) => [x, -x]).toArray());
  console.log('drop', await nums().drop(3).toArray());
  console.log('take', await nums().take(2).toArray());
  console.log('reduce', await nums().reduce((a, b) => a + b), await nums().reduce((a, b) => a + b, 100));
  console.log('chain', await nums().filter((x) => x > 1).map((x) => x * x).take(2).toArray());
  console.log('returns a Readable', nums().map((x) => x) instanceof Readable);
  try {
    nums().map('nope');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  try {
    await nums().map((x) => { if (x === 3) throw new Error('map failed'); return x; }).toArray();
  } catch (e) {
    console.log('rejected', e.message);
  }
}
main();
