// Argument validation: class, code and message.
const dc = require('node:diagnostics_channel');

const attempts = [
  () => dc.channel(1),
  () => dc.channel(null),
  () => dc.channel({}),
  () => dc.channel('x').subscribe('nope'),
  () => dc.subscribe('x', 5),
  () => dc.tracingChannel(1),
  () => dc.tracingChannel(null),
  () => dc.tracingChannel({ start: dc.channel('s') }),
  () => dc.tracingChannel({
    start: dc.channel('s'), end: dc.channel('e'), asyncStart: dc.channel('as'),
    asyncEnd: 'ae', error: dc.channel('er'),
  }),
];
for (const attempt of attempts) {
  try {
    attempt();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

// A tracing channel from an object of channels.
const channels = {
  start: dc.channel('s'), end: dc.channel('e'), asyncStart: dc.channel('as'),
  asyncEnd: dc.channel('ae'), error: dc.channel('er'),
};
const tc = dc.tracingChannel(channels);
console.log(tc.start === channels.start, tc.error.name, dc.tracingChannel(tc) === tc);
