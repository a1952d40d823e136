//! [`Server`], [`ServerOptions`] and the [`Handler`] trait: Node's `http.Server`.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use node_net::{ListenOptions, ServerAddress, Socket};
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::conn::{serve, ConnShared};
use crate::errors::{ParseError, Result};
use crate::incoming::IncomingMessage;
use crate::parser::ParserOptions;
use crate::response::ServerResponse;

/// Options of [`create_server_with`]: Node's `http.createServer(options)` plus the
/// server's timeout properties.
///
/// # Examples
/// ```
/// let opts = node_http::ServerOptions::default();
/// assert_eq!(opts.keep_alive_timeout, std::time::Duration::from_secs(5));
/// assert_eq!(opts.headers_timeout, Some(std::time::Duration::from_secs(60)));
/// ```
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// Parser limits and strictness (`maxHeaderSize`, `insecureHTTPParser`,
    /// `requireHostHeader`, `joinDuplicateHeaders`).
    pub parser: ParserOptions,
    /// `server.headersTimeout` (60 s): time allowed to receive a head.
    pub headers_timeout: Option<Duration>,
    /// `server.requestTimeout` (300 s): time allowed to receive a whole request.
    pub request_timeout: Option<Duration>,
    /// `server.keepAliveTimeout` (5 s): idle time between requests; zero disables it.
    pub keep_alive_timeout: Duration,
    /// `server.timeout`: socket idle timeout (none by default); the socket is destroyed.
    pub timeout: Option<Duration>,
    /// `server.maxRequestsPerSocket`.
    pub max_requests_per_socket: Option<u64>,
    /// `noDelay` (Node 20 default: true).
    pub no_delay: bool,
    /// `keepAlive` + `keepAliveInitialDelay` for accepted sockets.
    pub keep_alive_initial_delay: Option<Duration>,
    /// `response.sendDate` default.
    pub send_date: bool,
    /// TLS for `https.createServer`: each connection's handshake runs first (failures go
    /// to [`Handler::tls_client_error`]); the HTTP layer sees the decrypted stream.
    pub tls: Option<node_net::tls::ServerConfig>,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            parser: ParserOptions::default(),
            headers_timeout: Some(Duration::from_secs(60)),
            request_timeout: Some(Duration::from_secs(300)),
            keep_alive_timeout: Duration::from_secs(5),
            timeout: None,
            max_requests_per_socket: None,
            no_delay: true,
            keep_alive_initial_delay: None,
            send_date: true,
            tls: None,
        }
    }
}

impl ServerOptions {
    pub(crate) fn head_deadline(&self, start: Instant) -> Option<Instant> {
        match (self.headers_timeout, self.request_timeout) {
            (Some(a), Some(b)) => Some(start + a.min(b)),
            (Some(a), None) | (None, Some(a)) => Some(start + a),
            (None, None) => None,
        }
    }
}

/// A connection taken over by an `'upgrade'` or `'connect'` handler: the raw socket and
/// the bytes already read past the head (Node's `head` buffer).
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
/// use tokio::io::{AsyncReadExt, AsyncWriteExt};
/// struct Echo;
/// impl node_http::Handler for Echo {
///     async fn request(&self, _req: node_http::IncomingMessage, _res: node_http::ServerResponse) {}
///     fn handles_upgrade(&self) -> bool { true }
///     async fn upgrade(&self, _req: node_http::IncomingMessage, up: node_http::Upgraded) {
///         let node_http::Upgraded { mut socket, head } = up;
///         let _ = socket.write_all(b"HTTP/1.1 101 Switching Protocols\r\n\r\n").await;
///         // "ping" may have come with the head or may still be on its way.
///         let mut msg = head.to_vec();
///         msg.resize(4, 0);
///         let _ = socket.read_exact(&mut msg[head.len().min(4)..]).await;
///         let _ = socket.write_all(&msg).await;
///     }
/// }
/// let server = node_http::create_server(Echo);
/// let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
/// let mut client = node_net::Socket::connect(port, "127.0.0.1").await?;
/// client.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\nping").await.unwrap();
/// let mut reply = String::new();
/// client.read_to_string(&mut reply).await.unwrap();
/// assert_eq!(reply, "HTTP/1.1 101 Switching Protocols\r\n\r\nping");
/// # server.close(); Ok(()) }
/// ```
#[derive(Debug)]
pub struct Upgraded {
    /// The socket, positioned after `head`.
    pub socket: Socket,
    /// Bytes received after the request head.
    pub head: Bytes,
}

