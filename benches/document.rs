//! Throughput of the JSON document format on a synthetic portfolio of 1 000
//! programmes (8 components × 4 indicators × 8 periods each).
//!
//! Run: `cargo bench --bench document -- --warm-up-time 1 --measurement-time 3`

// A bench stops at input it cannot use.
#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ssr_model::document;
use ssr_model::samples::{Synthetic, synthetic};

fn json_document(c: &mut Criterion) {
    let portfolio = synthetic(&Synthetic::new(1_000));
    let compact = document::to_string(&portfolio).expect("the synthetic portfolio serialises");
    let pretty =
        document::to_string_pretty(&portfolio).expect("the synthetic portfolio serialises");

    let mut group = c.benchmark_group("document/synthetic_1000");
    // Each iteration takes a sizeable fraction of a second.
    group.sample_size(10);

    group.throughput(Throughput::Bytes(compact.len() as u64));
    group.bench_function("serialise", |b| {
        b.iter(|| document::to_string(black_box(&portfolio)))
    });
    group.bench_function("deserialise", |b| {
        b.iter(|| document::from_str(black_box(&compact)))
    });

    group.throughput(Throughput::Bytes(pretty.len() as u64));
    group.bench_function("serialise_pretty", |b| {
        b.iter(|| document::to_string_pretty(black_box(&portfolio)))
    });
    group.bench_function("deserialise_pretty", |b| {
        b.iter(|| document::from_str(black_box(&pretty)))
    });
    group.finish();
}

criterion_group!(benches, json_document);
criterion_main!(benches);
