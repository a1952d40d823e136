//! The stream under a [`crate::Socket`]: TCP or Unix, or TLS over one of them; whole or
//! split.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::io::{ReadHalf, WriteHalf};
use tokio::net::{tcp, unix, TcpStream, UnixStream};

/// A TLS session over a TCP or Unix stream.
pub(crate) type TlsStream = tokio_rustls::TlsStream<Stream>;

/// A connected TCP or Unix stream, or a TLS session over one.
#[derive(Debug)]
pub(crate) enum Stream {
    Tcp(TcpStream),
    Unix(UnixStream),
    Tls(Box<TlsStream>),
}

/// The read half of a split [`Stream`]. A TLS half keeps a dup of the OS socket for
/// socket options (the session itself is shared with the write half under a lock).
#[derive(Debug)]
pub(crate) enum ReadStream {
    Tcp(tcp::OwnedReadHalf),
    Unix(unix::OwnedReadHalf),
    Tls(ReadHalf<TlsStream>),
}

/// The write half of a split [`Stream`].
#[derive(Debug)]
pub(crate) enum WriteStream {
    Tcp(tcp::OwnedWriteHalf),
    Unix(unix::OwnedWriteHalf),
    Tls(WriteHalf<TlsStream>, Option<Box<socket2::Socket>>, bool),
}

impl Stream {
    pub(crate) fn split(self) -> (ReadStream, WriteStream) {
        match self {
            Stream::Tcp(s) => {
                let (r, w) = s.into_split();
                (ReadStream::Tcp(r), WriteStream::Tcp(w))
            }
            Stream::Unix(s) => {
                let (r, w) = s.into_split();
                (ReadStream::Unix(r), WriteStream::Unix(w))
            }
            Stream::Tls(s) => {
                let unix = s.get_ref().0.is_unix();
                let dup = s.get_ref().0.sock_ref().try_clone().ok().map(Box::new);
                let (r, w) = tokio::io::split(*s);
                (ReadStream::Tls(r), WriteStream::Tls(w, dup, unix))
            }
        }
    }

    pub(crate) fn sock_ref(&self) -> socket2::SockRef<'_> {
        match self {
            Stream::Tcp(s) => socket2::SockRef::from(s),
            Stream::Unix(s) => socket2::SockRef::from(s),
            Stream::Tls(s) => s.get_ref().0.sock_ref(),
        }
    }

    /// The TCP stream under this one (`None` for Unix sockets).
    pub(crate) fn tcp(&self) -> Option<&TcpStream> {
        match self {
            Stream::Tcp(s) => Some(s),
            Stream::Unix(_) => None,
            Stream::Tls(s) => s.get_ref().0.tcp(),
        }
    }

    pub(crate) fn is_unix(&self) -> bool {
        self.tcp().is_none()
    }
}

/// Joins two halves back; `None` if they come from different streams.
pub(crate) fn reunite(r: ReadStream, w: WriteStream) -> Option<Stream> {
    match (r, w) {
        (ReadStream::Tcp(r), WriteStream::Tcp(w)) => r.reunite(w).ok().map(Stream::Tcp),
        (ReadStream::Unix(r), WriteStream::Unix(w)) => r.reunite(w).ok().map(Stream::Unix),
        (ReadStream::Tls(r), WriteStream::Tls(w, ..)) => {
            if r.is_pair_of(&w) {
                Some(Stream::Tls(Box::new(r.unsplit(w))))
            } else {
                None
            }
        }
        _ => None,
    }
}

impl WriteStream {
    /// The OS socket, for socket options; `None` only if a TLS half could not dup it.
    pub(crate) fn sock_ref(&self) -> Option<socket2::SockRef<'_>> {
        match self {
            WriteStream::Tcp(s) => Some(socket2::SockRef::from(s.as_ref())),
            WriteStream::Unix(s) => Some(socket2::SockRef::from(s.as_ref())),
            WriteStream::Tls(_, dup, _) => dup.as_deref().map(socket2::SockRef::from),
        }
    }

    pub(crate) fn is_unix(&self) -> bool {
        match self {
            WriteStream::Tcp(_) => false,
            WriteStream::Unix(_) => true,
            WriteStream::Tls(_, _, unix) => *unix,
        }
    }
}

macro_rules! delegate_read {
    ($ty:ident) => {
        impl AsyncRead for $ty {
            fn poll_read(
                self: Pin<&mut Self>,
                cx: &mut Context<'_>,
                buf: &mut ReadBuf<'_>,
            ) -> Poll<io::Result<()>> {
                match self.get_mut() {
                    $ty::Tcp(s) => Pin::new(s).poll_read(cx, buf),
                    $ty::Unix(s) => Pin::new(s).poll_read(cx, buf),
                    $ty::Tls(s) => Pin::new(s).poll_read(cx, buf),
                }
            }
        }
    };
}

macro_rules! delegate_write {
    ($ty:ident) => {
        impl AsyncWrite for $ty {
            fn poll_write(
                self: Pin<&mut Self>,
                cx: &mut Context<'_>,
                buf: &[u8],
            ) -> Poll<io::Result<usize>> {
                match self.get_mut() {
                    $ty::Tcp(s) => Pin::new(s).poll_write(cx, buf),
                    $ty::Unix(s) => Pin::new(s).poll_write(cx, buf),
                    $ty::Tls(s, ..) => Pin::new(s).poll_write(cx, buf),
                }
            }
            fn poll_write_vectored(
                self: Pin<&mut Self>,
                cx: &mut Context<'_>,
                bufs: &[io::IoSlice<'_>],
            ) -> Poll<io::Result<usize>> {
                match self.get_mut() {
                    $ty::Tcp(s) => Pin::new(s).poll_write_vectored(cx, bufs),
                    $ty::Unix(s) => Pin::new(s).poll_write_vectored(cx, bufs),
                    $ty::Tls(s, ..) => Pin::new(s).poll_write_vectored(cx, bufs),
                }
            }
            fn is_write_vectored(&self) -> bool {
                true
            }
            fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
                match self.get_mut() {
                    $ty::Tcp(s) => Pin::new(s).poll_flush(cx),
                    $ty::Unix(s) => Pin::new(s).poll_flush(cx),
                    $ty::Tls(s, ..) => Pin::new(s).poll_flush(cx),
                }
            }
            fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
                match self.get_mut() {
                    $ty::Tcp(s) => Pin::new(s).poll_shutdown(cx),
                    $ty::Unix(s) => Pin::new(s).poll_shutdown(cx),
                    $ty::Tls(s, ..) => Pin::new(s).poll_shutdown(cx),
                }
            }
        }
    };
}

delegate_read!(Stream);
delegate_read!(ReadStream);
delegate_write!(Stream);
delegate_write!(WriteStream);
