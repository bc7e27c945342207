//! A composite indicator over a plain table: rows (programmes, countries)
//! by columns (indicators), with a weight per column. Normalise, weight,
//! aggregate and rank it, and measure how far each row's rank depends on the
//! weights and the aggregation ([`CompositeMatrix::rank_uncertainty`]), the
//! way COINr does for any data frame, without building programmes first.

mod error;
mod uncertainty;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Code;
use crate::diagnostics::problems::Problems;
pub use error::MatrixError;
pub use uncertainty::{MatrixRankStats, MatrixRanks, MatrixUncertainty};

/// The builder methods the options of every run over a matrix share (its
/// rank uncertainty, its sensitivity analysis): the seed and the threads.
macro_rules! seed_and_threads {
    ($options:ty) => {
        impl $options {
            /// Returns `self` with another seed.
            #[must_use]
            pub fn with_seed(mut self, seed: u64) -> Self {
                self.seed = seed;
                self
            }

            /// Returns `self` running on `threads` threads (at least 1); the
            /// results do not depend on it.
            #[must_use]
            pub fn with_threads(mut self, threads: usize) -> Self {
                self.threads = Some(threads);
                self
            }
        }
    };
}
pub(crate) use seed_and_threads;

/// A run's thread count, when given, is at least 1.
pub(crate) fn check_threads(threads: Option<usize>, problems: &mut Problems) {
    if threads == Some(0) {
        problems.add(
            Code::MatrixOptionOutOfRange,
            "/threads",
            "expected at least 1 thread, found 0",
        );
    }
}

use super::engine::Ranker;
use super::{Normalisation, Scaling};

/// Scores are refused beyond this magnitude: bounded inputs keep sums,
/// means and their rounding finite and meaningful.
pub const MAX_ABS_SCORE: f64 = 1e15;
/// Weights are refused beyond this.
pub const MAX_WEIGHT: f64 = 1e6;
/// The geometric mean raises values below this to it (zero-safe, as the
/// numpy reference does).
pub const GEOMETRIC_FLOOR: f64 = 1e-9;

/// How the weighted columns of a row combine into its composite.
///
/// In JSON: `"arithmetic"` or `"geometric"`.
///
/// ```
/// use ssr_model::score::matrix::{CompositeMatrix, MatrixAggregation};
///
/// let m = CompositeMatrix::new(vec![vec![0.25, 1.0]], vec![1.0, 1.0])?;
/// let arithmetic = m.composite(MatrixAggregation::Arithmetic)[0];
/// assert!((arithmetic - 0.625).abs() < 1e-12); // (0.25 + 1) / 2
/// let geometric = m.composite(MatrixAggregation::Geometric)[0];
/// assert!((geometric - 0.5).abs() < 1e-12); // √(0.25 × 1)
/// // Display prints the JSON name, and FromStr reads it back.
/// assert_eq!(MatrixAggregation::Geometric.to_string(), "geometric");
/// assert_eq!("arithmetic".parse::<MatrixAggregation>().ok(), Some(MatrixAggregation::Arithmetic));
/// # Ok::<(), ssr_model::score::matrix::MatrixError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MatrixAggregation {
    /// `Σ wᵢ xᵢ` with the weights summing to 1.
    #[default]
    Arithmetic,
    /// `exp(Σ wᵢ ln max(xᵢ, 10⁻⁹))` with the weights summing to 1.
    Geometric,
}

crate::model::names::names!(MatrixAggregation, "matrix aggregation" {
    Arithmetic = "arithmetic",
    Geometric = "geometric",
});

/// A P × C table of scores with one weight per column, checked: every score
/// finite and at most 10¹⁵ in magnitude, every weight from 0 to 10⁶ and
/// some weight positive, every row C long.
///
/// In JSON (the numpy reference's input, `names` optional):
/// `{"scores": [[0.2, 0.9], [0.7, 0.4]], "weights": [1, 2], "names": ["A", "B"]}`.
///
/// ```
/// use ssr_model::score::matrix::{CompositeMatrix, MatrixAggregation};
///
/// let m = CompositeMatrix::new(
///     vec![vec![0.2, 0.9], vec![0.7, 0.4], vec![0.7, 0.4]],
///     vec![1.0, 3.0],
/// )?;
/// // Weights ¼ and ¾: 0.05 + 0.675 = 0.725 and 0.175 + 0.3 = 0.475.
/// let c = m.composite(MatrixAggregation::Arithmetic);
/// assert!((c[0] - 0.725).abs() < 1e-12 && (c[1] - 0.475).abs() < 1e-12);
/// // Rank 1 is best; the tied rows share places 2 and 3.
/// assert_eq!(m.ranks(MatrixAggregation::Arithmetic), [1.0, 2.5, 2.5]);
/// # Ok::<(), ssr_model::score::matrix::MatrixError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawMatrix", into = "RawMatrix")]
pub struct CompositeMatrix {
    rows: usize,
    columns: usize,
    /// Row-major.
    values: Vec<f64>,
    weights: Vec<f64>,
    names: Option<Vec<String>>,
}

