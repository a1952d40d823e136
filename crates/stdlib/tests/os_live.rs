//! `os` against the live machine: shapes and invariants Node also guarantees.
#![cfg(target_os = "linux")]

use node_stdlib::os;

#[test]
fn cpus_match_proc_stat() {
    let cpus = os::cpus().unwrap();
    let stat = std::fs::read_to_string("/proc/stat").unwrap();
    let n = stat
        .lines()
        .filter(|l| l.starts_with("cpu") && l.as_bytes().get(3).is_some_and(u8::is_ascii_digit))
        .count();
    assert_eq!(cpus.len(), n);
    assert!(cpus
        .iter()
        .all(|c| c.times.user + c.times.sys + c.times.idle > 0));
    println!("{:?}", cpus[0]);
}

#[test]
fn memory_and_load() {
    let total = os::totalmem().unwrap();
    let free = os::freemem().unwrap();
    assert!(free <= total && total > 0);
    let up = os::uptime().unwrap();
    assert!(up > 0.0);
    println!("{total} {free} {:?} {up}", os::loadavg());
}

#[test]
fn host_and_user() {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    assert_eq!(os::hostname().unwrap(), host.trim_end());
    let u = os::user_info().unwrap();
    assert_eq!(u.uid, nix::unistd::Uid::effective().as_raw());
    assert_eq!(os::type_().unwrap(), "Linux");
    assert!(!os::release().unwrap().is_empty());
    assert_eq!(os::platform(), "linux");
    assert!(os::available_parallelism() >= 1);
    println!(
        "{u:?} {} {} {} {} {} {}",
        os::homedir().unwrap(),
        os::tmpdir(),
        os::version().unwrap(),
        os::machine().unwrap(),
        os::arch(),
        os::available_parallelism()
    );
}

#[test]
fn interfaces_have_loopback() {
    let all = os::network_interfaces().unwrap();
    println!("{all:#?}");
    for (_, addrs) in &all {
        for a in addrs {
            assert_eq!(a.scopeid.is_some(), a.family == "IPv6");
            assert_eq!(a.mac.len(), 17);
        }
    }
    if let Some((_, lo)) = all.iter().find(|(n, _)| n == "lo") {
        let v4 = lo.iter().find(|a| a.family == "IPv4").unwrap();
        assert_eq!(v4.address, "127.0.0.1");
        assert_eq!(v4.cidr.as_deref(), Some("127.0.0.1/8"));
        assert!(v4.internal);
    }
}

#[test]
fn priority_errors() {
    assert_eq!(
        os::get_priority(i32::MAX).unwrap_err().code(),
        "ERR_SYSTEM_ERROR"
    );
    assert_eq!(
        os::get_priority(i32::MAX).unwrap_err().message(),
        "A system error occurred: uv_os_getpriority returned ESRCH (no such process)"
    );
    let err = os::get_priority(i32::MAX).unwrap_err();
    assert_eq!(err.errno(), Some(-libc::ESRCH));
    assert_eq!(err.syscall(), Some("uv_os_getpriority"));
    assert_eq!(err.info_code(), Some("ESRCH"));
    let err = os::set_priority(0, -21).unwrap_err();
    assert_eq!(err.code(), "ERR_OUT_OF_RANGE");
    assert_eq!(
        err.message(),
        "The value of \"priority\" is out of range. It must be >= -20 && <= 19. Received -21"
    );
}

#[test]
fn constants() {
    assert_eq!(os::signal_constants().len(), 33);
    assert_eq!(os::errno_constants().len(), 79);
    assert!(os::signal_constants().contains(&("SIGSTKFLT", 16)));
    assert!(os::errno_constants().contains(&("EWOULDBLOCK", 11)));
}
