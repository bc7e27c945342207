//! Runs a Monte Carlo a fixed number of times, for profiling and for CPU
//! time under `perf stat` or `/usr/bin/time` when the machine is too busy
//! for wall-clock figures (the benches give those).
//!
//! `cargo run --release --example rank_timing -- scorer|matrix PROGRAMMES ITERATIONS [THREADS]`

use std::hint::black_box;
use std::time::Instant;

use ssr_model::Scorer;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::matrix::{CompositeMatrix, MatrixUncertainty};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let arg =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let which = args.get(1).map_or("scorer", String::as_str);
    let (n, iterations, threads) = (arg(2, 1000), arg(3, 10), arg(4, 0));
    // Only the chosen workload is built, so a profile of the run is the
    // Monte Carlo's.
    let portfolio = synthetic(&Synthetic::new(if which == "scorer" { n } else { 0 }));
    let scorer = Scorer::default();
    let card = scorer.scorecard(&portfolio);
    let scorer = if threads > 0 {
        scorer.with_threads(threads)
    } else {
        scorer
    };
    // P × 8 scores from SplitMix64, weights 0.5 to 1.5 (the reference's shape).
    let mut x = 42u64;
    let mut next = || {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    let scores = (0..n).map(|_| (0..8).map(|_| next()).collect()).collect();
    let weights = (0..8).map(|_| 0.5 + next()).collect();
    let matrix = CompositeMatrix::new(scores, weights)?;
    let mut options = MatrixUncertainty::new(1000);
    if threads > 0 {
        options = options.with_threads(threads);
    }
    let start = Instant::now();
    for _ in 0..iterations {
        match which {
            "scorer" => {
                black_box(scorer.rank_uncertainty(black_box(&card)));
            }
            "matrix" => {
                black_box(matrix.rank_uncertainty(black_box(&options)).ok());
            }
            other => return Err(format!("unknown workload {other} (scorer or matrix)").into()),
        }
    }
    eprintln!(
        "{which} n={n} iterations={iterations} threads={threads}: {:.2} ms per iteration (wall)",
        start.elapsed().as_secs_f64() * 1e3 / iterations.max(1) as f64
    );
    Ok(())
}
