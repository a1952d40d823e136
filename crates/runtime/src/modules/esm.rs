//! ES module resolution and loading for QuickJS: both ask the JS loader (module.js), so CJS
//! and ESM share one resolver and one cache of CommonJS modules.

use rquickjs::loader::{ImportAttributes, Loader, Resolver};
use rquickjs::module::Declared;
use rquickjs::{Ctx, Error, Function, Module, Object, Result, Runtime};

use crate::host::hooks_object;

struct JsResolver;
struct JsLoader;

fn hook<'js>(ctx: &Ctx<'js>, name: &str) -> Result<Function<'js>> {
    let h = hooks_object(ctx).ok_or_else(|| Error::new_loading("nrt: loader not ready"))?;
    h.get(name)
}

impl Resolver for JsResolver {
    fn resolve<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        base: &str,
        name: &str,
        _attributes: Option<ImportAttributes<'js>>,
    ) -> Result<String> {
        crate::host::guard(ctx, || {
            hook(ctx, "esmResolve")?.call((name.to_string(), base.to_string()))
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
pub(crate) fn install(rt: &Runtime) {
    rt.set_loader(JsResolver, JsLoader);
}
