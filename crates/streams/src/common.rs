//! Methods every stream class has (`on`, `once`, `destroy`, `destroyed`, …), generated
//! once for each public type.

/// Expands to the shared methods of a stream type holding `inner: Rc<Shared>`.
macro_rules! common_methods {
    () => {
        /// Adds a listener for `name` (`emitter.on(name, f)`), with Node's side effects:
        /// a `'data'` listener resumes the stream, a `'readable'` listener pauses it.
        ///
        /// # Errors
        /// `ERR_NOT_IMPLEMENTED` when the stream reports to a custom
        /// [`EventSink`](crate::EventSink).
        ///
        /// # Examples
        /// ```
        /// let r = node_streams::Readable::from_iter(["a"]);
        /// r.on("end", |_| println!("done")).unwrap();
        /// ```
        pub fn on(
            &self,
            name: &str,
            f: impl Fn(&crate::StreamEvent) + 'static,
        ) -> Result<&Self, node_core::NodeError> {
            self.inner
                .events
                .add_rust_listener(name, false, false, node_core::Callback::new(f))?;
            self.inner.listener_added(name);
            Ok(self)
        }

        /// Adds a one-time listener (`emitter.once(name, f)`).
        ///
        /// # Errors
        /// As [`on`](Self::on).
        ///
        /// # Examples
        /// ```
        /// let r = node_streams::Readable::from_iter(["a"]);
        /// r.once("close", |_| {}).unwrap();
        /// ```
        pub fn once(
            &self,
            name: &str,
            f: impl Fn(&crate::StreamEvent) + 'static,
        ) -> Result<&Self, node_core::NodeError> {
            self.inner
                .events
                .add_rust_listener(name, true, false, node_core::Callback::new(f))?;
            self.inner.listener_added(name);
            Ok(self)
        }

        /// Adds a listener kept by the caller, so [`off`](Self::off) can remove it.
        ///
        /// # Errors
        /// As [`on`](Self::on).
        ///
        /// # Examples
        /// ```
        /// use node_core::Callback;
        /// let r = node_streams::Readable::from_iter(["a"]);
        /// let cb = Callback::new(|_: &node_streams::StreamEvent| {});
        /// r.on_callback("readable", cb.clone()).unwrap();
        /// r.off("readable", &cb);
        /// ```
        pub fn on_callback(
            &self,
            name: &str,
            f: node_core::Callback<crate::StreamEvent>,
        ) -> Result<&Self, node_core::NodeError> {
            self.inner.events.add_rust_listener(name, false, false, f)?;
            self.inner.listener_added(name);
            Ok(self)
        }

        /// `emitter.off(name, f)`, with Node's side effects (see
        /// [`listener_removed`](Self::listener_removed)).
        ///
        /// # Examples
        /// ```
        /// use node_core::Callback;
        /// let r = node_streams::Readable::from_iter(["a"]);
        /// let cb = Callback::new(|_: &node_streams::StreamEvent| {});
        /// r.on_callback("end", cb.clone()).unwrap();
        /// r.off("end", &cb);
        /// assert_eq!(r.events().listener_count("end"), 0);
        /// ```
        pub fn off(&self, name: &str, f: &node_core::Callback<crate::StreamEvent>) -> &Self {
            self.inner.events.remove_rust_listener(name, f);
            self.inner.listener_removed(name);
            self
        }

        /// Tells the stream a listener was added through its [`EventSink`](crate::EventSink)
        /// (the JS binding calls this from its `on` override).
        ///
        /// # Examples
        /// ```
        /// let r = node_streams::Readable::from_iter(["a"]);
        /// r.listener_added("data"); // no Rust listener: the stream just starts flowing
        /// ```
        pub fn listener_added(&self, name: &str) {
            self.inner.listener_added(name);
        }

        /// `emitter.emit(...)`: emits an event to the listeners now (for stream classes
        /// built on this one, such as fs streams' `'open'`); returns whether any ran.
        ///
        /// # Examples
        /// ```
        /// use node_streams::{Readable, StreamEvent};
        /// let r = Readable::from_iter(["a"]);
        /// r.on("ready", |_| {}).unwrap();
        /// assert!(r.emit(StreamEvent::Custom("ready".into(), None)));
        /// ```
        pub fn emit(&self, event: crate::StreamEvent) -> bool {
            self.inner.emit(event)
        }

        /// Tells the stream a listener was removed through its
        /// [`EventSink`](crate::EventSink) (the JS binding calls this from its
        /// `removeListener` override); removing the last `'readable'` listener lets
        /// `'data'` listeners resume the flow, as in Node.
        ///
        /// # Examples
        /// ```
        /// let r = node_streams::Readable::from_iter(["a"]);
        /// r.listener_removed("readable");
        /// ```
        pub fn listener_removed(&self, name: &str) {
            self.inner.listener_removed(name);
        }

        /// `stream.destroy(err)`: destroys the stream; `'error'` (if `err`) and `'close'`
        /// follow on the next tick.
        ///
        /// # Examples
        /// ```
        /// let r = node_streams::Readable::from_iter(["a"]);
        /// r.destroy(None);
        /// assert!(r.destroyed());
        /// ```
        pub fn destroy(&self, err: Option<node_core::NodeError>) -> &Self {
            self.inner.destroy(err);
            self
        }

        /// `stream.destroyed`.
        ///
        /// # Examples
        /// ```
        /// assert!(!node_streams::Readable::from_iter(["a"]).destroyed());
        /// ```
        pub fn destroyed(&self) -> bool {
            self.inner.is_destroyed()
        }

        /// `stream.errored`: the error the stream was destroyed or failed with.
        ///
        /// # Examples
        /// ```
        /// assert!(node_streams::Readable::from_iter(["a"]).errored().is_none());
        /// ```
        pub fn errored(&self) -> Option<node_core::NodeError> {
            self.inner.st.borrow().life.errored.clone()
        }

        /// `stream.closed`: `'close'` is due or was emitted.
        ///
        /// # Examples
        /// ```
        /// assert!(!node_streams::Readable::from_iter(["a"]).closed());
        /// ```
        pub fn closed(&self) -> bool {
            self.inner.st.borrow().life.closed
        }

        /// The stream's event hook (the built-in [`Emitter`](crate::Emitter) unless one
        /// was given in the options).
        ///
        /// # Examples
        /// ```
        /// let r = node_streams::Readable::from_iter(["a"]);
        /// assert_eq!(r.events().listener_count("data"), 0);
        /// ```
        pub fn events(&self) -> &std::rc::Rc<dyn crate::EventSink> {
            &self.inner.events
        }
    };
}

pub(crate) use common_methods;
