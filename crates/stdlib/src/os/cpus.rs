//! `os.cpus()`: libuv's `uv_cpu_info` on Linux (`/proc/stat`, `/proc/cpuinfo`,
//! `cpufreq/scaling_cur_freq`).

use node_core::NodeError;

use super::read_proc;

/// Time a CPU has spent in each mode, in milliseconds.
///
/// # Examples
/// ```
/// let t = node_stdlib::os::CpuTimes::default();
/// assert_eq!(t.user + t.nice + t.sys + t.idle + t.irq, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CpuTimes {
    /// User mode.
    pub user: u64,
    /// Niced user mode.
    pub nice: u64,
    /// Kernel mode.
    pub sys: u64,
    /// Idle.
    pub idle: u64,
    /// Servicing hardware interrupts.
    pub irq: u64,
}

/// One logical CPU, as an element of `os.cpus()`.
///
/// # Examples
/// ```
/// for cpu in node_stdlib::os::cpus().unwrap() {
///     assert!(!cpu.model.is_empty());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CpuInfo {
    /// The model name (`unknown` when `/proc/cpuinfo` has none).
    pub model: String,
    /// Current frequency in MHz from cpufreq, 0 where the kernel exposes none.
    pub speed: u64,
    /// Times in milliseconds.
    pub times: CpuTimes,
}

/// The logical CPUs with model, speed and times.
///
/// Mirrors <https://nodejs.org/api/os.html#oscpus>.
///
/// # Errors
/// `ERR_SYSTEM_ERROR` when `/proc/stat` cannot be read.
///
/// # Examples
/// ```
/// let cpus = node_stdlib::os::cpus().unwrap();
/// assert!(!cpus.is_empty());
/// ```
pub fn cpus() -> Result<Vec<CpuInfo>, NodeError> {
    let stat = read_proc("/proc/stat", "uv_cpu_info")?;
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let ticks = clock_ticks();
    Ok(parse_cpus(&stat, &cpuinfo, ticks, |n| {
        std::fs::read_to_string(format!(
            "/sys/devices/system/cpu/cpu{n}/cpufreq/scaling_cur_freq"
        ))
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
    }))
}

fn clock_ticks() -> u64 {
    match nix::unistd::sysconf(nix::unistd::SysconfVar::CLK_TCK) {
        Ok(Some(t)) if t > 0 => t as u64,
        _ => 100,
    }
}

/// libuv's `model_marker` per architecture.
const MODEL_MARKER: &str = if cfg!(target_arch = "powerpc64") || cfg!(target_arch = "powerpc") {
    "cpu\t\t: "
} else if cfg!(target_arch = "arm") {
    "Processor\t: "
} else if cfg!(target_arch = "mips") || cfg!(target_arch = "mips64") {
    "cpu model\t\t: "
} else {
    "model name\t: "
};

/// Builds the CPU list from `/proc/stat`, `/proc/cpuinfo` and a cpufreq reader (kHz).
pub(crate) fn parse_cpus(
    stat: &str,
    cpuinfo: &str,
    ticks: u64,
    freq_khz: impl Fn(usize) -> Option<u64>,
) -> Vec<CpuInfo> {
    let multiplier = 1000 / ticks.max(1);
    let mut cpus: Vec<(usize, CpuTimes)> = Vec::new();
    for line in stat.lines() {
        // Per-CPU lines only (`cpu0 …`), not the `cpu  …` total.
        let Some(rest) = line
            .strip_prefix("cpu")
            .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        else {
            continue;
        };
        let mut fields = rest.split_ascii_whitespace();
        let Some(Ok(n)) = fields.next().map(str::parse::<usize>) else {
            continue;
        };
        let v: Vec<u64> = fields.take(6).map(|f| f.parse().unwrap_or(0)).collect();
        if v.len() < 6 {
            continue;
        }
        cpus.push((
            n,
            CpuTimes {
                user: v[0] * multiplier,
                nice: v[1] * multiplier,
                sys: v[2] * multiplier,
                idle: v[3] * multiplier,
                irq: v[5] * multiplier,
            },
        ));
    }
    let models: Vec<&str> = cpuinfo
        .lines()
        .filter_map(|l| l.strip_prefix(MODEL_MARKER))
        .collect();
    cpus.into_iter()
        .enumerate()
        .map(|(i, (n, times))| CpuInfo {
            model: models.get(i).map_or("unknown", |m| *m).to_owned(),
            speed: freq_khz(n).map_or(0, |k| k / 1000),
            times,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_proc_files() {
        let stat = "cpu  149445 0 43558 159540 1285 0 1650 105 0 0\n\
                    cpu0 73179 0 22275 81075 378 0 842 46 0 0\n\
                    cpu1 76266 5 21282 78464 906 3 808 59 0 0\n\
                    intr 1 2 3\n";
        let cpuinfo =
            "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Processor\ncpu MHz\t\t: 2599.998\n\n\
                       processor\t: 1\nmodel name\t: Intel(R) Xeon(R) Processor\n";
        let cpus = parse_cpus(stat, cpuinfo, 100, |n| (n == 1).then_some(2_600_000));
        assert_eq!(cpus.len(), 2);
        assert_eq!(cpus[0].model, "Intel(R) Xeon(R) Processor");
        assert_eq!(cpus[0].speed, 0);
        assert_eq!(cpus[1].speed, 2600);
        assert_eq!(
            cpus[0].times,
            CpuTimes {
                user: 731790,
                nice: 0,
                sys: 222750,
                idle: 810750,
                irq: 0
            }
        );
        assert_eq!(cpus[1].times.nice, 50);
        assert_eq!(cpus[1].times.irq, 30);
        let unknown = parse_cpus(stat, "", 100, |_| None);
        assert_eq!(unknown[1].model, "unknown");
    }
}
