//! The state shared by every stream class: Node's `_readableState`, `_writableState` and
//! the destroy bookkeeping of `lib/internal/streams/destroy.js`, behind one `Rc`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use node_core::NodeError;

use crate::chunk::Chunk;
use crate::decoder::Utf8Decoder;
use crate::events::{EventSink, StreamEvent};
use crate::hooks::Hooks;
use crate::scheduler::Scheduler;
use crate::sink::Sink;
use crate::source::Source;
use crate::transform::Transformer;
use crate::writable::Writable;

/// A write's completion callback (`write(chunk, cb)`).
pub(crate) type WriteCb = Box<dyn FnOnce(Option<&NodeError>)>;

pub(crate) struct RState {
    pub(crate) object_mode: bool,
    pub(crate) hwm: usize,
    pub(crate) buffer: VecDeque<Chunk>,
    pub(crate) length: usize,
    pub(crate) flowing: Option<bool>,
    /// Node's `kPaused`: set by `pause()`, cleared by `resume()`.
    pub(crate) paused: Option<bool>,
    pub(crate) ended: bool,
    pub(crate) end_emitted: bool,
    pub(crate) reading: bool,
    pub(crate) sync: bool,
    pub(crate) need_readable: bool,
    pub(crate) emitted_readable: bool,
    pub(crate) readable_listening: bool,
    pub(crate) resume_scheduled: bool,
    pub(crate) reading_more: bool,
    pub(crate) data_emitted: bool,
    pub(crate) decoder: Option<Utf8Decoder>,
    pub(crate) pipes: Vec<Writable>,
    pub(crate) await_drain: usize,
}

impl RState {
    pub(crate) fn new(object_mode: bool, hwm: usize) -> Self {
        RState {
            object_mode,
            hwm,
            buffer: VecDeque::new(),
            length: 0,
            flowing: None,
            paused: None,
            ended: false,
            end_emitted: false,
            reading: false,
            // Node starts `sync` true: nothing deferred may happen before the first read.
            sync: true,
            need_readable: false,
            emitted_readable: false,
            readable_listening: false,
            resume_scheduled: false,
            reading_more: false,
            data_emitted: false,
            decoder: None,
            pipes: Vec::new(),
            await_drain: 0,
        }
    }
}

pub(crate) struct WState {
    pub(crate) object_mode: bool,
    pub(crate) hwm: usize,
    pub(crate) length: usize,
    pub(crate) writing: bool,
    pub(crate) corked: u32,
    pub(crate) sync: bool,
    pub(crate) buffered: VecDeque<(Chunk, Option<WriteCb>)>,
    pub(crate) write_len: usize,
    /// `Some` while a write is in flight (Node's `writecb`).
    pub(crate) write_cb: Option<Option<WriteCb>>,
    pub(crate) need_drain: bool,
    pub(crate) ending: bool,
    pub(crate) ended: bool,
    pub(crate) finished: bool,
    pub(crate) prefinished: bool,
    pub(crate) final_called: bool,
    pub(crate) pending_cb: usize,
    /// An `afterWrite` tick is queued (Node's `kAfterWritePending`).
    pub(crate) after_write_pending: bool,
    pub(crate) buffer_processing: bool,
    pub(crate) on_finished: Vec<WriteCb>,
}

impl WState {
    pub(crate) fn new(object_mode: bool, hwm: usize) -> Self {
        WState {
            object_mode,
            hwm,
            length: 0,
            writing: false,
            corked: 0,
            sync: true,
            buffered: VecDeque::new(),
            write_len: 0,
            write_cb: None,
            need_drain: false,
            ending: false,
            ended: false,
            finished: false,
            prefinished: false,
            final_called: false,
            pending_cb: 0,
            after_write_pending: false,
            buffer_processing: false,
            on_finished: Vec::new(),
        }
    }
}

/// Destroy bookkeeping; Node keeps a copy per side and destroy sets both, so one suffices.
#[derive(Default)]
pub(crate) struct Life {
    pub(crate) destroyed: bool,
    pub(crate) errored: Option<NodeError>,
    pub(crate) closed: bool,
    pub(crate) close_emitted: bool,
    pub(crate) error_emitted: bool,
    pub(crate) emit_close: bool,
    pub(crate) auto_destroy: bool,
    pub(crate) allow_half_open: bool,
    /// `_construct` has called back (always true without one).
    pub(crate) constructed: bool,
}

