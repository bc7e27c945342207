//! The ranking section of a scoring policy: who is ranked, and how
//! missing dimensions are treated.

use serde::{Deserialize, Serialize};

use super::invalid;
use crate::score::vocabulary::Imputation;

/// Who is ranked, and how missing dimensions are treated: the ranking
/// section of the [`ScoringPolicy`](super::ScoringPolicy).
///
/// ```
/// use ssr_model::score::policy::{Imputation, RankingPolicy, ScoringPolicy};
///
/// let policy = RankingPolicy::default();
/// assert_eq!(policy.min_results_coverage, 0.5);
/// assert_eq!(policy.min_dimensions, 2); // results plus one more
/// assert_eq!(policy.imputation, Imputation::None);
/// # #[cfg(feature = "json")] {
/// let p = ScoringPolicy::from_json(r#"{"ranking": {"min_results_coverage": 0.8}}"#)?;
/// assert_eq!(p.ranking.min_dimensions, 2);
/// # }
/// # Ok::<(), ssr_model::score::policy::PolicyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct RankingPolicy {
    /// The least results coverage (share of the design weight with
    /// indicator values) a ranked programme needs, 0–1. Default 0.5: at
    /// least half of what the programme set out to measure has been
    /// measured.
    pub min_results_coverage: f64,
    /// The least number of kinds of evidence ([`EvidenceKind`](crate::score::compare::EvidenceKind)) with a
    /// value on a dimension of positive weight. Default 2: with the default
    /// results coverage, results plus one more.
    pub min_dimensions: usize,
    /// How missing dimensions of a ranked programme are treated. Default
    /// none: the composite is over the dimensions present.
    pub imputation: Imputation,
}

impl Default for RankingPolicy {
    fn default() -> Self {
        RankingPolicy {
            min_results_coverage: 0.5,
            min_dimensions: 2,
            imputation: Imputation::None,
        }
    }
}

impl RankingPolicy {
    pub(crate) fn check(&self, found: &mut Vec<crate::Finding>) {
        if !(0.0..=1.0).contains(&self.min_results_coverage) {
            found.push(invalid(
                "ranking.min_results_coverage",
                "a number from 0 to 1",
                self.min_results_coverage,
            ));
        }
    }
}
