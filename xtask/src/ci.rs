//! `cargo xtask ci`: the one command CI runs.

use crate::util::{cargo, run};

pub(crate) fn run_all() -> Result<(), String> {
    run(
        "cargo fmt --check",
        cargo().args(["fmt", "--all", "--check"]),
    )?;
    run(
        "cargo clippy -D warnings",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    run(
        "cargo test (unit, integration, doc)",
        cargo().args(["test", "--workspace", "--all-features"]),
    )?;
    crate::conformance::run(&[])
}

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("unexpected argument {extra:?}"));
    }
    run_all()
}
