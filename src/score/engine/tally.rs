//! Where the ranks of every replication wait for the statistics: a
//! replications × programmes matrix, or per programme a count of each rank,
//! whichever is smaller (so never more than P × R 32-bit cells). Ranks are
//! kept in rank units: whole ranks, or half ranks for average ranks of ties.
//! Both layouts give the same statistics to the bit, since the statistics
//! read each programme's ranks in ascending order either way.

use crate::parallel::ordered_map;

/// The rank tally of a run.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tally {
    /// Replication-major: `cells[r·n + i]` is programme i's rank in
    /// replication r.
    Matrix(Vec<u32>),
    /// Programme-major: `cells[i·bins + v]` replications gave programme i the
    /// value v.
    Counts(Vec<u32>),
}

/// The summary statistics of one programme's ranks, in rank units.
pub(crate) type Summary = [f64; 5];

impl Tally {
    /// Whether counts (`n × bins` cells) are smaller than the matrix
    /// (`n × reps` cells).
    pub(crate) fn counts_are_smaller(reps: usize, bins: usize) -> bool {
        bins < reps
    }

    /// Mean, median, 5th and 95th percentile and sample standard deviation
    /// of each of the `n` programmes' ranks over `reps` replications, in
    /// rank units, computed on `threads` threads.
    pub(crate) fn summaries(
        &self,
        n: usize,
        reps: usize,
        bins: usize,
        threads: usize,
    ) -> Vec<Summary> {
        let mut out = vec![[0.0; 5]; n];
        let per = n.div_ceil(threads.max(1)).max(1);
        ordered_map(
            out.chunks_mut(per).enumerate(),
            threads,
            || (),
            |(), (k, chunk)| self.summarise_range(k * per, chunk, n, reps, bins),
            |()| {},
            None,
        );
        out
    }

    /// The summaries of programmes `first ..` into `out`.
    fn summarise_range(
        &self,
        first: usize,
        out: &mut [Summary],
        n: usize,
        reps: usize,
        bins: usize,
    ) {
        match self {
            Tally::Matrix(cells) => {
                // Fewer replications than possible ranks: each programme's
                // ranks are gathered and sorted, O(R log R) per programme,
                // rather than counted into a histogram of every possible
                // rank, which would cost O(P) per programme whatever R.
                // A block of programmes at a time, so each cache line of
                // the matrix is read once.
                const BLOCK: usize = 16;
                let mut columns: Vec<Vec<u32>> =
                    (0..BLOCK).map(|_| Vec::with_capacity(reps)).collect();
                for (b, outs) in out.chunks_mut(BLOCK).enumerate() {
                    let start = first + b * BLOCK;
                    columns.iter_mut().for_each(Vec::clear);
                    for row in cells.chunks_exact(n.max(1)) {
                        let ranks = programmes(row, start, outs.len());
                        for (column, &rank) in columns.iter_mut().zip(ranks) {
                            column.push(rank);
                        }
                    }
                    for (o, column) in outs.iter_mut().zip(&mut columns) {
                        column.sort_unstable();
                        *o = summarise_sorted(column, reps);
                    }
                }
            }
            Tally::Counts(cells) => {
                let histograms = cells.chunks_exact(bins.max(1)).skip(first);
                for (o, histogram) in out.iter_mut().zip(histograms) {
                    *o = summarise_counts(histogram, reps);
                }
            }
        }
    }
}

/// The cells of programmes `start .. start + len` in one replication's row.
#[expect(
    clippy::indexing_slicing,
    reason = "summaries splits 0..n into the chunks summarise_range gets, so \
              start + len ≤ n, the row's length"
)]
fn programmes(row: &[u32], start: usize, len: usize) -> &[u32] {
    &row[start..start + len]
}

