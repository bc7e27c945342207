//! How DAC criteria ratings combine into an evaluation score.

use serde::{Deserialize, Serialize};

use super::{PolicyError, exponent};
use crate::score::Aggregation;
use crate::{DacCriterion, Weight};

/// Weights of the six DAC criteria (relative, each a [`Weight`], so from 0
/// to 10⁶). Default 1 each: the OECD
/// (2019) presents the criteria as a set with no order of importance.
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
/// onto 0–1 through the evaluation's own scale ([`OrdinalScale::score`]),
/// then the rated criteria are aggregated with their weights. Criteria not
/// rated take no part; coverage says how much of the weight was rated.
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
    pub(super) fn check(&self) -> Result<(), PolicyError> {
        exponent("evaluation.method", self.method)?;
        Ok(())
    }
}