pub(crate) struct State {
    pub(crate) r: Option<RState>,
    pub(crate) w: Option<WState>,
    pub(crate) life: Life,
    /// Transform's pending write callback (Node's `kCallback`).
    pub(crate) transform_cb: bool,
    /// The readable length when the current `_transform` started.
    pub(crate) transform_before: usize,
}

/// What the writable side writes into.
pub(crate) enum Output {
    Sink(Box<dyn Sink>),
    Transform(Box<dyn Transformer>),
}

/// A binding's callback that arrived while its `_write`/`_final`/`_transform`/`_flush`
/// was still running; it is applied as soon as that call returns.
pub(crate) enum Completion {
    Write(Option<NodeError>),
    Final(Option<NodeError>),
    Transform(Option<NodeError>, Option<Chunk>),
    Flush(Option<NodeError>, Option<Chunk>),
}

/// What the source and output can do, read once at construction (the trait methods are
/// constant), so no borrow is needed while they run.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Caps {
    pub(crate) source: bool,
    pub(crate) source_external: bool,
    pub(crate) transform: bool,
    pub(crate) writev: bool,
    pub(crate) has_final: bool,
    pub(crate) output_external: bool,
}

pub(crate) struct Shared {
    pub(crate) caps: Caps,
    pub(crate) deferred: RefCell<Option<Completion>>,
    /// A `destroy(err)` that waits for `_construct` (`Some(err)`).
    pub(crate) destroy_after_construct: RefCell<Option<Option<NodeError>>>,
    pub(crate) st: RefCell<State>,
    pub(crate) source: RefCell<Option<Box<dyn Source>>>,
    pub(crate) output: RefCell<Option<Output>>,
    pub(crate) events: Rc<dyn EventSink>,
    pub(crate) sched: Rc<dyn Scheduler>,
    pub(crate) hooks: Hooks,
}

impl Shared {
    pub(crate) fn new(
        state: State,
        source: Option<Box<dyn Source>>,
        output: Option<Output>,
        events: Rc<dyn EventSink>,
        sched: Rc<dyn Scheduler>,
    ) -> Rc<Self> {
        let mut caps = Caps {
            source: source.is_some(),
            source_external: source.as_ref().is_some_and(|s| s.completes_externally()),
            ..Caps::default()
        };
        match &output {
            Some(Output::Sink(s)) => {
                caps.writev = s.has_writev();
                caps.has_final = s.has_final();
                caps.output_external = s.completes_externally();
            }
            Some(Output::Transform(t)) => {
                caps.transform = true;
                caps.has_final = true;
                caps.output_external = t.completes_externally();
            }
            None => {}
        }
        Rc::new(Shared {
            caps,
            deferred: RefCell::new(None),
            destroy_after_construct: RefCell::new(None),
            st: RefCell::new(state),
            source: RefCell::new(source),
            output: RefCell::new(output),
            events,
            sched,
            hooks: Hooks::default(),
        })
    }

    /// Runs `poll` as pending I/O on the scheduler; once it yields `Some(v)`, `done(v)`
    /// runs as the I/O callback (`None` cancels, e.g. after destroy).
    pub(crate) fn spawn_io<T: 'static>(
        self: &Rc<Self>,
        mut poll: impl FnMut(&Rc<Shared>, &mut std::task::Context<'_>) -> std::task::Poll<Option<T>>
            + 'static,
        done: impl FnOnce(&Rc<Shared>, T) + 'static,
    ) {
        let me = self.clone();
        let mut done = Some(done);
        let fut = futures::future::poll_fn(move |cx| {
            poll(&me, cx).map(|v| {
                let (me, done) = (me.clone(), done.take());
                Box::new(move || {
                    if let (Some(v), Some(done)) = (v, done) {
                        done(&me, v);
                    }
                }) as Box<dyn FnOnce()>
            })
        });
        self.sched.spawn_io(Box::pin(fut));
    }

    /// `process.nextTick(f, stream)`.
    pub(crate) fn tick(self: &Rc<Self>, f: impl FnOnce(&Rc<Shared>) + 'static) {
        let me = self.clone();
        self.sched.next_tick(Box::new(move || f(&me)));
    }

