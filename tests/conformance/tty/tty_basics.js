// tty: isatty, WriteStream over a pipe (stdout under the conformance runner), colour depth
// from explicit environments, cursor control output, errors.
const tty = require('tty');
const fs = require('fs');
console.log(Object.keys(tty).join(','));
console.log(tty.isatty(1), tty.isatty(-1), tty.isatty(1.5), tty.isatty('1'), tty.isatty(9999), tty.isatty(2 ** 40));
console.log(process.stdout.isTTY, process.stdin.isTTY);
const w = new tty.WriteStream(1);
console.log(w.isTTY, typeof w.columns, w instanceof require('stream').Writable, tty.WriteStream(1) instanceof tty.WriteStream);
w.write('written through WriteStream\n');
w.cursorTo(2);
w.moveCursor(1, -1);
w.clearLine(0);
w.clearScreenDown();
w.write('\n');
const p = tty.WriteStream.prototype;
const envs = [{}, { TERM: 'xterm-256color' }, { TERM: 'dumb' }, { COLORTERM: 'truecolor' },
  { FORCE_COLOR: '0' }, { FORCE_COLOR: '1' }, { FORCE_COLOR: '2' }, { FORCE_COLOR: '3' },
  { FORCE_COLOR: '' }, { NO_COLOR: '1' }, { NODE_DISABLE_COLORS: '1' }, { CI: '1' },
  { CI: '1', GITHUB_ACTIONS: '1' }, { TERM: 'xterm' }, { TERM: 'screen' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0' }, { TERM: 'linux' }, { TMUX: '1' },
  { TEAMCITY_VERSION: '9.1' }, { TERM: 'rxvt' }, { TERM: 'vt100' }, { COLORTERM: '1' },
  { TERM: 'cygwin' }, { TERM: 'screen-256color' }, { TERM: 'xterm-256' }, { TERM: 'mosh' }, { TERM: 'alacritty' }, { TERM: 'ansi' }];
for (const env of envs) {
  console.log(JSON.stringify(env), p.getColorDepth.call({}, env), p.hasColors.call({}, env), p.hasColors.call({}, 256, env), p.hasColors.call({}, 2 ** 24, env));
}
for (const [label, f] of [
  ['hasColors str', () => p.hasColors.call({}, 'x')],
  ['hasColors 0', () => p.hasColors.call({}, 0)],
  ['WriteStream -1', () => new tty.WriteStream(-1)],
  ['WriteStream str', () => new tty.WriteStream('x')],
  ['ReadStream -1', () => new tty.ReadStream(-1)],
]) {
  try {
    f();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
const fd = fs.openSync(__filename, 'r');
try {
  new tty.WriteStream(fd);
} catch (e) {
  console.log('file fd', e.name, e.code, e.message, e.errno, e.syscall, JSON.stringify(e.info));
}
fs.closeSync(fd);
