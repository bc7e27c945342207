//! Runs a Monte Carlo a fixed number of times, for profiling and for CPU
//! time under `perf stat` or `/usr/bin/time` when the machine is too busy
//! for wall-clock figures (the benches give those).
//!
//! `cargo run --release --example rank_timing -- scorer|matrix PROGRAMMES ITERATIONS [THREADS]`

use std::hint::black_box;
use std::time::Instant;

use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::Scorer;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg =
        |i: usize, default: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let which = args.get(1).map_or("scorer", String::as_str);
    let (n, iterations, threads) = (arg(2, 1000), arg(3, 10), arg(4, 0));
    let portfolio = synthetic(&Synthetic::new(n));
    let scorer = Scorer::default();
    let card = scorer.scorecard(&portfolio);
    let scorer = if threads > 0 {
        scorer.with_threads(threads)
    } else {
        scorer
    };
    let start = Instant::now();
    for _ in 0..iterations {
        match which {
            "scorer" => {
                black_box(scorer.rank_uncertainty(black_box(&card)));
            }
            other => panic!("unknown {other}"),
        }
    }
    eprintln!(
        "{which} n={n} iterations={iterations} threads={threads}: {:.2} ms per iteration (wall)",
        start.elapsed().as_secs_f64() * 1e3 / iterations.max(1) as f64
    );
}