/// What a server does with requests: Node's `'request'`, `'checkContinue'`,
/// `'upgrade'`, `'connect'` and `'clientError'` listeners.
///
/// A closure `Fn(IncomingMessage, ServerResponse) -> impl Future` is a handler.
///
/// # Examples
/// ```
/// use node_http::{Handler, IncomingMessage, ServerResponse, Upgraded};
/// struct Echo;
/// impl Handler for Echo {
///     async fn request(&self, _req: IncomingMessage, mut res: ServerResponse) {
///         let _ = res.end(Some(b"hi")).await;
///     }
///     fn handles_upgrade(&self) -> bool { true }
///     async fn upgrade(&self, _req: IncomingMessage, up: Upgraded) { drop(up); }
/// }
/// let _server = node_http::create_server(Echo);
/// ```
pub trait Handler: Send + Sync + 'static {
    /// `'request'`.
    fn request(&self, req: IncomingMessage, res: ServerResponse)
        -> impl Future<Output = ()> + Send;

    /// Whether [`Handler::check_continue`] replaces the automatic `100 Continue`.
    fn handles_check_continue(&self) -> bool {
        false
    }

    /// `'checkContinue'`: a request with `Expect: 100-continue`; call
    /// [`ServerResponse::write_continue`] to let the client send its body.
    fn check_continue(
        &self,
        req: IncomingMessage,
        res: ServerResponse,
    ) -> impl Future<Output = ()> + Send {
        self.request(req, res)
    }

    /// Whether [`Handler::check_expectation`] handles requests with an `Expect` other
    /// than `100-continue` (otherwise they get `417 Expectation Failed`, as in Node).
    fn handles_check_expectation(&self) -> bool {
        false
    }

    /// `'checkExpectation'`: a request with an `Expect` other than `100-continue`.
    fn check_expectation(
        &self,
        req: IncomingMessage,
        res: ServerResponse,
    ) -> impl Future<Output = ()> + Send {
        self.request(req, res)
    }

    /// Whether upgrade requests go to [`Handler::upgrade`] (otherwise they are ordinary
    /// requests, as in Node without an `'upgrade'` listener).
    fn handles_upgrade(&self) -> bool {
        false
    }

    /// `'upgrade'`: the socket is handed over.
    fn upgrade(&self, req: IncomingMessage, up: Upgraded) -> impl Future<Output = ()> + Send {
        let _ = (req, up);
        async {}
    }

    /// Whether CONNECT requests go to [`Handler::connect`] (otherwise the socket is
    /// closed, as in Node without a `'connect'` listener).
    fn handles_connect(&self) -> bool {
        false
    }

    /// `'connect'`: the socket is handed over.
    fn connect(&self, req: IncomingMessage, up: Upgraded) -> impl Future<Output = ()> + Send {
        let _ = (req, up);
        async {}
    }

    /// `'clientError'` (notification only): the server answers 400/431 and closes.
    fn client_error(&self, err: ParseError) {
        let _ = err;
    }

    /// `'tlsClientError'` (notification only): a TLS handshake failed (with
    /// [`ServerOptions::tls`]); the socket is closed.
    fn tls_client_error(&self, err: node_net::Error) {
        let _ = err;
    }

    /// `'connection'`: a socket was accepted; `id` numbers it for the server's lifetime
    /// and reappears in [`IncomingMessage::connection_id`] and
    /// [`Handler::connection_closed`].
    fn connection(&self, id: u64, socket: &Socket) {
        let _ = (id, socket);
    }

    /// The connection `id` has closed (Node's socket `'close'`).
    fn connection_closed(&self, id: u64) {
        let _ = id;
    }
}

