//! Node's IPC channel in `json` serialization: one JSON text per `\n`-terminated line over
//! a Unix socket (`NODE_CHANNEL_FD`), so nrt and node can talk to each other. Handles
//! (`NODE_HANDLE`) travel as `SCM_RIGHTS` beside the message that announces them.

use std::io::{IoSlice, IoSliceMut};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

use memchr::memchr;
use tokio::io::{AsyncReadExt, AsyncWriteExt, Interest};
use tokio::net::unix::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::UnixStream;

use node_core::{ErrorClass, NodeError};

/// Splits a byte stream into lines (`\n` removed), keeping a partial last line for the
/// next chunk.
///
/// # Examples
/// ```
/// let mut d = node_child_process::LineDecoder::default();
/// assert_eq!(d.push(b"{\"a\":1}\n{\"b\""), vec!["{\"a\":1}".to_string()]);
/// assert_eq!(d.push(b":2}\n"), vec!["{\"b\":2}".to_string()]);
/// ```
#[derive(Debug, Default)]
pub struct LineDecoder {
    buf: Vec<u8>,
}

impl LineDecoder {
    /// Adds `bytes` and returns the lines completed by them.
    /// # Examples
    /// ```
    /// let mut d = node_child_process::LineDecoder::default();
    /// assert_eq!(d.push(b"a\nb\n"), vec!["a".to_string(), "b".to_string()]);
    /// ```
    pub fn push(&mut self, bytes: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = bytes;
        while let Some(n) = memchr(b'\n', rest) {
            self.buf.extend_from_slice(&rest[..n]);
            out.push(String::from_utf8_lossy(&self.buf).into_owned());
            self.buf.clear();
            rest = &rest[n + 1..];
        }
        self.buf.extend_from_slice(rest);
        out
    }

    /// Bytes of an unfinished line.
    /// # Examples
    /// ```
    /// let mut d = node_child_process::LineDecoder::default();
    /// d.push(b"abc");
    /// assert_eq!(d.pending(), 3);
    /// ```
    pub fn pending(&self) -> usize {
        self.buf.len()
    }
}

/// One end of an IPC channel (Node's `process.channel` / `subprocess.channel`).
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
/// let (a, b) = node_child_process::IpcChannel::pair()?;
/// let (_ra, mut wa) = a.into_split();
/// let (mut rb, _wb) = b.into_split();
/// wa.send(r#"{"hello":"world"}"#).await?;
/// assert_eq!(rb.recv().await?.as_deref(), Some(r#"{"hello":"world"}"#));
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct IpcChannel {
    stream: UnixStream,
}

impl IpcChannel {
    pub(crate) fn new(stream: UnixStream) -> Self {
        IpcChannel { stream }
    }

    /// Two connected ends (for tests and in-process use).
    ///
    /// # Errors
    /// The OS's `socketpair` error.
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
    /// let (_a, _b) = node_child_process::IpcChannel::pair()?;
    /// # Ok(()) }
    /// ```
    pub fn pair() -> std::io::Result<(IpcChannel, IpcChannel)> {
        let (a, b) = crate::command::socket_pair()?;
        Ok((
            IpcChannel::new(crate::spawn::unix_stream(a)?),
            IpcChannel::new(crate::spawn::unix_stream(b)?),
        ))
    }

