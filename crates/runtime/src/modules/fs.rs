//! Native side of `fs`: each export calls node-fs. With a request id below 0 the call is
//! synchronous and returns (or throws) at once; otherwise its async form runs on the loop
//! and the result reaches JS in the poll phase through the `fsComplete` hook, keyed by id
//! (fs.js keeps the callbacks, so QuickJS's GC sees them).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use node_fs::{constants as c, Dir, Dirent, OpenFlags, StatFs, Stats};
use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray, Value};

use crate::evloop::LoopHandle;
use crate::host::{guard, with_hooks};
use crate::modules::{bytes_of, throw_node};

/// A Rust result turned into a JS value.
trait Reply: 'static {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>>;
}

/// File contents, handed to JS as a `Uint8Array`.
struct Bytes(Vec<u8>);

impl Reply for () {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        Ok(Value::new_undefined(ctx.clone()))
    }
}
impl Reply for bool {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        Ok(Value::new_bool(ctx.clone(), self))
    }
}
impl Reply for usize {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        Ok(Value::new_number(ctx.clone(), self as f64))
    }
}
impl Reply for i32 {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        Ok(Value::new_int(ctx.clone(), self))
    }
}
impl Reply for String {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        Ok(rquickjs::String::from_str(ctx.clone(), &self)?.into_value())
    }
}
impl Reply for PathBuf {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        self.to_string_lossy().into_owned().to_js(ctx)
    }
}
impl Reply for Option<PathBuf> {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        match self {
            Some(p) => p.to_js(ctx),
            None => ().to_js(ctx),
        }
    }
}
impl Reply for Bytes {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        Ok(TypedArray::<u8>::new(ctx.clone(), self.0)?.into_value())
    }
}
impl Reply for Vec<String> {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        let a = Array::new(ctx.clone())?;
        for (i, s) in self.into_iter().enumerate() {
            a.set(i, s)?;
        }
        Ok(a.into_value())
    }
}
/// Node's statValues (a `Float64Array`, as node's): the `Stats` constructor's arguments.
impl Reply for Stats {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        let v = [
            self.dev as f64,
            self.mode as f64,
            self.nlink as f64,
            self.uid as f64,
            self.gid as f64,
            self.rdev as f64,
            self.blksize as f64,
            self.ino as f64,
            self.size as f64,
            self.blocks as f64,
            self.atime_ms,
            self.mtime_ms,
            self.ctime_ms,
            self.birthtime_ms,
        ];
        Ok(TypedArray::<f64>::new(ctx.clone(), v.to_vec())?.into_value())
    }
}
/// Stats for `{ bigint: true }`: node's bigintStatValues (a `BigInt64Array`) with the
/// nanosecond times in place of the milliseconds.
struct BigStats(Stats);

impl Reply for BigStats {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        let s = self.0;
        let ns = |t: i128| t.clamp(i64::MIN.into(), i64::MAX.into()) as i64;
        let v = [
            s.dev as i64,
            s.mode.into(),
            s.nlink as i64,
            s.uid.into(),
            s.gid.into(),
            s.rdev as i64,
            s.blksize as i64,
            s.ino as i64,
            s.size as i64,
            s.blocks as i64,
            ns(s.atime_ns),
            ns(s.mtime_ns),
            ns(s.ctime_ns),
            ns(s.birthtime_ns),
        ];
        Ok(TypedArray::<i64>::new(ctx.clone(), v.to_vec())?.into_value())
    }
}

/// Stats as JS's `Stats` / `BigIntStats` constructors take them (fs_utils.js `toStats`).
pub(crate) fn stats_to_js<'js>(ctx: &Ctx<'js>, s: Stats, bigint: bool) -> Result<Value<'js>> {
    if bigint {
        BigStats(s).to_js(ctx)
    } else {
        s.to_js(ctx)
    }
}

/// Stats in the form JS asked for.
fn stats_reply(
    st: node_fs::Result<Stats>,
    bigint: bool,
) -> node_fs::Result<Either<Stats, BigStats>> {
    st.map(|s| {
        if bigint {
            Either::B(BigStats(s))
        } else {
            Either::A(s)
        }
    })
}

