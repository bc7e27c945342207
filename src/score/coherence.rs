//! The statistical coherence of a composite's columns: do they measure
//! something together, or does one pull against the rest?
//!
//! The OECD/JRC *Handbook on Constructing Composite Indicators* (2008, step
//! 4) and COINr (`get_corr`, `get_cronbach`, `get_PCA`) ask four questions
//! of the columns (dimensions) of a composite, each answered here with the
//! programmes it used:
//!
//! - **Correlations** between columns and of each column with the composite,
//!   Pearson's (linear) and Spearman's (rank, ties averaged), on the rows
//!   where both values are known (pairwise complete cases). A column
//!   negatively correlated with the composite works against it; two columns
//!   correlated near 1 count one thing twice.
//! - **Cronbach's alpha**, `k/(k − 1) · (1 − Σ var(column) / var(row sum))`
//!   with sample variances, on the rows where every column is known: how
//!   consistently the columns move together.
//! - **The first principal component's share** of the variance of the
//!   standardised columns (its eigenvalue of the correlation matrix over
//!   `k`), on the same complete rows: near 1 when one latent variable
//!   explains the columns.
//!
//! A statistic needs at least three rows (two for a correlation would
//! always be ±1) and a column that varies; otherwise it is unknown.
//!
//! ```
//! use ssr_model::score::coherence::Coherence;
//!
//! // Two columns that rise together and a third that falls.
//! let columns = [
//!     vec![Some(1.0), Some(2.0), Some(3.0), Some(4.0)],
//!     vec![Some(2.0), Some(4.0), Some(5.0), Some(9.0)],
//!     vec![Some(4.0), Some(3.0), Some(2.0), Some(1.0)],
//! ];
//! let composite = [Some(0.2), Some(0.4), Some(0.5), Some(0.8)];
//! let c = Coherence::of(&columns, &composite);
//! assert_eq!(c.pair(0, 2).and_then(|r| r.spearman), Some(-1.0));
//! assert!(c.with_composite(2).and_then(|r| r.pearson).unwrap() < 0.0);
//! assert_eq!(c.complete_rows, 4);
//! ```

use serde::{Deserialize, Serialize};

/// A correlation with the number of rows it used.
///
/// ```
/// use ssr_model::score::coherence::Coherence;
///
/// let c = Coherence::of(&[vec![Some(1.0), None, Some(3.0), Some(5.0)]], &[Some(2.0), Some(1.0), Some(4.0), Some(9.0)]);
/// assert_eq!(c.with_composite(0).map(|r| r.rows), Some(3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Correlation {
    /// Pearson's correlation, when there are enough varying rows.
    pub pearson: Option<f64>,
    /// Spearman's rank correlation (ties take their average rank).
    pub spearman: Option<f64>,
    /// The rows where both values are known.
    pub rows: usize,
}

/// The coherence statistics of a composite's columns.
///
/// ```
/// use ssr_model::score::coherence::Coherence;
///
/// let columns = [vec![Some(1.0), Some(2.0), Some(4.0)], vec![Some(1.0), Some(3.0), Some(4.0)]];
/// let c = Coherence::of(&columns, &[Some(1.0), Some(2.5), Some(4.0)]);
/// assert!(c.cronbach_alpha.unwrap() > 0.9);
/// assert!(c.first_component_share.unwrap() > 0.9);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Coherence {
    /// The number of columns.
    pub columns: usize,
    /// Correlations of each pair of columns `i < j`, in the order
    /// `(0, 1), (0, 2), …, (1, 2), …` ([`pair`](Self::pair) finds one).
    pub pairs: Vec<Correlation>,
    /// Correlation of each column with the composite.
    pub composite: Vec<Correlation>,
    /// Cronbach's alpha over the complete rows, when known.
    pub cronbach_alpha: Option<f64>,
    /// The first principal component's share of the standardised
    /// columns' variance over the complete rows, when known.
    pub first_component_share: Option<f64>,
    /// The rows where every column is known.
    pub complete_rows: usize,
}

