//! `cargo xtask ci`: the one command CI runs.

use crate::util::{cargo, run as step};

pub(crate) fn run_all() -> Result<(), String> {
    step(
        "cargo fmt --check",
        cargo().args(["fmt", "--all", "--check"]),
    )?;
    step(
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
    eprintln!("==> doc examples on public items");
    crate::doc_examples::run(&[])?;
    step(
        "cargo test (unit, integration, doc)",
        cargo().args(["test", "--workspace", "--all-features"]),
    )?;
    crate::conformance::run(&[])?;
    eprintln!("==> mutants: every event-loop ordering rule broken on purpose must fail a test");
    crate::mutants::run(&[])
}

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    if let Some(extra) = args.first() {
        return Err(format!("unexpected argument {extra:?}"));
    }
    run_all()
}
