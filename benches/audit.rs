//! The composite's audit: coherence statistics (pairwise Pearson and
//! Spearman, with the composite, Cronbach's alpha, the first principal
//! component) on 10,000 programmes × 8 dimensions, against the time of the
//! scorecard of the 10,000-programme synthetic portfolio.
//!
//! Target: the coherence statistics cost under 5 % of the scorecard's time
//! (the `RATIO` line, both timed interleaved in the same run).
//! ```sh
//! cargo bench --bench audit -- --warm-up-time 1 --measurement-time 3
//! ```

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ssr_model::Scorer;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::coherence::Coherence;

/// `rows` × `columns` values U(0, 100) from SplitMix64, about one in twenty
/// unknown, and the row means of the known ones as the composite.
fn random_columns(
    rows: usize,
    columns: usize,
    seed: u64,
) -> (Vec<Vec<Option<f64>>>, Vec<Option<f64>>) {
    let mut x = seed;
    let mut next = || {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    let cols: Vec<Vec<Option<f64>>> = (0..columns)
        .map(|_| {
            (0..rows)
                .map(|_| {
                    let v = 100.0 * next();
                    (next() >= 0.05).then_some(v)
                })
                .collect()
        })
        .collect();
    let composite = (0..rows)
        .map(|r| {
            let known: Vec<f64> = cols
                .iter()
                .filter_map(|c| c.get(r).copied().flatten())
                .collect();
            (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64)
        })
        .collect();
    (cols, composite)
}

fn audit(c: &mut Criterion) {
    let (columns, composite) = random_columns(10_000, 8, 42);
    let portfolio = synthetic(&Synthetic::new(10_000));
    let scorer = Scorer::default();
    let mut group = c.benchmark_group("audit");
    group.sample_size(10);
    group.bench_function("coherence/10000x8", |b| {
        b.iter(|| Coherence::of(black_box(&columns), black_box(&composite)))
    });
    group.bench_function("scorecard/10000", |b| {
        b.iter(|| scorer.scorecard(black_box(&portfolio)))
    });
    group.finish();
    let (coherence, scorecard) = common::interleaved(
        5,
        || {
            black_box(Coherence::of(black_box(&columns), black_box(&composite)));
        },
        || {
            black_box(scorer.scorecard(black_box(&portfolio)));
        },
    );
    common::print_ratio(
        "coherence 10000x8 vs scorecard 10000",
        "coherence",
        coherence,
        "scorecard",
        scorecard,
        "< 0.05",
    );
}

criterion_group!(benches, audit);
criterion_main!(benches);
