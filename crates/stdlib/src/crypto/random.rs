//! `crypto.randomBytes`, `randomFill`, `randomInt`, `randomUUID`, `timingSafeEqual`.

use node_core::{format_received_number, ErrorClass, NodeError};

fn os_random_failed() -> NodeError {
    NodeError::new(
        ErrorClass::Error,
        "ERR_CRYPTO_OPERATION_FAILED",
        "Random bytes generation failed",
    )
}

/// Fills `buf` with cryptographically strong random bytes: `crypto.randomFillSync(buf)`
/// (also `crypto.getRandomValues`).
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptorandomfillsyncbuffer-offset-size>.
///
/// # Errors
/// `ERR_CRYPTO_OPERATION_FAILED` if the OS generator fails.
///
/// # Examples
/// ```
/// let mut b = [0u8; 32];
/// node_stdlib::crypto::random_fill(&mut b).unwrap();
/// assert!(b.iter().any(|&x| x != 0));
/// ```
#[doc(alias = "randomFillSync")]
pub fn random_fill(buf: &mut [u8]) -> Result<(), NodeError> {
    getrandom::fill(buf).map_err(|_| os_random_failed())
}

/// Fills a typed array's bytes with random values: `crypto.getRandomValues(typedArray)`
/// (Web Crypto).
///
/// Mirrors <https://nodejs.org/api/webcrypto.html#cryptogetrandomvaluestypedarray>.
///
/// # Errors
/// A `QuotaExceededError` DOMException (its name is [`NodeError::code`]) above 65,536
/// bytes; `ERR_CRYPTO_OPERATION_FAILED` if the OS generator fails.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::get_random_values;
/// get_random_values(&mut [0u8; 16]).unwrap();
/// let err = get_random_values(&mut vec![0u8; 65537]).unwrap_err();
/// assert_eq!((err.code(), err.message().as_str()), ("QuotaExceededError", "The requested length exceeds 65,536 bytes"));
/// ```
#[doc(alias = "getRandomValues")]
pub fn get_random_values(buf: &mut [u8]) -> Result<(), NodeError> {
    if buf.len() > 65_536 {
        return Err(NodeError::new(
            ErrorClass::Error,
            "QuotaExceededError",
            "The requested length exceeds 65,536 bytes",
        ));
    }
    random_fill(buf)
}

/// `size` random bytes: `crypto.randomBytes(size)`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptorandombytessize-callback>.
///
/// # Errors
/// `ERR_OUT_OF_RANGE` when `size` exceeds 2147483647; `ERR_CRYPTO_OPERATION_FAILED` if
/// the OS generator fails.
///
/// # Examples
/// ```
/// assert_eq!(node_stdlib::crypto::random_bytes(16).unwrap().len(), 16);
/// ```
#[doc(alias = "randomBytes")]
pub fn random_bytes(size: u64) -> Result<Vec<u8>, NodeError> {
    if size > 2_147_483_647 {
        return Err(NodeError::out_of_range(
            "size",
            ">= 0 && <= 2147483647",
            &format_received_number(size as f64),
        ));
    }
    let mut v = vec![0u8; size as usize];
    random_fill(&mut v)?;
    Ok(v)
}

/// `crypto.randomInt`'s bound: 2^48 - 1.
const RAND_MAX: i64 = 0xFFFF_FFFF_FFFF;

/// A uniform random integer in `[min, max)`: `crypto.randomInt([min, ]max)`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptorandomintmin-max-callback>
/// (Node's rejection sampling on 48-bit values). `min` is `None` when the caller gave
/// only `max` (it defaults to 0 and changes the error wording, as in Node).
///
/// # Errors
/// `ERR_OUT_OF_RANGE` when `max <= min` or the range exceeds 2^48 - 1.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::random_int;
/// let n = random_int(Some(10), 20).unwrap();
/// assert!((10..20).contains(&n));
/// assert_eq!(random_int(None, 0).unwrap_err().code(), "ERR_OUT_OF_RANGE");
/// ```
#[doc(alias = "randomInt")]
pub fn random_int(min: Option<i64>, max: i64) -> Result<i64, NodeError> {
    let min_given = min.is_some();
    let min = min.unwrap_or(0);
    if max <= min {
        return Err(NodeError::out_of_range(
            "max",
            &format!("greater than the value of \"min\" ({min})"),
            &format_received_number(max as f64),
        ));
    }
    let range = max - min;
    if range > RAND_MAX {
        let name = if min_given { "max - min" } else { "max" };
        return Err(NodeError::out_of_range(
            name,
            &format!("<= {RAND_MAX}"),
            &format_received_number(range as f64),
        ));
    }
    let limit = RAND_MAX - (RAND_MAX % range);
    let mut buf = [0u8; 6 * 32];
    loop {
        random_fill(&mut buf)?;
        for chunk in buf.chunks_exact(6) {
            let x = chunk.iter().fold(0i64, |acc, &b| acc << 8 | i64::from(b));
            if x < limit {
                return Ok(x % range + min);
            }
        }
    }
}

/// A random RFC 4122 version 4 UUID: `crypto.randomUUID()`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptorandomuuidoptions>.
///
/// # Errors
/// `ERR_CRYPTO_OPERATION_FAILED` if the OS generator fails.
///
/// # Examples
/// ```
/// let id = node_stdlib::crypto::random_uuid().unwrap();
/// assert_eq!(id.len(), 36);
/// assert_eq!(&id[14..15], "4");
/// ```
#[doc(alias = "randomUUID")]
pub fn random_uuid() -> Result<String, NodeError> {
    let mut b = [0u8; 16];
    random_fill(&mut b)?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        h[0..4].concat(),
        h[4..6].concat(),
        h[6..8].concat(),
        h[8..10].concat(),
        h[10..16].concat()
    ))
}

/// Compares two byte strings in time independent of their contents:
/// `crypto.timingSafeEqual(a, b)`.
///
/// Mirrors <https://nodejs.org/api/crypto.html#cryptotimingsafeequala-b>.
///
/// # Errors
/// `ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH` (`RangeError`) when the lengths differ.
///
/// # Examples
/// ```
/// use node_stdlib::crypto::timing_safe_equal;
/// assert!(timing_safe_equal(b"abc", b"abc").unwrap());
/// assert!(!timing_safe_equal(b"abc", b"abd").unwrap());
/// assert_eq!(timing_safe_equal(b"a", b"ab").unwrap_err().code(), "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH");
/// ```
#[doc(alias = "timingSafeEqual")]
pub fn timing_safe_equal(a: &[u8], b: &[u8]) -> Result<bool, NodeError> {
    if a.len() != b.len() {
        return Err(NodeError::new(
            ErrorClass::RangeError,
            "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH",
            "Input buffers must have the same byte length",
        ));
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    Ok(std::hint::black_box(diff) == 0)
}