impl<F, Fut> Handler for F
where
    F: Fn(IncomingMessage, ServerResponse) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send,
{
    fn request(
        &self,
        req: IncomingMessage,
        res: ServerResponse,
    ) -> impl Future<Output = ()> + Send {
        self(req, res)
    }
}

#[derive(Debug)]
pub(crate) struct ServerInner<H> {
    pub(crate) handler: H,
    pub(crate) options: ServerOptions,
    conns: Mutex<HashMap<u64, Arc<ConnShared>>>,
    next_id: AtomicU64,
    closed: Notify,
    stop_accept: Notify,
    address: Mutex<Option<ServerAddress>>,
    /// `usize::MAX` = no limit (Node's default).
    max_connections: AtomicUsize,
    refed: AtomicBool,
}

impl<H> ServerInner<H> {
    pub(crate) fn next_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    pub(crate) fn register(&self, id: u64, conn: Arc<ConnShared>) {
        if let Ok(mut m) = self.conns.lock() {
            m.insert(id, conn);
        }
    }

    pub(crate) fn unregister(&self, id: u64) {
        let empty = match self.conns.lock() {
            Ok(mut m) => {
                m.remove(&id);
                m.is_empty()
            }
            Err(_) => true,
        };
        if empty {
            self.closed.notify_waiters();
        }
    }

    fn each(&self, f: impl Fn(&ConnShared)) {
        if let Ok(m) = self.conns.lock() {
            m.values().for_each(|c| f(c));
        }
    }
}

/// An HTTP/1.1 server: Node's
/// [`http.Server`](https://nodejs.org/api/http.html#class-httpserver).
///
/// Cloning gives another handle on the same server.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
/// let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
///     let _ = res.end(Some(b"hello")).await;
/// });
/// let addr = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
/// assert!(addr.as_inet().unwrap().port > 0);
/// server.close();
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Server<H> {
    inner: Arc<ServerInner<H>>,
}

impl<H> Clone for Server<H> {
    fn clone(&self) -> Self {
        Server {
            inner: self.inner.clone(),
        }
    }
}

/// `http.createServer(handler)` with default options.
///
/// # Examples
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
/// let server = node_http::create_server(|req: node_http::IncomingMessage, mut res: node_http::ServerResponse| async move {
///     let _ = res.end(Some(req.url().as_bytes())).await;
/// });
/// let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
/// let mut res = node_http::get(&format!("http://127.0.0.1:{port}/hello")).await?;
/// assert_eq!(&res.body().await?[..], b"/hello");
/// # server.close(); Ok(()) }
/// ```
#[doc(alias = "createServer")]
pub fn create_server<H: Handler>(handler: H) -> Server<H> {
    create_server_with(ServerOptions::default(), handler)
}

/// `http.createServer(options, handler)`.
///
/// # Examples
/// ```
/// let opts = node_http::ServerOptions { keep_alive_timeout: std::time::Duration::ZERO, ..Default::default() };
/// let _s = node_http::create_server_with(opts, |_req, _res| async {});
/// ```
#[doc(alias = "createServer")]
pub fn create_server_with<H: Handler>(options: ServerOptions, handler: H) -> Server<H> {
    Server {
        inner: Arc::new(ServerInner {
            handler,
            options,
            conns: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(0),
            closed: Notify::new(),
            stop_accept: Notify::new(),
            address: Mutex::new(None),
            max_connections: AtomicUsize::new(usize::MAX),
            refed: AtomicBool::new(true),
        }),
    }
}

impl<H: Handler> Server<H> {
    /// `server.listen(options)`: binds and starts accepting on the current tokio runtime.
    ///
    /// # Errors
    /// Listen errors from [`node_net::Server::listen`] (`EADDRINUSE`, …).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    ///     let _ = res.end(Some(b"up")).await;
    /// });
    /// let addr = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// let inet = addr.as_inet().unwrap();
    /// assert_eq!(inet.address, "127.0.0.1");
    /// let mut res = node_http::get(&format!("http://127.0.0.1:{}/", inet.port)).await?;
    /// assert_eq!(&res.body().await?[..], b"up");
    /// # server.close(); Ok(()) }
    /// ```
    pub async fn listen(&self, opts: ListenOptions) -> Result<ServerAddress> {
        let listener = node_net::Server::listen(opts).await?;
        self.listen_on(listener)
    }

