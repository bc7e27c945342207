//! Ranking without a comparison sort: scores become order-preserving
//! integer keys, one counting pass spreads them over buckets by their
//! leading bits, and each bucket is finished by an insertion sort (a few
//! keys) or an LSD radix sort (many). Keys are compared in full, so ties are
//! exact: two scores tie when their bits are equal (−0 and +0 are made one).
//!
//! The slow obvious twins (a comparison sort, a brute-force count) live in
//! the tests below, whose proptests check the fast paths against them.

/// Buckets below this size are finished by insertion sort.
const SMALL: usize = 32;

/// The key that sorts ascending as `score` sorts descending.
fn descending_key(score: f64) -> u64 {
    // `+ 0.0` turns −0 into +0, so the two zeros tie as they compare.
    let bits = (score + 0.0).to_bits();
    // Negative: flip every bit; positive: flip the sign bit (ascending
    // order); then flip all for descending. Branch-free, so it vectorises.
    let negative = ((bits as i64) >> 63) as u64;
    bits ^ !(negative | (1 << 63))
}

/// The score a key was made from (−0 comes back as +0).
fn score_of(key: u64) -> f64 {
    let ascending = !key;
    let bits = if ascending >> 63 == 1 {
        ascending ^ (1 << 63)
    } else {
        !ascending
    };
    f64::from_bits(bits)
}

/// Reusable buffers for ranking one vector of scores after another, so a
/// Monte Carlo loop allocates nothing per replication.
#[derive(Debug, Default)]
pub(crate) struct Ranker {
    keys: Vec<u64>,
    index: Vec<u32>,
    spare_keys: Vec<u64>,
    spare_index: Vec<u32>,
    counts: Vec<u32>,
}

impl Ranker {
    /// Sorts the present scores best first; afterwards `self.keys` and
    /// `self.index` hold their keys and positions in that order (tied
    /// scores in no particular order).
    fn sort_descending(&mut self, scores: impl Iterator<Item = (usize, f64)>) {
        self.keys.clear();
        self.index.clear();
        for (i, s) in scores {
            self.keys.push(descending_key(s));
            self.index.push(i as u32);
        }
        self.sort_loaded();
    }

    /// `sort_descending` of every score: the keys are made in one
    /// vectorisable pass, without a capacity check per push.
    fn sort_all_descending(&mut self, scores: &[f64]) {
        self.keys.clear();
        self.keys.extend(scores.iter().map(|&s| descending_key(s)));
        self.index.clear();
        self.index.extend(0..scores.len() as u32);
        self.sort_loaded();
    }

