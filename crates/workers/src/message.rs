//! [`Message`]: what crosses a channel — owned bytes, plus the things transferred with them.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

use crate::port::MessagePort;

/// One message: the serialized value as owned bytes, the ports transferred with it, and
/// host resources that must live as long as the message is in flight (the `nrt` host keeps
/// a reference on each shared buffer the bytes point into).
///
/// The bytes are opaque to this crate; only the receiving thread deserialises them, so no
/// engine value ever crosses a thread.
///
/// # Examples
/// ```
/// let m = node_workers::Message::new(b"hello".to_vec());
/// assert_eq!(m.payload, b"hello");
/// assert!(m.ports.is_empty());
/// ```
#[derive(Default)]
pub struct Message {
    /// The serialized value.
    pub payload: Vec<u8>,
    /// Ports in the transfer list, in order.
    pub ports: Vec<MessagePort>,
    /// Host-owned things kept alive until the message is dropped (shared so that a
    /// broadcast can hand each receiver its own copy of the message).
    pub attachments: Vec<Arc<dyn Any + Send + Sync>>,
}

impl Message {
    /// A message with `payload` and nothing transferred.
    ///
    /// # Examples
    /// ```
    /// let m = node_workers::Message::new(vec![1, 2, 3]);
    /// assert_eq!(m.payload.len(), 3);
    /// ```
    pub fn new(payload: Vec<u8>) -> Message {
        Message {
            payload,
            ..Message::default()
        }
    }
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Message")
            .field("payload_len", &self.payload.len())
            .field("ports", &self.ports.len())
            .field("attachments", &self.attachments.len())
            .finish()
    }
}
