//! The sensitivity analysis of the ranking: Sobol indices over 8 factors
//! (the standard ones: five dimension weights, the normalisation, the
//! composite, leaving one dimension out) with N = 1,024 base samples
//! (10,240 model runs) on the 1,000-programme synthetic portfolio, and the
//! same over a 1,000 × 8 matrix.
//!
//! Target (issue 24): a model run costs no more than one rank-uncertainty
//! replication. The ratio line times, interleaved in the same run, the
//! analysis (with 2 bootstrap resamples, so that the model runs dominate;
//! its scorecard's time taken off) per model run, against
//! `rank_uncertainty` (1,000 replications) per replication:
//! ```sh
//! cargo bench --bench sensitivity -- --warm-up-time 1 --measurement-time 5
//! ```
//!
//! With `SSR_SALIB_PYTHON` naming a Python that has SALib 1.6, a last line
//! times the full analysis (100 bootstrap resamples) against SALib's
//! sampling and analysis of as many outputs on the same design size
//! (`benches/peers/salib_sensitivity.py`), wall and CPU time.

// A bench stops at input it cannot use.
#![allow(clippy::expect_used)]

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ssr_model::Scorer;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::matrix::CompositeMatrix;
use ssr_model::score::policy::{ScoringPolicy, SensitivityPolicy};
use ssr_model::score::sensitivity::MatrixSensitivity;

const SAMPLES: usize = 1024;

/// The standard 8 factors with N = 1,024 and `resamples` resamples.
fn scorer(resamples: usize) -> Scorer {
    let mut policy = ScoringPolicy::default();
    let mut s = SensitivityPolicy::standard(&policy).with_samples(SAMPLES);
    s.resamples = resamples;
    assert_eq!(s.factors.len(), 8);
    policy.sensitivity = Some(s);
    Scorer::new(policy).expect("a valid policy")
}

fn portfolio(c: &mut Criterion) {
    let portfolio = synthetic(&Synthetic::new(1_000));
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(10);
    let full = scorer(100);
    group.bench_function("1000 programmes/8 factors/N=1024/100 resamples", |b| {
        b.iter(|| full.sensitivity(black_box(&portfolio)))
    });
    group.finish();
    per_run_ratio(&portfolio);
    salib_side_by_side(&portfolio, &full);
}

/// The full analysis against SALib's sampling and analysis of the same
/// number of outputs (each programme's rank and composite, and the mean
/// rank shift), when `SSR_SALIB_PYTHON` is set.
fn salib_side_by_side(portfolio: &ssr_model::Portfolio, full: &Scorer) {
    let Some(python) = std::env::var_os("SSR_SALIB_PYTHON") else {
        println!("SALIB skipped: set SSR_SALIB_PYTHON to a Python with SALib 1.6");
        return;
    };
    let (wall, cpu) = (std::time::Instant::now(), common::cpu_seconds());
    let analysis = full.sensitivity(black_box(portfolio));
    let (wall, cpu) = (wall.elapsed(), cpu.zip(common::cpu_seconds()));
    let outputs = analysis.map_or(0, |a| 1 + 2 * a.programmes);
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/peers/salib_sensitivity.py"
    );
    let peer = std::process::Command::new(python)
        .args([
            script,
            "8",
            &SAMPLES.to_string(),
            &outputs.to_string(),
            "100",
        ])
        .output()
        .expect("the SALib script runs");
    let peer = String::from_utf8_lossy(&peer.stdout);
    let cpu = cpu.map_or("?".to_owned(), |(a, b)| format!("{:.3}", b - a));
    println!(
        "SALIB full analysis, 1000 programmes, 8 factors, N={SAMPLES}, 100 resamples, \
         {outputs} outputs: crate seconds={:.3} cpu={cpu} (model runs included) | {}",
        wall.as_secs_f64(),
        peer.trim()
    );
}

/// Time per model run against time per rank-uncertainty replication, both
/// on every core, interleaved.
fn per_run_ratio(portfolio: &ssr_model::Portfolio) {
    let analysis = scorer(2);
    let monte_carlo = Scorer::default();
    let card = monte_carlo.scorecard(portfolio);
    let replications = monte_carlo.policy().uncertainty.replications;
    let runs = SAMPLES * (8 + 2);
    let (sens, mc) = common::interleaved(
        11,
        || drop(black_box(analysis.sensitivity(black_box(portfolio)))),
        || drop(black_box(monte_carlo.rank_uncertainty(black_box(&card)))),
    );
    let (scoring, _) = common::interleaved(
        11,
        || drop(black_box(monte_carlo.scorecard(black_box(portfolio)))),
        || {},
    );
    let per = |t: Duration, scoring: Duration, n: usize| t.saturating_sub(scoring) / n as u32;
    let sens = common::Timing {
        best: per(sens.best, scoring.best, runs),
        median: per(sens.median, scoring.median, runs),
    };
    let zero = Duration::ZERO;
    let mc = common::Timing {
        best: per(mc.best, zero, replications),
        median: per(mc.median, zero, replications),
    };
    common::print_ratio(
        "sensitivity model run vs rank-uncertainty replication (1000 programmes)",
        "run",
        sens,
        "replication",
        mc,
        "≤ 1",
    );
}

/// A 1,000 × 8 matrix of scores U(0, 1) from SplitMix64, weights 0.5–1.5.
fn random_matrix() -> CompositeMatrix {
    let mut x = 42u64;
    let mut next = || {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    let scores = (0..1000)
        .map(|_| (0..8).map(|_| next()).collect())
        .collect();
    let weights = (0..8).map(|_| 0.5 + next()).collect();
    CompositeMatrix::new(scores, weights).expect("a valid random matrix")
}

fn matrix(c: &mut Criterion) {
    let m = random_matrix();
    let options = MatrixSensitivity::new(256);
    let mut group = c.benchmark_group("sensitivity_matrix");
    group.sample_size(10);
    group.bench_function("1000x8/N=256", |b| {
        b.iter(|| m.sensitivity(black_box(&options)))
    });
    group.finish();
}

criterion_group!(benches, portfolio, matrix);
criterion_main!(benches);
