// util.inspect, part 5: errors. The stack (or "[Name: message]" when it has no frames) is the
// error's headline; own properties follow, plus [cause] and an AggregateError's [errors].
'use strict';

function read(obj, key) {
  try {
    return obj[key];
  } catch {
    return undefined;
  }
}

const frameLine = /^\s+at /;

// Replaces the frames this error shares with its cause by one "... n lines matching" line.
function shortenAgainstCause(lines, cause) {
  const causeStack = read(cause, 'stack');
  if (typeof causeStack !== 'string') return lines;
  const theirs = causeStack.split('\n').filter((l) => frameLine.test(l));
  for (let i = 0; i < lines.length; i++) {
    if (!frameLine.test(lines[i])) continue;
    const at = theirs.indexOf(lines[i]);
    if (at === -1) continue;
    let run = 1;
    while (i + run < lines.length && at + run < theirs.length && lines[i + run] === theirs[at + run]) run++;
    if (run < 4) continue; // node leaves runs of up to three shared frames alone
    const hidden = run - 2;
    return [
      ...lines.slice(0, i + 1),
      `    ... ${hidden} lines matching cause stack trace ...`,
      ...lines.slice(i + run - 1),
    ];
  }
  return lines;
}

// { base, keys }: the headline text and the properties to list after it.
function describeError(ctx, err, ctor, ownKeys) {
  const rawName = read(err, 'name');
  const name = rawName === undefined || rawName === null ? 'Error' : String(rawName);
  const stack = read(err, 'stack');
  let headline;
  if (stack !== undefined && stack !== null && stack !== '') headline = String(stack);
  else {
    try {
      headline = Error.prototype.toString.call(err);
    } catch {
      headline = name;
    }
  }

  const keys = ownKeys.filter((k) => {
    if (k !== 'name' && k !== 'message' && k !== 'stack') return true;
    const v = read(err, k);
    return !(typeof v === 'string' && headline.includes(v));
  });

  // Say which class made the error when its name alone does not.
  if (ctor === null || (name.endsWith('Error') && headline.startsWith(name) &&
      (headline.length === name.length || headline[name.length] === ':' || headline[name.length] === '\n'))) {
    const rest = headline.slice(name.length);
    if (ctor === null) headline = `[${name}: null prototype]${rest}`;
    else if (ctor !== name) headline = ctor.includes(name) ? `${ctor}${rest}` : `${ctor} [${name}]${rest}`;
  }

  let lines = headline.split('\n');
  const cause = read(err, 'cause');
  if (cause !== null && typeof cause === 'object') lines = shortenAgainstCause(lines, cause);
  if (!lines.some((l) => frameLine.test(l))) {
    headline = `[${headline}]`;
  } else {
    if (ctx.colors) {
      lines = lines.map((l, i) => (i > 0 && frameLine.test(l) && l.includes('(node:') ? ctx.stylize(l, 'undefined') : l));
    }
    headline = lines.join('\n');
  }
  if (ctx.indent > 0) headline = headline.replace(/\n/g, `\n${' '.repeat(ctx.indent)}`);

  if ('cause' in err && !keys.includes('cause')) keys.push('cause');
  if (Array.isArray(read(err, 'errors')) && !keys.includes('errors')) keys.push('errors');
  return { base: headline, keys };
}

module.exports = { describeError };
