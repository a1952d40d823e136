//! Native helpers for the runtime's error builders (bootstrap.js `errors`): node-core's
//! wording of Node's validation messages, so JS-raised errors read exactly as Rust-raised ones.

use rquickjs::{Ctx, Function, Object, Result};

/// Builds the `errors` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set(
        "argTypeExpectation",
        Function::new(ctx.clone(), |name: String, expected: Vec<String>| {
            let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
            node_core::invalid_arg_type_expectation(&name, &expected)
        })?,
    )?;
    Ok(o)
}
