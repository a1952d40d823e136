//! Start-up: builds the native bindings object and runs the JS bootstrap, which defines the
//! globals (`process`, `console`, timers, …) and the module loader.

use rquickjs::{Ctx, Function, Object, Result};

use crate::cli::{Entry, Options};

/// The nrt release, in `process.versions.nrt` and `--version`.
pub(crate) const NRT_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The node release whose behaviour nrt reproduces: `process.version`.
pub(crate) const NODE_VERSION: &str = "v20.20.2";

/// Runs the bootstrap in `ctx`.
pub(crate) fn bootstrap(ctx: &Ctx<'_>, opts: &Options) -> Result<()> {
    let natives = Object::new(ctx.clone())?;
    natives.set("process", crate::modules::process::binding(ctx)?)?;
    natives.set("timers", crate::modules::timers::binding(ctx)?)?;
    natives.set("module", crate::modules::module::binding(ctx)?)?;
    natives.set("fs", crate::modules::fs::binding(ctx)?)?;
    natives.set("buffer", crate::modules::buffer::binding(ctx)?)?;
    natives.set("crypto", crate::modules::crypto::binding(ctx)?)?;
    natives.set("perf", crate::modules::perf_hooks::binding(ctx)?)?;
    natives.set("tty", crate::modules::tty::binding(ctx)?)?;
    natives.set("net", crate::modules::net::binding(ctx)?)?;
    natives.set("dns", crate::modules::dns::binding(ctx)?)?;
    natives.set("dgram", crate::modules::dgram::binding(ctx)?)?;
    natives.set(
        "child_process",
        crate::modules::child_process::binding(ctx)?,
    )?;
    natives.set("http", crate::modules::http::binding(ctx)?)?;
    natives.set("tls", crate::modules::tls::binding(ctx)?)?;
    natives.set("fetch", crate::modules::fetch::binding(ctx)?)?;
    natives.set("util", crate::modules::util::binding(ctx)?)?;
    natives.set("path", crate::modules::path::binding(ctx)?)?;
    natives.set("os", crate::modules::os::binding(ctx)?)?;
    natives.set("v8", crate::modules::v8::binding(ctx)?)?;
    natives.set("querystring", crate::modules::querystring::binding(ctx)?)?;
    natives.set("url", crate::modules::url::binding(ctx)?)?;
    natives.set("errors", crate::modules::errors::binding(ctx)?)?;
    natives.set(
        "string_decoder",
        crate::modules::string_decoder::binding(ctx)?,
    )?;
    natives.set("zlib", crate::modules::zlib::binding(ctx)?)?;
    natives.set("worker", crate::modules::worker_threads::binding(ctx)?)?;
    natives.set("vm", crate::modules::vm::binding(ctx)?)?;
    natives.set(
        "hasBuiltin",
        Function::new(ctx.clone(), |name: String| {
            crate::modules::has_builtin(&name)
        })?,
    )?;
    natives.set("loadBuiltin", Function::new(ctx.clone(), load_builtin_fn)?)?;
    natives.set("setHooks", Function::new(ctx.clone(), set_hooks_fn)?)?;

    let o = Object::new(ctx.clone())?;
    let mut argv = vec![std::env::args().next().unwrap_or_else(|| "nrt".into())];
    let (kind, main) = match &opts.entry {
        Entry::File(f) => ("file", f.clone()),
        Entry::Eval { code, print } => (if *print { "print" } else { "eval" }, code.clone()),
        Entry::Stdin => {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s);
            ("stdin", s)
        }
        Entry::Repl => ("repl", String::new()),
    };
    if kind == "file" {
        argv.push(main.clone());
    } else if kind == "eval" && crate::worker::is_worker() {
        argv.push("[worker eval]".into());
    }
    argv.extend(opts.args.iter().cloned());
    o.set("argv", argv)?;
    o.set("execArgv", opts.exec_argv.clone())?;
    o.set("kind", kind)?;
    o.set("main", main)?;
    o.set("exposeGc", opts.expose_gc)?;
    o.set("inputTypeModule", opts.input_type_module)?;
    o.set("preload", opts.preload.clone())?;
    o.set("noWarnings", opts.no_warnings)?;
    o.set("noDeprecation", opts.no_deprecation)?;
    o.set("traceWarnings", opts.trace_warnings)?;
    o.set("traceDeprecation", opts.trace_deprecation)?;
    o.set("throwDeprecation", opts.throw_deprecation)?;
    o.set("unhandledRejections", opts.unhandled_rejections.as_str())?;
    o.set("version", NODE_VERSION)?;
    o.set("nrtVersion", NRT_VERSION)?;
    o.set("quickjsVersion", "0.16.2")?;
    o.set("worker", crate::worker::bootstrap_info(ctx)?)?;

    let f = crate::modules::load_builtin(ctx, "internal/bootstrap")?;
    let f = Function::from_value(f)?;
    f.call::<_, ()>((natives, o))
}

fn set_hooks_fn<'js>(ctx: Ctx<'js>, hooks: Object<'js>) {
    crate::host::set_hooks(&ctx, hooks)
}

fn load_builtin_fn<'js>(ctx: Ctx<'js>, name: String) -> Result<rquickjs::Value<'js>> {
    crate::host::guard(&ctx, || crate::modules::load_builtin(&ctx, &name))
}
