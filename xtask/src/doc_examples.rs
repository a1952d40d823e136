//! `cargo xtask doc-examples`: every public item of the library crates shows a runnable
//! example in its doc comment.
//!
//! The check reads `crates/<crate>/src/**/*.rs` of each library crate (one with a
//! `src/lib.rs`; the `runtime` binary is not one) line by line and reports
//! `file:line item — reason` for each public item that fails it:
//!
//! - `pub fn` (with any of `const`, `async`, `unsafe`, `extern`), `pub struct`, `pub enum`,
//!   `pub union`, `pub trait`, `pub type`, `#[macro_export] macro_rules!`, and `pub` methods
//!   of inherent impls need a doc comment holding a Rust code block that rustdoc runs or at
//!   least compiles: a fence with no info string, or only `rust`, `no_run`, `should_panic`,
//!   `editionNNNN`. Blocks marked `ignore`, `compile_fail`, `text` or another language do
//!   not count. (`no_run` is for examples that would need a remote host; one that needs a
//!   server starts it on 127.0.0.1:0 and runs.)
//! - `pub const` and `pub static` need a doc line. They need no example of their own when
//!   the enclosing module's doc (the file's `//!` lines, or an inline `mod`'s doc) has one;
//!   otherwise they need one too.
//!
//! `pub(crate)`, `pub(super)`, `pub(in …)` and `pub(self)` items are not public. Struct
//! fields, enum variants, trait methods and `pub mod`/`pub use` lines are not checked
//! (rustc's `missing_docs` covers their doc lines). Items under `#[cfg(test)]` are skipped,
//! including `#[cfg(test)] mod name;` files.
//!
//! Every other `pub` item is checked, without asking whether it is reachable from outside
//! its crate: the workspace warns on `unreachable_pub` and CI's clippy denies warnings, so
//! a `pub` item that is not re-exported fails CI anyway.
//!
//! Doc comments are `///` lines, `/** … */` blocks and `#[doc = "…"]` attributes, which may
//! be split from the item by other attributes, blank lines and `//` comments. Strings, raw
//! strings, char literals and comments are masked before braces are counted, so neither a
//! `"{"` nor a `'}'` moves the scanner's idea of nesting. Items made by a macro expansion are
//! seen only where their text is (inside a `macro_rules!` body).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::util::root;

/// Runs the check over the workspace's library crates.
pub(crate) fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("unexpected argument {extra:?}"));
    }
    let root = root();
    let mut files = Vec::new();
    for src in library_sources(&root)? {
        collect_rs(&src, &mut files)?;
    }
    files.sort();

    let mut scans = Vec::new();
    let mut test_paths = BTreeSet::new();
    for path in files {
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let scan = scan(&text);
        for name in &scan.test_modules {
            test_paths.insert(submodule_dir(&path).join(name));
        }
        scans.push((path, scan));
    }

    let mut checked = 0;
    let mut failures = Vec::new();
    for (path, scan) in &scans {
        // A `#[cfg(test)] mod tests;` lives in `tests.rs` or `tests/` beside its parent.
        if test_paths
            .iter()
            .any(|t| path.starts_with(t) || *path == t.with_extension("rs"))
        {
            continue;
        }
        checked += scan.checked;
        let shown = path.strip_prefix(&root).unwrap_or(path);
        for m in &scan.missing {
            failures.push(format!(
                "{}:{} {} — {}",
                shown.display(),
                m.line,
                m.item,
                m.reason
            ));
        }
    }
    if failures.is_empty() {
        eprintln!("doc-examples: {checked} public items, each with a runnable example");
        Ok(())
    } else {
        for f in &failures {
            eprintln!("{f}");
        }
        Err(format!(
            "{} of {checked} public items lack a runnable doc example",
            failures.len()
        ))
    }
}

