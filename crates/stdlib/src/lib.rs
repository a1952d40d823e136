//! # node-stdlib
//!
//! The data-heavy algorithms behind Node's standard modules, as plain Rust: no
//! JavaScript engine involved. The `nrt` runtime binds them to JavaScript; a Rust
//! program can use them directly. Each public module mirrors one Node module and
//! follows Node 20's behaviour byte for byte.
//!
//! | module | Node module |
//! | --- | --- |
//! | [`buffer`] | `node:buffer`: every encoding (`from_string`/`to_string`/`byte_length`/`write`), `indexOf`/`lastIndexOf`/`includes`, `fill`, `compare`, `isEncoding`, `atob`/`btoa` |
//! | `crypto` (feature `crypto`, default) | `node:crypto`: `createHash`, `createHmac`, `randomBytes`/`randomFill`/`randomInt`/`randomUUID`, `timingSafeEqual`, `pbkdf2`, `scrypt` |
//! | `os` (Linux) | `node:os`: cpus, memory, load, uptime, host and user info, interfaces, constants, priority |
//! | [`path`] | `node:path`: `posix` and `win32` |
//! | [`querystring`] | `node:querystring` |
//! | [`string_decoder`] | `node:string_decoder` |
//! | [`url`] | `node:url`: WHATWG `URL`/`URLSearchParams`, file URLs, domains; legacy `parse`/`format`/`resolve` |
//!
//! Functions take and return plain Rust values (`&str`, `&[u8]`, `Vec<u8>`, option
//! structs). Argument *type* checks that JavaScript needs (`ERR_INVALID_ARG_TYPE`) stay in
//! the binding; value checks and every error Node raises from the algorithm itself come
//! back as [`node_core::NodeError`] with Node's code and message.
//!
//! Test tables under `tests/` were recorded from `node` v20 by the scripts in
//! `tests/node/`; the tests themselves do not need `node`.
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