/// One of two reply types.
enum Either<A, B> {
    A(A),
    B(B),
}

impl<A: Reply, B: Reply> Reply for Either<A, B> {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        match self {
            Either::A(a) => a.to_js(ctx),
            Either::B(b) => b.to_js(ctx),
        }
    }
}

/// `[type, bsize, blocks, bfree, bavail, files, ffree]` for `StatFs` (fs_utils.js), as
/// numbers or, for `{ bigint: true }`, a `BigInt64Array`.
struct StatFsValues(StatFs, bool);

impl Reply for StatFsValues {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        let s = self.0;
        let v = [
            s.r#type, s.bsize, s.blocks, s.bfree, s.bavail, s.files, s.ffree,
        ];
        if self.1 {
            let v: Vec<i64> = v.iter().map(|&n| n as i64).collect();
            return Ok(TypedArray::<i64>::new(ctx.clone(), v)?.into_value());
        }
        let v: Vec<f64> = v.iter().map(|&n| n as f64).collect();
        Ok(TypedArray::<f64>::new(ctx.clone(), v)?.into_value())
    }
}

/// `[name, parentPath, UV_DIRENT_* type]` triples for `Dirent` (fs_utils.js).
impl Reply for Dirent {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        let kind = [
            self.is_file(),
            self.is_directory(),
            self.is_symbolic_link(),
            self.is_fifo(),
            self.is_socket(),
            self.is_character_device(),
            self.is_block_device(),
        ]
        .iter()
        .position(|&b| b)
        .map_or(0, |p| p as i32 + 1);
        let e = Array::new(ctx.clone())?;
        e.set(0, self.name)?;
        e.set(1, self.parent_path.to_string_lossy().into_owned())?;
        e.set(2, kind)?;
        Ok(e.into_value())
    }
}
impl Reply for Option<Dirent> {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        match self {
            Some(d) => d.to_js(ctx),
            None => Ok(Value::new_null(ctx.clone())),
        }
    }
}
impl Reply for Vec<Dirent> {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        let a = Array::new(ctx.clone())?;
        for (i, d) in self.into_iter().enumerate() {
            a.set(i, d.to_js(ctx)?)?;
        }
        Ok(a.into_value())
    }
}

thread_local! {
    /// Open `Dir`s by handle; fs.js's Dir objects hold the handle until they close.
    static DIRS: RefCell<HashMap<u32, Rc<Dir>>> = RefCell::new(HashMap::new());
    static NEXT_DIR: Cell<u32> = const { Cell::new(1) };
}

/// An opened directory reaches JS as a handle into `DIRS`.
impl Reply for Dir {
    fn to_js<'js>(self, ctx: &Ctx<'js>) -> Result<Value<'js>> {
        let id = NEXT_DIR.with(|n| n.replace(n.get().wrapping_add(1)));
        DIRS.with(|m| m.borrow_mut().insert(id, Rc::new(self)));
        Ok(Value::new_number(ctx.clone(), id.into()))
    }
}

/// The `Dir` behind a handle; fs.js never passes one it has closed.
fn dir(ctx: &Ctx<'_>, handle: u32) -> Result<Rc<Dir>> {
    DIRS.with(|m| m.borrow().get(&handle).cloned())
        .ok_or_else(|| rquickjs::Exception::throw_internal(ctx, "nrt: unknown Dir handle"))
}

/// Returns a sync call's value or throws its error as node shapes it.
fn reply_sync<'js, T: Reply>(ctx: &Ctx<'js>, r: node_fs::Result<T>) -> Result<Value<'js>> {
    match r {
        Ok(v) => v.to_js(ctx),
        Err(e) => Err(throw_node(ctx, e)),
    }
}

/// Runs `fut` on the loop; `fsComplete(id, err, value)` gets its outcome in the poll phase.
fn submit<T: Reply>(id: u32, fut: impl Future<Output = node_fs::Result<T>> + 'static) {
    let Some(h) = LoopHandle::current() else {
        return;
    };
    h.spawn_io(fut, move |out| {
        with_hooks(move |ctx, hooks| {
            let done: Function<'_> = hooks.get("fsComplete")?;
            match out {
                Ok(v) => {
                    let v = v.to_js(ctx)?;
                    done.call((id, Value::new_undefined(ctx.clone()), v))
                }
                Err(e) => {
                    let _ = throw_node(ctx, e);
                    done.call((id, ctx.catch()))
                }
            }
        })
    });
}

