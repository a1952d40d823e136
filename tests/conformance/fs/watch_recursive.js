// fs.watch with recursive: true (node 20 supports it on Linux): events anywhere in the tree,
// named relative to the watched directory, including directories created after the start.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrt-watchr-'));
fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });

// Empty files and directories: one inotify event each.
const actions = [
  () => fs.writeFileSync(path.join(dir, 'a', 'b', 'deep.txt'), ''),
  () => fs.mkdirSync(path.join(dir, 'c')),
  () => fs.writeFileSync(path.join(dir, 'c', 'in-new-dir.txt'), ''),
  () => fs.writeFileSync(path.join(dir, 'top.txt'), ''),
];
const w = fs.watch(dir, { recursive: true });
let at = 0;
w.on('change', (type, name) => {
  console.log(type, name);
  if (at < actions.length) {
    // Let the new directory's watch start before writing into it.
    setTimeout(actions[at++], 50);
  } else {
    w.close();
  }
});
w.on('close', () => {
  console.log('closed');
  fs.rmSync(dir, { recursive: true });
});
setTimeout(actions[at++], 50);
