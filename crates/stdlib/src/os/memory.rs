//! `os.totalmem()`, `os.freemem()`, `os.loadavg()`, `os.uptime()` (libuv reads
//! `/proc/meminfo`, `/proc/loadavg`, `/proc/uptime`).

use node_core::NodeError;

use super::read_proc;

fn meminfo_field(meminfo: &str, field: &str) -> Option<u64> {
    meminfo.lines().find_map(|l| {
        let rest = l.strip_prefix(field)?.strip_prefix(':')?;
        let kb = rest.trim().strip_suffix("kB")?.trim();
        kb.parse::<u64>().ok().map(|k| k * 1024)
    })
}

/// Total system memory in bytes (`MemTotal`).
///
/// Mirrors <https://nodejs.org/api/os.html#ostotalmem>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` when `/proc/meminfo` cannot be read or lacks the field.
///
/// # Examples
/// ```
/// assert!(node_stdlib::os::totalmem().unwrap() > 0);
/// ```
pub fn totalmem() -> Result<u64, NodeError> {
    let m = read_proc("/proc/meminfo", "uv_get_total_memory")?;
    meminfo_field(&m, "MemTotal")
        .ok_or_else(|| super::system_error("uv_get_total_memory", libc::EINVAL))
}

/// Memory available for new processes in bytes (`MemAvailable`, as libuv uses).
///
/// Mirrors <https://nodejs.org/api/os.html#osfreemem>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` when `/proc/meminfo` cannot be read or lacks the field.
///
/// # Examples
/// ```
/// use node_stdlib::os::{freemem, totalmem};
/// assert!(freemem().unwrap() <= totalmem().unwrap());
/// ```
pub fn freemem() -> Result<u64, NodeError> {
    let m = read_proc("/proc/meminfo", "uv_get_free_memory")?;
    meminfo_field(&m, "MemAvailable")
        .ok_or_else(|| super::system_error("uv_get_free_memory", libc::EINVAL))
}

/// The 1, 5 and 15 minute load averages (`[0, 0, 0]` if unavailable, as Node).
///
/// Mirrors <https://nodejs.org/api/os.html#osloadavg>.
///
/// # Examples
/// ```
/// let [one, five, fifteen] = node_stdlib::os::loadavg();
/// assert!(one >= 0.0 && five >= 0.0 && fifteen >= 0.0);
/// ```
pub fn loadavg() -> [f64; 3] {
    let s = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mut it = s
        .split_ascii_whitespace()
        .map(|f| f.parse::<f64>().unwrap_or(0.0));
    [
        it.next().unwrap_or(0.0),
        it.next().unwrap_or(0.0),
        it.next().unwrap_or(0.0),
    ]
}

/// System uptime in seconds, with `/proc/uptime`'s hundredths.
///
/// Mirrors <https://nodejs.org/api/os.html#osuptime>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` (`uv_uptime`) when `/proc/uptime` cannot be read or parsed.
///
/// # Examples
/// ```
/// assert!(node_stdlib::os::uptime().unwrap() >= 0.0);
/// ```
pub fn uptime() -> Result<f64, NodeError> {
    let s = read_proc("/proc/uptime", "uv_uptime")?;
    let secs = s
        .split_ascii_whitespace()
        .next()
        .and_then(|f| f.parse::<f64>().ok())
        .ok_or_else(|| super::system_error("uv_uptime", libc::EINVAL))?;
    Ok(secs)
}

#[cfg(test)]
mod tests {
    use super::meminfo_field;

    #[test]
    fn reads_meminfo() {
        let m = "MemTotal:       24684084 kB\nMemFree:        16780008 kB\nMemAvailable:   23146592 kB\n";
        assert_eq!(meminfo_field(m, "MemTotal"), Some(24684084 * 1024));
        assert_eq!(meminfo_field(m, "MemAvailable"), Some(23146592 * 1024));
        assert_eq!(meminfo_field(m, "Mem"), None);
    }
}