/// A sync call (`id < 0`) or its async form (`submit`).
macro_rules! op {
    ($ctx:expr, $id:expr, $sync:expr, $fut:expr) => {
        guard(&$ctx, || {
            if $id < 0 {
                reply_sync(&$ctx, $sync)
            } else {
                submit($id as u32, $fut);
                Ok(Value::new_undefined($ctx.clone()))
            }
        })
    };
}

/// A `flags` argument: a node flag string or `O_*` bits, checked now (node throws a bad
/// flag string synchronously, even for the callback forms).
fn flags(ctx: &Ctx<'_>, v: &Value<'_>) -> Result<OpenFlags> {
    let f = match v.as_string() {
        Some(s) => OpenFlags::from(s.to_string()?),
        None => OpenFlags::from(v.as_number().unwrap_or(0.0) as i32),
    };
    f.to_raw().map_err(|e| throw_node(ctx, e))?;
    Ok(f)
}

/// A file position: `None` (the current position) for negative numbers.
fn position(p: f64) -> Option<u64> {
    (p >= 0.0).then_some(p as u64)
}

/// Seconds since the epoch (node's `toUnixTimestamp`) as a `SystemTime`, cut to whole
/// microseconds as libuv's `uv__fs_to_timespec` does.
fn time(secs: f64) -> SystemTime {
    if secs >= 0.0 {
        let whole = secs.trunc();
        let nanos = ((secs - whole) * 1e9) as u32;
        UNIX_EPOCH + Duration::new(whole as u64, nanos - nanos % 1000)
    } else {
        UNIX_EPOCH - Duration::from_secs_f64(-secs)
    }
}

fn rm_options(force: bool, recursive: bool, retries: u32, delay_ms: f64) -> node_fs::RmOptions {
    node_fs::RmOptions {
        force,
        recursive,
        max_retries: retries,
        retry_delay: Duration::from_millis(delay_ms.max(0.0) as u64),
    }
}