    /// Sorts `self.keys` ascending, `self.index` alongside.
    #[expect(
        clippy::indexing_slicing,
        reason = "bucket ends are prefix sums of counts, at most keys.len(), \
                  and the spare arrays were resized to keys.len()"
    )]
    fn sort_loaded(&mut self) {
        let n = self.keys.len();
        if n <= SMALL {
            insertion_sort(&mut self.keys, &mut self.index);
            return;
        }
        let (lo, hi) = self
            .keys
            .iter()
            .fold((u64::MAX, 0), |(lo, hi), &k| (lo.min(k), hi.max(k)));
        // About one bucket per score, on the leading bits of the range.
        let bits = (usize::BITS - n.leading_zeros()).min(16);
        let span = u64::BITS - (hi - lo).leading_zeros();
        let shift = span.saturating_sub(bits);
        self.spare_keys.resize(n, 0);
        self.spare_index.resize(n, 0);
        self.counts.clear();
        self.counts.resize((1usize << bits) + 1, 0);
        let bucket = |k: u64| ((k - lo) >> shift) as usize;
        scatter(
            (&self.keys, &self.index),
            (&mut self.spare_keys, &mut self.spare_index),
            &mut self.counts,
            bucket,
        );
        std::mem::swap(&mut self.keys, &mut self.spare_keys);
        std::mem::swap(&mut self.index, &mut self.spare_index);
        // `counts` now holds each bucket's end. Keys of different buckets
        // are in order, so when every bucket is small one insertion pass
        // over the whole array finishes them all, in time n plus the
        // inversions within buckets.
        let mut largest = 0;
        let mut start = 0;
        for &end in &self.counts {
            largest = largest.max(end - start);
            start = end;
        }
        if largest as usize <= SMALL {
            insertion_sort(&mut self.keys, &mut self.index);
            return;
        }
        let mut start = 0;
        for &end in &self.counts {
            let end = end as usize;
            if end - start > 1 {
                let (keys, index) = (&mut self.keys[start..end], &mut self.index[start..end]);
                if end - start <= SMALL {
                    insertion_sort(keys, index);
                } else {
                    let (sk, si) = (
                        &mut self.spare_keys[start..end],
                        &mut self.spare_index[start..end],
                    );
                    radix_sort(keys, index, (sk, si), lo, shift);
                }
            }
            start = end;
        }
    }

    /// Average ranks of `scores`, higher better, in half-rank units: a
    /// score holding sorted places a+1 … b (1-based, ties spanning them)
    /// gets `a + 1 + b`, twice its average rank. `same` says whether two
    /// neighbouring scores (in sorted order, best first) tie beyond having
    /// equal bits; equal bits always tie.
    pub(crate) fn average_halves(
        &mut self,
        scores: &[f64],
        same: impl Fn(f64, f64) -> bool,
        out: &mut [u32],
    ) {
        self.runs(scores, same, |i, start, end| {
            if let Some(o) = out.get_mut(i) {
                *o = (start + 1 + end) as u32;
            }
        });
    }

    /// Sorts `scores` best first and calls `each(i, start, end)` for every
    /// score i, where `start..end` are the sorted places (0-based) of the
    /// run of scores tied with it: `start` scores are better, `end − start`
    /// tie (itself included).
    pub(crate) fn runs(
        &mut self,
        scores: &[f64],
        same: impl Fn(f64, f64) -> bool,
        mut each: impl FnMut(usize, usize, usize),
    ) {
        self.sort_all_descending(scores);
        let (keys, index) = (&self.keys, &self.index);
        let mut start = 0;
        for ((end, &before), &here) in (1..).zip(keys).zip(keys.iter().skip(1)) {
            if before != here && !same(score_of(before), score_of(here)) {
                for &i in run_of(index, start, end) {
                    each(i as usize, start, end);
                }
                start = end;
            }
        }
        let end = keys.len();
        for &i in run_of(index, start, end) {
            each(i as usize, start, end);
        }
    }

    /// Competition ranks (1 best; tied scores share the best rank of their
    /// group, the next rank is skipped) of the present `scores` into `out`;
    /// a score ties the first of the group before it when `tied` says so.
    pub(crate) fn competition(
        &mut self,
        scores: &[Option<f64>],
        tied: impl Fn(f64, f64) -> bool,
        out: &mut [Option<u32>],
    ) {
        self.sort_descending(
            scores
                .iter()
                .enumerate()
                .filter_map(|(i, s)| s.map(|s| (i, s))),
        );
        out.iter_mut().for_each(|o| *o = None);
        let mut rank = 0u32;
        let mut first = None::<u64>;
        for ((pos, &key), &i) in (1..).zip(&self.keys).zip(&self.index) {
            let tie = first.is_some_and(|f| f == key || tied(score_of(f), score_of(key)));
            if !tie {
                rank = pos;
                first = Some(key);
            }
            if let Some(o) = out.get_mut(i as usize) {
                *o = Some(rank);
            }
        }
    }
}

