//! Host and user information: `os.hostname()`, `homedir`, `tmpdir`, `userInfo`,
//! `type`/`release`/`version`/`machine`, `arch`, `platform`, `endianness`,
//! `availableParallelism`, `EOL`, `devNull`.

use node_core::NodeError;

use super::system_error;

/// The end-of-line marker, `os.EOL`.
///
/// Mirrors <https://nodejs.org/api/os.html#oseol>.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::os::EOL, "\n");
/// ```
pub const EOL: &str = "\n";

/// The null device path, `os.devNull`.
///
/// Mirrors <https://nodejs.org/api/os.html#osdevnull>.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::os::DEV_NULL, "/dev/null");
/// ```
pub const DEV_NULL: &str = "/dev/null";

fn errno_of(e: nix::errno::Errno) -> i32 {
    e as i32
}

/// The host name (`gethostname`).
///
/// Mirrors <https://nodejs.org/api/os.html#oshostname>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` (`uv_os_gethostname`) if the call fails.
///
/// # Examples
/// ```
/// assert!(!node_stdlib::os::hostname().unwrap().is_empty());
/// ```
pub fn hostname() -> Result<String, NodeError> {
    nix::unistd::gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .map_err(|e| system_error("uv_os_gethostname", errno_of(e)))
}

/// The current user's home directory: `$HOME`, else the password database.
///
/// Mirrors <https://nodejs.org/api/os.html#oshomedir> (libuv `uv_os_homedir`).
///
/// # Errors
/// `ERR_SYSTEM_ERROR` (`uv_os_homedir`) when `HOME` is unset and the user has no entry.
///
/// # Examples
/// ```
/// assert!(node_stdlib::os::homedir().unwrap().starts_with('/'));
/// ```
pub fn homedir() -> Result<String, NodeError> {
    if let Some(h) = std::env::var_os("HOME") {
        if !h.is_empty() {
            return Ok(h.to_string_lossy().into_owned());
        }
    }
    user_info()
        .map(|u| u.homedir)
        .map_err(|_| system_error("uv_os_homedir", libc::ENOENT))
}

/// The temporary directory: `TMPDIR`, `TMP`, `TEMP`, else `/tmp`, without a trailing `/`.
///
/// Mirrors <https://nodejs.org/api/os.html#ostmpdir>.
///
/// # Examples
/// ```
/// assert!(!node_stdlib::os::tmpdir().is_empty());
/// ```
pub fn tmpdir() -> String {
    tmpdir_from(|k| std::env::var(k).ok())
}

/// [`tmpdir`] with an explicit environment lookup.
///
/// # Examples
/// ```
/// use node_stdlib::os::tmpdir_from;
/// assert_eq!(tmpdir_from(|k| (k == "TMP").then(|| "/var/tmp/".to_string())), "/var/tmp");
/// assert_eq!(tmpdir_from(|k| (k == "TMPDIR").then(|| "/".to_string())), "/");
/// assert_eq!(tmpdir_from(|_| None), "/tmp");
/// ```
pub fn tmpdir_from(env: impl Fn(&str) -> Option<String>) -> String {
    let path = ["TMPDIR", "TMP", "TEMP"]
        .iter()
        .filter_map(|k| env(k))
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "/tmp".to_owned());
    if path.len() > 1 && path.ends_with('/') {
        path[..path.len() - 1].to_owned()
    } else {
        path
    }
}

/// The effective user's password-database entry, `os.userInfo()`.
///
/// # Examples
/// ```
/// let u = node_stdlib::os::user_info().unwrap();
/// assert!(!u.username.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserInfo {
    /// User id.
    pub uid: u32,
    /// Group id.
    pub gid: u32,
    /// Login name.
    pub username: String,
    /// Home directory from the password database.
    pub homedir: String,
    /// Login shell.
    pub shell: Option<String>,
}

/// The effective user's information (`getpwuid_r(geteuid())`).
///
/// Mirrors <https://nodejs.org/api/os.html#osuserinfooptions>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` (`uv_os_get_passwd`), e.g. `ENOENT` when the user has no entry.
///
/// # Examples
/// ```
/// let u = node_stdlib::os::user_info().unwrap();
/// assert_eq!(u.uid, nix::unistd::Uid::effective().as_raw());
/// ```
#[doc(alias = "userInfo")]
pub fn user_info() -> Result<UserInfo, NodeError> {
    let uid = nix::unistd::Uid::effective();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(u)) => Ok(UserInfo {
            uid: u.uid.as_raw(),
            gid: u.gid.as_raw(),
            username: u.name,
            homedir: u.dir.to_string_lossy().into_owned(),
            shell: Some(u.shell.to_string_lossy().into_owned()),
        }),
        Ok(None) => Err(system_error("uv_os_get_passwd", libc::ENOENT)),
        Err(e) => Err(system_error("uv_os_get_passwd", errno_of(e))),
    }
}

