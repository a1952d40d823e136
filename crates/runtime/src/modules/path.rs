//! Native side of `path`: node-stdlib's `path::posix` and `path::win32`, one function per
//! Node function. Argument type checks (`ERR_INVALID_ARG_TYPE`) and `process.cwd()` live
//! in path.js, which passes only strings (and the cwd when the result can depend on it).

use node_stdlib::path::{posix, win32, ParsedPath};
use rquickjs::function::Opt;
use rquickjs::{Ctx, Function, Object, Result};

/// Builds the `path` binding object: `{ posix: {...}, win32: {...} }`.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("posix", flavour(ctx, Flavour::Posix)?)?;
    o.set("win32", flavour(ctx, Flavour::Win32)?)?;
    Ok(o)
}

#[derive(Clone, Copy)]
enum Flavour {
    Posix,
    Win32,
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// `path.parse()`'s object, keys in Node's order.
fn parsed<'js>(ctx: &Ctx<'js>, p: ParsedPath) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("root", p.root)?;
    o.set("dir", p.dir)?;
    o.set("base", p.base)?;
    o.set("ext", p.ext)?;
    o.set("name", p.name)?;
    Ok(o)
}

fn flavour<'js>(ctx: &Ctx<'js>, which: Flavour) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    let posix = matches!(which, Flavour::Posix);
    o.set(
        "resolve",
        Function::new(ctx.clone(), move |paths: Vec<String>, cwd: String| {
            let paths = strs(&paths);
            if posix {
                posix::resolve(&paths, &cwd)
            } else {
                win32::resolve(&paths, &cwd)
            }
        })?,
    )?;
    o.set(
        "normalize",
        Function::new(ctx.clone(), move |p: String| {
            if posix {
                posix::normalize(&p)
            } else {
                win32::normalize(&p)
            }
        })?,
    )?;
    o.set(
        "isAbsolute",
        Function::new(ctx.clone(), move |p: String| {
            if posix {
                posix::is_absolute(&p)
            } else {
                win32::is_absolute(&p)
            }
        })?,
    )?;
    o.set(
        "join",
        Function::new(ctx.clone(), move |paths: Vec<String>| {
            let paths = strs(&paths);
            if posix {
                posix::join(&paths)
            } else {
                win32::join(&paths)
            }
        })?,
    )?;
    o.set(
        "relative",
        Function::new(ctx.clone(), move |from: String, to: String, cwd: String| {
            if posix {
                posix::relative(&from, &to, &cwd)
            } else {
                win32::relative(&from, &to, &cwd)
            }
        })?,
    )?;
    o.set(
        "toNamespacedPath",
        Function::new(ctx.clone(), move |p: String, cwd: String| {
            if posix {
                posix::to_namespaced_path(&p)
            } else {
                win32::to_namespaced_path(&p, &cwd)
            }
        })?,
    )?;
    o.set(
        "dirname",
        Function::new(ctx.clone(), move |p: String| {
            if posix {
                posix::dirname(&p)
            } else {
                win32::dirname(&p)
            }
        })?,
    )?;
    o.set(
        "basename",
        Function::new(ctx.clone(), move |p: String, suffix: Opt<String>| {
            let suffix = suffix.0.as_deref();
            if posix {
                posix::basename(&p, suffix)
            } else {
                win32::basename(&p, suffix)
            }
        })?,
    )?;
    o.set(
        "extname",
        Function::new(ctx.clone(), move |p: String| {
            if posix {
                posix::extname(&p)
            } else {
                win32::extname(&p)
            }
        })?,
    )?;
    o.set(
        "parse",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, p: String| {
            parsed(
                &ctx,
                if posix {
                    posix::parse(&p)
                } else {
                    win32::parse(&p)
                },
            )
        })?,
    )?;
    // (root, dir, base, name, ext), each already `String(field)` or '' when falsy.
    o.set(
        "format",
        Function::new(
            ctx.clone(),
            move |root: String, dir: String, base: String, name: String, ext: String| {
                let parts = ParsedPath {
                    root,
                    dir,
                    base,
                    ext,
                    name,
                };
                if posix {
                    posix::format(&parts)
                } else {
                    win32::format(&parts)
                }
            },
        )?,
    )?;
    o.set("sep", if posix { posix::SEP } else { win32::SEP })?;
    o.set(
        "delimiter",
        if posix {
            posix::DELIMITER
        } else {
            win32::DELIMITER
        },
    )?;
    Ok(o)
}