    /// Serves connections from an existing [`node_net::Server`] (for example one built
    /// from a cluster fd).
    ///
    /// # Errors
    /// `getsockname` errors.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let l = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// let server = node_http::create_server(|_req, _res| async {});
    /// server.listen_on(l)?;
    /// # Ok(()) }
    /// ```
    pub fn listen_on(&self, listener: node_net::Server) -> Result<ServerAddress> {
        let addr = listener.address()?;
        if let Ok(mut a) = self.inner.address.lock() {
            *a = Some(addr.clone());
        }
        let inner = self.inner.clone();
        tokio::spawn(async move {
            loop {
                let stop = inner.stop_accept.notified();
                let socket = tokio::select! {
                    r = listener.accept() => r,
                    () = stop => break,
                };
                match socket {
                    // Node closes connections above maxConnections at once.
                    Ok(socket)
                        if inner.conns.lock().map_or(0, |m| m.len())
                            >= inner.max_connections.load(Ordering::Relaxed) =>
                    {
                        drop(socket);
                    }
                    Ok(socket) => {
                        tokio::spawn(serve(inner.clone(), socket));
                    }
                    // EMFILE and friends: Node reports and keeps listening.
                    Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
                }
            }
            listener.close();
        });
        Ok(addr)
    }

    /// Serves one already-accepted socket (Node's `server.emit('connection', socket)`);
    /// resolves when the connection closes.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// use tokio::io::{AsyncReadExt, AsyncWriteExt};
    /// let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    ///     let _ = res.end(Some(b"hi")).await;
    /// });
    /// let listener = node_net::Server::listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// let port = listener.address()?.as_inet().unwrap().port;
    /// let mut client = node_net::Socket::connect(port, "127.0.0.1").await?;
    /// let socket = listener.accept().await?;
    /// let serving = tokio::spawn({ let server = server.clone(); async move { server.serve_connection(socket).await } });
    /// client.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.unwrap();
    /// let mut reply = String::new();
    /// client.read_to_string(&mut reply).await.unwrap();
    /// assert!(reply.starts_with("HTTP/1.1 200 OK\r\n") && reply.ends_with("\r\n\r\nhi"));
    /// serving.await.unwrap(); // resolves once the connection is closed
    /// # Ok(()) }
    /// ```
    pub async fn serve_connection(&self, socket: Socket) {
        serve(self.inner.clone(), socket).await;
    }

    /// `server.address()`.
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let server = node_http::create_server(|_req, _res| async {});
    /// assert_eq!(server.address(), None);
    /// let addr = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?;
    /// assert_eq!(server.address(), Some(addr));
    /// # server.close(); Ok(()) }
    /// ```
    pub fn address(&self) -> Option<ServerAddress> {
        self.inner.address.lock().ok().and_then(|a| a.clone())
    }

    /// The options the server was created with.
    ///
    /// # Examples
    /// ```
    /// let s = node_http::create_server(|_req, _res| async {});
    /// assert!(s.options().no_delay);
    /// ```
    pub fn options(&self) -> &ServerOptions {
        &self.inner.options
    }

    /// `server.close()`: stops accepting and closes idle connections; busy ones close
    /// after their current response (Node 19+).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    ///     let _ = res.end(None).await;
    /// });
    /// let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// let url = format!("http://127.0.0.1:{port}/");
    /// node_http::get(&url).await?.body().await?;
    /// server.close();
    /// server.closed().await;
    /// tokio::task::yield_now().await; // let the accept loop stop
    /// assert_eq!(node_http::get(&url).await.unwrap_err().code(), "ECONNREFUSED");
    /// # Ok(()) }
    /// ```
    pub fn close(&self) {
        self.inner.stop_accept.notify_waiters();
        self.inner.stop_accept.notify_one();
        self.inner.each(ConnShared::close_when_idle);
    }

