//! Rank uncertainty: 1,000 Monte Carlo replications over 1,000 programmes.
//!
//! Target (issue 4): under 0.5 s on one core.
//!
//! `cargo bench --bench rank -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::{PortfolioAggregation, Scorer, ScoringPolicy};

fn rank(c: &mut Criterion) {
    let portfolio = synthetic(&Synthetic::new(1_000));
    let scorer = Scorer::default();
    let card = scorer.scorecard(&portfolio);
    let mut group = c.benchmark_group("rank");
    group.sample_size(10);
    group.bench_function("uncertainty/1000x1000", |b| {
        b.iter(|| scorer.rank_uncertainty(black_box(&card)))
    });
    // The non-compensatory Copeland composite is O(n²) per replication:
    // measured on 20 replications to show its cost.
    let mut policy = ScoringPolicy::default();
    policy.uncertainty.replications = 20;
    policy.uncertainty.methods = vec![PortfolioAggregation::Copeland];
    if let Ok(copeland) = Scorer::new(policy) {
        group.bench_function("uncertainty_copeland/20x1000", |b| {
            b.iter(|| copeland.rank_uncertainty(black_box(&card)))
        });
    }
    group.finish();
}

criterion_group!(benches, rank);
criterion_main!(benches);
