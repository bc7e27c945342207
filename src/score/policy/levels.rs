//! How one level of the hierarchy aggregates into the next, and the default
//! ordinal scales.

use serde::{Deserialize, Serialize};

use super::{PolicyError, exponent};
use crate::OrdinalScale;
use crate::score::Aggregation;

/// Default ordinal scales for indicators that carry none of their own. An
/// indicator's own [`scale`](crate::Indicator::scale) always wins.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ScalePolicy {
    /// For ordinal measures (labels worst first). Default none.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<Vec<String>>"))]
    pub ordinal: Option<OrdinalScale>,
    /// For qualitative measures (labels worst first). Default none.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<Vec<String>>"))]
    pub qualitative: Option<OrdinalScale>,
}

/// Whose weights count at a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Weighting {
    /// The weights in the data (default).
    #[default]
    AsGiven,
    /// Every item weighs the same, whatever the data says.
    Equal,
}

crate::model::names::names!(Weighting, "weighting" {
    AsGiven = "as_given",
    Equal = "equal",
});

/// How one level is aggregated into the next.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct LevelPolicy {
    /// The mean. Default arithmetic.
    pub method: Aggregation,
    /// Whose weights. Default as given.
    pub weighting: Weighting,
}

impl LevelPolicy {
    /// A level aggregated by `method` with weights as given.
    pub fn new(method: Aggregation) -> Self {
        LevelPolicy {
            method,
            weighting: Weighting::AsGiven,
        }
    }

    /// Returns `self` with another weighting.
    #[must_use]
    pub fn with_weighting(mut self, weighting: Weighting) -> Self {
        self.weighting = weighting;
        self
    }

    /// The weight an item with data weight `w` gets.
    pub(crate) fn weight(&self, w: f64) -> f64 {
        match self.weighting {
            Weighting::AsGiven => w,
            Weighting::Equal => 1.0,
        }
    }

    pub(super) fn check(&self, level: &str) -> Result<(), PolicyError> {
        exponent(&format!("{level}.method"), self.method)
    }
}
