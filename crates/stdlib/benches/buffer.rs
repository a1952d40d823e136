//! Buffer encode/decode throughput on 1 MiB (compare: `node` commands in the report).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use node_stdlib::buffer::{from_string, to_string, Encoding};
use std::hint::black_box;

const MIB: usize = 1 << 20;

/// The same pseudo-random bytes the node script uses (LCG).
fn random_bytes() -> Vec<u8> {
    let mut seed: u32 = 42;
    (0..MIB)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as u8
        })
        .collect()
}

/// Mixed ASCII and multi-byte text, 1 MiB of UTF-8.
fn text() -> String {
    let unit = "héllo wörld, plain ascii text — 日本語 😀 ";
    let mut s = unit.repeat(MIB / unit.len() + 1);
    while s.len() > MIB {
        s.pop();
    }
    s
}

fn buffer(c: &mut Criterion) {
    let bytes = random_bytes();
    let b64 = to_string(&bytes, Encoding::Base64);
    let hex = to_string(&bytes, Encoding::Hex);
    let text = text();
    let utf8 = text.as_bytes().to_vec();
    let mut g = c.benchmark_group("buffer");
    g.throughput(Throughput::Bytes(MIB as u64));
    g.bench_function("base64_encode_1mib", |b| {
        b.iter(|| to_string(black_box(&bytes), Encoding::Base64))
    });
    g.bench_function("base64_decode_1mib", |b| {
        b.iter(|| from_string(black_box(&b64), Encoding::Base64))
    });
    g.bench_function("hex_encode_1mib", |b| {
        b.iter(|| to_string(black_box(&bytes), Encoding::Hex))
    });
    g.bench_function("hex_decode_1mib", |b| {
        b.iter(|| from_string(black_box(&hex), Encoding::Hex))
    });
    g.bench_function("utf8_decode_1mib", |b| {
        b.iter(|| to_string(black_box(&utf8), Encoding::Utf8))
    });
    g.bench_function("utf8_encode_1mib", |b| {
        b.iter(|| from_string(black_box(&text), Encoding::Utf8))
    });
    g.bench_function("latin1_decode_1mib", |b| {
        b.iter(|| to_string(black_box(&bytes), Encoding::Latin1))
    });
    g.finish();
}

criterion_group!(benches, buffer);
criterion_main!(benches);