/// Stable counting scatter of (key, index) pairs by `bucket(key)` into the
/// spare arrays; `counts` (one more than the buckets) ends holding each
/// bucket's end offset.
#[expect(
    clippy::indexing_slicing,
    reason = "bucket(k) < counts.len() - 1 by construction of the shift; \
              offsets are prefix sums of counts, so below keys.len()"
)]
fn scatter(
    (keys, index): (&[u64], &[u32]),
    (to_keys, to_index): (&mut [u64], &mut [u32]),
    counts: &mut [u32],
    bucket: impl Fn(u64) -> usize,
) {
    for &k in keys {
        counts[bucket(k) + 1] += 1;
    }
    for b in 1..counts.len() {
        counts[b] += counts[b - 1];
    }
    for (&k, &i) in keys.iter().zip(index) {
        let slot = &mut counts[bucket(k)];
        to_keys[*slot as usize] = k;
        to_index[*slot as usize] = i;
        *slot += 1;
    }
    // counts[b] is now the end of bucket b (it was its start).
}

/// The programmes at sorted places `start..end`.
#[expect(
    clippy::indexing_slicing,
    reason = "runs walks places 0 ≤ start ≤ end ≤ keys.len(), and sort_all_descending \
              loads index with as many entries as keys"
)]
fn run_of(index: &[u32], start: usize, end: usize) -> &[u32] {
    &index[start..end]
}

#[expect(
    clippy::indexing_slicing,
    reason = "0 ≤ j − 1 < j ≤ i < keys.len() = index.len() (zipped arrays)"
)]
fn insertion_sort(keys: &mut [u64], index: &mut [u32]) {
    for i in 1..keys.len().min(index.len()) {
        let (key, at) = (keys[i], index[i]);
        let mut j = i;
        while j > 0 && keys[j - 1] > key {
            keys[j] = keys[j - 1];
            index[j] = index[j - 1];
            j -= 1;
        }
        keys[j] = key;
        index[j] = at;
    }
}

