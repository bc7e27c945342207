//! What can be wrong with a matrix or its Monte Carlo options: every
//! problem at once, each with a stable code and a JSON Pointer.

use std::fmt;

/// One problem with a matrix, its weights, its row names or the options of
/// its rank uncertainty.
///
/// ```
/// use ssr_model::score::matrix::CompositeMatrix;
///
/// let err = CompositeMatrix::new(vec![vec![0.5, 2e15]], vec![1.0, 1.0]).unwrap_err();
/// let problem = &err.problems[0];
/// assert_eq!((problem.code, problem.path.as_str()), ("score_out_of_range", "/scores/0/1"));
/// assert!(!problem.message.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MatrixProblem {
    /// A stable snake_case code: `empty_matrix`, `ragged_row`,
    /// `score_not_finite`, `score_out_of_range`, `weight_out_of_range`,
    /// `no_weight`, `names_length` or `option_out_of_range`.
    pub code: &'static str,
    /// Where, as a JSON Pointer into the input document
    /// (`/scores/3/1`, `/weights/0`, `/names`, `/replications`).
    pub path: String,
    /// What was expected and what was found.
    pub message: String,
}

/// Every problem found with a matrix or its options.
///
/// ```
/// use ssr_model::score::matrix::CompositeMatrix;
///
/// let err = CompositeMatrix::new(vec![vec![0.5, f64::NAN], vec![0.1]], vec![1.0, -2.0]).unwrap_err();
/// let codes: Vec<_> = err.problems.iter().map(|p| (p.code, p.path.as_str())).collect();
/// assert_eq!(codes, [
///     ("score_not_finite", "/scores/0/1"),
///     ("ragged_row", "/scores/1"),
///     ("weight_out_of_range", "/weights/1"),
/// ]);
/// assert!(err.to_string().starts_with("3 problems with the matrix: /scores/0/1: "));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct MatrixError {
    /// The problems, in the order of the input.
    pub problems: Vec<MatrixProblem>,
}

impl fmt::Display for MatrixError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.len() {
            1 => f.write_str("1 problem with the matrix: ")?,
            n => write!(f, "{n} problems with the matrix: ")?,
        }
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {} ({})", p.path, p.message, p.code)?;
        }
        Ok(())
    }
}

/// Collects problems, then turns into `Ok` or `Err` at the end.
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<MatrixProblem>);

impl Problems {
    pub(crate) fn add(&mut self, code: &'static str, path: String, message: String) {
        self.0.push(MatrixProblem {
            code,
            path,
            message,
        });
    }

    pub(crate) fn finish<T>(self, ok: T) -> Result<T, MatrixError> {
        if self.0.is_empty() {
            Ok(ok)
        } else {
            Err(MatrixError { problems: self.0 })
        }
    }
}
