// util.parseArgs as documented for node 20: the arguments are first split into tokens
// (options, positionals, the `--` terminator), then checked (strict mode) and stored.
'use strict';

const errors = internal.errors;
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function parseError(code, message) {
  return errors.make(TypeError, code, message);
}

// ---- configuration -----------------------------------------------------------------------

function checkBoolean(value, name) {
  if (typeof value !== 'boolean') throw errors.invalidArgType(name, 'boolean', value);
}

function checkArrayOf(value, name, type) {
  if (!Array.isArray(value)) throw errors.invalidArgType(name, 'Array', value);
  value.forEach((item, i) => {
    if (typeof item !== type) throw errors.invalidArgType(`${name}[${i}]`, type, item);
  });
}

function checkOptions(options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw errors.invalidArgType('options', 'Object', options);
  }
  for (const [name, config] of Object.entries(options)) {
    const where = `options.${name}`;
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      throw errors.invalidArgType(where, 'Object', config);
    }
    const { type } = config;
    if (type !== 'string' && type !== 'boolean') {
      // node's validateUnion words it this way.
      throw errors.make(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "${where}.type" property must be ('string|boolean'). Received ${errors.specificType(type)}`);
    }
    if (hasOwn(config, 'short')) {
      const { short } = config;
      if (typeof short !== 'string') throw errors.invalidArgType(`${where}.short`, 'string', short);
      if (short.length !== 1) {
        throw errors.make(TypeError, 'ERR_INVALID_ARG_VALUE',
          `The property '${where}.short' must be a single character. Received ${internal.inspect(short)}`);
      }
    }
    const multiple = hasOwn(config, 'multiple') ? config.multiple : undefined;
    if (multiple !== undefined) checkBoolean(multiple, `${where}.multiple`);
    if (hasOwn(config, 'default')) {
      const value = config.default;
      if (multiple) checkArrayOf(value, `${where}.default`, type);
      else if (typeof value !== type) throw errors.invalidArgType(`${where}.default`, type, value);
    }
  }
}

// ---- tokens ------------------------------------------------------------------------------

const optionOf = (options, name, key) => (hasOwn(options, name) ? options[name][key] : undefined);

function longNameFor(short, options) {
  for (const [name, config] of Object.entries(options)) {
    if (config.short === short) return name;
  }
  return short;
}

const isLoneShort = (arg) => arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
const isLong = (arg) => arg.length > 2 && arg.startsWith('--');
const isShortCluster = (arg) => arg.length > 2 && arg[0] === '-' && arg[1] !== '-';
// An option-argument may start with a dash (Utility Syntax Guidelines); any next word counts.
const isValue = (v) => v !== undefined && v !== null;
const looksLikeOption = (v) => isValue(v) && v.length > 1 && v[0] === '-';

function tokenize(args, options) {
  const tokens = [];
  const queue = args.slice();
  let index = -1;
  let expandedLeft = 0; // words of an expanded `-abc` still to come (they share its index)
  while (queue.length > 0) {
    const arg = queue.shift();
    const next = queue[0];
    if (expandedLeft > 0) expandedLeft -= 1;
    else index += 1;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const value of queue) tokens.push({ kind: 'positional', index: ++index, value });
      break;
    }
    if (typeof arg !== 'string') {
      tokens.push({ kind: 'positional', index, value: arg });
      continue;
    }
    if (isLoneShort(arg)) {
      const name = longNameFor(arg[1], options);
      let value;
      let inlineValue;
      if (optionOf(options, name, 'type') === 'string' && isValue(next)) {
        value = queue.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value !== undefined) index += 1;
      continue;
    }
    if (isShortCluster(arg)) {
      const first = longNameFor(arg[1], options);
      if (optionOf(options, first, 'type') === 'string') {
        // `-fVALUE`
        tokens.push({ kind: 'option', name: first, rawName: `-${arg[1]}`, index, value: arg.slice(2), inlineValue: true });
        continue;
      }
      // `-abc` is `-a -b -c`; a string option inside takes the rest (`-abVALUE`).
      const words = [];
      for (let i = 1; i < arg.length; i += 1) {
        const name = longNameFor(arg[i], options);
        if (optionOf(options, name, 'type') !== 'string' || i === arg.length - 1) {
          words.push(`-${arg[i]}`);
        } else {
          words.push(`-${arg.slice(i)}`);
          break;
        }
      }
      queue.unshift(...words);
      expandedLeft = words.length;
      continue;
    }
    if (isLong(arg)) {
      const eq = arg.indexOf('=', 3);
      if (eq !== -1) {
        const name = arg.slice(2, eq);
        tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(eq + 1), inlineValue: true });
        continue;
      }
      const name = arg.slice(2);
      let value;
      let inlineValue;
      if (optionOf(options, name, 'type') === 'string' && isValue(next)) {
        value = queue.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value !== undefined) index += 1;
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

// ---- checks and storage ------------------------------------------------------------------

function checkUsage(token, options, allowPositionals, negated) {
  const known = hasOwn(options, token.name);
  const type = known ? options[token.name].type : undefined;
  if (!known || (negated && type !== 'boolean')) {
    const hint = allowPositionals
      ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(token.rawName)}`
      : '';
    throw parseError('ERR_PARSE_ARGS_UNKNOWN_OPTION', `Unknown option '${token.rawName}'${hint}`);
  }
  const short = options[token.name].short;
  const label = `${short ? `-${short}, ` : ''}--${token.name}`;
  if (type === 'string' && typeof token.value !== 'string') {
    throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${label} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value !== undefined) {
    throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${label}' does not take an argument`);
  }
}