/// The JSON form, before checking.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RawMatrix {
    scores: Vec<Vec<f64>>,
    weights: Vec<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    names: Option<Vec<String>>,
}

impl TryFrom<RawMatrix> for CompositeMatrix {
    type Error = MatrixError;

    fn try_from(raw: RawMatrix) -> Result<Self, MatrixError> {
        let matrix = CompositeMatrix::new(raw.scores, raw.weights)?;
        match raw.names {
            Some(names) => matrix.with_names(names),
            None => Ok(matrix),
        }
    }
}

impl From<CompositeMatrix> for RawMatrix {
    fn from(m: CompositeMatrix) -> Self {
        RawMatrix {
            scores: m
                .values
                .chunks(m.columns.max(1))
                .map(<[f64]>::to_vec)
                .collect(),
            weights: m.weights,
            names: m.names,
        }
    }
}

impl CompositeMatrix {
    /// Checks and takes a table given as rows, and its column weights.
    ///
    /// # Errors
    ///
    /// [`MatrixError`] listing every problem: no rows or no columns, a row
    /// of another length than the weights, a score not finite or beyond
    /// ±10¹⁵, a weight negative, not finite or above 10⁶, or no positive
    /// weight.
    pub fn new(scores: Vec<Vec<f64>>, weights: Vec<f64>) -> Result<Self, MatrixError> {
        let mut problems = Problems::default();
        let columns = weights.len();
        if scores.is_empty() || columns == 0 {
            problems.add(
                Code::MatrixEmpty,
                "",
                format!(
                    "expected at least one row and one column, found {} rows and {columns} weights",
                    scores.len()
                ),
            );
        }
        let mut values = Vec::with_capacity(scores.len() * columns);
        for (r, row) in scores.iter().enumerate() {
            if row.len() != columns {
                problems.add(
                    Code::MatrixRaggedRow,
                    format!("/scores/{r}"),
                    format!(
                        "expected {columns} scores (one per weight), found {}",
                        row.len()
                    ),
                );
            }
            for (c, &x) in row.iter().enumerate() {
                if !x.is_finite() {
                    problems.add(
                        Code::MatrixScoreNotFinite,
                        format!("/scores/{r}/{c}"),
                        format!("expected a finite number, found {x}"),
                    );
                } else if x.abs() > MAX_ABS_SCORE {
                    problems.add(
                        Code::MatrixScoreOutOfRange,
                        format!("/scores/{r}/{c}"),
                        format!("expected a score from -1e15 to 1e15, found {x}"),
                    );
                }
            }
            values.extend_from_slice(row);
        }
        for (c, &w) in weights.iter().enumerate() {
            if !(0.0..=MAX_WEIGHT).contains(&w) {
                problems.add(
                    Code::MatrixWeightOutOfRange,
                    format!("/weights/{c}"),
                    format!("expected a weight from 0 to 1e6, found {w}"),
                );
            }
        }
        if columns > 0 && weights.iter().all(|&w| w == 0.0) {
            problems.add(
                Code::MatrixNoWeight,
                "/weights",
                "expected some positive weight, found all 0",
            );
        }
        problems
            .finish(CompositeMatrix {
                rows: scores.len(),
                columns,
                values,
                weights,
                names: None,
            })
            .map_err(MatrixError::from)
    }

    /// Returns `self` with a name for each row.
    ///
    /// # Errors
    ///
    /// A `names_length` [`MatrixError`] when there are not as many names
    /// as rows.
    pub fn with_names(mut self, names: Vec<String>) -> Result<Self, MatrixError> {
        let mut problems = Problems::default();
        if names.len() != self.rows {
            problems.add(
                Code::MatrixNamesLength,
                "/names",
                format!(
                    "expected {} names (one per row), found {}",
                    self.rows,
                    names.len()
                ),
            );
        }
        self.names = Some(names);
        problems.finish(self).map_err(MatrixError::from)
    }

    /// Rows (P).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Columns (C).
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// The column weights as given.
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// The row names, when given.
    pub fn names(&self) -> Option<&[String]> {
        self.names.as_deref()
    }

    /// The scores of row `i`.
    pub fn row(&self, i: usize) -> Option<&[f64]> {
        self.values.get(i * self.columns..(i + 1) * self.columns)
    }

    /// The weights scaled to sum to 1.
    pub(crate) fn unit_weights(&self) -> Vec<f64> {
        let total: f64 = self.weights.iter().sum();
        self.weights.iter().map(|w| w / total).collect()
    }