    /// The channel this process was started with: `NODE_CHANNEL_FD` names its fd, and
    /// `NODE_CHANNEL_SERIALIZATION_MODE` must be `json` (or unset). `None` without one.
    /// Call once, inside a tokio runtime: the channel takes ownership of the fd.
    ///
    /// # Errors
    /// `ERR_NOT_IMPLEMENTED` for the `advanced` serialization; an I/O error when the fd
    /// is not a socket.
    /// # Examples
    /// ```no_run
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_child_process::Result<()> {
    /// if let Some(ch) = node_child_process::IpcChannel::from_env()? {
    ///     let (_r, mut w) = ch.into_split();
    ///     w.send(r#"{"ready":true}"#).await?;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn from_env() -> crate::Result<Option<IpcChannel>> {
        let Some(fd) = std::env::var("NODE_CHANNEL_FD")
            .ok()
            .and_then(|s| s.parse::<RawFd>().ok())
        else {
            return Ok(None);
        };
        if let Ok(mode) = std::env::var("NODE_CHANNEL_SERIALIZATION_MODE") {
            if mode != "json" {
                return Err(NodeError::not_implemented(
                    "child_process IPC serialization 'advanced'",
                )
                .into());
            }
        }
        // SAFETY: F_GETFD only queries the descriptor table.
        if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
            return Err(std::io::Error::last_os_error().into());
        }
        // SAFETY: the parent opened this fd for us as the channel; nothing else in the
        // process owns it, and we take it exactly once (callers call this at start-up).
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        // SAFETY: fcntl on an fd we own; sets close-on-exec so our own children do not
        // inherit the channel.
        unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC) };
        Ok(Some(IpcChannel::new(crate::spawn::unix_stream(fd)?)))
    }

    /// Splits into a receiving and a sending half.
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
    /// let (a, _b) = node_child_process::IpcChannel::pair()?;
    /// let (_r, _w) = a.into_split();
    /// # Ok(()) }
    /// ```
    pub fn into_split(self) -> (IpcReader, IpcWriter) {
        let (r, w) = self.stream.into_split();
        (
            IpcReader {
                half: r,
                lines: LineDecoder::default(),
                ready: std::collections::VecDeque::new(),
            },
            IpcWriter { half: w },
        )
    }
}

impl AsRawFd for IpcChannel {
    fn as_raw_fd(&self) -> RawFd {
        self.stream.as_raw_fd()
    }
}

/// The receiving half: one JSON text per message.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
/// let (a, b) = node_child_process::IpcChannel::pair()?;
/// let (mut reader, _w) = b.into_split();
/// drop(a);
/// assert_eq!(reader.recv().await?, None);
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct IpcReader {
    half: OwnedReadHalf,
    lines: LineDecoder,
    ready: std::collections::VecDeque<String>,
}

