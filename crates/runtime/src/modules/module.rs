//! Native side of `module`: file reads, stats and compilation for the CommonJS loader
//! (module.js), which does the resolution itself (see RESOLVER.md), and QuickJS's ES module
//! resolver and loader, which ask the same JS loader so CJS and ESM share one resolver and
//! one cache of CommonJS modules.

use rquickjs::context::EvalOptions;
use rquickjs::loader::{ImportAttributes, Loader, Resolver};
use rquickjs::module::Declared;
use rquickjs::{Ctx, Function, Module, Object, Result, Runtime, Value};

use crate::host::guard;

/// The CommonJS wrapper, kept on the first line so line numbers match the file.
const WRAP_HEAD: &str = "(function (exports, require, module, __filename, __dirname) { ";
const WRAP_TAIL: &str = "\n})";

fn strip_shebang(src: &str) -> String {
    match src.strip_prefix("#!") {
        Some(rest) => format!("//{rest}"),
        None => src.to_string(),
    }
}

fn eval_opts(filename: &str, strict: bool) -> EvalOptions {
    let mut o = EvalOptions::default();
    o.global = true;
    o.strict = strict;
    o.backtrace_barrier = false;
    o.filename = Some(filename.to_string());
    o
}

/// Loads, links and evaluates the module `name` now (for `require()` of an ES module).
/// Its body runs synchronously unless the graph has top-level await; the JS loader knows
/// which from a marker the module sets, and reads failures from the returned promise.
fn import_sync<'js>(ctx: Ctx<'js>, name: String) -> Result<rquickjs::Promise<'js>> {
    guard(&ctx, || Module::import(&ctx, name))
}

/// Whether `src` parses as an ES module (node 20's module-syntax detection, after it failed
/// to parse as CommonJS).
fn parses_as_module(ctx: Ctx<'_>, src: String) -> bool {
    let Ok(code) = std::ffi::CString::new(src.as_bytes()) else {
        return false;
    };
    let raw = ctx.as_raw().as_ptr();
    let name = c"[nrt syntax detection]";
    // SAFETY: raw is the live context; the C strings outlive the call; the compiled value is
    // freed once and a compile error is cleared from the context.
    unsafe {
        let flags =
            (rquickjs::qjs::JS_EVAL_TYPE_MODULE | rquickjs::qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32;
        let v = rquickjs::qjs::JS_Eval(raw, code.as_ptr(), src.len() as _, name.as_ptr(), flags);
        if rquickjs::qjs::JS_IsException(v) {
            // QuickJS resolves imports while compiling a module: only a parse error means
            // "not a module"; a missing import is reported when the module really loads.
            let exc = Value::from_raw(ctx.clone(), rquickjs::qjs::JS_GetException(raw));
            return exc
                .as_object()
                .and_then(|o| o.get::<_, String>("name").ok())
                .is_none_or(|n| n != "SyntaxError");
        }
        rquickjs::qjs::JS_FreeValue(raw, v);
        true
    }
}

/// Builds the `module` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "readFile",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, path: String| {
            guard(&ctx, || Ok(std::fs::read_to_string(&path).ok()))
        })?,
    )?;
    // 0: missing, 1: file, 2: directory (node's internalModuleStat).
    o.set(
        "stat",
        Function::new(ctx.clone(), |path: String| match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => 2,
            Ok(_) => 1,
            Err(_) => 0,
        })?,
    )?;
    o.set(
        "realpath",
        Function::new(ctx.clone(), |path: String| {
            std::fs::canonicalize(&path)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or(path)
        })?,
    )?;
    o.set(
        "compileFunction",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, src: String, filename: String| {
                guard(&ctx, || {
                    let code = format!("{WRAP_HEAD}{}{WRAP_TAIL}", strip_shebang(&src));
                    ctx.eval_with_options::<Function<'js>, _>(code, eval_opts(&filename, false))
                })
            },
        )?
        .with_name("compileFunction")?,
    )?;
    o.set(
        "runScript",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, src: String, filename: String| {
                guard(&ctx, || {
                    ctx.eval_with_options::<Value<'js>, _>(
                        strip_shebang(&src),
                        eval_opts(&filename, false),
                    )
                })
            },
        )?
        .with_name("runScript")?,
    )?;
    o.set(
        "importSync",
        Function::new(ctx.clone(), import_sync)?.with_name("importSync")?,
    )?;
    o.set(
        "parsesAsModule",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, src: String| {
            guard(&ctx, || Ok(parses_as_module(ctx.clone(), src)))
        })?,
    )?;
    o.set("wrapHeadLength", WRAP_HEAD.len())?;
    Ok(o)
}

struct JsResolver;
struct JsLoader;

fn hook<'js>(ctx: &Ctx<'js>, name: &str) -> Result<Function<'js>> {
    let h = crate::host::hooks_object(ctx)
        .ok_or_else(|| rquickjs::Error::new_loading("nrt: loader not ready"))?;
    h.get(name)
}

impl Resolver for JsResolver {
    fn resolve<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        base: &str,
        name: &str,
        attributes: Option<ImportAttributes<'js>>,
    ) -> Result<String> {
        crate::host::guard(ctx, || {
            let kind = match &attributes {
                Some(a) => a.get_type()?,
                None => None,
            };
            hook(ctx, "esmResolve")?.call((name.to_string(), base.to_string(), kind))
        })
    }
}

impl Loader for JsLoader {
    fn load<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        name: &str,
        _attributes: Option<ImportAttributes<'js>>,
    ) -> Result<Module<'js, Declared>> {
        crate::host::guard(ctx, || {
            // { source, meta?: { url, filename, dirname } }
            let desc: Object<'js> = hook(ctx, "esmLoad")?.call((name.to_string(),))?;
            let source: String = desc.get("source")?;
            let module = Module::declare(ctx.clone(), name, source)?;
            if let Ok(Some(meta)) = desc.get::<_, Option<Object<'js>>>("meta") {
                let m = module.meta()?;
                for key in meta.keys::<String>() {
                    let key = key?;
                    m.set(&key, meta.get::<_, rquickjs::Value<'js>>(&key)?)?;
                }
            }
            Ok(module)
        })
    }
}

/// Installs the ESM resolver and loader on the runtime.
pub(crate) fn install_loader(rt: &Runtime) {
    rt.set_loader(JsResolver, JsLoader);
}
