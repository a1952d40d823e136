//! `os.constants` (signals, errno, priority, dlopen) with this platform's numbers.

/// `os.constants.UV_UDP_REUSEADDR`.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::os::UV_UDP_REUSEADDR, 4);
/// ```
pub const UV_UDP_REUSEADDR: i32 = 4;

/// `os.constants.signals`, in Node's order.
///
/// Mirrors <https://nodejs.org/api/os.html#signal-constants> (Linux names and numbers).
///
/// # Examples
/// ```
/// let sigs = node_stdlib::os::signal_constants();
/// assert!(sigs.contains(&("SIGTERM", 15)));
/// ```
pub fn signal_constants() -> &'static [(&'static str, i32)] {
    &[
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
        ("SIGILL", libc::SIGILL),
        ("SIGTRAP", libc::SIGTRAP),
        ("SIGABRT", libc::SIGABRT),
        ("SIGIOT", libc::SIGIOT),
        ("SIGBUS", libc::SIGBUS),
        ("SIGFPE", libc::SIGFPE),
        ("SIGKILL", libc::SIGKILL),
        ("SIGUSR1", libc::SIGUSR1),
        ("SIGSEGV", libc::SIGSEGV),
        ("SIGUSR2", libc::SIGUSR2),
        ("SIGPIPE", libc::SIGPIPE),
        ("SIGALRM", libc::SIGALRM),
        ("SIGTERM", libc::SIGTERM),
        ("SIGCHLD", libc::SIGCHLD),
        ("SIGSTKFLT", libc::SIGSTKFLT),
        ("SIGCONT", libc::SIGCONT),
        ("SIGSTOP", libc::SIGSTOP),
        ("SIGTSTP", libc::SIGTSTP),
        ("SIGTTIN", libc::SIGTTIN),
        ("SIGTTOU", libc::SIGTTOU),
        ("SIGURG", libc::SIGURG),
        ("SIGXCPU", libc::SIGXCPU),
        ("SIGXFSZ", libc::SIGXFSZ),
        ("SIGVTALRM", libc::SIGVTALRM),
        ("SIGPROF", libc::SIGPROF),
        ("SIGWINCH", libc::SIGWINCH),
        ("SIGIO", libc::SIGIO),
        ("SIGPOLL", libc::SIGPOLL),
        ("SIGPWR", libc::SIGPWR),
        ("SIGSYS", libc::SIGSYS),
    ]
}

