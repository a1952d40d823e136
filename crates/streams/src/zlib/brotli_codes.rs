//! Node's codes for brotli decoder errors: `ERR_` + the name after `BROTLI_DECODER`
//! (`ERR__ERROR_FORMAT_HUFFMAN_SPACE`), with the decoder's error number as `errno`.

/// (decoder error number, Node's code), from brotli's `decode.h`.
const CODES: &[(i32, &str)] = &[
    (-1, "ERR__ERROR_FORMAT_EXUBERANT_NIBBLE"),
    (-2, "ERR__ERROR_FORMAT_RESERVED"),
    (-3, "ERR__ERROR_FORMAT_EXUBERANT_META_NIBBLE"),
    (-4, "ERR__ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET"),
    (-5, "ERR__ERROR_FORMAT_SIMPLE_HUFFMAN_SAME"),
    (-6, "ERR__ERROR_FORMAT_CL_SPACE"),
    (-7, "ERR__ERROR_FORMAT_HUFFMAN_SPACE"),
    (-8, "ERR__ERROR_FORMAT_CONTEXT_MAP_REPEAT"),
    (-9, "ERR__ERROR_FORMAT_BLOCK_LENGTH_1"),
    (-10, "ERR__ERROR_FORMAT_BLOCK_LENGTH_2"),
    (-11, "ERR__ERROR_FORMAT_TRANSFORM"),
    (-12, "ERR__ERROR_FORMAT_DICTIONARY"),
    (-13, "ERR__ERROR_FORMAT_WINDOW_BITS"),
    (-14, "ERR__ERROR_FORMAT_PADDING_1"),
    (-15, "ERR__ERROR_FORMAT_PADDING_2"),
    (-16, "ERR__ERROR_FORMAT_DISTANCE"),
    (-18, "ERR__ERROR_COMPOUND_DICTIONARY"),
    (-19, "ERR__ERROR_DICTIONARY_NOT_SET"),
    (-20, "ERR__ERROR_INVALID_ARGUMENTS"),
    (-21, "ERR__ERROR_ALLOC_CONTEXT_MODES"),
    (-22, "ERR__ERROR_ALLOC_TREE_GROUPS"),
    (-25, "ERR__ERROR_ALLOC_CONTEXT_MAP"),
    (-26, "ERR__ERROR_ALLOC_RING_BUFFER_1"),
    (-27, "ERR__ERROR_ALLOC_RING_BUFFER_2"),
    (-30, "ERR__ERROR_ALLOC_BLOCK_TYPE_TREES"),
    (-31, "ERR__ERROR_UNREACHABLE"),
];

/// The code for a decoder error number (`ERR__ERROR_UNREACHABLE` for unknown ones).
pub(crate) fn code(errno: i32) -> &'static str {
    CODES
        .iter()
        .find(|(n, _)| *n == errno)
        .map_or("ERR__ERROR_UNREACHABLE", |(_, c)| c)
}

/// The error number of a code, for [`errno_for_code`](super::errno_for_code).
pub(crate) fn errno(code: &str) -> Option<i32> {
    CODES.iter().find(|(_, c)| *c == code).map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_round_trip() {
        assert_eq!(super::code(-7), "ERR__ERROR_FORMAT_HUFFMAN_SPACE");
        assert_eq!(super::errno("ERR__ERROR_FORMAT_PADDING_1"), Some(-14));
        assert_eq!(super::code(-99), "ERR__ERROR_UNREACHABLE");
    }
}