/// `fs.constants`, in node's key order.
fn constants<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    let table: &[(&str, i64)] = &[
        ("UV_FS_SYMLINK_DIR", 1),
        ("UV_FS_SYMLINK_JUNCTION", 2),
        ("O_RDONLY", c::O_RDONLY.into()),
        ("O_WRONLY", c::O_WRONLY.into()),
        ("O_RDWR", c::O_RDWR.into()),
        ("UV_DIRENT_UNKNOWN", 0),
        ("UV_DIRENT_FILE", 1),
        ("UV_DIRENT_DIR", 2),
        ("UV_DIRENT_LINK", 3),
        ("UV_DIRENT_FIFO", 4),
        ("UV_DIRENT_SOCKET", 5),
        ("UV_DIRENT_CHAR", 6),
        ("UV_DIRENT_BLOCK", 7),
        ("EXTENSIONLESS_FORMAT_JAVASCRIPT", 0),
        ("EXTENSIONLESS_FORMAT_WASM", 1),
        ("S_IFMT", c::S_IFMT.into()),
        ("S_IFREG", c::S_IFREG.into()),
        ("S_IFDIR", c::S_IFDIR.into()),
        ("S_IFCHR", c::S_IFCHR.into()),
        ("S_IFBLK", c::S_IFBLK.into()),
        ("S_IFIFO", c::S_IFIFO.into()),
        ("S_IFLNK", c::S_IFLNK.into()),
        ("S_IFSOCK", c::S_IFSOCK.into()),
        ("O_CREAT", c::O_CREAT.into()),
        ("O_EXCL", c::O_EXCL.into()),
        ("UV_FS_O_FILEMAP", 0),
        ("O_NOCTTY", c::O_NOCTTY.into()),
        ("O_TRUNC", c::O_TRUNC.into()),
        ("O_APPEND", c::O_APPEND.into()),
        ("O_DIRECTORY", c::O_DIRECTORY.into()),
        ("O_NOATIME", c::O_NOATIME.into()),
        ("O_NOFOLLOW", c::O_NOFOLLOW.into()),
        ("O_SYNC", c::O_SYNC.into()),
        ("O_DSYNC", c::O_DSYNC.into()),
        ("O_DIRECT", c::O_DIRECT.into()),
        ("O_NONBLOCK", c::O_NONBLOCK.into()),
        ("S_IRWXU", c::S_IRWXU.into()),
        ("S_IRUSR", c::S_IRUSR.into()),
        ("S_IWUSR", c::S_IWUSR.into()),
        ("S_IXUSR", c::S_IXUSR.into()),
        ("S_IRWXG", c::S_IRWXG.into()),
        ("S_IRGRP", c::S_IRGRP.into()),
        ("S_IWGRP", c::S_IWGRP.into()),
        ("S_IXGRP", c::S_IXGRP.into()),
        ("S_IRWXO", c::S_IRWXO.into()),
        ("S_IROTH", c::S_IROTH.into()),
        ("S_IWOTH", c::S_IWOTH.into()),
        ("S_IXOTH", c::S_IXOTH.into()),
        ("F_OK", c::F_OK.into()),
        ("R_OK", c::R_OK.into()),
        ("W_OK", c::W_OK.into()),
        ("X_OK", c::X_OK.into()),
        ("UV_FS_COPYFILE_EXCL", c::COPYFILE_EXCL.into()),
        ("COPYFILE_EXCL", c::COPYFILE_EXCL.into()),
        ("UV_FS_COPYFILE_FICLONE", c::COPYFILE_FICLONE.into()),
        ("COPYFILE_FICLONE", c::COPYFILE_FICLONE.into()),
        (
            "UV_FS_COPYFILE_FICLONE_FORCE",
            c::COPYFILE_FICLONE_FORCE.into(),
        ),
        ("COPYFILE_FICLONE_FORCE", c::COPYFILE_FICLONE_FORCE.into()),
    ];
    for (k, v) in table {
        o.set(*k, *v as f64)?;
    }
    Ok(o)
}

