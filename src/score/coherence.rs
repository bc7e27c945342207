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
        let mut pairs = Vec::with_capacity(k * k.saturating_sub(1) / 2);
        for (i, a) in columns.iter().enumerate() {
            for b in columns.iter().skip(i + 1) {
                pairs.push(correlation(a, b));
            }
        }
        let with_composite = columns.iter().map(|c| correlation(c, composite)).collect();
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

/// The known `(x, y)` pairs of two columns.
fn known_pairs(a: &[Option<f64>], b: &[Option<f64>]) -> (Vec<f64>, Vec<f64>) {
    a.iter()
        .zip(b)
        .filter_map(|(x, y)| Some(((*x)?, (*y)?)))
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .unzip()
}

fn correlation(a: &[Option<f64>], b: &[Option<f64>]) -> Correlation {
    let (x, y) = known_pairs(a, b);
    Correlation {
        pearson: pearson(&x, &y),
        spearman: pearson(&ranks(&x), &ranks(&y)),
        rows: x.len(),
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

/// Ranks from 1, ties sharing the average of their places.
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| {
        x.get(a)
            .partial_cmp(&x.get(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out = vec![0.0; x.len()];
    let mut start = 0;
    while start < order.len() {
        let value = order.get(start).and_then(|&i| x.get(i));
        let end = start
            + order
                .iter()
                .skip(start)
                .take_while(|&&i| x.get(i) == value)
                .count();
        let average = (start + end + 1) as f64 / 2.0;
        for &i in order.get(start..end).unwrap_or_default() {
            if let Some(r) = out.get_mut(i) {
                *r = average;
            }
        }
        start = end.max(start + 1);
    }
    out
}

/// The columns restricted to the rows where every column is known.
fn complete_rows(columns: &[Vec<Option<f64>>]) -> Vec<Vec<f64>> {
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = vec![Vec::new(); columns.len()];
    for r in 0..rows {
        let row: Option<Vec<f64>> = columns
            .iter()
            .map(|c| c.get(r).copied().flatten().filter(|x| x.is_finite()))
            .collect();
        if let Some(row) = row {
            for (column, x) in out.iter_mut().zip(row) {
                column.push(x);
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
