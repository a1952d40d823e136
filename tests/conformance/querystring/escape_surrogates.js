// querystring.escape and lone surrogates: a surrogate takes the next code unit with it
// (node's encoder), one at the very end is URI malformed.
'use strict';
const qs = require('querystring');
for (const s of ['\ud801test', '\ud83d\ude00', 'a\udc01x', 'ok \u00e9', '\ud801', 'x\udc00']) {
  try {
    console.log(JSON.stringify(s), qs.escape(s));
  } catch (e) {
    console.log(JSON.stringify(s), e.name, e.code, e.message);
  }
}
