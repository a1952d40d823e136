//! The libc calls socket2 has no safe form for: dissolving a UDP association
//! (`connect` to `AF_UNSPEC`), naming an interface's index (`if_nametoindex`), and IPv6
//! source-specific multicast (`MCAST_JOIN_SOURCE_GROUP`), and a `recvfrom` into a byte
//! slice.
#![allow(unsafe_code)]

use std::ffi::CString;
use std::io;
use std::mem::MaybeUninit;
use std::net::{Ipv6Addr, SocketAddr};
use std::os::fd::AsRawFd;

/// `connect(fd, { sa_family: AF_UNSPEC })`, as libuv's `uv_udp_connect(handle, NULL)`.
pub(crate) fn disconnect(sock: &impl AsRawFd) -> io::Result<()> {
    // SAFETY: sockaddr_storage is plain data, valid when zeroed.
    let mut addr: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    addr.ss_family = libc::AF_UNSPEC as libc::sa_family_t;
    // SAFETY: `addr` outlives the call and the length given is within its size; the fd is
    // borrowed from a live socket.
    let rc = unsafe {
        libc::connect(
            sock.as_raw_fd(),
            std::ptr::addr_of!(addr).cast::<libc::sockaddr>(),
            std::mem::size_of::<libc::sockaddr>() as libc::socklen_t,
        )
    };
    // Linux answers EAFNOSUPPORT on some kernels though the association is gone (libuv
    // ignores it too).
    if rc == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EAFNOSUPPORT) {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// The index of interface `name` (`eth0`), or `None` when there is none.
pub(crate) fn if_index(name: &str) -> Option<u32> {
    let c = CString::new(name).ok()?;
    // SAFETY: `c` is a NUL-terminated string that outlives the call.
    let idx = unsafe { libc::if_nametoindex(c.as_ptr()) };
    (idx != 0).then_some(idx)
}

/// Joins or leaves a source-specific IPv6 group (`MCAST_JOIN_SOURCE_GROUP`), as libuv's
/// `uv__udp_set_source_membership6`.
pub(crate) fn ssm_v6(
    sock: &impl AsRawFd,
    source: Ipv6Addr,
    group: Ipv6Addr,
    interface: u32,
    join: bool,
) -> io::Result<()> {
    fn sockaddr(ip: Ipv6Addr) -> libc::sockaddr_storage {
        // SAFETY: sockaddr_storage is plain data, valid when zeroed.
        let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
        // SAFETY: sockaddr_storage is larger than and aligned for sockaddr_in6, and the
        // zeroed storage is a valid sockaddr_in6 to write fields into.
        let sin6 = unsafe { &mut *std::ptr::addr_of_mut!(storage).cast::<libc::sockaddr_in6>() };
        sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
        sin6.sin6_addr.s6_addr = ip.octets();
        storage
    }
    // SAFETY: group_source_req is plain data, valid when zeroed.
    let mut req: libc::group_source_req = unsafe { std::mem::zeroed() };
    req.gsr_interface = interface;
    req.gsr_group = sockaddr(group);
    req.gsr_source = sockaddr(source);
    let opt = if join {
        libc::MCAST_JOIN_SOURCE_GROUP
    } else {
        libc::MCAST_LEAVE_SOURCE_GROUP
    };
    // SAFETY: `req` outlives the call and the length is its size; the fd is borrowed
    // from a live socket.
    let rc = unsafe {
        libc::setsockopt(
            sock.as_raw_fd(),
            libc::IPPROTO_IPV6,
            opt,
            std::ptr::addr_of!(req).cast::<libc::c_void>(),
            std::mem::size_of::<libc::group_source_req>() as libc::socklen_t,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// `recvfrom` straight on the descriptor (tokio's own call would first wait for its
/// readable flag, which a pending socket error does not raise).
pub(crate) fn recv_from(sock: &socket2::Socket, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
    // SAFETY: MaybeUninit<u8> has the layout of u8, and recv_from only writes bytes into
    // the slice, so it stays initialized.
    let uninit = unsafe { &mut *(std::ptr::from_mut::<[u8]>(buf) as *mut [MaybeUninit<u8>]) };
    let (n, from) = sock.recv_from(uninit)?;
    let from = from
        .as_socket()
        .ok_or_else(|| io::Error::from_raw_os_error(libc::EAFNOSUPPORT))?;
    Ok((n, from))
}

/// The name of interface `index` (`eth0`), or `None` when there is none.
pub(crate) fn if_name(index: u32) -> Option<String> {
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    // SAFETY: `buf` holds IF_NAMESIZE bytes, the most if_indextoname writes.
    let p = unsafe { libc::if_indextoname(index, buf.as_mut_ptr()) };
    if p.is_null() {
        return None;
    }
    // SAFETY: on success the buffer holds a NUL-terminated name.
    let name = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
    Some(name.to_string_lossy().into_owned())
}
