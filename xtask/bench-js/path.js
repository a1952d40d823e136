// path hot paths, 200k calls each; prints the best of 3 as `RESULT <name> <ms>`.
const path = require('path');
const cases = {
  path_join_200k: () => path.join('/usr/local', 'lib', 'node_modules', 'pkg', '../index.js'),
  path_resolve_abs_200k: () => path.resolve('/src', 'a', 'b.js'),
  path_resolve_rel_200k: () => path.resolve('src', 'a', 'b.js'),
  path_dirname_200k: () => path.dirname('/a/b/c/d.js'),
  path_relative_200k: () => path.relative('/a/b/c', '/a/d/e'),
};
for (const [name, f] of Object.entries(cases)) {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < 2e5; i++) f();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`RESULT ${name}`, best.toFixed(1));
}
