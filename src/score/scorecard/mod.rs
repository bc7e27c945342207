//! The scorecard: everything the scoring says about a portfolio, as one
//! serde value, and its tidy long-format rows for R and pandas.

mod emit;
mod rows;
mod subject;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use rows::{Row, RowKind, RowRef};
pub use subject::{Subject, SubjectKind, SubjectRef};

use super::card::ProgrammeCard;
use super::{Comparison, PolicyError, RankUncertainty, ScoringPolicy};
use crate::ProgrammeId;

/// A portfolio's scorecard: the policy it was scored under, each
/// programme's card, the comparison table and, when computed, the rank
/// uncertainty.
///
/// Publish it whole: the policy inside lets anyone re-run the scoring.
///
/// ```
/// use ssr_model::{Scorecard, Scorer};
///
/// let portfolio = ssr_model::samples::portfolio();
/// let card: Scorecard = Scorer::default().scorecard(&portfolio);
/// assert_eq!(card.programmes.len(), portfolio.programmes.len());
/// assert_eq!(card.comparison.rows.len(), portfolio.programmes.len());
/// assert_eq!(card.policy, *Scorer::default().policy()); // the method travels with the results
/// let first = portfolio.programmes[0].id;
/// assert_eq!(card.programme(first).map(|c| c.id), Some(first));
/// # #[cfg(feature = "json")] {
/// // Publish it whole, e.g. as JSON, and read it back.
/// let json = serde_json::to_string(&card)?;
/// assert_eq!(serde_json::from_str::<Scorecard>(&json)?, card);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Scorecard {
    /// The date judged at, when the policy fixed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The policy the scores were computed under.
    pub policy: ScoringPolicy,
    /// One card per programme, in portfolio order.
    pub programmes: Vec<ProgrammeCard>,
    /// The normalised comparison and nominal ranks.
    pub comparison: Comparison,
    /// Rank uncertainty, when computed ([`Scorer::rank_uncertainty`](super::Scorer::rank_uncertainty)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<RankUncertainty>,
}
impl Scorecard {
    /// Returns `self` with rank uncertainty computed from it
    /// ([`Scorer::rank_uncertainty`](super::Scorer::rank_uncertainty)).
    ///
    /// A scorecard states the policy it was made under, so it refuses a
    /// run made under another one: the run's settings must be the card's
    /// `policy.uncertainty`, and its nominal ranks the card's.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::score::policy::ScoringPolicy;
    /// use ssr_model::samples::{Synthetic, synthetic};
    ///
    /// let p = synthetic(&Synthetic::new(4).with_components(2).with_indicators(1).with_periods(2));
    /// let scorer = Scorer::default();
    /// let card = scorer.scorecard(&p);
    /// let ranks = scorer.rank_uncertainty(&card);
    ///
    /// let mut other = ScoringPolicy::default();
    /// other.uncertainty.seed = 7;
    /// let elsewhere = Scorer::new(other)?.rank_uncertainty(&card);
    /// assert!(card.clone().with_uncertainty(elsewhere).is_err());
    ///
    /// let card = card.with_uncertainty(ranks)?;
    /// assert!(card.uncertainty.is_some());
    /// # Ok::<(), ssr_model::score::policy::PolicyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`PolicyError::Invalid`](super::PolicyError::Invalid) when the run
    /// was made under other uncertainty settings or on another comparison.
    pub fn with_uncertainty(mut self, uncertainty: RankUncertainty) -> Result<Self, PolicyError> {
        let p = &self.policy.uncertainty;
        let same_settings = uncertainty.replications == p.replications
            && uncertainty.seed == p.seed
            && uncertainty.weight_noise.to_bits() == p.weight_noise.get().to_bits()
            && uncertainty.normalisations == p.normalisations
            && uncertainty.methods == p.methods;
        let ranks: HashMap<ProgrammeId, Option<u32>> = self
            .comparison
            .rows
            .iter()
            .map(|r| (r.programme, r.rank))
            .collect();
        let same_ranks = uncertainty
            .programmes
            .iter()
            .all(|s| ranks.get(&s.programme) == Some(&Some(s.nominal)));
        if !(same_settings && same_ranks) {
            let found = if same_settings {
                "nominal ranks of another comparison"
            } else {
                "a run with other uncertainty settings"
            };
            let expected = "a rank uncertainty run under the scorecard's policy, on its comparison";
            return Err(PolicyError::Invalid {
                problems: vec![super::policy::invalid("uncertainty", expected, found)],
            });
        }
        self.uncertainty = Some(uncertainty);
        Ok(self)
    }

    /// The card of `programme`.
    pub fn programme(&self, programme: ProgrammeId) -> Option<&ProgrammeCard> {
        self.programmes.iter().find(|c| c.id == programme)
    }
}
