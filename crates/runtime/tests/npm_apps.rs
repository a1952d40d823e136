//! Real npm packages under nrt: the seed guide's Express examples (cors, express.json, a multer
//! upload to disk) in `tests/npm/`, with the output node printed (`seed_apps.stdout`); and
//! jsonwebtoken/jose over crypto's keys, signatures and AES-GCM (`jwt_app.stdout`); and
//! popular packages — axios, node-fetch, koa, fastify, ws, socket.io, fs-extra, glob, tar and
//! a score of libraries (`popular_apps.stdout`).
//!
//! The packages come from the npm registry: without `npm`, or when the install fails (no
//! network), the test prints why it skipped. Installs are cached in the temp dir, keyed by
//! the package.json, so repeat runs do not reach the network. To re-record the golden file,
//! run `node seed_apps.js > seed_apps.stdout` in such an install (with the script copied in).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/npm")
}

/// A directory with the fixtures' packages installed, or why there is none. The tests of
/// this file run in parallel: one installs while the others wait.
fn installed() -> Result<PathBuf, String> {
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = INSTALL.lock().unwrap_or_else(|p| p.into_inner());
    let manifest = std::fs::read_to_string(fixtures().join("package.json"))
        .map_err(|e| format!("tests/npm/package.json: {e}"))?;
    let mut h = DefaultHasher::new();
    manifest.hash(&mut h);
    let dir = std::env::temp_dir().join(format!("nrt-npm-apps-{:016x}", h.finish()));
    if dir.join("node_modules/.package-lock.json").exists() {
        return Ok(dir);
    }
    let npm = Command::new("npm").arg("--version").output();
    if !npm.is_ok_and(|o| o.status.success()) {
        return Err("npm is not installed".into());
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(dir.join("package.json"), manifest).map_err(|e| e.to_string())?;
    let out = Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            "--loglevel=error",
            // A slow or unreachable registry ends in a skip within a minute or two, not a
            // stalled CI run.
            "--fetch-timeout=30000",
            "--fetch-retries=1",
        ])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("npm install: {e}"))?;
    if !out.status.success() {
        let _ = std::fs::remove_dir_all(dir.join("node_modules"));
        return Err(format!(
            "npm install failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(dir)
}

#[test]
fn seed_express_cors_multer_apps_print_what_node_prints() {
    run_app("seed_apps");
}

#[test]
fn jsonwebtoken_and_jose_sign_verify_encrypt_as_in_node() {
    run_app("jwt_app");
}

#[test]
fn popular_http_file_and_utility_packages_print_what_node_prints() {
    run_app("popular_apps");
}

/// Runs `tests/npm/<name>.js` in the install and compares with `<name>.stdout`.
fn run_app(name: &str) {
    let dir = match installed() {
        Ok(d) => d,
        Err(why) => {
            eprintln!("npm_apps skipped: {why}");
            return;
        }
    };
    let script = format!("{name}.js");
    std::fs::copy(fixtures().join(&script), dir.join(&script)).expect("copy app");
    let out = Command::new(env!("CARGO_BIN_EXE_nrt"))
        .arg(&script)
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .expect("run nrt");
    let expected =
        std::fs::read_to_string(fixtures().join(format!("{name}.stdout"))).expect("golden");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        expected,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success());
}
