//! A worker's events reach the parent in node's order: 'online', messages, 'error', 'exit'.

use std::cell::RefCell;
use std::rc::Rc;

use node_event_loop::{EventLoop, RunMode};
use node_workers::{Message, PortEvent, Worker, WorkerEvent, WorkerOptions};

fn collect(worker: &Worker, ev: &EventLoop) -> Rc<RefCell<Vec<String>>> {
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    worker.bind(&ev.handle(), move |e| {
        l.borrow_mut().push(match e {
            WorkerEvent::Online => "online".into(),
            WorkerEvent::Message(m) => format!("message {}", String::from_utf8_lossy(&m.payload)),
            WorkerEvent::Error(m) => format!("error {}", String::from_utf8_lossy(&m.payload)),
            WorkerEvent::Exit(c) => format!("exit {c}"),
        })
    });
    log
}

#[test]
fn messages_before_exit_and_error_before_exit() {
    let ev = EventLoop::new().unwrap();
    let w = Worker::spawn(WorkerOptions::default(), |mut scope| {
        let port = scope.take_port();
        port.post_message(Message::new(b"1".to_vec()));
        port.post_message(Message::new(b"2".to_vec()));
        scope.report_error(Message::new(b"boom".to_vec()));
        1
    })
    .unwrap();
    let log = collect(&w, &ev);
    ev.run(RunMode::Default);
    assert_eq!(
        *log.borrow(),
        ["online", "message 1", "message 2", "error boom", "exit 1"]
    );
}

#[test]
fn a_panicking_worker_exits_1() {
    let ev = EventLoop::new().unwrap();
    let w = Worker::spawn(WorkerOptions::default(), |_| panic!("worker bug")).unwrap();
    let log = collect(&w, &ev);
    ev.run(RunMode::Default);
    assert_eq!(*log.borrow(), ["online", "exit 1"]);
}

#[test]
fn unref_worker_does_not_hold_the_parent() {
    let ev = EventLoop::new().unwrap();
    let w = Worker::spawn(WorkerOptions::default(), |mut scope| {
        let lp = EventLoop::new().unwrap();
        scope.bind_loop(&lp.handle());
        let port = scope.take_port();
        port.bind(&lp.handle(), |_| {});
        lp.run(RunMode::Default);
        0
    })
    .unwrap();
    let _log = collect(&w, &ev);
    w.unref();
    assert!(!ev.run(RunMode::Default));
    w.terminate();
}

#[test]
fn terminate_stops_a_worker_kept_alive_by_its_port_and_ping_pong_works() {
    let ev = EventLoop::new().unwrap();
    let w = Worker::spawn(WorkerOptions::default(), |mut scope| {
        let lp = EventLoop::new().unwrap();
        scope.bind_loop(&lp.handle());
        let port = Rc::new(scope.take_port());
        let p = port.clone();
        port.bind(&lp.handle(), move |e| {
            if let PortEvent::Message(m) = e {
                let n: u32 = String::from_utf8(m.payload).unwrap().parse().unwrap();
                p.post_message(Message::new((n + 1).to_string().into_bytes()));
            }
        });
        lp.run(RunMode::Default);
        if scope.is_terminating() {
            1
        } else {
            0
        }
    })
    .unwrap();
    let w = Rc::new(w);
    let w2 = w.clone();
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    w.bind(&ev.handle(), move |e| match e {
        WorkerEvent::Message(m) => {
            let n: u32 = String::from_utf8(m.payload).unwrap().parse().unwrap();
            l.borrow_mut().push(n.to_string());
            if n < 5 {
                w2.post_message(Message::new((n + 1).to_string().into_bytes()));
            } else {
                w2.terminate();
            }
        }
        WorkerEvent::Exit(c) => l.borrow_mut().push(format!("exit {c}")),
        _ => {}
    });
    w.post_message(Message::new(b"0".to_vec()));
    ev.run(RunMode::Default);
    assert_eq!(*log.borrow(), ["1", "3", "5", "exit 1"]);
}

#[test]
fn posting_to_an_ended_worker_is_dropped() {
    let ev = EventLoop::new().unwrap();
    let w = Worker::spawn(WorkerOptions::default(), |_| 0).unwrap();
    let log = collect(&w, &ev);
    ev.run(RunMode::Default);
    assert_eq!(*log.borrow(), ["online", "exit 0"]);
    assert!(!w.post_message(Message::new(vec![1])));
}

#[test]
fn a_worker_closing_its_parent_port_still_reports_its_exit() {
    let ev = EventLoop::new().unwrap();
    let w = Worker::spawn(WorkerOptions::default(), |mut scope| {
        let port = scope.take_port();
        port.post_message(Message::new(b"bye".to_vec()));
        port.close();
        std::thread::sleep(std::time::Duration::from_millis(20));
        4
    })
    .unwrap();
    let log = collect(&w, &ev);
    ev.run(RunMode::Default);
    assert_eq!(*log.borrow(), ["online", "message bye", "exit 4"]);
}