impl IpcReader {
    /// Like [`IpcReader::recv_batch`], also returning the descriptors that arrived
    /// (`SCM_RIGHTS`) in arrival order. A descriptor arrives with the first bytes of the
    /// message that announces it (`NODE_HANDLE`), so it can come before that message's
    /// line is complete: callers keep a queue and take one per `NODE_HANDLE` message, as
    /// node does. No lines means the other side closed the channel.
    ///
    /// # Errors
    /// The socket's `recvmsg` error.
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
    /// use std::os::fd::AsRawFd;
    /// let (a, b) = node_child_process::IpcChannel::pair()?;
    /// let (_ra, mut wa) = a.into_split();
    /// let (mut rb, _wb) = b.into_split();
    /// let f = std::fs::File::open("/dev/null")?;
    /// wa.send_with_fds(r#"{"cmd":"NODE_HANDLE"}"#, &[f.as_raw_fd()]).await?;
    /// let (lines, fds) = rb.recv_batch_with_fds().await?;
    /// assert_eq!((lines.len(), fds.len()), (1, 1));
    /// # Ok(()) }
    /// ```
    pub async fn recv_batch_with_fds(&mut self) -> std::io::Result<(Vec<String>, Vec<OwnedFd>)> {
        let mut buf = vec![0u8; 64 * 1024];
        let mut fds = Vec::new();
        loop {
            if !self.ready.is_empty() {
                return Ok((self.ready.drain(..).collect(), fds));
            }
            let sock: &UnixStream = self.half.as_ref();
            sock.readable().await?;
            let res = sock.try_io(Interest::READABLE, || {
                recv_with_fds(sock.as_raw_fd(), &mut buf)
            });
            match res {
                Ok((0, got)) => {
                    fds.extend(got);
                    return Ok((Vec::new(), fds));
                }
                Ok((n, got)) => {
                    fds.extend(got);
                    self.ready.extend(self.lines.push(&buf[..n]));
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// The next message's JSON text; `None` when the other side closed the channel.
    ///
    /// # Errors
    /// The socket's read error.
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
    /// let (a, b) = node_child_process::IpcChannel::pair()?;
    /// let (_ra, mut wa) = a.into_split();
    /// let (mut rb, _wb) = b.into_split();
    /// wa.send("1").await?;
    /// assert_eq!(rb.recv().await?.as_deref(), Some("1"));
    /// # Ok(()) }
    /// ```
    pub async fn recv(&mut self) -> std::io::Result<Option<String>> {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            if let Some(line) = self.ready.pop_front() {
                return Ok(Some(line));
            }
            let n = self.half.read(&mut buf).await?;
            if n == 0 {
                return Ok(None);
            }
            self.ready.extend(self.lines.push(&buf[..n]));
        }
    }

    /// All messages completed by the next read (at least one), or an empty list when the
    /// other side closed the channel. Batching saves one wake-up per message.
    ///
    /// # Errors
    /// The socket's read error.
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
    /// let (a, b) = node_child_process::IpcChannel::pair()?;
    /// let (_ra, mut wa) = a.into_split();
    /// let (mut rb, _wb) = b.into_split();
    /// wa.send("1").await?;
    /// assert_eq!(rb.recv_batch().await?, vec!["1".to_string()]);
    /// # Ok(()) }
    /// ```
    pub async fn recv_batch(&mut self) -> std::io::Result<Vec<String>> {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            if !self.ready.is_empty() {
                return Ok(self.ready.drain(..).collect());
            }
            let n = self.half.read(&mut buf).await?;
            if n == 0 {
                return Ok(Vec::new());
            }
            self.ready.extend(self.lines.push(&buf[..n]));
        }
    }
}

/// The sending half.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
/// let (a, _b) = node_child_process::IpcChannel::pair()?;
/// let (_r, mut writer) = a.into_split();
/// writer.send("[1,2,3]").await?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct IpcWriter {
    half: OwnedWriteHalf,
}

impl IpcWriter {
    /// Sends one message: `json` (a JSON text without raw newlines) and `\n`.
    ///
    /// # Errors
    /// The socket's write error (`EPIPE` once the other side is gone).
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
    /// let (a, _b) = node_child_process::IpcChannel::pair()?;
    /// let (_r, mut w) = a.into_split();
    /// w.send(r#"{"n":1}"#).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send(&mut self, json: &str) -> std::io::Result<()> {
        let mut line = Vec::with_capacity(json.len() + 1);
        line.extend_from_slice(json.as_bytes());
        line.push(b'\n');
        self.half.write_all(&line).await
    }

    /// Writes bytes as they are: the rest of a message whose first bytes the caller
    /// already wrote to the socket itself (a non-blocking attempt, as libuv tries a write
    /// at once before queueing it).
    ///
    /// # Errors
    /// The socket's write error.
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
    /// let (a, b) = node_child_process::IpcChannel::pair()?;
    /// let (_ra, mut wa) = a.into_split();
    /// let (mut rb, _wb) = b.into_split();
    /// wa.write_raw(b"[1]\n").await?;
    /// assert_eq!(rb.recv().await?.as_deref(), Some("[1]"));
    /// # Ok(()) }
    /// ```
    pub async fn write_raw(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.half.write_all(bytes).await
    }

