//! The object a vm context's global object inherits from: a window onto the sandbox.
//!
//! Node forwards every global look-up of a vm context to the sandbox object (V8's named
//! property interceptors). QuickJS's global object cannot intercept, but what it inherits
//! from is consulted for every global it does not own: this exotic object answers those
//! look-ups by asking two JS functions (vm.js), `get(key)` and `set(key, value, receiver)`.
//!
//! It is not a `Proxy`, and on purpose: QuickJS asks a proxy in the prototype chain with
//! `[[Get]]` and drops the "throw a ReferenceError when missing" flag of a global variable
//! read. This object only describes its own properties (`get_own_property`), so a key the
//! sandbox lacks falls through to the realm's `Object.prototype` and, if missing there too,
//! reads of it throw as they should.

use std::cell::Cell;
use std::ffi::c_int;

use rquickjs::{qjs, Ctx, Exception, Function, Object, Result, Value};

thread_local! {
    /// The class id on this thread's runtime (0: not registered yet).
    static CLASS_ID: Cell<qjs::JSClassID> = const { Cell::new(0) };
}

/// What one view holds: the two look-up functions and the value `get` returns for a key
/// the sandbox does not have. Owned references, traced by `mark` and freed by `finalize`.
struct View {
    get: qjs::JSValue,
    set: qjs::JSValue,
    missing: qjs::JSValue,
}

fn class_id(ctx: &Ctx<'_>) -> Result<qjs::JSClassID> {
    let id = CLASS_ID.with(Cell::get);
    if id != 0 {
        return Ok(id);
    }
    static EXOTIC: qjs::JSClassExoticMethods = qjs::JSClassExoticMethods {
        get_own_property: Some(get_own_property),
        get_own_property_names: None,
        delete_property: None,
        define_own_property: None,
        has_property: None,
        get_property: None,
        set_property: Some(set_property),
    };
    let def = qjs::JSClassDef {
        class_name: c"SandboxView".as_ptr(),
        finalizer: Some(finalize),
        gc_mark: Some(mark),
        call: None,
        exotic: &EXOTIC as *const qjs::JSClassExoticMethods as *mut _,
    };
    let mut id = 0;
    // SAFETY: the runtime of `ctx` is live; QuickJS copies the class definition, and the
    // exotic table it points to is static.
    let ok = unsafe {
        let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        qjs::JS_NewClassID(rt, &mut id);
        qjs::JS_NewClass(rt, id, &def) == 0
    };
    if !ok {
        return Err(Exception::throw_internal(
            ctx,
            "cannot register SandboxView",
        ));
    }
    CLASS_ID.with(|c| c.set(id));
    Ok(id)
}

/// Makes a view whose prototype is `proto`: `get(key)` returns the value of a global the
/// sandbox has, or `missing`; `set(key, value, receiver)` stores one (and returns whether
/// it could).
pub(crate) fn create<'js>(
    ctx: &Ctx<'js>,
    proto: Object<'js>,
    get: Function<'js>,
    set: Function<'js>,
    missing: Value<'js>,
) -> Result<Object<'js>> {
    let id = class_id(ctx)?;
    let raw = ctx.as_raw().as_ptr();
    // SAFETY: raw is the live context; the new object takes the opaque box, whose values are
    // new references (dup'ed here) released by `finalize`.
    unsafe {
        let obj = qjs::JS_NewObjectProtoClass(raw, proto.as_raw(), id);
        if qjs::JS_IsException(obj) {
            return Err(rquickjs::Error::Exception);
        }
        let view = Box::new(View {
            get: qjs::JS_DupValue(raw, get.as_raw()),
            set: qjs::JS_DupValue(raw, set.as_raw()),
            missing: qjs::JS_DupValue(raw, missing.as_raw()),
        });
        qjs::JS_SetOpaque(obj, Box::into_raw(view).cast());
        Object::from_value(Value::from_raw(ctx.clone(), obj))
    }
}

/// The view behind `obj`, if it is one.
///
/// # Safety
/// `obj` is a live value of the current thread's runtime.
unsafe fn view<'a>(obj: qjs::JSValue) -> Option<&'a View> {
    let id = CLASS_ID.with(Cell::get);
    // SAFETY: the opaque of an object of this class is the box `create` stored, alive until
    // `finalize`; the caller holds the object.
    unsafe { qjs::JS_GetOpaque(obj, id).cast::<View>().as_ref() }
}

