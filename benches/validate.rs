//! Validation beside deserialisation of the same portfolio.
//!
//! The target: validating costs at most half of deserialising the portfolio
//! from its JSON document, and grows linearly, so that validating on every
//! load stays cheap.
//!
//! `cargo bench --bench validate -- --warm-up-time 1 --measurement-time 3`

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ssr_model::diagnostics::ValidationPolicy;
use ssr_model::document;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::validate::validate;

fn bench(c: &mut Criterion) {
    let policy = ValidationPolicy::default()
        .with_as_of(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default());
    let mut group = c.benchmark_group("validate");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let portfolio = synthetic(&Synthetic::new(n));
        let json = document::to_string(&portfolio).unwrap_or_default();
        let findings = validate(&portfolio, &policy).len();
        eprintln!(
            "{n} programmes: {:.1} MB of JSON, {findings} findings",
            json.len() as f64 / 1e6
        );
        group.bench_function(format!("deserialise/{n}"), |b| {
            b.iter(|| document::from_str(black_box(&json)))
        });
        group.bench_function(format!("validate/{n}"), |b| {
            b.iter(|| validate(black_box(&portfolio), black_box(&policy)))
        });
        let (de, ours) = common::interleaved(
            5,
            || drop(black_box(document::from_str(black_box(&json)))),
            || {
                drop(black_box(validate(
                    black_box(&portfolio),
                    black_box(&policy),
                )))
            },
        );
        common::print_ratio(
            &format!("validate/deserialise {n}"),
            "validate",
            ours,
            "deserialise",
            de,
            "≤ 0.5",
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
