//! A bound port keeps its loop alive as node's ports do; `unref` and `close` release it.

use std::cell::RefCell;
use std::rc::Rc;

use node_event_loop::{EventLoop, RunMode};
use node_workers::{Message, MessageChannel, PortEvent};

#[test]
fn unbound_ports_do_not_keep_the_loop_alive() {
    let ev = EventLoop::new().unwrap();
    let (a, _b) = MessageChannel::new();
    a.post_message(Message::new(vec![1]));
    assert!(!ev.run(RunMode::Default));
}

#[test]
fn unref_port_lets_the_loop_end_with_a_listener() {
    let ev = EventLoop::new().unwrap();
    let (a, _b) = MessageChannel::new();
    a.bind(&ev.handle(), |_| {});
    a.unref();
    assert!(!ev.run(RunMode::Default));
    // ref again: alive until closed from a timer.
    a.ref_();
    let a = Rc::new(a);
    let a2 = a.clone();
    ev.handle().set_timeout(1, move || a2.close());
    assert!(!ev.run(RunMode::Default));
    assert!(!a.is_bound());
}

#[test]
fn messages_arrive_in_order_with_a_checkpoint_between_them() {
    let ev = EventLoop::new().unwrap();
    let h = ev.handle();
    let (a, b) = MessageChannel::new();
    let log = Rc::new(RefCell::new(Vec::new()));
    let l = log.clone();
    let h2 = h.clone();
    b.bind(&h, move |e| match e {
        PortEvent::Message(m) => {
            let n = m.payload[0];
            l.borrow_mut().push(format!("msg {n}"));
            let l2 = l.clone();
            h2.next_tick(move || l2.borrow_mut().push(format!("tick {n}")));
        }
        PortEvent::Close => l.borrow_mut().push("close".into()),
    });
    for i in 0..3 {
        a.post_message(Message::new(vec![i]));
    }
    a.close();
    ev.run(RunMode::Default);
    assert_eq!(
        *log.borrow(),
        ["msg 0", "tick 0", "msg 1", "tick 1", "msg 2", "tick 2", "close"]
    );
}

#[test]
fn a_port_moves_to_another_thread_inside_a_message() {
    let (a, b) = MessageChannel::new();
    let (c, d) = MessageChannel::new();
    let mut m = Message::new(b"here is a port".to_vec());
    m.ports.push(d);
    a.post_message(m);
    let t = std::thread::spawn(move || {
        let mut m = b.try_recv().unwrap();
        let d = m.ports.pop().unwrap();
        d.post_message(Message::new(b"from the other thread".to_vec()));
    });
    t.join().unwrap();
    assert_eq!(c.try_recv().unwrap().payload, b"from the other thread");
}

#[test]
fn a_message_from_another_thread_wakes_a_waiting_loop() {
    let ev = EventLoop::new().unwrap();
    let (a, b) = MessageChannel::new();
    let got = Rc::new(RefCell::new(None));
    let g = got.clone();
    let b = Rc::new(b);
    let b2 = b.clone();
    b.bind(&ev.handle(), move |e| {
        if let PortEvent::Message(m) = e {
            *g.borrow_mut() = Some(m.payload);
            b2.unbind();
        }
    });
    let t = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(20));
        a.post_message(Message::new(b"late".to_vec()));
    });
    ev.run(RunMode::Default);
    t.join().unwrap();
    assert_eq!(got.borrow().as_deref(), Some(&b"late"[..]));
}
