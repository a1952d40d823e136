//! `nrt`: run Node.js programs on QuickJS-NG.
//!
//! `nrt [options] [script.js | -e CODE | -p CODE | -] [arguments]`, as node v20.
#![deny(unsafe_op_in_unsafe_fn)]

mod bootstrap;
mod cli;
mod evloop;
mod host;
mod modules;
mod realm;
mod sandbox_view;
mod shared_memory;
mod worker;

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match cli::parse(&argv) {
        cli::Command::Version => {
            println!("{}-nrt.{}", bootstrap::NODE_VERSION, bootstrap::NRT_VERSION);
        }
        cli::Command::Help => print!("{}", cli::HELP),
        cli::Command::Fail(msg, code) => {
            eprintln!("{msg}");
            std::process::exit(code);
        }
        cli::Command::Run(opts) => host::run(opts),
    }
}