impl Coherence {
    /// The statistics of `columns` (each a column of values per row, all
    /// of one length; a shorter column is read as unknown past its end)
    /// and of each with the `composite`.
    pub fn of(columns: &[Vec<Option<f64>>], composite: &[Option<f64>]) -> Coherence {
        let k = columns.len();
        // Each column is sorted once; a pair's ranks are read off the
        // sorted orders in linear time (`Sorted::ranks_among`).
        let sorted: Vec<Sorted> = columns.iter().map(|c| Sorted::of(c)).collect();
        let sorted_composite = Sorted::of(composite);
        let mut scratch = Scratch::default();
        let mut pairs = Vec::with_capacity(k * k.saturating_sub(1) / 2);
        for (i, a) in sorted.iter().enumerate() {
            for b in sorted.iter().skip(i + 1) {
                pairs.push(correlation(a, b, &mut scratch));
            }
        }
        let with_composite = sorted
            .iter()
            .map(|c| correlation(c, &sorted_composite, &mut scratch))
            .collect();
        let complete = complete_rows(columns);
        Coherence {
            columns: k,
            pairs,
            composite: with_composite,
            cronbach_alpha: cronbach_alpha(&complete),
            first_component_share: first_component_share(&complete),
            complete_rows: complete.first().map_or(0, Vec::len),
        }
    }

    /// The correlation of columns `i` and `j` (in either order; a column
    /// with itself is 1), or `None` when either is not a column.
    pub fn pair(&self, i: usize, j: usize) -> Option<Correlation> {
        let (i, j) = (i.min(j), i.max(j));
        if j >= self.columns {
            return None;
        }
        if i == j {
            return Some(Correlation {
                pearson: Some(1.0),
                spearman: Some(1.0),
                rows: self.composite.get(i)?.rows,
            });
        }
        // Pairs before row i: (k − 1) + (k − 2) + … + (k − i).
        let before = i * self.columns - i * (i + 1) / 2;
        self.pairs.get(before + (j - i - 1)).copied()
    }

    /// The correlation of column `i` with the composite, or `None` when
    /// `i` is not a column.
    pub fn with_composite(&self, i: usize) -> Option<Correlation> {
        self.composite.get(i).copied()
    }
}

/// A column's known, finite values, by row and in ascending order.
struct Sorted<'a> {
    values: &'a [Option<f64>],
    /// `(value, row)` of the known, finite values, ascending.
    order: Vec<(f64, usize)>,
}

impl<'a> Sorted<'a> {
    fn of(values: &'a [Option<f64>]) -> Self {
        let mut order: Vec<(f64, usize)> = (0..)
            .zip(values)
            .filter_map(|(r, x)| x.filter(|x| x.is_finite()).map(|x| (x, r)))
            .collect();
        order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        Sorted { values, order }
    }

    /// Whether row `r` holds a known, finite value.
    fn known(&self, r: usize) -> bool {
        self.values
            .get(r)
            .copied()
            .flatten()
            .is_some_and(f64::is_finite)
    }

    /// The ranks from 1 of the values in the rows `keep` says, ties sharing
    /// the average of their places, written at their rows in `by_row`
    /// (which has a place for every row): what [`ranks`] gives for those
    /// values, in linear time.
    fn ranks_among(&self, keep: impl Fn(usize) -> bool, kept: &mut Vec<usize>, by_row: &mut [f64]) {
        kept.clear();
        let mut start = 0;
        let mut value = None;
        let mut flush = |kept: &[usize], start: usize, end: usize| {
            let average = (start + end + 1) as f64 / 2.0;
            for &r in kept.get(start..end).unwrap_or_default() {
                if let Some(place) = by_row.get_mut(r) {
                    *place = average;
                }
            }
        };
        for &(x, r) in self.order.iter().filter(|(_, r)| keep(*r)) {
            // `==`, not the sort's total order: −0 and +0 tie, as in `ranks`.
            if value.is_some_and(|v| v != x) {
                flush(kept, start, kept.len());
                start = kept.len();
            }
            value = Some(x);
            kept.push(r);
        }
        flush(kept, start, kept.len());
    }
}

