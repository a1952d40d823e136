//! Project automation: `cargo xtask <command>`.
//!
//! - `ci` — fmt check, clippy `-D warnings`, doc-examples, all tests and doctests, then conformance.
//! - `conformance [filter]` — run `tests/conformance` cases against their node goldens.
//! - `record <case.js>... | --all` — re-record goldens with `node` (needs node on PATH).
//! - `doc-examples` — every public item of the library crates has a runnable doc example.
//! - `bench [startup|…]` — side-by-side benchmarks with node, reported as ratios.
//! - `mutants` — break event-loop ordering rules one at a time; each must fail a test.
//! - `node-suite [--check|--update] [filter…]` — node's own test/parallel run under nrt.

mod bench;
mod ci;
mod conformance;
mod doc_examples;
mod mutants;
mod node_suite;
mod node_suite_exec;
mod node_suite_source;
mod util;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => ("help", &[][..]),
    };
    let result = match cmd {
        "ci" => ci::run(rest),
        "conformance" => conformance::run(rest),
        "record" => conformance::record(rest),
        "bench" => bench::run(rest),
        "mutants" => mutants::run(rest),
        "doc-examples" => doc_examples::run(rest),
        "node-suite" => node_suite::run(rest),
        _ => {
            eprintln!(
                "usage: cargo xtask <ci | conformance [filter] | record <case.js…|--all> | doc-examples | bench [name] | mutants | node-suite [--check|--update] [filter…]>"
            );
            return if cmd == "help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("xtask {cmd}: {msg}");
            ExitCode::FAILURE
        }
    }
}
