//! Screening: dimensions and programmes with too little data are left out
//! of the ranking (COINr's `Screen`), each with its reason.

use serde::{Deserialize, Serialize};

use crate::Finding;
use crate::diagnostics::{Code, Pointer};
use crate::score::Dimension;
use crate::score::vocabulary::{Row, Weights};

/// A dimension screening left out of the composite: too few of the
/// programmes the ranking policy admits have data on it.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::score::compare::Dimension;
/// use ssr_model::score::policy::ScoringPolicy;
///
/// let mut policy = ScoringPolicy::default();
/// policy.audit.screening.min_dimension_coverage = 1.0; // every programme must have it
/// let card = Scorer::new(policy)?.scorecard(&ssr_model::samples::portfolio());
/// for s in &card.comparison.audit.screened {
///     assert!(s.with_data < s.programmes);
///     // It takes no part in any composite: no ranked programme misses it.
///     assert!(card.comparison.rows.iter().all(|r| !r.missing.contains(&s.dimension)));
/// }
/// assert!(!card.comparison.audit.screened.is_empty()); // some sample programme lacks one
/// # Ok::<(), ssr_model::score::policy::PolicyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ScreenedDimension {
    /// The dimension.
    pub dimension: Dimension,
    /// The programmes admitted by the ranking policy with data on it.
    pub with_data: usize,
    /// The programmes admitted by the ranking policy.
    pub programmes: usize,
}

/// Zeroes in `weights` the weighted dimensions that fewer than
/// `min_coverage` of the `admitted` rows have data on; the dimensions
/// screened, and a finding each below `at`. Nothing is screened when no
/// row is admitted or when it would leave no weighted dimension.
pub(crate) fn screen_dimensions(
    admitted: &[Row],
    weights: &mut Weights,
    min_coverage: f64,
    at: &Pointer,
) -> (Vec<ScreenedDimension>, Vec<Finding>) {
    let (mut screened, mut found) = (Vec::new(), Vec::new());
    let n = admitted.len();
    if n == 0 || min_coverage <= 0.0 {
        return (screened, found);
    }
    for (d, _) in weights.iter().filter(|(_, w)| **w > 0.0) {
        let with_data = admitted.iter().filter(|r| r[d].is_some()).count();
        if (with_data as f64) < min_coverage * n as f64 {
            screened.push(ScreenedDimension {
                dimension: d,
                with_data,
                programmes: n,
            });
        }
    }
    let weighted = weights.values().filter(|w| **w > 0.0).count();
    if screened.len() == weighted {
        // Screening every dimension would leave nothing to rank on.
        screened.clear();
        return (screened, found);
    }
    for (k, s) in screened.iter().enumerate() {
        weights[s.dimension] = 0.0;
        found.push(Finding::new(
            Code::DimensionScreenedOut,
            at.clone().index(k),
            format!(
                "{} has data for {} of the {} programmes admitted to the ranking ({:.0}%), \
                 below the policy's {:.0}%: left out of the composite",
                s.dimension,
                s.with_data,
                s.programmes,
                100.0 * s.with_data as f64 / s.programmes as f64,
                100.0 * min_coverage
            ),
        ));
    }
    (screened, found)
}

/// Whether `row` has data on a smaller share than `min_coverage` of the
/// weighted dimensions (counted, not weighted).
pub(crate) fn too_sparse(row: &Row, weights: &Weights, min_coverage: f64) -> bool {
    let weighted = weights.values().filter(|w| **w > 0.0).count();
    let known = row
        .values()
        .zip(weights.values())
        .filter(|(v, w)| v.is_some() && **w > 0.0)
        .count();
    weighted > 0 && (known as f64) < min_coverage * weighted as f64
}
