//! # node-stdlib
//!
//! The data-heavy algorithms behind Node's standard modules, as plain Rust: no
//! JavaScript engine involved. The `nrt` runtime binds them to JavaScript; a Rust
//! program can use them directly. Each public module mirrors one Node module and
//! follows Node 20's behaviour byte for byte.
//!
//! | module | Node module |
//! | --- | --- |
//! | `os` (Linux) | `node:os` |
//! | [`path`] | `node:path` (`posix` and `win32`) |
//! | [`querystring`] | `node:querystring` |
//! | [`url`] | `node:url` (WHATWG `URL`, `URLSearchParams`, file URLs, domains) |
//! | [`string_decoder`] | `node:string_decoder` |
//! | `crypto` (feature `crypto`, default) | `node:crypto`: hashes, HMAC, random, pbkdf2, scrypt |
//! | [`buffer`] | `node:buffer`: encodings, `indexOf`, `fill`, `compare` |
//!
//! ```
//! use node_stdlib::path::{posix, win32};
//!
//! assert_eq!(posix::join(&["/usr", "lib/../bin", "node"]), "/usr/bin/node");
//! assert_eq!(win32::parse("C:\\dir\\file.txt").ext, ".txt");
//! ```
#![deny(unsafe_code)]
#![doc(test(attr(deny(warnings))))]

pub mod buffer;
#[cfg(feature = "crypto")]
pub mod crypto;
mod js_number;
#[cfg(target_os = "linux")]
pub mod os;
pub mod path;
pub mod querystring;
pub mod string_decoder;
pub mod url;

/// Node's `process.platform` for this build (used in messages that name it).
pub(crate) fn path_platform() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    }
}
