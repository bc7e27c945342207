//! The Monte Carlo engine behind both rank-uncertainty analyses (the
//! programme-level one of [`Scorer::rank_uncertainty`](super::Scorer::rank_uncertainty)
//! and the matrix-level one of [`CompositeMatrix`](super::CompositeMatrix)).
//!
//! A caller describes one replication as a function from its random draws
//! to the rank of each programme taking part (the caller decides which
//! programmes those are: the engine sees only their count). The engine runs
//! the replications on every core and tallies the ranks.
//!
//! **The same numbers for any thread count.** All draws come from one
//! ChaCha8 stream seeded with `seed_from_u64(seed)` (rand_chacha 0.10).
//! Replication r reads the `D` uniforms at 64-bit words `r·D … r·D + D − 1`
//! of that stream (a uniform is `(next_u64 >> 11) · 2⁻⁵³`), so its draws
//! depend on the seed and r only: a thread seeks to the replications it
//! takes. Ranks are integers and the statistics read them in sorted order,
//! so neither the split of work nor its timing can change a bit.

mod ranks;
mod tally;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

pub(crate) use ranks::Ranker;
#[cfg(test)]
pub(crate) use ranks::tests::sorted_competition;
pub(crate) use tally::Tally;
#[cfg(test)]
pub(crate) use tally::summarise;

/// Replications handed to a thread at a time.
const CHUNK: usize = 16;

/// What to run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plan {
    /// Replications.
    pub replications: usize,
    /// Seed of the stream.
    pub seed: u64,
    /// Uniform draws per replication.
    pub draws: usize,
    /// Programmes ranked in each replication.
    pub programmes: usize,
    /// Ranks are below this, in rank units.
    pub bins: usize,
    /// Threads to use (at least 1).
    pub threads: usize,
}

/// The threads to use when the caller does not say: every core.
pub(crate) fn available_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Draws for `count` consecutive replications from `first` on.
fn fill_draws(rng: &mut ChaCha8Rng, plan: &Plan, first: usize, count: usize, out: &mut Vec<f64>) {
    rng.set_word_pos(2 * (first as u128) * (plan.draws as u128));
    out.clear();
    out.extend((0..count * plan.draws).map(|_| unit(rng)));
}

/// The draws of the `j`th replication of a chunk.
fn draws_of<'a>(draws: &'a [f64], plan: &Plan, j: usize) -> &'a [f64] {
    draws
        .get(j * plan.draws..(j + 1) * plan.draws)
        .unwrap_or(&[])
}

/// Uniform on [0, 1) from the top 53 bits.
pub(crate) fn unit(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Runs `plan`: each thread builds its buffers with `init`, and
/// `replicate(buffers, draws, ranks)` writes one replication's rank of each
/// programme (in rank units, below `plan.bins`) given its `plan.draws`
/// uniforms.
pub(crate) fn run<W>(
    plan: &Plan,
    init: impl Fn() -> W + Sync,
    replicate: impl Fn(&mut W, &[f64], &mut [u32]) + Sync,
) -> Tally {
    let n = plan.programmes;
    let threads = plan
        .threads
        .clamp(1, plan.replications.div_ceil(CHUNK).max(1));
    let worker = |work: &mut dyn FnMut(&mut ChaCha8Rng, &mut W, &mut Vec<f64>)| {
        let mut rng = ChaCha8Rng::seed_from_u64(plan.seed);
        let mut buffers = init();
        let mut draws = Vec::with_capacity(CHUNK * plan.draws);
        work(&mut rng, &mut buffers, &mut draws);
    };
    if Tally::counts_are_smaller(plan.replications, plan.bins) {
        let next = AtomicUsize::new(0);
        let counts_of_one = || {
            let mut counts = vec![0u32; n * plan.bins];
            let mut row = vec![0u32; n];
            worker(&mut |rng, buffers, draws| loop {
                let first = next.fetch_add(CHUNK, Ordering::Relaxed);
                if first >= plan.replications {
                    break;
                }
                let count = CHUNK.min(plan.replications - first);
                fill_draws(rng, plan, first, count, draws);
                for j in 0..count {
                    replicate(buffers, draws_of(draws, plan, j), &mut row);
                    for (cells, &v) in counts.chunks_exact_mut(plan.bins).zip(&row) {
                        if let Some(c) = cells.get_mut(v as usize) {
                            *c += 1;
                        }
                    }
                }
            });
            counts
        };
        let parts: Vec<Vec<u32>> = if threads == 1 {
            vec![counts_of_one()]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = (0..threads).map(|_| s.spawn(counts_of_one)).collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        let mut total = vec![0u32; n * plan.bins];
        for part in parts {
            for (t, c) in total.iter_mut().zip(part) {
                *t += c;
            }
        }
        Tally::Counts(total)
    } else {
        let mut cells = vec![0u32; plan.replications * n];
        let chunks = Mutex::new(cells.chunks_mut((CHUNK * n).max(1)).enumerate());
        let one = || {
            worker(&mut |rng, buffers, draws| {
                // The guard is consumed by `and_then`: the lock is held only
                // while taking a chunk.
                while let Some((k, rows)) = chunks.lock().ok().and_then(|mut c| c.next()) {
                    let count = rows.len() / n.max(1);
                    fill_draws(rng, plan, k * CHUNK, count, draws);
                    for (j, row) in rows.chunks_exact_mut(n.max(1)).enumerate() {
                        replicate(buffers, draws_of(draws, plan, j), row);
                    }
                }
            })
        };
        if threads == 1 {
            one();
        } else {
            std::thread::scope(|s| {
                for _ in 0..threads {
                    s.spawn(one);
                }
            });
        }
        Tally::Matrix(cells)
    }
}
