//! SharedArrayBuffer memory shared by every QuickJS runtime of the process (one per thread):
//! a ref-counted allocator installed with `JS_SetSharedArrayBufferFunctions`, so a buffer
//! posted to a worker is the same memory there, and lives until the last runtime and the
//! last message in flight let go of it.

use std::alloc::{alloc_zeroed, dealloc, Layout};
use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};

use rquickjs::qjs;

/// Sits in front of every shared block.
#[repr(C, align(16))]
struct Header {
    refs: AtomicUsize,
    size: usize,
}

const HEADER: usize = std::mem::size_of::<Header>();

fn layout(size: usize) -> Option<Layout> {
    Layout::from_size_align(HEADER.checked_add(size)?, std::mem::align_of::<Header>()).ok()
}

/// # Safety
/// Called by QuickJS only.
unsafe extern "C" fn sab_alloc(_opaque: *mut c_void, size: qjs::size_t) -> *mut c_void {
    let size = size as usize;
    let Some(layout) = layout(size) else {
        return std::ptr::null_mut();
    };
    // SAFETY: the layout has a non-zero size (the header).
    let block = unsafe { alloc_zeroed(layout) };
    if block.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: block is a fresh allocation aligned for and large enough for a Header.
    unsafe {
        block.cast::<Header>().write(Header {
            refs: AtomicUsize::new(1),
            size,
        });
        block.add(HEADER).cast()
    }
}

/// # Safety
/// `ptr` was returned by `sab_alloc` and still holds a reference.
unsafe fn header<'a>(ptr: *mut c_void) -> &'a Header {
    // SAFETY: per the caller, the header sits HEADER bytes before ptr and is live.
    unsafe { &*ptr.cast::<u8>().sub(HEADER).cast::<Header>() }
}

/// # Safety
/// `ptr` was returned by `sab_alloc`; this releases one reference.
unsafe extern "C" fn sab_free(_opaque: *mut c_void, ptr: *mut c_void) {
    if ptr.is_null() {
        return;
    }
    // SAFETY: per the contract, ptr came from sab_alloc and holds a reference.
    let h = unsafe { header(ptr) };
    if h.refs.fetch_sub(1, Ordering::AcqRel) == 1 {
        let size = h.size;
        if let Some(layout) = layout(size) {
            // SAFETY: the last reference is gone; the block was allocated with this layout.
            unsafe { dealloc(ptr.cast::<u8>().sub(HEADER), layout) };
        }
    }
}

/// # Safety
/// `ptr` was returned by `sab_alloc` and still holds a reference.
unsafe extern "C" fn sab_dup(_opaque: *mut c_void, ptr: *mut c_void) {
    // SAFETY: per the contract, the block is live.
    unsafe { header(ptr) }.refs.fetch_add(1, Ordering::Relaxed);
}

/// Installs the shared allocator on `ctx`'s runtime and lets it block in `Atomics.wait`
/// (node allows it on every thread). Must run before any SharedArrayBuffer is created.
pub(crate) fn install(ctx: &rquickjs::Context) {
    let funcs = qjs::JSSharedArrayBufferFunctions {
        sab_alloc: Some(sab_alloc),
        sab_free: Some(sab_free),
        sab_dup: Some(sab_dup),
        sab_opaque: std::ptr::null_mut(),
    };
    // SAFETY: the context (and so its runtime) is live for `ctx`; QuickJS copies the
    // function table.
    unsafe {
        let raw = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        qjs::JS_SetSharedArrayBufferFunctions(raw, &funcs);
        qjs::JS_SetCanBlock(raw, true);
    }
}

/// One reference to a shared block, held by a message in flight.
pub(crate) struct SharedRef(*mut c_void);

// SAFETY: the block is plain memory with an atomic count; any thread may release it, and
// the handle itself is never mutated.
unsafe impl Send for SharedRef {}
// SAFETY: as above; `&SharedRef` gives no access to the memory.
unsafe impl Sync for SharedRef {}

impl SharedRef {
    /// Takes a new reference on the block at `ptr` (a SharedArrayBuffer's data).
    ///
    /// # Safety
    /// `ptr` is the data pointer of a live SharedArrayBuffer made by this allocator.
    pub(crate) unsafe fn dup(ptr: *mut u8) -> SharedRef {
        // SAFETY: per the contract.
        unsafe { sab_dup(std::ptr::null_mut(), ptr.cast()) };
        SharedRef(ptr.cast())
    }
}

impl Drop for SharedRef {
    fn drop(&mut self) {
        // SAFETY: this reference was taken by `dup` and is released once.
        unsafe { sab_free(std::ptr::null_mut(), self.0) };
    }
}

/// Adds the reference a freshly read SharedArrayBuffer owns (QuickJS's reader does not
/// take one; its finalizer releases one).
///
/// # Safety
/// `ptr` is a shared block kept alive by a `SharedRef` of the message being read.
pub(crate) unsafe fn adopt(ptr: *mut u8) {
    // SAFETY: per the contract.
    unsafe { sab_dup(std::ptr::null_mut(), ptr.cast()) };
}