function checkAmbiguous(token) {
  if (token.inlineValue || !looksLikeOption(token.value)) return;
  const example = token.rawName.startsWith('--')
    ? `'${token.rawName}=-XYZ'`
    : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
  throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${token.rawName}' argument is ambiguous.\n` +
    `Did you forget to specify the option argument for '${token.rawName}'?\n` +
    `To specify an option argument starting with a dash use ${example}.`);
}

function store(values, options, name, value) {
  // A key that would reach Object.prototype is never stored.
  if (name === '__proto__') return;
  if (optionOf(options, name, 'multiple')) {
    if (values[name] === undefined) values[name] = [value];
    else values[name].push(value);
  } else {
    values[name] = value;
  }
}

// The program's own arguments: after the script, or after the `-e`/`-p` code.
function mainArgs() {
  const evalFlags = ['-e', '--eval', '-p', '--print', '-pe'];
  const evaluated = process.execArgv.some((a) => evalFlags.includes(a) || /^--(eval|print)=/.test(a));
  return process.argv.slice(evaluated ? 1 : 2);
}

function parseArgs(config = {}) {
  const args = config.args ?? mainArgs();
  const strict = config.strict ?? true;
  const allowPositionals = config.allowPositionals ?? !strict;
  const returnTokens = config.tokens ?? false;
  const allowNegative = config.allowNegative ?? false;
  const options = config.options ?? {};
  if (!Array.isArray(args)) throw errors.invalidArgType('args', 'Array', args);
  checkBoolean(strict, 'strict');
  checkBoolean(allowPositionals, 'allowPositionals');
  checkBoolean(returnTokens, 'tokens');
  checkBoolean(allowNegative, 'allowNegative');
  checkOptions(options);

  const tokens = tokenize(args, options);
  const values = { __proto__: null };
  const positionals = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!allowPositionals) {
        throw parseError('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
          `Unexpected argument '${token.value}'. This command does not take positional arguments`);
      }
      positionals.push(token.value);
    } else if (token.kind === 'option') {
      // `--no-foo` is `foo: false` when negation is allowed.
      const negated = allowNegative && token.rawName.startsWith('--no-') && token.name.startsWith('no-');
      if (negated) token.name = token.name.slice(3);
      if (strict) {
        checkUsage(token, options, allowPositionals, negated);
        checkAmbiguous(token);
      }
      store(values, options, token.name, negated ? false : (token.value ?? true));
    }
  }
  for (const [name, option] of Object.entries(options)) {
    if (option.default !== undefined && values[name] === undefined) values[name] = option.default;
  }
  const result = { values, positionals };
  if (returnTokens) result.tokens = tokens;
  return result;
}
Object.defineProperty(parseArgs, 'length', { value: 0 });

module.exports = { parseArgs };