    /// Resolves when no connection is open (after [`Server::close`], Node's `'close'`).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// let server = node_http::create_server(|_req, mut res: node_http::ServerResponse| async move {
    ///     let _ = res.end(None).await;
    /// });
    /// let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// node_http::get(&format!("http://127.0.0.1:{port}/")).await?.body().await?;
    /// server.close();
    /// server.closed().await;
    /// assert_eq!(server.get_connections(), 0);
    /// # Ok(()) }
    /// ```
    pub async fn closed(&self) {
        loop {
            let n = self.inner.closed.notified();
            if self.get_connections() == 0 {
                return;
            }
            n.await;
        }
    }

    /// `server.closeAllConnections()`.
    ///
    /// # Examples
    /// ```
    /// let s = node_http::create_server(|_req, _res| async {});
    /// s.close_all_connections();
    /// ```
    #[doc(alias = "closeAllConnections")]
    pub fn close_all_connections(&self) {
        self.inner.each(ConnShared::destroy);
    }

    /// `server.closeIdleConnections()`: closes keep-alive connections waiting for a
    /// request.
    ///
    /// # Examples
    /// ```
    /// let s = node_http::create_server(|_req, _res| async {});
    /// s.close_idle_connections();
    /// ```
    #[doc(alias = "closeIdleConnections")]
    pub fn close_idle_connections(&self) {
        self.inner.each(|c| {
            if c.idle.load(Ordering::SeqCst) {
                c.close_when_idle();
            }
        });
    }

    /// Open connections (Node's `server.getConnections()`).
    ///
    /// # Examples
    /// ```
    /// let s = node_http::create_server(|_req, _res| async {});
    /// assert_eq!(s.get_connections(), 0);
    /// ```
    #[doc(alias = "getConnections")]
    pub fn get_connections(&self) -> usize {
        self.inner.conns.lock().map_or(0, |m| m.len())
    }

    /// `server.maxConnections`: connections above it are closed at once; `None` removes
    /// the limit.
    ///
    /// # Examples
    /// ```
    /// let s = node_http::create_server(|_req, _res| async {});
    /// s.set_max_connections(Some(100));
    /// assert_eq!(s.max_connections(), Some(100));
    /// ```
    #[doc(alias = "maxConnections")]
    pub fn set_max_connections(&self, max: Option<usize>) {
        self.inner
            .max_connections
            .store(max.unwrap_or(usize::MAX), Ordering::Relaxed);
    }

    /// The connection limit, if any.
    ///
    /// # Examples
    /// ```
    /// let s = node_http::create_server(|_req, _res| async {});
    /// assert_eq!(s.max_connections(), None);
    /// s.set_max_connections(Some(2));
    /// assert_eq!(s.max_connections(), Some(2));
    /// s.set_max_connections(None);
    /// assert_eq!(s.max_connections(), None);
    /// ```
    pub fn max_connections(&self) -> Option<usize> {
        match self.inner.max_connections.load(Ordering::Relaxed) {
            usize::MAX => None,
            n => Some(n),
        }
    }

    /// `server.ref()`: state the runtime reads to keep its loop alive.
    ///
    /// # Examples
    /// ```
    /// let s = node_http::create_server(|_req, _res| async {});
    /// s.unref();
    /// assert!(!s.has_ref());
    /// s.ref_();
    /// assert!(s.has_ref());
    /// ```
    pub fn ref_(&self) {
        self.inner.refed.store(true, Ordering::Relaxed);
    }

    /// `server.unref()`.
    ///
    /// # Examples
    /// ```
    /// let s = node_http::create_server(|_req, _res| async {});
    /// s.unref();
    /// assert!(!s.has_ref());
    /// ```
    pub fn unref(&self) {
        self.inner.refed.store(false, Ordering::Relaxed);
    }

    /// Whether the server is ref'd.
    ///
    /// # Examples
    /// ```
    /// let s = node_http::create_server(|_req, _res| async {});
    /// assert!(s.has_ref()); // servers start ref'd, as in Node
    /// ```
    pub fn has_ref(&self) -> bool {
        self.inner.refed.load(Ordering::Relaxed)
    }
}
