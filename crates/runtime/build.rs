//! Precompiles nrt's JS glue (the bootstrap and the built-in modules) to QuickJS bytecode,
//! so start-up reads bytecode instead of parsing source.

use std::ffi::CString;
use std::fmt::Write as _;
use std::path::PathBuf;

use rquickjs_sys as qjs;

/// (module name, source file, wrapper): the wrapper turns a CommonJS-shaped body into a
/// function expression; `None` compiles the file as it is.
const SOURCES: &[(&str, &str, Option<&str>)] = &[
    ("internal/bootstrap", "src/js/bootstrap.js", None),
    ("internal/engine", "src/js/engine.js", None),
    ("internal/stdio", "src/js/stdio.js", None),
    ("internal/fatal", "src/js/fatal.js", None),
    ("events", "src/modules/events.js", Some(BUILTIN_WRAP)),
    ("dns", "src/modules/dns.js", Some(BUILTIN_WRAP)),
    (
        "diagnostics_channel",
        "src/modules/diagnostics_channel.js",
        Some(BUILTIN_WRAP),
    ),
    ("util", "src/modules/util.js", Some(BUILTIN_WRAP)),
    ("assert", "src/modules/assert.js", Some(BUILTIN_WRAP)),
    (
        "assert/strict",
        "src/modules/assert_strict.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/assert_calltracker",
        "src/modules/assert_calltracker.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/assert_error",
        "src/modules/assert_error.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/assert_source",
        "src/modules/assert_source.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/util_misc",
        "src/modules/util_misc.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/util_mime",
        "src/modules/util_mime.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/util_parse_env",
        "src/modules/util_parse_env.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/util_parse_args",
        "src/modules/util_parse_args.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/util_types",
        "src/modules/util_types.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/deep_equal",
        "src/modules/deep_equal.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/inspect",
        "src/modules/inspect_api.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/inspect_text",
        "src/modules/inspect_text.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/inspect_kinds",
        "src/modules/inspect_kinds.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/inspect_layout",
        "src/modules/inspect_layout.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/inspect_errors",
        "src/modules/inspect_errors.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/inspect_names",
        "src/modules/inspect_names.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/inspect_core",
        "src/modules/inspect_core.js",
        Some(BUILTIN_WRAP),
    ),
    ("timers", "src/modules/timers.js", Some(BUILTIN_WRAP)),
    ("fs", "src/modules/fs.js", Some(BUILTIN_WRAP)),
    (
        "internal/fs_utils",
        "src/modules/fs_utils.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/fs_streams",
        "src/modules/fs_streams.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/fs_watch",
        "src/modules/fs_watch.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "fs/promises",
        "src/modules/fs_promises.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "timers/promises",
        "src/modules/timers_promises.js",
        Some(BUILTIN_WRAP),
    ),
    ("module", "src/modules/module.js", Some(BUILTIN_WRAP)),
    ("console", "src/modules/console.js", Some(BUILTIN_WRAP)),
    ("url", "src/modules/url.js", Some(BUILTIN_WRAP)),
    (
        "internal/url_legacy",
        "src/modules/url_legacy.js",
        Some(BUILTIN_WRAP),
    ),
    ("process", "src/modules/process.js", Some(BUILTIN_WRAP)),
    ("path", "src/modules/path.js", Some(BUILTIN_WRAP)),
    (
        "path/posix",
        "src/modules/path_posix.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "path/win32",
        "src/modules/path_win32.js",
        Some(BUILTIN_WRAP),
    ),
    ("os", "src/modules/os.js", Some(BUILTIN_WRAP)),
    ("constants", "src/modules/constants.js", Some(BUILTIN_WRAP)),
    ("punycode", "src/modules/punycode.js", Some(BUILTIN_WRAP)),
    (
        "async_hooks",
        "src/modules/async_hooks.js",
        Some(BUILTIN_WRAP),
    ),
    ("v8", "src/modules/v8.js", Some(BUILTIN_WRAP)),
    ("http2", "src/modules/http2.js", Some(BUILTIN_WRAP)),
    (
        "internal/http2_constants",
        "src/modules/http2_constants.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "querystring",
        "src/modules/querystring.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "string_decoder",
        "src/modules/string_decoder.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/web",
        "src/modules/web.js",
        Some("(function (internal) {"),
    ),
    ("internal/repl", "src/modules/repl.js", Some(BUILTIN_WRAP)),
    ("stream", "src/modules/stream.js", Some(BUILTIN_WRAP)),
    (
        "stream/promises",
        "src/modules/stream_promises.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "stream/consumers",
        "src/modules/stream_consumers.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "stream/web",
        "src/modules/stream_web.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/webstreams/util",
        "src/modules/webstreams_util.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/webstreams/readable",
        "src/modules/webstreams_readable.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/webstreams/bytes",
        "src/modules/webstreams_bytes.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/webstreams/writable",
        "src/modules/webstreams_writable.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/webstreams/transform",
        "src/modules/webstreams_transform.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/webstreams/pipe",
        "src/modules/webstreams_pipe.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/webstreams/tee",
        "src/modules/webstreams_tee.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/webstreams/strategies",
        "src/modules/webstreams_strategies.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/webstreams/encoding",
        "src/modules/webstreams_encoding.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/webstreams/adapters",
        "src/modules/webstreams_adapters.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/state",
        "src/modules/stream_state.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/legacy",
        "src/modules/stream_legacy.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/readable",
        "src/modules/stream_readable.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/writable",
        "src/modules/stream_writable.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/duplex",
        "src/modules/stream_duplex.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/pipe",
        "src/modules/stream_pipe.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/finished",
        "src/modules/stream_finished.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/iter",
        "src/modules/stream_iter.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/operators",
        "src/modules/stream_operators.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/duplexify",
        "src/modules/stream_duplexify.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/compose",
        "src/modules/stream_compose.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/streams/pipeline",
        "src/modules/stream_pipeline.js",
        Some(BUILTIN_WRAP),
    ),
    ("buffer", "src/modules/buffer.js", Some(BUILTIN_WRAP)),
    (
        "internal/buffer_numbers",
        "src/modules/buffer_numbers.js",
        Some(BUILTIN_WRAP),
    ),
    ("internal/blob", "src/modules/blob.js", Some(BUILTIN_WRAP)),
    ("internal/fetch", "src/modules/fetch.js", Some(BUILTIN_WRAP)),
    (
        "internal/fetch_headers",
        "src/modules/fetch_headers.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/fetch_body",
        "src/modules/fetch_body.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/fetch_formdata",
        "src/modules/fetch_formdata.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/fetch_request",
        "src/modules/fetch_request.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/fetch_response",
        "src/modules/fetch_response.js",
        Some(BUILTIN_WRAP),
    ),
    ("crypto", "src/modules/crypto.js", Some(BUILTIN_WRAP)),
    (
        "internal/crypto_util",
        "src/modules/crypto_util.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/crypto_hash",
        "src/modules/crypto_hash.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/crypto_random",
        "src/modules/crypto_random.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/crypto_kdf",
        "src/modules/crypto_kdf.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/crypto_web",
        "src/modules/crypto_web.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/crypto_cipher",
        "src/modules/crypto_cipher.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/crypto_keys",
        "src/modules/crypto_keys.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/crypto_sign",
        "src/modules/crypto_sign.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/crypto_ecdh",
        "src/modules/crypto_ecdh.js",
        Some(BUILTIN_WRAP),
    ),
    ("internal/performance", "src/modules/performance.js", None),
    (
        "perf_hooks",
        "src/modules/perf_hooks.js",
        Some(BUILTIN_WRAP),
    ),
    ("readline", "src/modules/readline.js", Some(BUILTIN_WRAP)),
    (
        "readline/promises",
        "src/modules/readline_promises.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/readline_interface",
        "src/modules/readline_interface.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/readline_cursor",
        "src/modules/readline_cursor.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/readline_keys",
        "src/modules/readline_keys.js",
        Some(BUILTIN_WRAP),
    ),
    ("tty", "src/modules/tty.js", Some(BUILTIN_WRAP)),
    ("zlib", "src/modules/zlib.js", Some(BUILTIN_WRAP)),
    ("vm", "src/modules/vm.js", Some(BUILTIN_WRAP)),
    ("internal/vm_realm", "src/modules/vm_realm.js", None),
    (
        "worker_threads",
        "src/modules/worker_threads.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/worker_wire",
        "src/modules/worker_wire.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/zlib_options",
        "src/modules/zlib_options.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/zlib_streams",
        "src/modules/zlib_streams.js",
        Some(BUILTIN_WRAP),
    ),
    ("net", "src/modules/net.js", Some(BUILTIN_WRAP)),
    ("dgram", "src/modules/dgram.js", Some(BUILTIN_WRAP)),
    (
        "child_process",
        "src/modules/child_process.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/child_process_stdio",
        "src/modules/child_process_stdio.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/child_process_ipc",
        "src/modules/child_process_ipc.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/child_process_sync",
        "src/modules/child_process_sync.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/child_process_exec",
        "src/modules/child_process_exec.js",
        Some(BUILTIN_WRAP),
    ),
    ("cluster", "src/modules/cluster.js", Some(BUILTIN_WRAP)),
    (
        "internal/cluster_common",
        "src/modules/cluster_common.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/cluster_primary",
        "src/modules/cluster_primary.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/cluster_worker",
        "src/modules/cluster_worker.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/cluster_handles",
        "src/modules/cluster_handles.js",
        Some(BUILTIN_WRAP),
    ),
    ("http", "src/modules/http.js", Some(BUILTIN_WRAP)),
    ("tls", "src/modules/tls.js", Some(BUILTIN_WRAP)),
    ("https", "src/modules/https.js", Some(BUILTIN_WRAP)),
    (
        "internal/http_common",
        "src/modules/http_common.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/http_outgoing",
        "src/modules/http_outgoing.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/http_incoming",
        "src/modules/http_incoming.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/http_server",
        "src/modules/http_server.js",
        Some(BUILTIN_WRAP),
    ),
    (
        "internal/http_client",
        "src/modules/http_client.js",
        Some(BUILTIN_WRAP),
    ),
];
const BUILTIN_WRAP: &str = "(function (exports, require, module, internal, process) {";