/// Builds the `fs` binding object.
pub(crate) fn binding<'js>(ctx: &Ctx<'js>) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("constants", constants(ctx)?)?;
    crate::modules::fs_watch::register(ctx, &o)?;
    macro_rules! export {
        ($name:literal, $f:expr) => {
            o.set($name, Function::new(ctx.clone(), $f)?.with_name($name)?)?;
        };
    }
    export!("readFile", |ctx: Ctx<'js>,
                         id: i32,
                         p: String,
                         f: Value<'js>| {
        let opts = node_fs::ReadFileOptions {
            flag: flags(&ctx, &f)?,
        };
        op!(
            ctx,
            id,
            node_fs::read_file_sync(&p, opts).map(Bytes),
            async move { node_fs::read_file(p, opts).await.map(Bytes) }
        )
    });
    export!("readFileUtf8", |ctx: Ctx<'js>,
                             id: i32,
                             p: String,
                             f: Value<'js>| {
        let opts = node_fs::ReadFileOptions {
            flag: flags(&ctx, &f)?,
        };
        op!(
            ctx,
            id,
            node_fs::read_file_string_sync(&p, opts),
            node_fs::read_file_string(p, opts)
        )
    });
    export!("writeFile", |ctx: Ctx<'js>,
                          id: i32,
                          p: String,
                          d: Value<'js>,
                          f: Value<'js>,
                          mode: u32,
                          flush: Opt<bool>| {
        let (d, flag) = (bytes_of(&d)?, flags(&ctx, &f)?);
        let opts = node_fs::WriteFileOptions {
            flag,
            mode,
            flush: flush.0.unwrap_or(false),
        };
        op!(
            ctx,
            id,
            node_fs::write_file_sync(&p, &d, opts),
            node_fs::write_file(p, d, opts)
        )
    });
    export!("appendFile", |ctx: Ctx<'js>,
                           id: i32,
                           p: String,
                           d: Value<'js>,
                           f: Value<'js>,
                           mode: u32,
                           flush: Opt<bool>| {
        let (d, flag) = (bytes_of(&d)?, flags(&ctx, &f)?);
        let opts = node_fs::AppendFileOptions {
            flag,
            mode,
            flush: flush.0.unwrap_or(false),
        };
        op!(
            ctx,
            id,
            node_fs::append_file_sync(&p, &d, opts),
            node_fs::append_file(p, d, opts)
        )
    });
    export!("exists", |ctx: Ctx<'js>, id: i32, p: String| {
        op!(ctx, id, Ok(node_fs::exists_sync(&p)), async move {
            Ok(node_fs::exists(p).await)
        })
    });
    export!("access", |ctx: Ctx<'js>, id: i32, p: String, mode: u32| {
        op!(
            ctx,
            id,
            node_fs::access_sync(&p, mode),
            node_fs::access(p, mode)
        )
    });
    export!("stat", |ctx: Ctx<'js>,
                     id: i32,
                     p: String,
                     big: Opt<bool>| {
        let big = big.0.unwrap_or(false);
        op!(
            ctx,
            id,
            stats_reply(node_fs::stat_sync(&p), big),
            async move { stats_reply(node_fs::stat(p).await, big) }
        )
    });
    export!("lstat", |ctx: Ctx<'js>,
                      id: i32,
                      p: String,
                      big: Opt<bool>| {
        let big = big.0.unwrap_or(false);
        op!(
            ctx,
            id,
            stats_reply(node_fs::lstat_sync(&p), big),
            async move { stats_reply(node_fs::lstat(p).await, big) }
        )
    });
    export!("fstat", |ctx: Ctx<'js>,
                      id: i32,
                      fd: i32,
                      big: Opt<bool>| {
        let big = big.0.unwrap_or(false);
        op!(
            ctx,
            id,
            stats_reply(node_fs::fstat_sync(fd), big),
            async move { stats_reply(node_fs::fstat(fd).await, big) }
        )
    });
    export!("statfs", |ctx: Ctx<'js>, id: i32, p: String, big: bool| {
        op!(
            ctx,
            id,
            node_fs::statfs_sync(&p).map(|s| StatFsValues(s, big)),
            async move { node_fs::statfs(p).await.map(|s| StatFsValues(s, big)) }
        )
    });
    export!("readdir", |ctx: Ctx<'js>,
                        id: i32,
                        p: String,
                        recursive: bool,
                        types: bool| {
        let opts = node_fs::ReaddirOptions { recursive };
        if types {
            op!(
                ctx,
                id,
                node_fs::readdir_with_file_types_sync(&p, opts),
                node_fs::readdir_with_file_types(p, opts)
            )
        } else {
            op!(
                ctx,
                id,
                node_fs::readdir_sync(&p, opts),
                node_fs::readdir(p, opts)
            )
        }
    });
    export!("mkdir", |ctx: Ctx<'js>,
                      id: i32,
                      p: String,
                      recursive: bool,
                      mode: u32| {
        let opts = node_fs::MkdirOptions { recursive, mode };
        op!(
            ctx,
            id,
            node_fs::mkdir_sync(&p, opts),
            node_fs::mkdir(p, opts)
        )
    });
    export!("mkdtemp", |ctx: Ctx<'js>, id: i32, p: String| {
        op!(ctx, id, node_fs::mkdtemp_sync(&p), node_fs::mkdtemp(p))
    });
    export!("rm", |ctx: Ctx<'js>,
                   id: i32,
                   p: String,
                   force: bool,
                   recursive: bool,
                   retries: u32,
                   delay: f64| {
        let opts = rm_options(force, recursive, retries, delay);
        op!(
            ctx,
            id,
            node_fs::rm_sync(&p, opts.clone()),
            node_fs::rm(p, opts)
        )
    });
    export!("rmdir", |ctx: Ctx<'js>,
                      id: i32,
                      p: String,
                      recursive: bool,
                      retries: u32,
                      delay: f64| {
        let o = rm_options(false, recursive, retries, delay);
        let opts = node_fs::RmdirOptions {
            recursive,
            max_retries: o.max_retries,
            retry_delay: o.retry_delay,
        };
        op!(
            ctx,
            id,
            node_fs::rmdir_sync(&p, opts.clone()),
            node_fs::rmdir(p, opts)
        )
    });
    export!("unlink", |ctx: Ctx<'js>, id: i32, p: String| {
        op!(ctx, id, node_fs::unlink_sync(&p), node_fs::unlink(p))
    });
    export!("rename", |ctx: Ctx<'js>, id: i32, a: String, b: String| {
        op!(ctx, id, node_fs::rename_sync(&a, &b), node_fs::rename(a, b))
    });
    export!("link", |ctx: Ctx<'js>, id: i32, a: String, b: String| {
        op!(ctx, id, node_fs::link_sync(&a, &b), node_fs::link(a, b))
    });
    export!("symlink", |ctx: Ctx<'js>, id: i32, a: String, b: String| {
        op!(
            ctx,
            id,
            node_fs::symlink_sync(&a, &b),
            node_fs::symlink(a, b)
        )
    });
    export!("copyFile", |ctx: Ctx<'js>,
                         id: i32,
                         a: String,
                         b: String,
                         mode: u32| {
        op!(
            ctx,
            id,
            node_fs::copy_file_sync(&a, &b, mode),
            node_fs::copy_file(a, b, mode)
        )
    });
    export!("readlink", |ctx: Ctx<'js>, id: i32, p: String| {
        op!(ctx, id, node_fs::readlink_sync(&p), node_fs::readlink(p))
    });
    export!("realpath", |ctx: Ctx<'js>, id: i32, p: String| {
        op!(ctx, id, node_fs::realpath_sync(&p), node_fs::realpath(p))
    });
    export!("realpathNative", |ctx: Ctx<'js>, id: i32, p: String| {
        op!(
            ctx,
            id,
            node_fs::realpath_native_sync(&p),
            node_fs::realpath_native(p)
        )
    });
    export!("chmod", |ctx: Ctx<'js>, id: i32, p: String, mode: u32| {
        op!(
            ctx,
            id,
            node_fs::chmod_sync(&p, mode),
            node_fs::chmod(p, mode)
        )
    });
    export!("fchmod", |ctx: Ctx<'js>, id: i32, fd: i32, mode: u32| {
        op!(
            ctx,
            id,
            node_fs::fchmod_sync(fd, mode),
            node_fs::fchmod(fd, mode)
        )
    });
    export!("chown", |ctx: Ctx<'js>,
                      id: i32,
                      p: String,
                      uid: u32,
                      gid: u32| {
        op!(
            ctx,
            id,
            node_fs::chown_sync(&p, uid, gid),
            node_fs::chown(p, uid, gid)
        )
    });
    export!("utimes", |ctx: Ctx<'js>,
                       id: i32,
                       p: String,
                       at: f64,
                       mt: f64| {
        let (at, mt) = (time(at), time(mt));
        op!(
            ctx,
            id,
            node_fs::utimes_sync(&p, at, mt),
            node_fs::utimes(p, at, mt)
        )
    });
    export!("cp", |ctx: Ctx<'js>,
                   id: i32,
                   a: String,
                   b: String,
                   o: Object<'js>| {
        let opts = node_fs::CpOptions {
            recursive: o.get("recursive")?,
            force: o.get("force")?,
            error_on_exist: o.get("errorOnExist")?,
            dereference: o.get("dereference")?,
            preserve_timestamps: o.get("preserveTimestamps")?,
            verbatim_symlinks: o.get("verbatimSymlinks")?,
            mode: o.get("mode")?,
        };
        op!(
            ctx,
            id,
            node_fs::cp_sync(&a, &b, opts.clone()),
            node_fs::cp(a, b, opts)
        )
    });
    export!("lchown", |ctx: Ctx<'js>,
                       id: i32,
                       p: String,
                       uid: u32,
                       gid: u32| {
        op!(
            ctx,
            id,
            node_fs::lchown_sync(&p, uid, gid),
            node_fs::lchown(p, uid, gid)
        )
    });
    export!("fchown", |ctx: Ctx<'js>,
                       id: i32,
                       fd: i32,
                       uid: u32,
                       gid: u32| {
        op!(
            ctx,
            id,
            node_fs::fchown_sync(fd, uid, gid),
            node_fs::fchown(fd, uid, gid)
        )
    });
    export!("lutimes", |ctx: Ctx<'js>,
                        id: i32,
                        p: String,
                        at: f64,
                        mt: f64| {
        let (at, mt) = (time(at), time(mt));
        op!(
            ctx,
            id,
            node_fs::lutimes_sync(&p, at, mt),
            node_fs::lutimes(p, at, mt)
        )
    });
    export!("futimes", |ctx: Ctx<'js>,
                        id: i32,
                        fd: i32,
                        at: f64,
                        mt: f64| {
        let (at, mt) = (time(at), time(mt));
        op!(
            ctx,
            id,
            node_fs::futimes_sync(fd, at, mt),
            node_fs::futimes(fd, at, mt)
        )
    });
    export!("opendir", |ctx: Ctx<'js>,
                        id: i32,
                        p: String,
                        buffer_size: f64,
                        recursive: bool| {
        let opts = node_fs::OpendirOptions {
            buffer_size: buffer_size as u64,
            recursive,
        };
        op!(
            ctx,
            id,
            node_fs::opendir_sync(&p, opts.clone()),
            node_fs::opendir(p, opts)
        )
    });
    export!("dirRead", |ctx: Ctx<'js>, id: i32, handle: u32| {
        let d = dir(&ctx, handle)?;
        op!(ctx, id, d.read_sync(), async move { d.read().await })
    });
    export!("dirClose", |ctx: Ctx<'js>, id: i32, handle: u32| {
        let d = dir(&ctx, handle)?;
        DIRS.with(|m| m.borrow_mut().remove(&handle));
        op!(ctx, id, d.close_sync(), async move { d.close().await })
    });
    export!("truncate", |ctx: Ctx<'js>, id: i32, p: String, len: f64| {
        let len = len.max(0.0) as u64;
        op!(
            ctx,
            id,
            node_fs::truncate_sync(&p, len),
            node_fs::truncate(p, len)
        )
    });
    export!("ftruncate", |ctx: Ctx<'js>, id: i32, fd: i32, len: f64| {
        let len = len.max(0.0) as u64;
        op!(
            ctx,
            id,
            node_fs::ftruncate_sync(fd, len),
            node_fs::ftruncate(fd, len)
        )
    });
    export!("fsync", |ctx: Ctx<'js>, id: i32, fd: i32| {
        op!(ctx, id, node_fs::fsync_sync(fd), node_fs::fsync(fd))
    });
    export!("fdatasync", |ctx: Ctx<'js>, id: i32, fd: i32| {
        op!(ctx, id, node_fs::fdatasync_sync(fd), node_fs::fdatasync(fd))
    });
    export!("open", |ctx: Ctx<'js>,
                     id: i32,
                     p: String,
                     f: Value<'js>,
                     mode: u32| {
        let f = flags(&ctx, &f)?;
        op!(
            ctx,
            id,
            node_fs::open_sync(&p, f, mode),
            node_fs::open(p, f, mode)
        )
    });
    export!("close", |ctx: Ctx<'js>, id: i32, fd: i32| {
        op!(ctx, id, node_fs::close_sync(fd), node_fs::close(fd))
    });
    // Reads into a fresh buffer; fs.js copies it into the caller's view.
    export!("read", |ctx: Ctx<'js>,
                     id: i32,
                     fd: i32,
                     len: usize,
                     pos: f64| {
        let pos = position(pos);
        op!(
            ctx,
            id,
            {
                let mut buf = vec![0u8; len];
                node_fs::read_sync(fd, &mut buf, 0, len, pos).map(|n| {
                    buf.truncate(n);
                    Bytes(buf)
                })
            },
            async move {
                let (n, mut buf) = node_fs::read(fd, vec![0u8; len], 0, len, pos).await?;
                buf.truncate(n);
                Ok(Bytes(buf))
            }
        )
    });
    export!("write", |ctx: Ctx<'js>,
                      id: i32,
                      fd: i32,
                      d: Value<'js>,
                      off: usize,
                      len: usize,
                      pos: f64| {
        let (d, pos) = (bytes_of(&d)?, position(pos));
        op!(
            ctx,
            id,
            node_fs::write_sync(fd, &d, off, len, pos),
            node_fs::write(fd, d, off, len, pos)
        )
    });
    Ok(o)
}
