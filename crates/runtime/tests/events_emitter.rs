//! EventEmitter (events.js): listener order, once, removal and error codes, as node 20.

mod common;
use common::nrt;

fn eval(src: &str) -> String {
    let r = nrt(&["-e", src]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

#[test]
fn changes_during_emit_apply_to_the_next_emit() {
    let out = eval(
        "const E = require('events'); const e = new E(); const log = [];
         function b() { log.push('b'); }
         e.on('x', () => { log.push('a'); e.off('x', b); e.on('x', () => log.push('late')); });
         e.on('x', b);
         e.emit('x'); e.emit('x');
         console.log(log.join(' '));",
    );
    assert_eq!(out, "a b a late\n");
}

#[test]
fn off_removes_the_most_recent_registration_and_once_fires_once() {
    let out = eval(
        "const E = require('events'); const e = new E(); const f = () => {};
         e.on('m', f); e.once('m', f); e.off('m', f);
         const g = () => console.log('g'); e.once('n', g); e.emit('n'); e.emit('n');
         console.log(e.rawListeners('m').length, typeof e.rawListeners('m')[0].listener, e.listenerCount('n'));",
    );
    assert_eq!(out, "g\n1 undefined 0\n");
}

#[test]
fn storage_keeps_node_public_fields() {
    let out = eval(
        "const E = require('events'); const e = new E(); e.on('a', () => {});
         const one = typeof e._events.a; e.on('a', () => {});
         console.log(one, Array.isArray(e._events.a), e._eventsCount, e._maxListeners, Object.getPrototypeOf(e._events));",
    );
    assert_eq!(out, "function true 1 undefined null\n");
}

#[test]
fn unheard_error_codes() {
    let out = eval(
        "const E = require('events'); const e = new E();
         try { e.emit('error', 'str'); } catch (err) { console.log(err.code, err.context); }
         try { e.on('x', 1); } catch (err) { console.log(err.code); }
         try { e.setMaxListeners(-1); } catch (err) { console.log(err.code); }",
    );
    assert_eq!(
        out,
        "ERR_UNHANDLED_ERROR str\nERR_INVALID_ARG_TYPE\nERR_OUT_OF_RANGE\n"
    );
}
