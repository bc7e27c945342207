//! How DAC criteria ratings combine into an evaluation score.

use crate::Finding;
use serde::{Deserialize, Serialize};

use super::exponent;
use crate::score::Aggregation;
use crate::{DacCriterion, Weight};

/// Weights of the six DAC criteria (relative, each a [`Weight`], so from 0
/// to 10⁶). Default 1 each: the OECD
/// (2019) presents the criteria as a set with no order of importance.
///
/// ```
/// use ssr_model::score::policy::CriterionWeights;
/// use ssr_model::model::{DacCriterion, Weight};
///
/// let mut weights = CriterionWeights::default();
/// assert_eq!(weights.get(DacCriterion::Impact), 1.0); // equal by default
/// weights.sustainability = Weight::new(2.0)?;
/// assert_eq!(weights.get(DacCriterion::Sustainability), 2.0);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
#[allow(missing_docs)] // the fields are the criteria
pub struct CriterionWeights {
    pub relevance: Weight,
    pub coherence: Weight,
    pub effectiveness: Weight,
    pub efficiency: Weight,
    pub impact: Weight,
    pub sustainability: Weight,
}

impl Default for CriterionWeights {
    fn default() -> Self {
        CriterionWeights {
            relevance: Weight::ONE,
            coherence: Weight::ONE,
            effectiveness: Weight::ONE,
            efficiency: Weight::ONE,
            impact: Weight::ONE,
            sustainability: Weight::ONE,
        }
    }
}

impl CriterionWeights {
    /// The weight of `criterion`.
    pub fn get(&self, criterion: DacCriterion) -> f64 {
        match criterion {
            DacCriterion::Relevance => self.relevance.get(),
            DacCriterion::Coherence => self.coherence.get(),
            DacCriterion::Effectiveness => self.effectiveness.get(),
            DacCriterion::Efficiency => self.efficiency.get(),
            DacCriterion::Impact => self.impact.get(),
            DacCriterion::Sustainability => self.sustainability.get(),
        }
    }
}

/// How DAC criteria ratings combine into an evaluation score.
///
/// A programme's evaluation score comes from its latest evaluation (by
/// date; the later one listed when two share a date): each rating is mapped
/// onto 0–1 through the evaluation's own scale ([`OrdinalScale::score`](crate::OrdinalScale::score)),
/// then the rated criteria are aggregated with their weights. Criteria not
/// rated take no part; coverage says how much of the weight was rated.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::ScoringPolicy;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let scale = OrdinalScale::new(["poor", "fair", "good"])?;
/// let date = NaiveDate::from_ymd_opt(2022, 3, 1).ok_or("bad date")?;
/// let eval = Evaluation::new("Final evaluation", date, scale)
///     .with_rating(DacCriterion::Relevance, "good")?    // 1
///     .with_rating(DacCriterion::Efficiency, "fair")?;  // 0.5
/// let programme = Programme::new("Justice reform", Country::new("SLE")?).with_evaluation(eval);
/// let equal = Scorer::default().evaluation(&programme).ok_or("no evaluation")?;
/// assert_eq!(equal.score, Some(0.75));
/// let mut policy = ScoringPolicy::default();
/// policy.evaluation.weights.efficiency = Weight::new(3.0)?;
/// let weighted = Scorer::new(policy)?.evaluation(&programme).ok_or("no evaluation")?;
/// assert_eq!(weighted.score, Some(0.625)); // (1 + 3 · 0.5)/4
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct EvaluationPolicy {
    /// The mean. Default arithmetic.
    pub method: Aggregation,
    /// The criteria weights. Default equal.
    pub weights: CriterionWeights,
}

impl EvaluationPolicy {
    pub(super) fn check(&self, found: &mut Vec<Finding>) {
        found.extend(exponent("evaluation.method", self.method).err());
    }
}