    /// Sends one message with descriptors attached (`SCM_RIGHTS`), as Node sends a
    /// `NODE_HANDLE` message: the descriptors ride on the message's first bytes.
    ///
    /// # Errors
    /// The socket's `sendmsg` error.
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
    /// use std::os::fd::AsRawFd;
    /// let (a, _b) = node_child_process::IpcChannel::pair()?;
    /// let (_r, mut w) = a.into_split();
    /// let f = std::fs::File::open("/dev/null")?;
    /// w.send_with_fds(r#"{"cmd":"NODE_HANDLE"}"#, &[f.as_raw_fd()]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send_with_fds(&mut self, json: &str, fds: &[RawFd]) -> std::io::Result<()> {
        let mut line = Vec::with_capacity(json.len() + 1);
        line.extend_from_slice(json.as_bytes());
        line.push(b'\n');
        let sock: &UnixStream = self.half.as_ref();
        let mut sent = 0;
        while sent == 0 {
            sock.writable().await?;
            match sock.try_io(Interest::WRITABLE, || {
                let cmsg = [nix::sys::socket::ControlMessage::ScmRights(fds)];
                nix::sys::socket::sendmsg::<()>(
                    sock.as_raw_fd(),
                    &[IoSlice::new(&line)],
                    &cmsg,
                    nix::sys::socket::MsgFlags::empty(),
                    None,
                )
                .map_err(std::io::Error::from)
            }) {
                Ok(n) => sent = n,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                Err(e) => return Err(e),
            }
        }
        self.half.write_all(&line[sent..]).await
    }

    /// Closes the sending side (`disconnect()` closes the whole channel by dropping both
    /// halves).
    ///
    /// # Errors
    /// The socket's shutdown error.
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> std::io::Result<()> {
    /// let (a, b) = node_child_process::IpcChannel::pair()?;
    /// let (_ra, mut wa) = a.into_split();
    /// let (mut rb, _wb) = b.into_split();
    /// wa.close().await?;
    /// assert_eq!(rb.recv().await?, None);
    /// # Ok(()) }
    /// ```
    pub async fn close(&mut self) -> std::io::Result<()> {
        self.half.shutdown().await
    }
}

/// Receives bytes and any `SCM_RIGHTS` descriptors from a raw Unix socket (the other half
/// of [`IpcWriter::send_with_fds`]); `(0, [])` at end of stream.
///
/// # Errors
/// The `recvmsg` error (`EAGAIN` on a non-blocking socket with nothing to read).
///
/// # Examples
/// ```
/// use std::os::fd::AsRawFd;
/// let (a, b) = std::os::unix::net::UnixStream::pair().unwrap();
/// std::io::Write::write_all(&mut &a, b"x\n").unwrap();
/// let mut buf = [0u8; 8];
/// let (n, fds) = node_child_process::recv_with_fds(b.as_raw_fd(), &mut buf).unwrap();
/// assert_eq!((n, fds.len()), (2, 0));
/// ```
pub fn recv_with_fds(fd: RawFd, buf: &mut [u8]) -> std::io::Result<(usize, Vec<OwnedFd>)> {
    let mut space = nix::cmsg_space!([RawFd; 8]);
    let mut iov = [IoSliceMut::new(buf)];
    let msg = nix::sys::socket::recvmsg::<()>(
        fd,
        &mut iov,
        Some(&mut space),
        nix::sys::socket::MsgFlags::MSG_CMSG_CLOEXEC,
    )
    .map_err(std::io::Error::from)?;
    let mut fds = Vec::new();
    for c in msg.cmsgs().map_err(std::io::Error::from)? {
        if let nix::sys::socket::ControlMessageOwned::ScmRights(v) = c {
            // SAFETY: the kernel installed these descriptors for us; each is owned once.
            fds.extend(v.into_iter().map(|f| unsafe { OwnedFd::from_raw_fd(f) }));
        }
    }
    Ok((msg.bytes, fds))
}

/// `ERR_IPC_CHANNEL_CLOSED` (`Channel closed`), what `send` reports after `disconnect`.
///
/// # Examples
/// ```
/// assert_eq!(node_child_process::channel_closed().code(), "ERR_IPC_CHANNEL_CLOSED");
/// ```
pub fn channel_closed() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_IPC_CHANNEL_CLOSED",
        "Channel closed",
    )
}