fn compile(ctx: *mut qjs::JSContext, name: &str, source: &str) -> Vec<u8> {
    let filename = CString::new(format!("node:{name}")).expect("name without NUL");
    let src = CString::new(source).expect("source without NUL");
    // SAFETY: ctx is a live context; the strings outlive the calls; every JSValue we get is
    // freed once, and the buffer from JS_WriteObject is copied before js_free.
    unsafe {
        let flags = (qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32;
        let func = qjs::JS_Eval(
            ctx,
            src.as_ptr(),
            source.len() as _,
            filename.as_ptr(),
            flags,
        );
        if qjs::JS_IsException(func) {
            let exc = qjs::JS_GetException(ctx);
            let s = qjs::JS_ToCStringLen(ctx, std::ptr::null_mut(), exc);
            let msg = if s.is_null() {
                "unknown error".to_string()
            } else {
                std::ffi::CStr::from_ptr(s).to_string_lossy().into_owned()
            };
            panic!("nrt: cannot compile {name}: {msg}");
        }
        let mut len: qjs::size_t = 0;
        let buf = qjs::JS_WriteObject(ctx, &mut len, func, qjs::JS_WRITE_OBJ_BYTECODE as i32);
        assert!(!buf.is_null(), "nrt: cannot serialise {name}");
        let bytes = std::slice::from_raw_parts(buf, len as usize).to_vec();
        qjs::js_free(ctx, buf as *mut _);
        qjs::JS_FreeValue(ctx, func);
        bytes
    }
}

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    // SAFETY: a private runtime and context for compilation only, freed at the end.
    let (rt, ctx) = unsafe {
        let rt = qjs::JS_NewRuntime();
        let ctx = qjs::JS_NewContext(rt);
        (rt, ctx)
    };
    let mut table = String::from("/// (name, bytecode) of each precompiled script.\n");
    table.push_str("pub(crate) const BYTECODE: &[(&str, &[u8])] = &[\n");
    for (name, path, wrap) in SOURCES {
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(path).expect("read JS source");
        let source = match wrap {
            Some(head) => format!("{head}{text}\n}})"),
            None => text,
        };
        let bytes = compile(ctx, name, &source);
        let file = out.join(format!("{}.qbc", name.replace('/', "_")));
        std::fs::write(&file, &bytes).expect("write bytecode");
        let _ = writeln!(
            table,
            "    ({name:?}, include_bytes!({:?})),",
            file.display().to_string()
        );
    }
    table.push_str("];\n");
    std::fs::write(out.join("bytecode.rs"), table).expect("write bytecode table");
    // SAFETY: nothing references the context or runtime any more.
    unsafe {
        qjs::JS_FreeContext(ctx);
        qjs::JS_FreeRuntime(rt);
    }
    println!("cargo:rerun-if-changed=build.rs");
}
