//! Native side of `v8`: what QuickJS can say about its heap, for `v8.getHeapStatistics`.

use rquickjs::{Ctx, Function, Object, Result};

/// Builds the `v8` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    // heapStatistics() -> [allocated bytes, bytes in use, the runtime's limit or -1]
    o.set(
        "heapStatistics",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            let usage = crate::modules::memory_usage(&ctx);
            vec![
                usage.malloc_size as f64,
                usage.memory_used_size as f64,
                usage.malloc_limit as f64,
            ]
        })?,
    )?;
    Ok(o)
}
