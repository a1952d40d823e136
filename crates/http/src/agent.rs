//! [`Agent`]: Node's connection pool for client requests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::client::ClientConn;

/// Options of [`Agent::new`]: Node's `new http.Agent(options)`.
///
/// # Examples
/// ```
/// let opts = node_http::AgentOptions::default();
/// assert!(opts.keep_alive);
/// assert_eq!(opts.max_free_sockets, 256);
/// ```
#[derive(Debug, Clone)]
pub struct AgentOptions {
    /// Keep sockets open between requests (Node 20's global agent: true).
    pub keep_alive: bool,
    /// TCP keep-alive initial delay for pooled sockets (`keepAliveMsecs`).
    pub keep_alive_msecs: Duration,
    /// Sockets per host:port at once (`maxSockets`, default unlimited).
    pub max_sockets: Option<usize>,
    /// Idle sockets kept per host:port (`maxFreeSockets`, 256).
    pub max_free_sockets: usize,
}

impl Default for AgentOptions {
    fn default() -> Self {
        AgentOptions {
            keep_alive: true,
            keep_alive_msecs: Duration::from_millis(1000),
            max_sockets: None,
            max_free_sockets: 256,
        }
    }
}

#[derive(Debug, Default)]
#[allow(clippy::vec_box)] // pooled connections move in and out of IncomingMessage boxed
struct Pools {
    free: HashMap<String, Vec<Box<ClientConn>>>,
    limits: HashMap<String, Arc<Semaphore>>,
}

/// A pool of client connections: Node's
/// [`http.Agent`](https://nodejs.org/api/http.html#class-httpagent). Cloning shares the
/// pool.
///
/// # Examples
/// ```
/// let agent = node_http::Agent::new(node_http::AgentOptions { max_sockets: Some(2), ..Default::default() });
/// assert_eq!(agent.free_sockets("localhost:80"), 0);
/// ```
#[derive(Debug, Clone)]
pub struct Agent {
    options: Arc<AgentOptions>,
    pools: Arc<Mutex<Pools>>,
}

impl Agent {
    /// `new http.Agent(options)`.
    ///
    /// # Examples
    /// ```
    /// use node_http::{Agent, AgentOptions};
    /// let agent = Agent::new(AgentOptions { keep_alive: false, max_sockets: Some(4), ..Default::default() });
    /// assert!(!agent.options().keep_alive);
    /// assert_eq!(agent.options().max_sockets, Some(4));
    /// ```
    pub fn new(options: AgentOptions) -> Self {
        Agent {
            options: Arc::new(options),
            pools: Arc::new(Mutex::new(Pools::default())),
        }
    }

    /// The agent's options.
    ///
    /// # Examples
    /// ```
    /// assert!(node_http::global_agent().options().keep_alive);
    /// ```
    pub fn options(&self) -> &AgentOptions {
        &self.options
    }

    /// Idle sockets pooled for `key` (`"host:port"`, Node's `agent.getName()`).
    ///
    /// # Examples
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> node_http::Result<()> {
    /// # let server = node_http::create_server(|mut req: node_http::IncomingMessage, mut res: node_http::ServerResponse| async move {
    /// #     let token = req.headers().get("x-token").and_then(|v| v.as_str()).map(str::to_owned);
    /// #     let body = req.body().await.unwrap_or_default();
    /// #     if let Some(t) = token { let _ = res.set_header("X-Token", t.as_str()); }
    /// #     let _ = res.end(Some(&body)).await;
    /// # });
    /// # let port = server.listen(node_net::ListenOptions::port(0).host("127.0.0.1")).await?.as_inet().unwrap().port;
    /// # let opts = node_http::RequestOptions { port, host: "127.0.0.1".into(), method: "POST".into(), ..Default::default() };
    /// let agent = node_http::Agent::new(Default::default());
    /// let req = node_http::request(node_http::RequestOptions {
    ///     agent: node_http::AgentChoice::Agent(agent.clone()),
    ///     ..opts
    /// })?;
    /// let key = format!("127.0.0.1:{port}");
    /// assert_eq!(agent.free_sockets(&key), 0);
    /// let mut res = req.end(None).await?;
    /// res.body().await?;
    /// // The keep-alive connection went back to the pool.
    /// assert_eq!(agent.free_sockets(&key), 1);
    /// # server.close(); Ok(()) }
    /// ```
    pub fn free_sockets(&self, key: &str) -> usize {
        self.pools
            .lock()
            .map_or(0, |p| p.free.get(key).map_or(0, Vec::len))
    }

    /// `agent.destroy()`: closes all idle sockets.
    ///
    /// # Examples
    /// ```
    /// node_http::Agent::new(Default::default()).destroy();
    /// ```
    pub fn destroy(&self) {
        if let Ok(mut p) = self.pools.lock() {
            p.free.clear();
        }
    }

    /// Waits for a slot under `max_sockets`.
    pub(crate) async fn acquire(&self, key: &str) -> Option<OwnedSemaphorePermit> {
        let max = self.options.max_sockets?;
        let sem = {
            let mut p = self.pools.lock().ok()?;
            p.limits
                .entry(key.to_owned())
                .or_insert_with(|| Arc::new(Semaphore::new(max)))
                .clone()
        };
        sem.acquire_owned().await.ok()
    }

    /// An idle pooled connection for `key` (most recent first, Node's `'lifo'`).
    pub(crate) fn take_free(&self, key: &str) -> Option<Box<ClientConn>> {
        self.pools
            .lock()
            .ok()
            .and_then(|mut p| p.free.get_mut(key).and_then(Vec::pop))
    }

    /// Returns a connection to the pool (or drops it above `max_free_sockets`).
    pub(crate) fn put_free(&self, key: &str, conn: Box<ClientConn>) {
        if let Ok(mut p) = self.pools.lock() {
            let list = p.free.entry(key.to_owned()).or_default();
            if list.len() < self.options.max_free_sockets {
                list.push(conn);
            }
        }
    }
}

/// `http.globalAgent` (keep-alive, as in Node 20).
///
/// # Examples
/// ```
/// let a = node_http::global_agent();
/// assert!(a.options().max_sockets.is_none());
/// ```
#[doc(alias = "globalAgent")]
pub fn global_agent() -> Agent {
    static GLOBAL: OnceLock<Agent> = OnceLock::new();
    GLOBAL
        .get_or_init(|| Agent::new(AgentOptions::default()))
        .clone()
}
