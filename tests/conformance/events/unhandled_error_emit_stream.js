// A stream's unheard 'error' (emitted from inside the stream machinery) names the emitter.
require('fs').createReadStream(`${__dirname}/no-such-file.txt`).on('data', () => {});