/// `summarise` of the values `counts` describes (`counts[v]` of value
/// v), without listing them: the same operations in the same order, so the
/// same bits.
#[expect(
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "every programme's histogram holds reps ≥ 1 ranks (UncertaintyPolicy and \
              MatrixUncertainty refuse 0 replications), so some bin is not empty and \
              each quantile's lower place, at most reps − 1, holds a value"
)]
fn summarise_counts(counts: &[u32], reps: usize) -> Summary {
    // Only the bins from the best to the worst rank seen can hold values.
    let first = counts
        .iter()
        .position(|&c| c > 0)
        .expect("a histogram of reps ≥ 1 ranks");
    let last = counts
        .iter()
        .rposition(|&c| c > 0)
        .expect("a histogram of reps ≥ 1 ranks");
    let seen = &counts[first..=last];
    let present = || (first..).zip(seen).filter(|(_, c)| **c > 0);
    // Integer sums below 2^53 are exact in f64 whatever the order.
    let total: u64 = present().map(|(v, &c)| v as u64 * u64::from(c)).sum();
    let mean = total as f64 / reps as f64;
    let mut ss = 0.0;
    for (v, &c) in present() {
        let d = (v as u32 as f64 - mean) * (v as u32 as f64 - mean);
        for _ in 0..c {
            ss += d;
        }
    }
    let sd = if reps > 1 {
        (ss / (reps - 1) as f64).sqrt()
    } else {
        0.0
    };
    // Type 7: the values at sorted places lo and lo + 1 (0-based) of each
    // quantile, found in one pass over the running counts.
    let quantiles = [0.5, 0.05, 0.95];
    let h = quantiles.map(|p| reps.saturating_sub(1) as f64 * p);
    let lo = h.map(|h| h.floor() as usize);
    let mut values = [[None::<f64>; 2]; 3];
    let mut seen = 0usize;
    for (v, &c) in present() {
        let before = seen;
        seen += c as usize;
        for (pair, &lo) in values.iter_mut().zip(&lo) {
            for (slot, k) in pair.iter_mut().zip([lo, lo + 1]) {
                if before <= k && k < seen {
                    *slot = Some(v as u32 as f64);
                }
            }
        }
    }
    let mut q = [0.0; 3];
    for (((q, h), lo), [a, b]) in q.iter_mut().zip(h).zip(lo).zip(values) {
        let a = a.expect("the lower place of a quantile is below reps");
        // No value above the lower place: it is the last, and h − lo = 0.
        let b = b.unwrap_or(a);
        *q = a + (h - lo as f64) * (b - a);
    }
    let [median, p05, p95] = q;
    [mean, median, p05, p95, sd]
}

/// `summarise` of `reps` values given in ascending order: the operations of
/// `summarise_counts` in the same order (an exact integer total, squared
/// deviations added from the smallest value up, type 7 quantiles), so the
/// same bits as counting them would give.
#[expect(
    clippy::expect_used,
    reason = "every programme has reps ≥ 1 ranks (UncertaintyPolicy and MatrixUncertainty \
              refuse 0 replications), so each quantile's lower place, at most reps − 1, \
              holds a value"
)]
fn summarise_sorted(sorted: &[u32], reps: usize) -> Summary {
    let total: u64 = sorted.iter().map(|&v| u64::from(v)).sum();
    let mean = total as f64 / reps as f64;
    let mut ss = 0.0;
    for &v in sorted {
        let d = (f64::from(v) - mean) * (f64::from(v) - mean);
        ss += d;
    }
    let sd = if reps > 1 {
        (ss / (reps - 1) as f64).sqrt()
    } else {
        0.0
    };
    let mut q = [0.0; 3];
    for (q, p) in q.iter_mut().zip([0.5, 0.05, 0.95]) {
        let h = reps.saturating_sub(1) as f64 * p;
        let lo = h.floor() as usize;
        let a = f64::from(
            *sorted
                .get(lo)
                .expect("the lower place of a quantile is below reps"),
        );
        let b = sorted.get(lo + 1).map_or(a, |&b| f64::from(b));
        *q = a + (h - lo as f64) * (b - a);
    }
    let [median, p05, p95] = q;
    [mean, median, p05, p95, sd]
}

