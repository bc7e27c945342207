//! Rank uncertainty: the programme-level Monte Carlo (1,000 programmes ×
//! 1,000 replications on the synthetic portfolio) and the matrix-level one
//! (P = 1000, C = 8, R = 1000, noise 0.25) against the numpy reference.
//!
//! Targets: `rank-matrix` at least 5× faster than the numpy
//! reference's `--time` compute figure on the same input in the same run
//! (aim 10×); `Scorer::rank_uncertainty` at least 5× faster than at commit
//! 0fe2972 (compare this bench there and here, one after the other).
//!
//! The reference runs when `SSR_PEERS_PYTHON` (default
//! `/tmp/peers-venv/bin/python`) has numpy and `../shared/peers` exists:
//! ```sh
//! python3 -m venv /tmp/peers-venv && /tmp/peers-venv/bin/pip install numpy
//! cargo bench --bench rank -- --warm-up-time 1 --measurement-time 3
//! ```

// A bench stops at input it cannot use.
#![allow(clippy::expect_used)]

mod common;

use std::hint::black_box;
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ssr_model::Scorer;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::compare::PortfolioAggregation;
use ssr_model::score::matrix::{CompositeMatrix, MatrixUncertainty};
use ssr_model::score::policy::ScoringPolicy;

fn programmes(c: &mut Criterion) {
    let portfolio = synthetic(&Synthetic::new(1_000));
    let scorer = Scorer::default();
    let card = scorer.scorecard(&portfolio);
    let mut group = c.benchmark_group("rank");
    group.sample_size(10);
    group.bench_function("uncertainty/1000x1000", |b| {
        b.iter(|| scorer.rank_uncertainty(black_box(&card)))
    });
    let one = Scorer::default().with_threads(1);
    group.bench_function("uncertainty/1000x1000/1-thread", |b| {
        b.iter(|| one.rank_uncertainty(black_box(&card)))
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

/// The reference's random matrix shape: scores U(0, 1), weights U(0.5, 1.5),
/// here from SplitMix64.
fn random_matrix(p: usize, c: usize, seed: u64) -> CompositeMatrix {
    let mut x = seed;
    let mut next = || {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    let scores = (0..p).map(|_| (0..c).map(|_| next()).collect()).collect();
    let weights = (0..c).map(|_| 0.5 + next()).collect();
    CompositeMatrix::new(scores, weights).expect("a valid random matrix")
}

fn matrix(c: &mut Criterion) {
    let m = random_matrix(1000, 8, 42);
    let options = MatrixUncertainty::new(1000).with_seed(42).with_noise(0.25);
    let mut group = c.benchmark_group("rank_matrix");
    group.sample_size(20);
    group.bench_function("1000x8x1000", |b| {
        b.iter(|| m.rank_uncertainty(black_box(&options)))
    });
    group.bench_function("1000x8x1000/1-thread", |b| {
        b.iter(|| m.rank_uncertainty(black_box(&options.with_threads(1))))
    });
    group.finish();
    versus_numpy(&m, &options);
}

/// The side-by-side line: the numpy reference's `--time` (best and median
/// of 7 compute runs) on the same matrix, then ours timed the same way.
#[expect(
    clippy::too_many_lines,
    reason = "one side-by-side run against the numpy reference, read top to bottom"
)]
fn versus_numpy(m: &CompositeMatrix, options: &MatrixUncertainty) {
    let python =
        std::env::var("SSR_PEERS_PYTHON").unwrap_or_else(|_| "/tmp/peers-venv/bin/python".into());
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/peers/rank_uncertainty.py"
    );
    if !std::path::Path::new(script).exists() || !std::path::Path::new(&python).exists() {
        println!("RATIO rank_matrix vs numpy: skipped ({script} or {python} absent)");
        return;
    }
    let input = std::env::temp_dir().join(format!("ssr-rank-matrix-{}.json", std::process::id()));
    let json = serde_json::to_string(m).expect("a matrix serialises");
    if std::fs::write(&input, json).is_err() {
        println!(
            "RATIO rank_matrix vs numpy: skipped (cannot write {})",
            input.display()
        );
        return;
    }
    let mut reference = Command::new(&python);
    reference
        .arg(script)
        .arg(&input)
        .args([
            "--seed",
            "42",
            "--replications",
            "1000",
            "--noise",
            "0.25",
            "--time",
        ])
        .env_remove("OPENBLAS_CORETYPE")
        .env_remove("OPENBLAS_L2_SIZE");
    let output = reference.output();
    let _ = std::fs::remove_file(&input);
    let Ok(output) = output else {
        println!("RATIO rank_matrix vs numpy: skipped (cannot run {python})");
        return;
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let field = |name: &str| {
        text.split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.parse::<f64>().ok())
            .map(Duration::from_secs_f64)
    };
    let (Some(best), Some(median)) = (
        field("compute_seconds_best"),
        field("compute_seconds_median"),
    ) else {
        println!("RATIO rank_matrix vs numpy: skipped (reference printed {text:?})");
        return;
    };
    let numpy = common::Timing { best, median };
    let time = |options: MatrixUncertainty| {
        let samples = (0..7)
            .map(|_| {
                let t = std::time::Instant::now();
                black_box(m.rank_uncertainty(black_box(&options)).ok());
                t.elapsed()
            })
            .collect();
        common::Timing::of(samples)
    };
    let ours = time(*options);
    let one = time(options.with_threads(1));
    println!("reference: {}", text.trim());
    common::print_ratio(
        "rank_matrix 1000x8x1000",
        "numpy",
        numpy,
        "ssr",
        ours,
        "≥ 5 (aim 10)",
    );
    common::print_ratio(
        "rank_matrix 1000x8x1000",
        "numpy",
        numpy,
        "ssr-1-thread",
        one,
        "(information)",
    );
}

criterion_group!(benches, programmes, matrix);
criterion_main!(benches);