/// Buffers reused from one pair to the next.
#[derive(Default)]
struct Scratch {
    kept: Vec<usize>,
    ranks_a: Vec<f64>,
    ranks_b: Vec<f64>,
    x: Vec<f64>,
    y: Vec<f64>,
    rx: Vec<f64>,
    ry: Vec<f64>,
}

fn correlation(a: &Sorted, b: &Sorted, s: &mut Scratch) -> Correlation {
    let rows = a.values.len().min(b.values.len());
    let both = |r: usize| a.known(r) && b.known(r);
    s.ranks_a.clear();
    s.ranks_a.resize(rows, 0.0);
    s.ranks_b.clear();
    s.ranks_b.resize(rows, 0.0);
    a.ranks_among(both, &mut s.kept, &mut s.ranks_a);
    b.ranks_among(both, &mut s.kept, &mut s.ranks_b);
    for v in [&mut s.x, &mut s.y, &mut s.rx, &mut s.ry] {
        v.clear();
    }
    let pairs = a
        .values
        .iter()
        .zip(b.values)
        .zip(s.ranks_a.iter().zip(&s.ranks_b));
    for ((x, y), (rx, ry)) in pairs {
        if let (Some(x), Some(y)) = (x.filter(|x| x.is_finite()), y.filter(|y| y.is_finite())) {
            s.x.push(x);
            s.y.push(y);
            s.rx.push(*rx);
            s.ry.push(*ry);
        }
    }
    Correlation {
        pearson: pearson(&s.x, &s.y),
        spearman: pearson(&s.rx, &s.ry),
        rows: s.x.len(),
    }
}

fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

/// Pearson's r, or `None` with fewer than three rows or a constant column.
fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() < 3 {
        return None;
    }
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// The columns restricted to the rows where every column is known.
fn complete_rows(columns: &[Vec<Option<f64>>]) -> Vec<Vec<f64>> {
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = vec![Vec::new(); columns.len()];
    let value =
        |c: &Vec<Option<f64>>, r: usize| c.get(r).copied().flatten().filter(|x| x.is_finite());
    for r in 0..rows {
        if columns.iter().all(|c| value(c, r).is_some()) {
            for (column, c) in out.iter_mut().zip(columns) {
                column.extend(value(c, r));
            }
        }
    }
    out
}

/// The sample variance (n − 1 in the denominator).
fn sample_variance(x: &[f64]) -> f64 {
    let m = mean(x);
    x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (x.len() as f64 - 1.0)
}

fn cronbach_alpha(columns: &[Vec<f64>]) -> Option<f64> {
    let k = columns.len();
    let n = columns.first().map_or(0, Vec::len);
    if k < 2 || n < 3 {
        return None;
    }
    let sums: Vec<f64> = (0..n)
        .map(|r| columns.iter().filter_map(|c| c.get(r)).sum())
        .collect();
    let total = sample_variance(&sums);
    if total <= 0.0 {
        return None;
    }
    let items: f64 = columns.iter().map(|c| sample_variance(c)).sum();
    let k = k as f64;
    Some(k / (k - 1.0) * (1.0 - items / total))
}

fn first_component_share(columns: &[Vec<f64>]) -> Option<f64> {
    let k = columns.len();
    if k < 2 {
        return None;
    }
    let mut r = vec![vec![0.0; k]; k];
    for (i, a) in columns.iter().enumerate() {
        for (j, b) in columns.iter().enumerate() {
            let value = if i == j { Some(1.0) } else { pearson(a, b) };
            *r.get_mut(i)?.get_mut(j)? = value?;
        }
    }
    let largest = jacobi_eigenvalues(r)
        .into_iter()
        .fold(f64::NEG_INFINITY, f64::max);
    Some(largest / k as f64)
}