fn uname_field(
    f: impl Fn(&nix::sys::utsname::UtsName) -> &std::ffi::OsStr,
) -> Result<String, NodeError> {
    nix::sys::utsname::uname()
        .map(|u| f(&u).to_string_lossy().into_owned())
        .map_err(|e| system_error("uv_os_uname", errno_of(e)))
}

/// The operating system name from `uname` (`Linux`), `os.type()`.
///
/// Mirrors <https://nodejs.org/api/os.html#ostype>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` (`uv_os_uname`) if `uname` fails.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::os::type_().unwrap(), "Linux");
/// ```
#[doc(alias = "type")]
pub fn type_() -> Result<String, NodeError> {
    uname_field(|u| u.sysname())
}

/// The kernel release, `os.release()`.
///
/// Mirrors <https://nodejs.org/api/os.html#osrelease>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` (`uv_os_uname`) if `uname` fails.
///
/// # Examples
/// ```
/// assert!(!node_stdlib::os::release().unwrap().is_empty());
/// ```
pub fn release() -> Result<String, NodeError> {
    uname_field(|u| u.release())
}

/// The kernel version string, `os.version()`.
///
/// Mirrors <https://nodejs.org/api/os.html#osversion>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` (`uv_os_uname`) if `uname` fails.
///
/// # Examples
/// ```
/// assert!(!node_stdlib::os::version().unwrap().is_empty());
/// ```
pub fn version() -> Result<String, NodeError> {
    uname_field(|u| u.version())
}

/// The machine type (`x86_64`, `aarch64`), `os.machine()`.
///
/// Mirrors <https://nodejs.org/api/os.html#osmachine>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` (`uv_os_uname`) if `uname` fails.
///
/// # Examples
/// ```
/// assert!(!node_stdlib::os::machine().unwrap().is_empty());
/// ```
pub fn machine() -> Result<String, NodeError> {
    uname_field(|u| u.machine())
}

/// The CPU architecture Node was built for, in Node's words (`x64`, `arm64`, `ia32`…).
///
/// Mirrors <https://nodejs.org/api/os.html#osarch>.
///
/// # Examples
/// ```
/// # #[cfg(target_arch = "x86_64")]
/// assert_eq!(node_stdlib::os::arch(), "x64");
/// ```
pub fn arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x64",
        "x86" => "ia32",
        "aarch64" => "arm64",
        "arm" => "arm",
        "powerpc64" => "ppc64",
        "powerpc" => "ppc",
        "s390x" => "s390x",
        "mips" => "mips",
        "mips64" => "mips64el",
        "riscv64" => "riscv64",
        "loongarch64" => "loong64",
        other => other,
    }
}

/// The platform in Node's words (`linux`, `darwin`, `win32`, `freebsd`…).
///
/// Mirrors <https://nodejs.org/api/os.html#osplatform>.
///
/// # Examples
/// ```
/// # #[cfg(target_os = "linux")]
/// assert_eq!(node_stdlib::os::platform(), "linux");
/// ```
pub fn platform() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        "solaris" | "illumos" => "sunos",
        other => other,
    }
}

/// `"LE"` or `"BE"`, `os.endianness()`.
///
/// Mirrors <https://nodejs.org/api/os.html#osendianness>.
///
/// # Examples
/// ```
/// assert!(["LE", "BE"].contains(&node_stdlib::os::endianness()));
/// ```
pub fn endianness() -> &'static str {
    if cfg!(target_endian = "little") {
        "LE"
    } else {
        "BE"
    }
}

/// CPUs this process may run on (`sched_getaffinity`), at least 1.
///
/// Mirrors <https://nodejs.org/api/os.html#osavailableparallelism>.
///
/// # Examples
/// ```
/// assert!(node_stdlib::os::available_parallelism() >= 1);
/// ```
#[doc(alias = "availableParallelism")]
pub fn available_parallelism() -> usize {
    use nix::sched::{sched_getaffinity, CpuSet};
    use nix::unistd::Pid;
    match sched_getaffinity(Pid::from_raw(0)) {
        Ok(set) => (0..CpuSet::count())
            .filter(|&i| set.is_set(i).unwrap_or(false))
            .count()
            .max(1),
        Err(_) => std::thread::available_parallelism().map_or(1, usize::from),
    }
}
