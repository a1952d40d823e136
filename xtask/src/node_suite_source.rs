//! Where node's own tests come from: Debian's copy of the node v20 source tarball,
//! downloaded once into the target directory, checked against a pinned sha256, and
//! unpacked there (only `test/common`, `test/fixtures` and `test/parallel`). Nothing of
//! it is ever part of this repository.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::util::{have, target_dir};

/// The node release whose tests are run (the v20 line, as nrt's spec).
pub(crate) const NODE_RELEASE: &str = "v20.19.2";
const URL: &str = "http://deb.debian.org/debian/pool/main/n/nodejs/nodejs_20.19.2+dfsg.orig.tar.xz";
const TARBALL: &str = "nodejs_20.19.2+dfsg.orig.tar.xz";
/// sha256 of the tarball, computed once when the harness was written (2026-11-27).
const SHA256: &str = "5e5559381ad031d245a8efa403458abbb73755f74c3e6380f185a4dd342b7949";
const PARTS: [&str; 3] = ["test/common", "test/fixtures", "test/parallel"];

/// The cache directory: `<target>/node-suite`.
pub(crate) fn cache_dir() -> PathBuf {
    target_dir().join("node-suite")
}

/// Node's source root holding the unpacked `test/` folders, downloading and unpacking
/// them first if needed. `Err` carries the reason the suite cannot run here (no curl or
/// tar, download failed, checksum mismatch): callers print it and skip.
pub(crate) fn ensure() -> Result<PathBuf, String> {
    let cache = cache_dir();
    let root = cache.join(format!("node-{NODE_RELEASE}"));
    let stamp = root.join(".unpacked");
    if fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == SHA256) {
        return Ok(root);
    }
    for tool in ["curl", "tar"] {
        if !have(tool) {
            return Err(format!("`{tool}` is not on PATH"));
        }
    }
    fs::create_dir_all(&cache).map_err(|e| format!("cannot create {}: {e}", cache.display()))?;
    let tarball = cache.join(TARBALL);
    if !tarball.is_file() || sha256(&tarball)? != SHA256 {
        download(&tarball)?;
    }
    let got = sha256(&tarball)?;
    if got != SHA256 {
        let _ = fs::remove_file(&tarball);
        return Err(format!(
            "{TARBALL}: sha256 is {got}, expected {SHA256} (file removed)"
        ));
    }
    unpack(&tarball, &root)?;
    fs::write(&stamp, SHA256).map_err(|e| e.to_string())?;
    Ok(root)
}

fn download(dest: &Path) -> Result<(), String> {
    eprintln!("==> downloading {URL}");
    let part = dest.with_extension("part");
    let status = Command::new("curl")
        .args(["-fsSL", "--retry", "2", "--connect-timeout", "20", "-o"])
        .arg(&part)
        .arg(URL)
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run curl: {e}"))?;
    if !status.success() {
        let _ = fs::remove_file(&part);
        return Err(format!("download of {URL} failed (curl {status})"));
    }
    fs::rename(&part, dest).map_err(|e| e.to_string())
}

/// Unpacks into a fresh sibling directory, then renames it into place, so that an
/// interrupted unpack never looks complete.
fn unpack(tarball: &Path, root: &Path) -> Result<(), String> {
    eprintln!("==> unpacking node's test/{{common,fixtures,parallel}}");
    let fresh = root.with_extension("unpacking");
    let _ = fs::remove_dir_all(&fresh);
    fs::create_dir_all(&fresh).map_err(|e| e.to_string())?;
    let top = format!("node-{NODE_RELEASE}");
    let status = Command::new("tar")
        .arg("-xJf")
        .arg(tarball)
        .arg("-C")
        .arg(&fresh)
        .arg("--strip-components=1")
        .args(PARTS.iter().map(|p| format!("{top}/{p}")))
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run tar: {e}"))?;
    if !status.success() {
        let _ = fs::remove_dir_all(&fresh);
        return Err(format!(
            "tar failed to unpack {} ({status})",
            tarball.display()
        ));
    }
    let _ = fs::remove_dir_all(root);
    fs::rename(&fresh, root).map_err(|e| e.to_string())
}

/// The file's sha256 in hex, from `sha256sum` or `shasum -a 256` (whichever exists).
fn sha256(file: &Path) -> Result<String, String> {
    let mut cmd = if have("sha256sum") {
        Command::new("sha256sum")
    } else if have("shasum") {
        let mut c = Command::new("shasum");
        c.args(["-a", "256"]);
        c
    } else {
        return Err("neither `sha256sum` nor `shasum` is on PATH".into());
    };
    let out = cmd
        .arg(file)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot checksum {}: {e}", file.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace()
        .next()
        .filter(|h| out.status.success() && h.len() == 64)
        .map(str::to_ascii_lowercase)
        .ok_or_else(|| format!("cannot checksum {}", file.display()))
}