/// The eigenvalues of a symmetric matrix by cyclic Jacobi rotations: exact
/// to rounding for the few columns a composite has.
fn jacobi_eigenvalues(mut a: Vec<Vec<f64>>) -> Vec<f64> {
    let k = a.len();
    let get = |a: &Vec<Vec<f64>>, i: usize, j: usize| {
        a.get(i).and_then(|r| r.get(j)).copied().unwrap_or(0.0)
    };
    for _sweep in 0..100 {
        let off: f64 = (0..k)
            .flat_map(|i| (0..k).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| get(&a, i, j).powi(2))
            .sum();
        if off < 1e-24 {
            break;
        }
        for p in 0..k {
            for q in (p + 1)..k {
                let apq = get(&a, p, q);
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (get(&a, q, q) - get(&a, p, p)) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for i in 0..k {
                    let (aip, aiq) = (get(&a, i, p), get(&a, i, q));
                    if let Some(row) = a.get_mut(i) {
                        if let Some(x) = row.get_mut(p) {
                            *x = c * aip - s * aiq;
                        }
                        if let Some(x) = row.get_mut(q) {
                            *x = s * aip + c * aiq;
                        }
                    }
                }
                for j in 0..k {
                    let (apj, aqj) = (get(&a, p, j), get(&a, q, j));
                    if let Some(x) = a.get_mut(p).and_then(|r| r.get_mut(j)) {
                        *x = c * apj - s * aqj;
                    }
                    if let Some(x) = a.get_mut(q).and_then(|r| r.get_mut(j)) {
                        *x = s * apj + c * aqj;
                    }
                }
            }
        }
    }
    (0..k).map(|i| get(&a, i, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The slow, obvious twin of `Sorted::ranks_among`: ranks from 1,
    /// ties sharing the average of their places, by a comparison sort of
    /// the values themselves.
    fn ranks(x: &[f64]) -> Vec<f64> {
        let mut order: Vec<usize> = (0..x.len()).collect();
        order.sort_by(|&a, &b| x[a].partial_cmp(&x[b]).unwrap_or(std::cmp::Ordering::Equal));
        let mut out = vec![0.0; x.len()];
        let mut start = 0;
        while start < order.len() {
            let value = x[order[start]];
            let end = start
                + order[start..]
                    .iter()
                    .take_while(|&&i| x[i] == value)
                    .count();
            for &i in &order[start..end] {
                out[i] = (start + end + 1) as f64 / 2.0;
            }
            start = end;
        }
        out
    }

    /// The slow path: the known pairs, ranked afresh.
    fn slow(a: &[Option<f64>], b: &[Option<f64>]) -> Correlation {
        let (x, y): (Vec<f64>, Vec<f64>) = a
            .iter()
            .zip(b)
            .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .unzip();
        Correlation {
            pearson: pearson(&x, &y),
            spearman: pearson(&ranks(&x), &ranks(&y)),
            rows: x.len(),
        }
    }

    /// Values with many ties, both zeros, unknowns and non-finite ones.
    fn value() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            4 => (-3i8..4).prop_map(|v| Some(f64::from(v))),
            1 => Just(Some(-0.0)),
            1 => Just(None),
            1 => Just(Some(f64::NAN)),
            2 => any::<f64>().prop_map(Some),
        ]
    }

    proptest! {
        #[test]
        fn pairs_equal_ranking_each_pair_afresh(
            a in proptest::collection::vec(value(), 0..40),
            b in proptest::collection::vec(value(), 0..40),
        ) {
            let fast = correlation(&Sorted::of(&a), &Sorted::of(&b), &mut Scratch::default());
            let slow = slow(&a, &b);
            prop_assert_eq!(fast.rows, slow.rows);
            prop_assert_eq!(fast.pearson.map(f64::to_bits), slow.pearson.map(f64::to_bits));
            prop_assert_eq!(fast.spearman.map(f64::to_bits), slow.spearman.map(f64::to_bits));
        }
    }

    #[test]
    fn ties_share_their_average_place() {
        // 3, 1, 3, 2 → 1 is 1st, 2 is 2nd, the two 3s hold places 3 and 4:
        // (3 + 4) / 2 = 3.5 each.
        let values = [Some(3.0), Some(1.0), Some(3.0), Some(2.0)];
        let mut by_row = vec![0.0; 4];
        Sorted::of(&values).ranks_among(|_| true, &mut Vec::new(), &mut by_row);
        assert_eq!(by_row, [3.5, 1.0, 3.5, 2.0]);
    }
}