#[expect(
    clippy::indexing_slicing,
    reason = "a digit is below 256, the histogram's length; offsets are \
              prefix sums of the counts, so below keys.len()"
)]
fn radix_sort(
    keys: &mut [u64],
    index: &mut [u32],
    (spare_keys, spare_index): (&mut [u64], &mut [u32]),
    lo: u64,
    shift: u32,
) {
    let passes = shift.div_ceil(8) as usize;
    let mut hist = [[0u32; 256]; 8];
    for &k in keys.iter() {
        for (d, h) in hist.iter_mut().enumerate().take(passes) {
            h[(((k - lo) >> (8 * d)) & 0xff) as usize] += 1;
        }
    }
    let n = keys.len() as u32;
    let mut in_spare = false;
    for (d, h) in hist.iter_mut().enumerate().take(passes) {
        if h.contains(&n) {
            continue; // every key has this digit
        }
        let mut sum = 0;
        for c in h.iter_mut() {
            let here = *c;
            *c = sum;
            sum += here;
        }
        let (from_k, from_i, to_k, to_i): (&[u64], &[u32], &mut [u64], &mut [u32]) = if in_spare {
            (spare_keys, spare_index, keys, index)
        } else {
            (keys, index, spare_keys, spare_index)
        };
        for (&k, &i) in from_k.iter().zip(from_i.iter()) {
            let slot = &mut h[(((k - lo) >> (8 * d)) & 0xff) as usize];
            to_k[*slot as usize] = k;
            to_i[*slot as usize] = i;
            *slot += 1;
        }
        in_spare = !in_spare;
    }
    if in_spare {
        keys.copy_from_slice(spare_keys);
        index.copy_from_slice(spare_index);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The obvious definition: twice the average rank is
    /// 2·(number better) + (number equal, itself included) + 1.
    fn brute_average_halves(scores: &[f64]) -> Vec<u32> {
        scores
            .iter()
            .map(|&s| {
                let better = scores.iter().filter(|&&t| t > s).count();
                let equal = scores.iter().filter(|&&t| t == s).count();
                (2 * better + equal + 1) as u32
            })
            .collect()
    }

    /// Competition ranks by a comparison sort (the code this replaced); the
    /// slow twin of [`Ranker::competition`], also the rank Monte Carlo's.
    pub(crate) fn sorted_competition(
        scores: &[Option<f64>],
        tied: impl Fn(f64, f64) -> bool,
    ) -> Vec<Option<u32>> {
        let mut order: Vec<(f64, usize)> = scores
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (s, i)))
            .collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut out = vec![None; scores.len()];
        let (mut rank, mut last) = (0u32, None::<f64>);
        for (pos, &(s, i)) in order.iter().enumerate() {
            if !last.is_some_and(|l| tied(l, s)) {
                rank = pos as u32 + 1;
                last = Some(s);
            }
            out[i] = Some(rank);
        }
        out
    }

    /// Average ranks by a comparison sort, a run continuing while
    /// neighbours are equal or `same` (the obvious twin of `runs`).
    fn sorted_average_halves(scores: &[f64], same: impl Fn(f64, f64) -> bool) -> Vec<u32> {
        let mut order: Vec<(f64, usize)> = scores.iter().copied().zip(0..).collect();
        order.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut out = vec![0; scores.len()];
        let mut start = 0;
        for end in 1..=order.len() {
            let (a, b) = (order[end - 1].0, order.get(end).map(|o| o.0));
            if !b.is_some_and(|b| a == b || same(a, b)) {
                for &(_, i) in &order[start..end] {
                    out[i] = (start + 1 + end) as u32;
                }
                start = end;
            }
        }
        out
    }

    /// Scores with many exact ties, both zeros, negatives and wide ranges.
    fn scores() -> impl Strategy<Value = Vec<f64>> {
        let value = prop_oneof![
            (0i32..6).prop_map(f64::from),
            Just(-0.0),
            -1.0f64..1.0,
            (-1e15f64..1e15),
            (0u64..4).prop_map(|k| 0.5 + k as f64 * f64::EPSILON),
        ];
        prop::collection::vec(value, 0..300)
    }

    proptest! {
        #[test]
        fn average_ranks_match_brute_force(scores in scores()) {
            let mut out = vec![0; scores.len()];
            Ranker::default().average_halves(&scores, |_, _| false, &mut out);
            prop_assert_eq!(out, brute_average_halves(&scores));
        }

        #[test]
        fn average_ranks_with_near_ties_match_comparison_sort(scores in scores()) {
            let same = |a: f64, b: f64| (a - b).abs() <= 1e-3;
            let mut out = vec![0; scores.len()];
            Ranker::default().average_halves(&scores, same, &mut out);
            prop_assert_eq!(out, sorted_average_halves(&scores, same));
        }

        #[test]
        fn competition_ranks_match_comparison_sort(
            scores in prop::collection::vec(prop::option::weighted(0.9, (0i32..8).prop_map(f64::from).boxed().prop_union((-1.0f64..1.0).boxed())), 0..300)
        ) {
            let tied = |a: f64, b: f64| (a - b).abs() <= 0.3;
            let mut out = vec![None; scores.len()];
            Ranker::default().competition(&scores, tied, &mut out);
            prop_assert_eq!(out, sorted_competition(&scores, tied));
        }
    }

    #[test]
    fn one_outlier_squeezes_the_rest_into_one_bucket() {
        // The many close scores share a leading-bits bucket and go through
        // the radix sort.
        let mut scores: Vec<f64> = (0..500).map(|i| 0.5 + f64::from(i % 97) * 1e-13).collect();
        scores.push(1e15);
        scores.push(-1e15);
        let mut out = vec![0; scores.len()];
        Ranker::default().average_halves(&scores, |_, _| false, &mut out);
        assert_eq!(out, brute_average_halves(&scores));
    }

    #[test]
    fn both_zeros_tie() {
        let mut out = vec![0; 3];
        Ranker::default().average_halves(&[0.0, -0.0, 1.0], |_, _| false, &mut out);
        assert_eq!(out, [5, 5, 2]);
    }
}
