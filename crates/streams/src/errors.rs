//! The stream errors of Node's `lib/internal/errors.js`, as [`NodeError`]s.

use node_core::{ErrorClass, NodeError, Received};

/// `ERR_STREAM_WRITE_AFTER_END`.
pub(crate) fn write_after_end() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_STREAM_WRITE_AFTER_END",
        "write after end",
    )
}

/// `ERR_STREAM_DESTROYED`: `Cannot call {method} after a stream was destroyed`.
pub(crate) fn destroyed(method: &str) -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_STREAM_DESTROYED",
        format!("Cannot call {method} after a stream was destroyed"),
    )
}

/// `ERR_STREAM_PUSH_AFTER_EOF`.
pub(crate) fn push_after_eof() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_STREAM_PUSH_AFTER_EOF",
        "stream.push() after EOF",
    )
}

/// `ERR_STREAM_UNSHIFT_AFTER_END_EVENT`.
pub(crate) fn unshift_after_end() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_STREAM_UNSHIFT_AFTER_END_EVENT",
        "stream.unshift() after end event",
    )
}

/// `ERR_STREAM_PREMATURE_CLOSE`.
pub(crate) fn premature_close() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_STREAM_PREMATURE_CLOSE",
        "Premature close",
    )
}

/// `ERR_MULTIPLE_CALLBACK`.
pub(crate) fn multiple_callback() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_MULTIPLE_CALLBACK",
        "Callback called multiple times",
    )
}

/// `ERR_STREAM_ALREADY_FINISHED`.
pub(crate) fn already_finished(method: &str) -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_STREAM_ALREADY_FINISHED",
        format!("Cannot call {method} after a stream was finished"),
    )
}

/// `ERR_STREAM_NULL_VALUES` (a `TypeError`), for `write(null)`.
///
/// # Examples
/// ```
/// let err = node_streams::null_values_error();
/// assert_eq!(err.code(), "ERR_STREAM_NULL_VALUES");
/// assert_eq!(err.message(), "May not write null values to stream");
/// ```
pub fn null_values_error() -> NodeError {
    NodeError::new(
        ErrorClass::TypeError,
        "ERR_STREAM_NULL_VALUES",
        "May not write null values to stream",
    )
}

/// `ERR_INVALID_ARG_TYPE` for a non-byte chunk given to a byte-mode stream (Node 20 uses
/// the same wording for `push` and `write`).
pub(crate) fn invalid_chunk(_write: bool) -> NodeError {
    NodeError::invalid_arg_type(
        "chunk",
        &["string", "Buffer", "TypedArray", "DataView"],
        Received::Instance("Object"),
    )
}