    /// The table with each column normalised across the rows, higher
    /// better (see [`Normalisation`]; goalposts 0 and 1).
    ///
    /// ```
    /// use ssr_model::score::matrix::CompositeMatrix;
    /// use ssr_model::score::compare::Normalisation;
    ///
    /// let m = CompositeMatrix::new(vec![vec![2.0], vec![4.0], vec![3.0]], vec![1.0])?;
    /// let n = m.normalised(Normalisation::MinMax);
    /// assert_eq!(n.row(2), Some(&[50.0][..]));
    /// # Ok::<(), ssr_model::score::matrix::MatrixError>(())
    /// ```
    #[must_use]
    pub fn normalised(&self, normalisation: Normalisation) -> CompositeMatrix {
        let mut out = self.clone();
        let scaling = Scaling::new(true);
        for c in 0..self.columns {
            let column: Vec<Option<f64>> = self.column(c).map(Some).collect();
            let normalised = normalisation.apply(&column, &scaling);
            for (slot, v) in out
                .values
                .iter_mut()
                .skip(c)
                .step_by(self.columns)
                .zip(normalised)
            {
                *slot = v.unwrap_or(*slot);
            }
        }
        out
    }

    /// Column `c`, top to bottom.
    pub(crate) fn column(&self, c: usize) -> impl Iterator<Item = f64> + '_ {
        self.values
            .iter()
            .skip(c)
            .step_by(self.columns.max(1))
            .copied()
    }

    /// Each row's composite under `method` with the weights scaled to sum
    /// to 1 (geometric: values floored at 10⁻⁹).
    pub fn composite(&self, method: MatrixAggregation) -> Vec<f64> {
        let w = self.unit_weights();
        self.values
            .chunks(self.columns.max(1))
            .map(|row| match method {
                MatrixAggregation::Arithmetic => row.iter().zip(&w).map(|(x, w)| w * x).sum(),
                MatrixAggregation::Geometric => row
                    .iter()
                    .zip(&w)
                    .map(|(x, w)| w * x.max(GEOMETRIC_FLOOR).ln())
                    .sum::<f64>()
                    .exp(),
            })
            .collect()
    }

    /// The coherence of the columns (as given: the matrix ranks its scores
    /// unnormalised) and of each with the composite under `method`:
    /// correlations, Cronbach's alpha, the first principal component's
    /// share ([`Coherence`](crate::score::coherence::Coherence)). Every
    /// column takes part, whatever its weight; every row is complete.
    ///
    /// ```
    /// use ssr_model::score::matrix::{CompositeMatrix, MatrixAggregation};
    ///
    /// let m = CompositeMatrix::new(
    ///     vec![vec![1.0, 2.0], vec![2.0, 4.0], vec![3.0, 7.0]],
    ///     vec![1.0, 1.0],
    /// )?;
    /// let c = m.coherence(MatrixAggregation::Arithmetic);
    /// // 1, 2, 3 against 2, 4, 7: Σdxdy = 5, Σdx² = 2, Σdy² = 114/9.
    /// let r = c.pair(0, 1).and_then(|r| r.pearson).ok_or("known")?;
    /// assert!((r - 15.0 / 228f64.sqrt()).abs() < 1e-12);
    /// assert_eq!(c.complete_rows, 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn coherence(&self, method: MatrixAggregation) -> crate::score::coherence::Coherence {
        let columns: Vec<Vec<Option<f64>>> = (0..self.columns)
            .map(|c| self.column(c).map(Some).collect())
            .collect();
        let composite: Vec<Option<f64>> = self.composite(method).into_iter().map(Some).collect();
        crate::score::coherence::Coherence::of(&columns, &composite)
    }

    /// Each row's rank by its composite: 1 is best, tied rows share the
    /// average of the places they span.
    pub fn ranks(&self, method: MatrixAggregation) -> Vec<f64> {
        let composite = self.composite(method);
        let mut halves = vec![0; self.rows];
        Ranker::default().average_halves(&composite, |_, _| false, &mut halves);
        halves.into_iter().map(|h| f64::from(h) / 2.0).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_must_match_rows() {
        let m = CompositeMatrix::new(vec![vec![1.0]], vec![1.0]).unwrap();
        let err = m.with_names(vec![]).unwrap_err();
        assert_eq!(err.problems[0].code, Code::MatrixNamesLength);
    }

    #[test]
    fn empty_and_weightless_are_refused() {
        let err = CompositeMatrix::new(vec![], vec![]).unwrap_err();
        assert_eq!(err.problems[0].code, Code::MatrixEmpty);
        let err = CompositeMatrix::new(vec![vec![1.0]], vec![0.0]).unwrap_err();
        assert_eq!(err.problems[0].code, Code::MatrixNoWeight);
        let err = CompositeMatrix::new(vec![vec![2e15]], vec![1.0]).unwrap_err();
        assert_eq!(err.problems[0].code, Code::MatrixScoreOutOfRange);
    }

    #[test]
    fn geometric_floors_zero() {
        let m = CompositeMatrix::new(vec![vec![0.0, 1.0], vec![0.5, 0.5]], vec![1.0, 1.0]).unwrap();
        let g = m.composite(MatrixAggregation::Geometric);
        // sqrt(1e-9 · 1) and 0.5.
        assert!((g[0] - 1e-9f64.sqrt()).abs() < 1e-15);
        assert!((g[1] - 0.5).abs() < 1e-15);
    }
}
