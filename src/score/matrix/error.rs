//! What can be wrong with a matrix or its Monte Carlo options: every
//! problem at once, each a [`Finding`] with a stable code and a JSON
//! Pointer into the matrix document.

use std::fmt;

use crate::Finding;
use crate::diagnostics::problems::describe;

/// Every problem found with a matrix, its weights, its row names or the
/// options of its rank uncertainty, each a [`Finding`] of the
/// [`Input`](crate::diagnostics::Family::Input) family (`matrix_empty`,
/// `matrix_ragged_row`, `matrix_score_not_finite`,
/// `matrix_score_out_of_range`, `matrix_weight_out_of_range`,
/// `matrix_no_weight`, `matrix_names_length`, `matrix_option_out_of_range`)
/// at a JSON Pointer into the input document (`/scores/3/1`, `/weights/0`,
/// `/names`, `/replications`).
///
/// ```
/// use ssr_model::diagnostics::Code;
/// use ssr_model::score::matrix::CompositeMatrix;
///
/// let err = CompositeMatrix::new(vec![vec![0.5, f64::NAN], vec![0.1]], vec![1.0, -2.0]).unwrap_err();
/// let codes: Vec<_> = err.problems.iter().map(|p| (p.code, p.path.as_str())).collect();
/// assert_eq!(codes, [
///     (Code::MatrixScoreNotFinite, "/scores/0/1"),
///     (Code::MatrixRaggedRow, "/scores/1"),
///     (Code::MatrixWeightOutOfRange, "/weights/1"),
/// ]);
/// assert!(err.to_string().starts_with("3 problems with the matrix: /scores/0/1: "));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct MatrixError {
    /// The problems, in the order of the input.
    pub problems: Vec<Finding>,
}

impl fmt::Display for MatrixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.len() {
            1 => f.write_str("1 problem with the matrix: ")?,
            n => write!(f, "{n} problems with the matrix: ")?,
        }
        f.write_str(&describe(&self.problems))
    }
}

impl From<Vec<Finding>> for MatrixError {
    fn from(problems: Vec<Finding>) -> Self {
        MatrixError { problems }
    }
}