    pub(crate) fn emit(&self, ev: StreamEvent) -> bool {
        let any = self.events.emit(&ev);
        self.hooks.emit(&ev);
        any
    }

    pub(crate) fn listeners(&self, name: &str) -> usize {
        self.events.listener_count(name)
    }

    /// Applies a callback from a binding: now, or right after the running call returns.
    pub(crate) fn complete(self: &Rc<Self>, c: Completion) {
        if self.output.try_borrow_mut().is_err() {
            *self.deferred.borrow_mut() = Some(c);
            return;
        }
        self.apply(c);
    }

    /// Applies a callback deferred by [`Shared::complete`], if any.
    pub(crate) fn apply_deferred(self: &Rc<Self>) {
        let c = self.deferred.borrow_mut().take();
        if let Some(c) = c {
            self.apply(c);
        }
    }

    fn apply(self: &Rc<Self>, c: Completion) {
        match c {
            Completion::Write(e) => self.on_write(e),
            Completion::Final(e) => self.on_final(e),
            Completion::Transform(e, data) => {
                let before = self.st.borrow().transform_before;
                self.transform_done(before, e, data.into_iter().collect());
            }
            Completion::Flush(e, data) => self.flush_done(e, data),
        }
    }

    pub(crate) fn is_destroyed(&self) -> bool {
        self.st.borrow().life.destroyed
    }
}

/// Node's `getHighWaterMark` defaults (Node 20: 16 KiB, 16 objects).
pub(crate) fn default_hwm(object_mode: bool) -> usize {
    if object_mode {
        16
    } else {
        16 * 1024
    }
}

/// Builds the shared core from options, with Node's defaults filled in.
pub(crate) fn build(
    r: Option<&crate::options::ReadableOptions>,
    w: Option<&crate::options::WritableOptions>,
    allow_half_open: bool,
    source: Option<Box<dyn Source>>,
    output: Option<Output>,
) -> Rc<Shared> {
    let base = match (r, w) {
        (Some(r), _) => (
            r.emit_close,
            r.auto_destroy,
            r.scheduler.clone(),
            r.events.clone(),
        ),
        (None, Some(w)) => (
            w.emit_close,
            w.auto_destroy,
            w.scheduler.clone(),
            w.events.clone(),
        ),
        (None, None) => (true, true, None, None),
    };
    // The `encoding` option is applied by the caller through `setEncoding`.
    let rstate = r.map(|o| {
        RState::new(
            o.object_mode,
            o.high_water_mark.unwrap_or(default_hwm(o.object_mode)),
        )
    });
    let wstate = w.map(|o| {
        WState::new(
            o.object_mode,
            o.high_water_mark.unwrap_or(default_hwm(o.object_mode)),
        )
    });
    let needs_construct = source.as_ref().is_some_and(|s| s.has_construct())
        || matches!(&output, Some(Output::Sink(s)) if s.has_construct());
    let life = Life {
        emit_close: base.0,
        auto_destroy: base.1,
        allow_half_open,
        constructed: !needs_construct,
        ..Life::default()
    };
    let sched: Rc<dyn Scheduler> = match base.2 {
        Some(s) => s,
        None => Rc::new(crate::scheduler::LocalScheduler::current()),
    };
    let events: Rc<dyn EventSink> = match base.3 {
        Some(e) => e,
        None => Rc::new(crate::events::Emitter::new()),
    };
    let shared = Shared::new(
        State {
            r: rstate,
            w: wstate,
            life,
            transform_cb: false,
            transform_before: 0,
        },
        source,
        output,
        events,
        sched,
    );
    if needs_construct {
        // Node: `process.nextTick(constructNT, stream)` from the constructor.
        shared.tick(|s| s.construct());
    }
    if let Some(enc) = r.and_then(|o| o.encoding) {
        shared.apply_encoding(enc);
    }
    shared
}

impl Shared {
    /// The `encoding` option: `setEncoding`, or (unsupported) destroy with the error, as
    /// Node's constructor would throw.
    fn apply_encoding(self: &Rc<Self>, enc: &str) {
        match crate::decoder::decoder_for(enc) {
            Ok(dec) => {
                if let Some(r) = self.st.borrow_mut().r.as_mut() {
                    r.decoder = Some(dec);
                }
            }
            Err(e) => self.destroy(Some(e)),
        }
    }
}
