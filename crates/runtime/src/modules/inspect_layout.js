// util.inspect, part 2: layout. Takes the rendered pieces of one object or array and decides
// between one line, one piece per line, or (for long lists of short items) a table of rows.
'use strict';

const { visibleWidth } = internal.requireBuiltin('internal/inspect_text', true);

const GAP = 2; // ", " between two items on a line

// Lays the items of a list out in aligned columns when they are short enough. Numbers are
// right-aligned, anything else left-aligned. Returns the rows (or `items` unchanged).
function tabulate(ctx, items, numeric, total) {
  const count = items.length;
  const widths = items.map((s) => visibleWidth(s, ctx.colors));
  let widest = 0;
  let sum = 0;
  for (const w of widths) {
    if (w > widest) widest = w;
    sum += w + GAP;
  }
  const cell = widest + GAP;
  const roomy = cell * 3 + ctx.indent < ctx.breakLength;
  if (!roomy || !(sum / cell > 5 || widest <= 6)) return items;

  // Aim for a block about 2.5 times wider than tall, measured in average cells; wide
  // outliers shrink the estimate so a few long items do not spread every row.
  // `total` also counts a trailing "... more items" line, as node does.
  const spread = Math.sqrt(cell - sum / total);
  const typical = Math.max(cell - 3 - spread, 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * typical * total) / typical),
    Math.floor((ctx.breakLength - ctx.indent) / cell),
    ctx.compact * 4,
    15,
  );
  if (columns <= 1) return items;

  const columnWidth = [];
  for (let c = 0; c < columns; c++) {
    let w = 0;
    for (let i = c; i < count; i += columns) if (widths[i] > w) w = widths[i];
    columnWidth.push(w + GAP);
  }
  const rows = [];
  for (let start = 0; start < count; start += columns) {
    const end = Math.min(start + columns, count);
    let line = '';
    for (let i = start; i < end; i++) {
      const last = i === end - 1;
      const text = last ? items[i] : `${items[i]}, `;
      // Pad by cells, not code units: colored text carries invisible escape codes.
      const target = columnWidth[i - start] - (last ? GAP : 0) + (items[i].length - widths[i]);
      if (numeric) line += text.padStart(target, ' ');
      else line += last ? text : text.padEnd(target, ' ');
    }
    rows.push(line);
  }
  return rows;
}

// True when the pieces joined by ", " fit on one line next to the opening brace.
function fitsOneLine(ctx, pieces, head) {
  let length = pieces.length * 2 + ctx.indent + head.length + 10;
  for (const p of pieces) {
    length += ctx.colors ? visibleWidth(p, true) : p.length;
    if (length > ctx.breakLength) return false;
  }
  return !head.includes('\n');
}

// Joins the pieces of one container. `shape` = { prefix, open, close, list, numeric, more }:
// `valueLike` marks a prefix that renders a value, `list` marks arrays and typed arrays (candidates for columns), `more` is the index of a
// "... n more items" piece that stays on its own line.
function assemble(ctx, pieces, shape, level) {
  const { prefix, open, close, ref } = shape;
  let head = prefix ? `${prefix} ${open}` : open;
  // A value-like prefix ([Function: f], a date) is measured without the space after it.
  let measured = shape.valueLike ? prefix + open : head;
  if (ref !== undefined) {
    head = `${ref} ${head}`;
    measured = `${ref} ${measured}`;
  }
  const pad = ' '.repeat(ctx.indent);

  if (ctx.compact === true) {
    // The old layout: one line when the items alone fit, else one item per line with the
    // first one next to the brace.
    let width = pieces.length;
    for (const p of pieces) width += visibleWidth(p, ctx.colors);
    if (width <= ctx.breakLength && !measured.includes('\n')) {
      const joined = pieces.join(', ');
      if (!joined.includes('\n')) return `${head} ${joined} ${close}`;
    }
    return `${head} ${pieces.join(`,\n${pad}  `)} ${close}`;
  }

  let lines = pieces;
  if (ctx.compact >= 1) {
    if (shape.list && pieces.length > 6) {
      const more = shape.more;
      const grid = more === undefined ? pieces : pieces.filter((_, i) => i !== more);
      const rows = tabulate(ctx, grid, shape.numeric, pieces.length);
      if (rows !== grid) lines = more === undefined ? rows : [...rows, pieces[more]];
    }
    // Nest at most `compact` levels of non-empty containers on one line: ctx.innermost is
    // the level of the container whose items were rendered last.
    if (lines === pieces && ctx.innermost - level < ctx.compact && fitsOneLine(ctx, pieces, measured)) {
      const joined = pieces.join(', ');
      if (!joined.includes('\n')) return `${head} ${joined} ${close}`;
    }
  }
  return `${head}\n${pad}  ${lines.join(`,\n${pad}  `)}\n${pad}${close}`;
}

module.exports = { assemble };
