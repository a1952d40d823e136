//! The `Date` header value, formatted once per second (as Node's `utcDate()` cache).

use std::cell::RefCell;
use std::time::{SystemTime, UNIX_EPOCH};

thread_local! {
    static CACHE: RefCell<(u64, [u8; 29])> = const { RefCell::new((u64::MAX, [0; 29])) };
}

/// Appends today's IMF-fixdate (`Fri, 27 Nov 2026 09:28:55 GMT`) to `out`.
pub(crate) fn push_date(out: &mut bytes::BytesMut) {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.0 != secs {
            c.1 = format_date(secs);
            c.0 = secs;
        }
        out.extend_from_slice(&c.1);
    });
}

pub(crate) fn format_date(secs: u64) -> [u8; 29] {
    const DAYS: [&[u8; 3]; 7] = [b"Thu", b"Fri", b"Sat", b"Sun", b"Mon", b"Tue", b"Wed"];
    const MONTHS: [&[u8; 3]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let days = secs / 86400;
    let rem = secs % 86400;
    let (h, m, s) = (rem / 3600, (rem / 60) % 60, rem % 60);
    // Howard Hinnant's civil_from_days.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mon = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(mon <= 2);
    let mut out = *b"Thu, 01 Jan 1970 00:00:00 GMT";
    out[..3].copy_from_slice(DAYS[(days % 7) as usize]);
    let two = |v: i64| [b'0' + (v / 10 % 10) as u8, b'0' + (v % 10) as u8];
    out[5..7].copy_from_slice(&two(d));
    out[8..11].copy_from_slice(MONTHS[(mon - 1) as usize]);
    let y4 = [
        b'0' + (y / 1000 % 10) as u8,
        b'0' + (y / 100 % 10) as u8,
        b'0' + (y / 10 % 10) as u8,
        b'0' + (y % 10) as u8,
    ];
    out[12..16].copy_from_slice(&y4);
    out[17..19].copy_from_slice(&two(h as i64));
    out[20..22].copy_from_slice(&two(m as i64));
    out[23..25].copy_from_slice(&two(s as i64));
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_like_node() {
        // new Date(1795771735000).toUTCString()
        assert_eq!(
            &super::format_date(1_795_771_735),
            b"Fri, 27 Nov 2026 09:28:55 GMT"
        );
        assert_eq!(
            &super::format_date(951_782_400),
            b"Tue, 29 Feb 2000 00:00:00 GMT"
        );
    }
}
