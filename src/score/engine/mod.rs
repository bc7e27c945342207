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

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

use crate::parallel::ordered_map;

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
#[expect(
    clippy::indexing_slicing,
    reason = "fill_draws filled count·plan.draws values, and run asks for j < count"
)]
fn draws_of<'a>(draws: &'a [f64], plan: &Plan, j: usize) -> &'a [f64] {
    &draws[j * plan.draws..(j + 1) * plan.draws]
}

/// Adds one replication's `ranks` (one per programme) to the programmes'
/// histograms of `bins` cells each.
#[expect(
    clippy::indexing_slicing,
    reason = "run's contract: replicate writes ranks below plan.bins (the portfolio's \
              are at most n with n + 1 bins, the matrix's at most 2n with 2n + 1); \
              a rank beyond would be a bug to stop at, not a value to drop"
)]
pub(super) fn count_ranks(counts: &mut [u32], bins: usize, ranks: &[u32]) {
    for (cells, &v) in counts.chunks_exact_mut(bins).zip(ranks) {
        cells[v as usize] += 1;
    }
}

/// Uniform on [0, 1) from the top 53 bits.
pub(crate) fn unit(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Runs `plan`: each thread builds its buffers with `init`, and
/// `replicate(buffers, draws, ranks)` writes one replication's rank of each
/// programme (in rank units, below `plan.bins`) given its `plan.draws`
/// uniforms. Chunks of replications go to the threads through the crate's
/// one parallel map ([`ordered_map`]).
pub(crate) fn run<W: Send>(
    plan: &Plan,
    init: impl Fn() -> W + Sync,
    replicate: impl Fn(&mut W, &[f64], &mut [u32]) + Sync,
) -> Tally {
    let n = plan.programmes;
    let threads = plan
        .threads
        .clamp(1, plan.replications.div_ceil(CHUNK).max(1));
    // What each thread keeps: the stream it seeks in, its buffers and the
    // draws of its current chunk.
    let worker = || {
        let rng = ChaCha8Rng::seed_from_u64(plan.seed);
        (rng, init(), Vec::with_capacity(CHUNK * plan.draws))
    };
    if Tally::counts_are_smaller(plan.replications, plan.bins) {
        // The threads rank their chunks; the calling thread counts every
        // chunk's ranks into the one histogram, so memory is one histogram
        // (n × bins cells) plus a few chunks of ranks in flight (CHUNK × n
        // cells each), not a histogram per thread.
        let chunks = (0..plan.replications).step_by(CHUNK);
        let mut total = vec![0u32; n * plan.bins];
        ordered_map(
            chunks,
            threads,
            worker,
            |(rng, buffers, draws), first| {
                let count = CHUNK.min(plan.replications - first);
                fill_draws(rng, plan, first, count, draws);
                let mut rows = vec![0u32; count * n];
                for (j, row) in rows.chunks_exact_mut(n.max(1)).enumerate() {
                    replicate(buffers, draws_of(draws, plan, j), row);
                }
                rows
            },
            |rows| {
                for row in rows.chunks_exact(n.max(1)) {
                    count_ranks(&mut total, plan.bins, row);
                }
            },
            None,
        );
        Tally::Counts(total)
    } else {
        let mut cells = vec![0u32; plan.replications * n];
        let chunks = cells.chunks_mut((CHUNK * n).max(1)).enumerate();
        ordered_map(
            chunks,
            threads,
            worker,
            |(rng, buffers, draws), (k, rows)| {
                let count = rows.len() / n.max(1);
                fill_draws(rng, plan, k * CHUNK, count, draws);
                for (j, row) in rows.chunks_exact_mut(n.max(1)).enumerate() {
                    replicate(buffers, draws_of(draws, plan, j), row);
                }
            },
            |()| {},
            None,
        );
        Tally::Matrix(cells)
    }
}
