//! # node-net
//!
//! Node's [`net`](https://nodejs.org/api/net.html) module for Rust: TCP and Unix-domain
//! [`Server`]s and [`Socket`]s on tokio, with Node's error messages
//! (`connect ECONNREFUSED 127.0.0.1:1`), `address()` objects, idle timeouts, half-close,
//! `ref`/`unref` state, and `isIP`. [`UdpSocket`] is the datagram socket under `dgram`.
//!
//! Sockets implement tokio's `AsyncRead`/`AsyncWrite`, so stream layers can wrap them, and
//! [`Socket::into_duplex`] turns one into a node-streams `Duplex` ([`SocketStream`]) with
//! Node's `net.Socket` stream semantics (backpressure, half-close, `'error'`/`'close'`).
//! [`SocketStream::connect`] is `net.connect()`: it returns at once and emits `'connect'`
//! and `'ready'` when connected. Stream work runs on the stream's scheduler (node-streams'
//! `LocalScheduler` by default), which the caller drives (`LocalScheduler::run`, the
//! stream adapters, or the nrt event loop).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> node_net::Result<()> {
//! use node_net::{ListenOptions, Server, Socket};
//! use tokio::io::{AsyncReadExt, AsyncWriteExt};
//!
//! let server = Server::listen(ListenOptions::port(0).host("127.0.0.1")).await?;
//! let port = server.address()?.as_inet().unwrap().port;
//! let mut client = Socket::connect(port, "127.0.0.1").await?;
//! let mut conn = server.accept().await?;
//! client.write_all(b"ping").await.unwrap();
//! client.end().await?;
//! let mut got = String::new();
//! conn.read_to_string(&mut got).await.unwrap();
//! assert_eq!(got, "ping");
//! assert_eq!(conn.bytes_read(), 4);
//! assert_eq!(node_net::is_ip("::ffff:127.0.0.1"), 6);
//! # Ok(()) }
//! ```
// Only udp_sys.rs calls libc directly (what socket2 has no safe form for).
#![deny(unsafe_code)]
#![doc(test(attr(deny(warnings))))]

mod address;
mod connect;
pub mod dns;
mod errors;
mod halves;
mod handle;
mod ip;
mod server;
mod socket;
mod socket_stream;
mod state;
mod stream;
pub mod tls;
mod udp;
mod udp_options;
mod udp_sys;

pub use self::address::{AddressInfo, ServerAddress};
pub use self::connect::ConnectOptions;
pub use self::errors::{Error, Result, SystemError};
pub use self::halves::{SocketReadHalf, SocketWriteHalf};
pub use self::handle::SocketHandle;
pub use self::ip::{is_ip, is_ipv4, is_ipv6};
pub use self::server::{ListenOptions, Pusher, Server};
pub use self::socket::Socket;
pub use self::socket_stream::SocketStream;
pub use self::udp::{UdpBindOptions, UdpSocket};
pub use self::udp_options::{if_index, ip_text};
