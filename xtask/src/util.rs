//! Small helpers for running commands.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root: the nearest directory at or above the current one that holds
/// `xtask/Cargo.toml`, else the parent of the directory this binary was built from.
///
/// Found from the working directory first because a shared `CARGO_TARGET_DIR` lets cargo
/// reuse an xtask binary built in another clone, whose compiled-in path may be gone (the
/// conformance suite then found no runtime and skipped).
pub(crate) fn root() -> PathBuf {
    if let Ok(cwd) = std::env::current_dir()
        && let Some(dir) = cwd
            .ancestors()
            .find(|d| d.join("xtask/Cargo.toml").is_file())
    {
        return dir.to_path_buf();
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// `cargo` as invoked by this xtask (respects `$CARGO`).
pub(crate) fn cargo() -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root());
    cmd
}

/// Runs a command, echoing it, and fails on a non-zero exit.
pub(crate) fn run(step: &str, cmd: &mut Command) -> Result<(), String> {
    eprintln!("==> {step}");
    let status = cmd
        .status()
        .map_err(|e| format!("{step}: cannot start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{step} failed ({status})"))
    }
}

/// The target directory cargo builds into.
pub(crate) fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => root().join("target"),
    }
}

/// Whether `program` can be found on `PATH`.
pub(crate) fn have(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|p| p.join(program).is_file()))
        .unwrap_or(false)
}