/// Mean, median, 5th and 95th percentile and sample standard deviation of
/// `reps` values given in ascending order: the slow twin of
/// `summarise_counts`, and the loop the crate ran before. The sums run in
/// that order, so the result does not depend on which replication produced
/// which value.
#[cfg(test)]
pub(crate) fn summarise(sorted: impl Iterator<Item = u32> + Clone, reps: usize) -> Summary {
    let mean = sorted.clone().map(f64::from).sum::<f64>() / reps as f64;
    let ss: f64 = sorted
        .clone()
        .map(|x| (f64::from(x) - mean) * (f64::from(x) - mean))
        .sum();
    let sd = if reps > 1 {
        (ss / (reps - 1) as f64).sqrt()
    } else {
        0.0
    };
    let q = |p| quantile(sorted.clone(), reps, p);
    [mean, q(0.5), q(0.05), q(0.95), sd]
}

/// Type 7 quantile (Hyndman & Fan; R's and NumPy's default) of `n` values
/// in ascending order.
#[cfg(test)]
pub(crate) fn quantile(sorted: impl Iterator<Item = u32> + Clone, n: usize, q: f64) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let h = (n - 1) as f64 * q;
    let lo = h.floor() as usize;
    let mut it = sorted.skip(lo);
    let a = it.next().map_or(0.0, f64::from);
    let b = it.next().map_or(a, f64::from);
    a + (h - lo as f64) * (b - a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn type_7_quantiles() {
        let x = [1u32, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        let q = |p| quantile(x.iter().copied(), 10, p);
        // h = 9·0.05 = 0.45 → 1.45; h = 9·0.95 = 8.55 → 9.55; median 5.5.
        assert!((q(0.05) - 1.45).abs() < 1e-12);
        assert!((q(0.95) - 9.55).abs() < 1e-12);
        assert_eq!(q(0.5), 5.5);
        assert_eq!(quantile([3u32].into_iter(), 1, 0.95), 3.0);
    }

    fn both(ranks: &[Vec<u32>], n: usize, bins: usize, threads: usize) -> [Vec<Summary>; 2] {
        let reps = ranks.len();
        let matrix = Tally::Matrix(ranks.concat());
        let mut counts = vec![0; n * bins];
        for row in ranks {
            for (i, &v) in row.iter().enumerate() {
                counts[i * bins + v as usize] += 1;
            }
        }
        [
            matrix.summaries(n, reps, bins, threads),
            Tally::Counts(counts).summaries(n, reps, bins, threads),
        ]
    }

    #[test]
    fn matrix_and_counts_are_hand_computed() {
        // Three programmes over five replications.
        let reps = [[1, 2, 3], [2, 1, 3], [1, 3, 2], [1, 2, 3], [3, 1, 2]].map(Vec::from);
        let [m, c] = both(&reps, 3, 4, 2);
        assert_eq!(m, c);
        // Programme 0 ranked 1, 2, 1, 1, 3: mean 1.6, median 1,
        // p95: h = 3.8 between 2 and 3 → 2.8; squared deviations
        // 0.36 + 0.16 + 0.36 + 0.36 + 1.96 = 3.2, sd sqrt(3.2/4).
        let [mean, median, p05, p95, sd] = m[0];
        assert!((mean - 1.6).abs() < 1e-12);
        assert_eq!((median, p05), (1.0, 1.0));
        assert!((p95 - 2.8).abs() < 1e-12);
        assert!((sd - (3.2f64 / 4.0).sqrt()).abs() < 1e-12);
    }

    proptest! {
        /// Both layouts and any thread count give what sorting each
        /// programme's ranks and summarising them gives (the slow twin).
        #[test]
        fn layouts_and_threads_agree_with_sorting(
            n in 1usize..40,
            reps in 1usize..60,
            threads in 1usize..5,
            seed in any::<u64>(),
        ) {
            let bins = 2 * n + 1;
            let mut x = seed | 1;
            let ranks: Vec<Vec<u32>> = (0..reps)
                .map(|_| (0..n).map(|_| {
                    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                    1 + (x % (2 * n as u64)) as u32
                }).collect())
                .collect();
            let [m, c] = both(&ranks, n, bins, threads);
            for i in 0..n {
                let mut column: Vec<u32> = ranks.iter().map(|r| r[i]).collect();
                column.sort();
                let expected = summarise(column.iter().copied(), reps);
                prop_assert_eq!(m[i], expected);
                prop_assert_eq!(c[i], expected);
            }
        }
    }
}