/// Calls `f(args)`, returning the owned result (possibly an exception).
///
/// # Safety
/// `ctx` is live; `f` and `args` are live values of its runtime.
unsafe fn call(
    ctx: *mut qjs::JSContext,
    f: qjs::JSValue,
    args: &mut [qjs::JSValue],
) -> qjs::JSValue {
    // SAFETY: as the caller promises; JS_Call does not take ownership of its arguments.
    unsafe {
        qjs::JS_Call(
            ctx,
            f,
            qjs::JS_UNDEFINED,
            args.len() as c_int,
            args.as_mut_ptr(),
        )
    }
}

unsafe extern "C" fn get_own_property(
    ctx: *mut qjs::JSContext,
    desc: *mut qjs::JSPropertyDescriptor,
    obj: qjs::JSValue,
    prop: qjs::JSAtom,
) -> c_int {
    // SAFETY: QuickJS calls this with a live context and its own object.
    let Some(view) = (unsafe { view(obj) }) else {
        return 0;
    };
    // SAFETY: ctx is live; the key is an owned value freed below; `desc`, when not null,
    // points to a descriptor QuickJS expects us to fill with owned values.
    unsafe {
        let key = qjs::JS_AtomToValue(ctx, prop);
        if qjs::JS_IsException(key) {
            return -1;
        }
        let value = call(ctx, view.get, &mut [key]);
        qjs::JS_FreeValue(ctx, key);
        if qjs::JS_IsException(value) {
            return -1;
        }
        if qjs::JS_IsStrictEqual(ctx, value, view.missing) {
            qjs::JS_FreeValue(ctx, value);
            return 0;
        }
        if desc.is_null() {
            qjs::JS_FreeValue(ctx, value);
        } else {
            (*desc).flags = qjs::JS_PROP_C_W_E as c_int;
            (*desc).value = value;
            (*desc).getter = qjs::JS_UNDEFINED;
            (*desc).setter = qjs::JS_UNDEFINED;
        }
        1
    }
}

unsafe extern "C" fn set_property(
    ctx: *mut qjs::JSContext,
    obj: qjs::JSValue,
    prop: qjs::JSAtom,
    value: qjs::JSValue,
    receiver: qjs::JSValue,
    _flags: c_int,
) -> c_int {
    // SAFETY: QuickJS calls this with a live context and its own object.
    let Some(view) = (unsafe { view(obj) }) else {
        return 0;
    };
    // SAFETY: ctx is live; the key and the result are owned values freed here; `value` and
    // `receiver` are borrowed for the call.
    unsafe {
        let key = qjs::JS_AtomToValue(ctx, prop);
        if qjs::JS_IsException(key) {
            return -1;
        }
        let r = call(ctx, view.set, &mut [key, value, receiver]);
        qjs::JS_FreeValue(ctx, key);
        if qjs::JS_IsException(r) {
            return -1;
        }
        let ok = qjs::JS_ToBool(ctx, r);
        qjs::JS_FreeValue(ctx, r);
        ok
    }
}

unsafe extern "C" fn mark(rt: *mut qjs::JSRuntime, val: qjs::JSValue, mark_func: qjs::JS_MarkFunc) {
    // SAFETY: QuickJS marks a live object of this class during its GC.
    if let Some(view) = unsafe { view(val) } {
        // SAFETY: the values are live references owned by the view.
        unsafe {
            qjs::JS_MarkValue(rt, view.get, mark_func);
            qjs::JS_MarkValue(rt, view.set, mark_func);
            qjs::JS_MarkValue(rt, view.missing, mark_func);
        }
    }
}

unsafe extern "C" fn finalize(rt: *mut qjs::JSRuntime, val: qjs::JSValue) {
    let id = CLASS_ID.with(Cell::get);
    // SAFETY: QuickJS finalizes an object of this class once; its opaque is the box
    // `create` stored, taken back here and its references released.
    unsafe {
        let p = qjs::JS_GetOpaque(val, id).cast::<View>();
        if p.is_null() {
            return;
        }
        let view = Box::from_raw(p);
        qjs::JS_FreeValueRT(rt, view.get);
        qjs::JS_FreeValueRT(rt, view.set);
        qjs::JS_FreeValueRT(rt, view.missing);
    }
}
