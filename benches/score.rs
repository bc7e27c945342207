//! Scoring a synthetic portfolio against deserialising it from JSON.
//!
//! Targets: scoring 10,000 programmes (8 components × 4
//! indicators × 8 periods) costs at most a quarter of deserialising the same
//! portfolio, and grows linearly from 1,000 to 10,000 programmes.
//!
//! `cargo bench --bench score -- --warm-up-time 1 --measurement-time 3`

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ssr_model::Scorer;
use ssr_model::document;
use ssr_model::samples::{Synthetic, synthetic};

fn score(c: &mut Criterion) {
    let scorer = Scorer::default();
    let mut group = c.benchmark_group("score");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let portfolio = synthetic(&Synthetic::new(n));
        let json = match document::to_string(&portfolio) {
            Ok(json) => json,
            Err(e) => {
                eprintln!("cannot serialise the synthetic portfolio: {e}");
                return;
            }
        };
        group.bench_function(format!("deserialise/{n}"), |b| {
            b.iter_with_large_drop(|| document::from_str(black_box(&json)))
        });
        group.bench_function(format!("scorecard/{n}"), |b| {
            b.iter_with_large_drop(|| scorer.scorecard(black_box(&portfolio)))
        });
        let (de, ours) = common::interleaved(
            5,
            || drop(black_box(document::from_str(black_box(&json)))),
            || drop(black_box(scorer.scorecard(black_box(&portfolio)))),
        );
        common::print_ratio(
            &format!("scorecard/deserialise {n}"),
            "scorecard",
            ours,
            "deserialise",
            de,
            "≤ 0.25",
        );
    }
    group.finish();
}

criterion_group!(benches, score);
criterion_main!(benches);
