use std::cell::RefCell;
use std::rc::Rc;

use super::*;

type Log = Rc<RefCell<Vec<String>>>;

/// A listener that logs `name:args` and can run an action against the emitter.
#[derive(Clone)]
struct L {
    name: &'static str,
    log: Log,
    action: Option<Rc<dyn Fn()>>,
}

impl Listener for L {
    type Args = Vec<String>;
    type Error = String;
    fn call(&self, args: &Vec<String>) -> Result<(), String> {
        self.log
            .borrow_mut()
            .push(format!("{}:{}", self.name, args.join(",")));
        if args.first().map(String::as_str) == Some("throw") {
            return Err(format!("{} threw", self.name));
        }
        if let Some(a) = &self.action {
            a();
        }
        Ok(())
    }
    fn same(&self, other: &Self) -> bool {
        self.name == other.name
    }
    fn meta_args(event: &EventKey, listener: &Self) -> Option<Vec<String>> {
        Some(vec![event.to_string(), listener.name.to_owned()])
    }
}

fn l(name: &'static str, log: &Log) -> L {
    L {
        name,
        log: log.clone(),
        action: None,
    }
}

fn key(s: &str) -> EventKey {
    EventKey::from(s)
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

#[test]
fn listeners_run_in_order_with_prepend_first() {
    let log = Log::default();
    let e = EventEmitter::new();
    e.on("x", l("a", &log)).unwrap();
    e.on("x", l("b", &log)).unwrap();
    e.prepend_listener("x", l("p", &log)).unwrap();
    assert_eq!(e.emit(&key("x"), &args(&["1"])), Ok(true));
    assert_eq!(*log.borrow(), ["p:1", "a:1", "b:1"]);
}

#[test]
fn changes_during_emit_apply_to_the_next_emit() {
    let log = Log::default();
    let e = Rc::new(EventEmitter::new());
    let (e2, log2) = (e.clone(), log.clone());
    let adder = L {
        name: "adder",
        log: log.clone(),
        action: Some(Rc::new(move || {
            e2.on("x", l("late", &log2)).unwrap();
            e2.off("x", &l("victim", &log2)).unwrap();
        })),
    };
    e.on("x", adder).unwrap();
    e.on("x", l("victim", &log)).unwrap();
    e.emit(&key("x"), &args(&["1"])).unwrap();
    // "victim" was removed during the emit but still runs; "late" does not.
    assert_eq!(*log.borrow(), ["adder:1", "victim:1"]);
    log.borrow_mut().clear();
    e.off("x", &l("adder", &log)).unwrap();
    e.emit(&key("x"), &args(&["2"])).unwrap();
    assert_eq!(*log.borrow(), ["late:2"]);
}

#[test]
fn once_is_removed_before_it_runs() {
    let log = Log::default();
    let e = Rc::new(EventEmitter::new());
    let e2 = e.clone();
    let log2 = log.clone();
    let once = L {
        name: "once",
        log: log.clone(),
        action: Some(Rc::new(move || {
            let n = e2.listener_count(&key("x"), None);
            log2.borrow_mut().push(format!("count={n}"));
        })),
    };
    e.once("x", once).unwrap();
    e.emit(&key("x"), &args(&["1"])).unwrap();
    assert_eq!(e.emit(&key("x"), &args(&["2"])), Ok(false));
    assert_eq!(*log.borrow(), ["once:1", "count=0"]);
}

#[test]
fn once_fires_once_under_recursive_emit() {
    let log = Log::default();
    let e = Rc::new(EventEmitter::new());
    let e2 = e.clone();
    let depth = Rc::new(std::cell::Cell::new(0));
    let reenter = L {
        name: "re",
        log: log.clone(),
        action: Some(Rc::new(move || {
            depth.set(depth.get() + 1);
            if depth.get() == 1 {
                e2.emit(&key("x"), &args(&["inner"])).unwrap();
            }
        })),
    };
    e.on("x", reenter).unwrap();
    e.once("x", l("once", &log)).unwrap();
    e.emit(&key("x"), &args(&["outer"])).unwrap();
    assert_eq!(*log.borrow(), ["re:outer", "re:inner", "once:inner"]);
}

#[test]
fn meta_events_fire_before_add_and_after_remove() {
    let log = Log::default();
    let e = Rc::new(EventEmitter::new());
    let (e2, log2) = (e.clone(), log.clone());
    let watcher = L {
        name: "nl",
        log: log.clone(),
        action: Some(Rc::new(move || {
            let n = e2.listener_count(&key("x"), None);
            log2.borrow_mut().push(format!("x-count={n}"));
        })),
    };
    e.on("newListener", watcher.clone()).unwrap();
    e.on(
        "removeListener",
        L {
            name: "rl",
            ..watcher
        },
    )
    .unwrap();
    e.once("x", l("a", &log)).unwrap();
    e.emit(&key("x"), &args(&[])).unwrap();
    assert_eq!(
        *log.borrow(),
        [
            "nl:removeListener,rl",
            "x-count=0",
            "nl:x,a",
            "x-count=0",
            "rl:x,a",
            "x-count=0",
            "a:"
        ]
    );
}

#[test]
fn remove_all_reports_lifo_and_removes_remove_listener_last() {
    let log = Log::default();
    let e = EventEmitter::new();
    e.on("a", l("a1", &log)).unwrap();
    e.on("a", l("a2", &log)).unwrap();
    e.on("b", l("b1", &log)).unwrap();
    e.on("removeListener", l("rl", &log)).unwrap();
    e.remove_all_listeners(None).unwrap();
    // The removeListener listener is removed last and so does not see its own removal
    // (checked against node 20).
    assert_eq!(*log.borrow(), ["rl:a,a2", "rl:a,a1", "rl:b,b1"]);
    assert!(e.event_names().is_empty());
}

#[test]
fn off_removes_the_last_registration() {
    let log = Log::default();
    let e = EventEmitter::new();
    e.on("x", l("a", &log)).unwrap();
    e.once("x", l("a", &log)).unwrap();
    e.off("x", &l("a", &log)).unwrap();
    assert!(!e.raw_listeners(&key("x"))[0].once);
}

#[test]
fn unheard_error_is_unhandled_and_monitor_sees_it() {
    let log = Log::default();
    let e = EventEmitter::new();
    e.on(EventKey::error_monitor(), l("mon", &log)).unwrap();
    assert_eq!(
        e.emit(&key("error"), &args(&["boom"])),
        Err(EmitError::Unhandled)
    );
    assert_eq!(*log.borrow(), ["mon:boom"]);
    e.on("error", l("h", &log)).unwrap();
    assert_eq!(e.emit(&key("error"), &args(&["boom"])), Ok(true));
}

#[test]
fn a_throwing_listener_stops_the_emit() {
    let log = Log::default();
    let e = EventEmitter::new();
    e.on("x", l("a", &log)).unwrap();
    e.on("x", l("b", &log)).unwrap();
    assert_eq!(
        e.emit(&key("x"), &args(&["throw"])),
        Err(EmitError::Listener("a threw".into()))
    );
    assert_eq!(*log.borrow(), ["a:throw"]);
}

#[test]
fn leak_warning_fires_once_per_event() {
    let log = Log::default();
    let warnings = Rc::new(RefCell::new(Vec::new()));
    let e = EventEmitter::new();
    let w = warnings.clone();
    e.set_warning_handler(move |x| w.borrow_mut().push(x.count));
    for _ in 0..13 {
        e.on("x", l("a", &log)).unwrap();
    }
    assert_eq!(*warnings.borrow(), [11]);
}