/// `os.constants.errno`, in Node's order.
///
/// Mirrors <https://nodejs.org/api/os.html#error-constants>.
///
/// # Examples
/// ```
/// assert!(node_stdlib::os::errno_constants().contains(&("ENOENT", 2)));
/// ```
pub fn errno_constants() -> &'static [(&'static str, i32)] {
    &[
        ("E2BIG", libc::E2BIG),
        ("EACCES", libc::EACCES),
        ("EADDRINUSE", libc::EADDRINUSE),
        ("EADDRNOTAVAIL", libc::EADDRNOTAVAIL),
        ("EAFNOSUPPORT", libc::EAFNOSUPPORT),
        ("EAGAIN", libc::EAGAIN),
        ("EALREADY", libc::EALREADY),
        ("EBADF", libc::EBADF),
        ("EBADMSG", libc::EBADMSG),
        ("EBUSY", libc::EBUSY),
        ("ECANCELED", libc::ECANCELED),
        ("ECHILD", libc::ECHILD),
        ("ECONNABORTED", libc::ECONNABORTED),
        ("ECONNREFUSED", libc::ECONNREFUSED),
        ("ECONNRESET", libc::ECONNRESET),
        ("EDEADLK", libc::EDEADLK),
        ("EDESTADDRREQ", libc::EDESTADDRREQ),
        ("EDOM", libc::EDOM),
        ("EDQUOT", libc::EDQUOT),
        ("EEXIST", libc::EEXIST),
        ("EFAULT", libc::EFAULT),
        ("EFBIG", libc::EFBIG),
        ("EHOSTUNREACH", libc::EHOSTUNREACH),
        ("EIDRM", libc::EIDRM),
        ("EILSEQ", libc::EILSEQ),
        ("EINPROGRESS", libc::EINPROGRESS),
        ("EINTR", libc::EINTR),
        ("EINVAL", libc::EINVAL),
        ("EIO", libc::EIO),
        ("EISCONN", libc::EISCONN),
        ("EISDIR", libc::EISDIR),
        ("ELOOP", libc::ELOOP),
        ("EMFILE", libc::EMFILE),
        ("EMLINK", libc::EMLINK),
        ("EMSGSIZE", libc::EMSGSIZE),
        ("EMULTIHOP", libc::EMULTIHOP),
        ("ENAMETOOLONG", libc::ENAMETOOLONG),
        ("ENETDOWN", libc::ENETDOWN),
        ("ENETRESET", libc::ENETRESET),
        ("ENETUNREACH", libc::ENETUNREACH),
        ("ENFILE", libc::ENFILE),
        ("ENOBUFS", libc::ENOBUFS),
        ("ENODATA", libc::ENODATA),
        ("ENODEV", libc::ENODEV),
        ("ENOENT", libc::ENOENT),
        ("ENOEXEC", libc::ENOEXEC),
        ("ENOLCK", libc::ENOLCK),
        ("ENOLINK", libc::ENOLINK),
        ("ENOMEM", libc::ENOMEM),
        ("ENOMSG", libc::ENOMSG),
        ("ENOPROTOOPT", libc::ENOPROTOOPT),
        ("ENOSPC", libc::ENOSPC),
        ("ENOSR", libc::ENOSR),
        ("ENOSTR", libc::ENOSTR),
        ("ENOSYS", libc::ENOSYS),
        ("ENOTCONN", libc::ENOTCONN),
        ("ENOTDIR", libc::ENOTDIR),
        ("ENOTEMPTY", libc::ENOTEMPTY),
        ("ENOTSOCK", libc::ENOTSOCK),
        ("ENOTSUP", libc::ENOTSUP),
        ("ENOTTY", libc::ENOTTY),
        ("ENXIO", libc::ENXIO),
        ("EOPNOTSUPP", libc::EOPNOTSUPP),
        ("EOVERFLOW", libc::EOVERFLOW),
        ("EPERM", libc::EPERM),
        ("EPIPE", libc::EPIPE),
        ("EPROTO", libc::EPROTO),
        ("EPROTONOSUPPORT", libc::EPROTONOSUPPORT),
        ("EPROTOTYPE", libc::EPROTOTYPE),
        ("ERANGE", libc::ERANGE),
        ("EROFS", libc::EROFS),
        ("ESPIPE", libc::ESPIPE),
        ("ESRCH", libc::ESRCH),
        ("ESTALE", libc::ESTALE),
        ("ETIME", libc::ETIME),
        ("ETIMEDOUT", libc::ETIMEDOUT),
        ("ETXTBSY", libc::ETXTBSY),
        ("EWOULDBLOCK", libc::EWOULDBLOCK),
        ("EXDEV", libc::EXDEV),
    ]
}

/// `os.constants.priority`.
///
/// Mirrors <https://nodejs.org/api/os.html#priority-constants>.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::os::priority_constants()[0], ("PRIORITY_LOW", 19));
/// ```
pub fn priority_constants() -> &'static [(&'static str, i32)] {
    &[
        ("PRIORITY_LOW", 19),
        ("PRIORITY_BELOW_NORMAL", 10),
        ("PRIORITY_NORMAL", 0),
        ("PRIORITY_ABOVE_NORMAL", -7),
        ("PRIORITY_HIGH", -14),
        ("PRIORITY_HIGHEST", -20),
    ]
}

/// `os.constants.dlopen`.
///
/// Mirrors <https://nodejs.org/api/os.html#dlopen-constants>.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::os::dlopen_constants()[0], ("RTLD_LAZY", 1));
/// ```
pub fn dlopen_constants() -> &'static [(&'static str, i32)] {
    &[
        ("RTLD_LAZY", libc::RTLD_LAZY),
        ("RTLD_NOW", libc::RTLD_NOW),
        ("RTLD_GLOBAL", libc::RTLD_GLOBAL),
        ("RTLD_LOCAL", libc::RTLD_LOCAL),
        ("RTLD_DEEPBIND", libc::RTLD_DEEPBIND),
    ]
}
