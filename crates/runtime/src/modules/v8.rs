//! Native side of `v8`: what QuickJS can say about its heap, for `v8.getHeapStatistics`.

use rquickjs::{Ctx, Function, Object, Result};

/// Builds the `v8` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    // heapStatistics() -> [allocated bytes, bytes in use, the runtime's limit or -1]
    o.set(
        "heapStatistics",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            let mut usage = std::mem::MaybeUninit::<rquickjs::qjs::JSMemoryUsage>::zeroed();
            // SAFETY: the context pointer is live for the duration of `ctx`;
            // JS_ComputeMemoryUsage fills the whole struct, which was zeroed first.
            let usage = unsafe {
                let rt = rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
                rquickjs::qjs::JS_ComputeMemoryUsage(rt, usage.as_mut_ptr());
                usage.assume_init()
            };
            vec![
                usage.malloc_size as f64,
                usage.memory_used_size as f64,
                usage.malloc_limit as f64,
            ]
        })?,
    )?;
    Ok(o)
}