/// The `src` directory of every library crate: each `crates/<name>` with a `src/lib.rs`
/// (the `runtime` crate is a binary, `src/main.rs`).
fn library_sources(root: &Path) -> Result<Vec<PathBuf>, String> {
    let crates = root.join("crates");
    let entries = fs::read_dir(&crates).map_err(|e| format!("{}: {e}", crates.display()))?;
    let mut out = Vec::new();
    for entry in entries {
        let src = entry
            .map_err(|e| format!("{}: {e}", crates.display()))?
            .path()
            .join("src");
        if src.join("lib.rs").is_file() {
            out.push(src);
        }
    }
    if out.is_empty() {
        return Err(format!("no library crates under {}", crates.display()));
    }
    out.sort();
    Ok(out)
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect_rs(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

/// The directory holding the out-of-line submodules of the module in `path`.
fn submodule_dir(path: &Path) -> PathBuf {
    let parent = path.parent().unwrap_or(Path::new(""));
    match path.file_stem().and_then(|s| s.to_str()) {
        Some("lib" | "main" | "mod") => parent.to_path_buf(),
        Some(stem) => parent.join(stem),
        None => parent.to_path_buf(),
    }
}

/// What [`scan`] found in one file.
#[derive(Debug, Default)]
struct FileScan {
    /// Public items that fail the check.
    missing: Vec<Missing>,
    /// Names of out-of-line `#[cfg(test)] mod name;` submodules.
    test_modules: Vec<String>,
    /// How many public items were checked.
    checked: usize,
}

#[derive(Debug, PartialEq)]
struct Missing {
    /// 1-based line of the item.
    line: usize,
    /// `fn name`, `fn Type::name`, `struct Name`, …
    item: String,
    reason: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum DocKind {
    /// `///`, `/** */`: documents the next item.
    Outer,
    /// `//!`, `/*! */`: documents the enclosing module.
    Inner,
}

/// One source line with comments and literal contents blanked out.
#[derive(Debug, Default)]
struct Line {
    /// The code: comments removed, string and char contents replaced by spaces.
    code: String,
    /// Doc comment text found on this line, in order.
    docs: Vec<(DocKind, String)>,
}

#[derive(Clone, Copy)]
enum LexState {
    Code,
    LineComment(Option<DocKind>),
    Block { depth: u32, doc: Option<DocKind> },
    Str,
    RawStr(usize),
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Splits `source` into [`Line`]s, tracking comments and literals across lines.
fn lex(source: &str) -> Vec<Line> {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut doc = String::new();
    let mut state = LexState::Code;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            match state {
                LexState::LineComment(kind) => {
                    if let Some(kind) = kind {
                        line.docs.push((kind, std::mem::take(&mut doc)));
                    }
                    state = LexState::Code;
                }
                LexState::Block {
                    doc: Some(kind), ..
                } => {
                    line.docs.push((kind, std::mem::take(&mut doc)));
                }
                _ => {}
            }
            lines.push(std::mem::take(&mut line));
            i += 1;
            continue;
        }
        match state {
            LexState::Code => {
                if c == '/' && at(i + 1) == '/' {
                    let kind = match at(i + 2) {
                        '/' if at(i + 3) != '/' => Some(DocKind::Outer),
                        '!' => Some(DocKind::Inner),
                        _ => None,
                    };
                    state = LexState::LineComment(kind);
                    i += if kind.is_some() { 3 } else { 2 };
                    continue;
                }
                if c == '/' && at(i + 1) == '*' {
                    let kind = match at(i + 2) {
                        '*' if !matches!(at(i + 3), '*' | '/') => Some(DocKind::Outer),
                        '!' => Some(DocKind::Inner),
                        _ => None,
                    };
                    state = LexState::Block {
                        depth: 1,
                        doc: kind,
                    };
                    i += if kind.is_some() { 3 } else { 2 };
                    continue;
                }
                if c == '"' {
                    line.code.push('"');
                    state = LexState::Str;
                    i += 1;
                    continue;
                }
                let prev = if i > 0 { chars[i - 1] } else { ' ' };
                let before_b = if i > 1 { chars[i - 2] } else { ' ' };
                let raw_start =
                    c == 'r' && (!is_ident(prev) || (prev == 'b' && !is_ident(before_b)));
                if raw_start {
                    let mut j = i + 1;
                    while at(j) == '#' {
                        j += 1;
                    }
                    if at(j) == '"' {
                        line.code.push('"');
                        state = LexState::RawStr(j - i - 1);
                        i = j + 1;
                        continue;
                    }
                }
                if c == '\'' {
                    // A char literal is `'x'` or `'\…'`; anything else is a lifetime or label.
                    if at(i + 1) == '\\' {
                        let mut j = i + 3;
                        while j < chars.len() && chars[j] != '\'' && chars[j] != '\n' {
                            j += 1;
                        }
                        line.code.push_str("' '");
                        i = j + 1;
                        continue;
                    }
                    if at(i + 2) == '\'' && at(i + 1) != '\n' {
                        line.code.push_str("' '");
                        i += 3;
                        continue;
                    }
                }
                line.code.push(c);
                i += 1;
            }
            LexState::LineComment(kind) => {
                if kind.is_some() {
                    doc.push(c);
                }
                i += 1;
            }
            LexState::Block { depth, doc: kind } => {
                if c == '/' && at(i + 1) == '*' {
                    state = LexState::Block {
                        depth: depth + 1,
                        doc: kind,
                    };
                    i += 2;
                } else if c == '*' && at(i + 1) == '/' {
                    i += 2;
                    if depth == 1 {
                        if let Some(kind) = kind {
                            line.docs.push((kind, std::mem::take(&mut doc)));
                        }
                        state = LexState::Code;
                    } else {
                        state = LexState::Block {
                            depth: depth - 1,
                            doc: kind,
                        };
                    }
                } else {
                    if kind.is_some() {
                        doc.push(c);
                    }
                    i += 1;
                }
            }
            LexState::Str => {
                if c == '\\' && at(i + 1) != '\n' {
                    line.code.push_str("  ");
                    i += 2;
                } else if c == '"' {
                    line.code.push('"');
                    state = LexState::Code;
                    i += 1;
                } else {
                    line.code.push(' ');
                    i += 1;
                }
            }
            LexState::RawStr(hashes) => {
                if c == '"' && (1..=hashes).all(|k| at(i + k) == '#') {
                    line.code.push('"');
                    state = LexState::Code;
                    i += 1 + hashes;
                } else {
                    line.code.push(' ');
                    i += 1;
                }
            }
        }
    }
    if let LexState::LineComment(Some(kind))
    | LexState::Block {
        doc: Some(kind), ..
    } = state
    {
        line.docs.push((kind, doc));
    }
    lines.push(line);
    lines
}

/// Whether the markdown in `doc` holds a Rust code block rustdoc compiles as a test.
fn has_example(doc: &[String]) -> bool {
    let mut open: Option<(String, bool)> = None;
    for line in doc.iter().flat_map(|d| d.lines()) {
        let t = line.trim_start();
        let t = t.strip_prefix('*').map_or(t, str::trim_start);
        let fence = if t.starts_with("```") {
            "```"
        } else if t.starts_with("~~~") {
            "~~~"
        } else {
            continue;
        };
        match &open {
            Some((f, runnable)) if f == fence => {
                if *runnable {
                    return true;
                }
                open = None;
            }
            Some(_) => {}
            None => {
                let info = t.trim_start_matches(fence.chars().next().unwrap_or('`'));
                open = Some((fence.to_string(), runnable_fence(info)));
            }
        }
    }
    false
}

/// Whether a fence info string marks a Rust block rustdoc builds (`no_run` included).
fn runnable_fence(info: &str) -> bool {
    info.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .all(|t| {
            matches!(t, "rust" | "no_run" | "should_panic" | "standalone_crate")
                || t.starts_with("edition")
        })
}

/// A public item found on a code line.
#[derive(Debug, PartialEq)]
enum Item {
    /// Needs its own example: fn, struct, enum, union, trait, type, exported macro.
    Example(String),
    /// Needs a doc line; an example in the module doc serves: const, static.
    DocOnly(String),
}

/// Identifier and punctuation tokens of masked code.
fn tokens(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in code.char_indices() {
        if is_ident(c) || (c == '$' && start.is_none()) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&code[s..i]);
        }
        if !c.is_whitespace() {
            out.push(&code[i..i + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        out.push(&code[s..]);
    }
    out
}

/// The public item declared by `code`, if it starts with a plain `pub`.
fn public_item(code: &str) -> Option<Item> {
    let toks = tokens(code);
    if toks.first() != Some(&"pub") || toks.get(1) == Some(&"(") {
        return None;
    }
    let mut k = 1;
    loop {
        let t = *toks.get(k)?;
        let name = toks.get(k + 1).copied().unwrap_or("?");
        match t {
            "async" | "unsafe" | "default" | "auto" => k += 1,
            "extern" => {
                k += 1;
                if toks.get(k) == Some(&"\"") {
                    k += 2;
                }
            }
            "const" => {
                if matches!(
                    toks.get(k + 1).copied(),
                    Some("fn" | "async" | "unsafe" | "extern")
                ) {
                    k += 1;
                } else {
                    return Some(Item::DocOnly(format!("const {name}")));
                }
            }
            "static" => {
                let name = if name == "mut" {
                    toks.get(k + 2).copied().unwrap_or("?")
                } else {
                    name
                };
                return Some(Item::DocOnly(format!("static {name}")));
            }
            "fn" | "struct" | "enum" | "union" | "trait" | "type" => {
                return Some(Item::Example(format!("{t} {name}")));
            }
            _ => return None,
        }
    }
}

/// The self type named by an `impl` header: `impl<T> Foo<T>` → `Foo`, `impl X for Y` → `Y`.
fn impl_type(header: &str) -> String {
    let toks = tokens(header);
    let mut k = toks.iter().position(|t| *t == "impl").map_or(0, |p| p + 1);
    // Skip the impl's generic parameters.
    if toks.get(k) == Some(&"<") {
        let mut depth = 0;
        while let Some(t) = toks.get(k) {
            k += 1;
            match *t {
                "<" => depth += 1,
                ">" => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    let rest = &toks[k.min(toks.len())..];
    // `for` at angle depth 0 separates trait from type.
    let mut depth = 0;
    let mut start = 0;
    for (j, t) in rest.iter().enumerate() {
        match *t {
            "<" => depth += 1,
            ">" => depth -= 1,
            "for" if depth == 0 => start = j + 1,
            "{" | "where" if depth == 0 => {
                return last_path_ident(&rest[start..j]);
            }
            _ => {}
        }
    }
    last_path_ident(&rest[start..])
}

fn last_path_ident(toks: &[&str]) -> String {
    let mut name = "?";
    for t in toks {
        match *t {
            "<" => break,
            t if t.starts_with(is_ident) => name = t,
            _ => {}
        }
    }
    name.to_string()
}

/// A `{ … }` the scanner tracks: an impl (for method names) or a module (for its doc).
#[derive(Debug)]
enum Frame {
    Impl {
        depth: usize,
        name: String,
    },
    Module {
        depth: usize,
        doc: Vec<String>,
    },
    /// `#[cfg(test)]` code: items inside are not checked.
    Test {
        depth: usize,
    },
}

impl Frame {
    fn depth(&self) -> usize {
        match self {
            Frame::Impl { depth, .. } | Frame::Module { depth, .. } | Frame::Test { depth } => {
                *depth
            }
        }
    }
}

/// Checks every public item of one source file.
fn scan(source: &str) -> FileScan {
    let raw: Vec<&str> = source.split('\n').collect();
    let lines = lex(source);
    let mut out = FileScan::default();
    // The file's own module: its `//!` doc.
    let mut frames = vec![Frame::Module {
        depth: 0,
        doc: Vec::new(),
    }];
    let mut depth = 0usize;
    let mut docs: Vec<String> = Vec::new();
    let mut attrs = String::new();
    // An attribute still open at the end of the previous line: (text so far, bracket depth).
    let mut open_attr: Option<(String, String, i32)> = None;
    // An `impl` header still waiting for its `{`.
    let mut impl_header: Option<String> = None;

    for (n, line) in lines.iter().enumerate() {
        for (kind, text) in &line.docs {
            match kind {
                DocKind::Outer => docs.push(text.clone()),
                DocKind::Inner => {
                    let module = frames.iter_mut().rev().find_map(|f| match f {
                        Frame::Module { doc, .. } => Some(doc),
                        _ => None,
                    });
                    if let Some(doc) = module {
                        doc.push(text.clone());
                    }
                }
            }
        }
        let raw_line = raw.get(n).copied().unwrap_or("");
        let mut code = line.code.trim();
        let depth_before = depth;
        depth += line.code.matches('{').count();
        depth = depth.saturating_sub(line.code.matches('}').count());

        while frames.len() > 1 && depth_before <= frames[frames.len() - 1].depth() {
            // Closed before this line: pop frames whose body we have left.
            frames.pop();
        }
        let in_test = frames.iter().any(|f| matches!(f, Frame::Test { .. }));

        if let Some((masked, text, level)) = open_attr.as_mut() {
            let (end, lvl) = bracket_end(code, *level);
            masked.push_str(&code[..end]);
            text.push('\n');
            text.push_str(raw_line);
            *level = lvl;
            if lvl > 0 {
                continue;
            }
            let (masked, text, _) = open_attr.take().unwrap_or_default();
            take_attr(&masked, &text, &mut docs, &mut attrs);
            code = code[end..].trim();
        }
        // Leading attributes: `#[…]` (outer) and `#![…]` (inner, ignored).
        while let Some(after) = code.strip_prefix('#') {
            let inner = after.starts_with('!');
            let after = after.trim_start_matches('!').trim_start();
            let Some(body) = after.strip_prefix('[') else {
                break;
            };
            let (end, level) = bracket_end(body, 1);
            let masked = format!("#[{}", &body[..end]);
            if level > 0 {
                if !inner {
                    open_attr = Some((masked, raw_line.to_string(), level));
                }
                code = "";
                break;
            }
            if !inner {
                take_attr(&masked, raw_line, &mut docs, &mut attrs);
            }
            code = body[end..].trim();
        }
        if open_attr.is_some() || code.is_empty() {
            continue;
        }

        if let Some(header) = impl_header.as_mut() {
            header.push(' ');
            header.push_str(code);
        } else if tokens(code)
            .iter()
            .take_while(|t| **t != "impl")
            .all(|t| *t == "unsafe")
            && tokens(code).contains(&"impl")
        {
            impl_header = Some(code.to_string());
        }
        if let Some(header) = impl_header.take_if(|h| h.contains('{')) {
            frames.push(Frame::Impl {
                depth: depth_before,
                name: impl_type(&header),
            });
        }

        let cfg_test = attrs.contains("cfg(test)");
        let toks = tokens(code);
        let mod_pos = toks.iter().position(|t| *t == "mod");
        let is_mod = mod_pos.is_some_and(|p| toks[..p].iter().all(|t| is_vis(t)));
        if cfg_test && code.contains('{') {
            frames.push(Frame::Test {
                depth: depth_before,
            });
        } else if is_mod && code.contains('{') {
            frames.push(Frame::Module {
                depth: depth_before,
                doc: docs.clone(),
            });
        } else if is_mod && cfg_test && !in_test {
            let p = mod_pos.unwrap_or(0);
            out.test_modules
                .push(toks.get(p + 1).copied().unwrap_or("?").to_string());
        }
        if !in_test && !cfg_test && !is_mod {
            let item = if toks.first() == Some(&"macro_rules") {
                let name = toks.get(2).copied().unwrap_or("?");
                attrs
                    .contains("macro_export")
                    .then(|| Item::Example(format!("macro {name}!")))
            } else {
                public_item(code)
            };
            if let Some(item) = item {
                out.checked += 1;
                let method_of = frames.iter().rev().find_map(|f| match f {
                    Frame::Impl { name, .. } => Some(name.as_str()),
                    _ => None,
                });
                if let Some(reason) = judge(&item, &docs, module_has_example(&frames)) {
                    let (Item::Example(label) | Item::DocOnly(label)) = &item;
                    let label = match method_of {
                        Some(ty) => {
                            let (kw, name) = label.split_once(' ').unwrap_or(("", label));
                            format!("{kw} {ty}::{name}")
                        }
                        None => label.clone(),
                    };
                    out.missing.push(Missing {
                        line: n + 1,
                        item: label,
                        reason,
                    });
                }
            }
        }
        docs.clear();
        attrs.clear();
    }
    out
}

fn is_vis(t: &str) -> bool {
    matches!(
        t,
        "pub" | "(" | ")" | "crate" | "super" | "self" | "in" | "::"
    )
}

/// Why `item` fails the check, if it does.
fn judge(item: &Item, docs: &[String], module_example: bool) -> Option<&'static str> {
    if docs.iter().all(|d| d.trim().is_empty()) {
        return Some("no doc comment");
    }
    match item {
        Item::Example(_) if !has_example(docs) => Some("doc has no runnable example"),
        Item::DocOnly(_) if !has_example(docs) && !module_example => {
            Some("no example here or in the module doc")
        }
        _ => None,
    }
}

/// Finds where a bracket that is `level` deep closes in `code`: (byte end, level left).
fn bracket_end(code: &str, mut level: i32) -> (usize, i32) {
    for (i, c) in code.char_indices() {
        match c {
            '[' => level += 1,
            ']' => {
                level -= 1;
                if level == 0 {
                    return (i + 1, 0);
                }
            }
            _ => {}
        }
    }
    (code.len(), level)
}

/// Files a finished outer attribute: `#[doc = "…"]` text joins the docs, others are kept
/// for `cfg(test)` and `macro_export`.
fn take_attr(masked: &str, raw: &str, docs: &mut Vec<String>, attrs: &mut String) {
    let m = masked.trim_start_matches("#[").trim_start();
    if m.starts_with("doc") && m[3..].trim_start().starts_with('=') {
        if let (Some(a), Some(b)) = (raw.find('"'), raw.rfind('"'))
            && a < b
        {
            docs.push(raw[a + 1..b].replace("\\n", "\n"));
        }
    } else {
        attrs.push_str(masked);
        attrs.push('\n');
    }
}

fn module_has_example(frames: &[Frame]) -> bool {
    frames
        .iter()
        .rev()
        .find_map(|f| match f {
            Frame::Module { doc, .. } => Some(has_example(doc)),
            _ => None,
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests;
