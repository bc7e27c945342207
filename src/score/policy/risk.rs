//! Risk bands and the stakeholder thresholds: the 1–25 and 1–5 scales.

use crate::Finding;
use serde::{Deserialize, Serialize};

use super::invalid;

/// Risk bands on the 1–25 likelihood × impact scale: the lowest score of
/// each band above *low*, and how residual risks combine into an exposure.
/// Bands are policy data, never constants in code.
///
/// The default splits a 5 × 5 matrix the conventional way: low 1–4,
/// moderate 5–9, high 10–15, extreme 16–25 (so 4 × 4, 4 × 5 and 5 × 5 are
/// extreme).
///
/// ```
/// use ssr_model::score::programme::RiskBand;
/// use ssr_model::score::policy::{RiskBands, ScoringPolicy};
/// use ssr_model::Scorer;
///
/// let default = RiskBands::default();
/// assert_eq!(RiskBand::of(16.0, &default), RiskBand::Extreme); // 4 × 4
/// let mut strict = ScoringPolicy::default();
/// strict.risk.extreme = 20.0; // extreme from 4 × 5 up
/// assert_eq!(RiskBand::of(16.0, &strict.risk), RiskBand::High);
/// assert!(Scorer::new(strict.clone()).is_ok());
/// strict.risk.high = 21.0; // bands out of order are refused
/// assert!(Scorer::new(strict).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct RiskBands {
    /// Where *moderate* starts. Default 5.
    pub moderate: f64,
    /// Where *high* starts. Default 10.
    pub high: f64,
    /// Where *extreme* starts. Default 16.
    pub extreme: f64,
    /// How counted residual risks combine into a programme's (and a
    /// component's) exposure. Default [`ExposureMethod::Union`](crate::score::ExposureMethod::Union); see
    /// [`RiskProfile`](crate::score::RiskProfile).
    pub exposure: crate::score::ExposureMethod,
}

impl Default for RiskBands {
    fn default() -> Self {
        RiskBands {
            moderate: 5.0,
            high: 10.0,
            extreme: 16.0,
            exposure: crate::score::ExposureMethod::Union,
        }
    }
}

impl RiskBands {
    pub(super) fn check(&self, found: &mut Vec<Finding>) {
        let ordered = 1.0 <= self.moderate
            && self.moderate <= self.high
            && self.high <= self.extreme
            && self.extreme <= 25.0;
        if !ordered {
            found.push(invalid(
                "risk",
                "band starts with 1 ≤ moderate ≤ high ≤ extreme ≤ 25",
                format!(
                    "moderate {}, high {}, extreme {}",
                    self.moderate, self.high, self.extreme
                ),
            ));
        }
    }
}

/// Thresholds of the stakeholder analyses, on the model's 1–5 levels.
///
/// ```
/// use ssr_model::model::Level;
/// use ssr_model::score::programme::Quadrant;
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::{ScoringPolicy, StakeholderPolicy};
///
/// let default = StakeholderPolicy::default();
/// assert_eq!(Quadrant::of(Level::new(3)?, Level::new(2)?, &default), Quadrant::Monitor);
/// let mut policy = ScoringPolicy::default();
/// policy.stakeholders.high_influence = 3;
/// assert_eq!(Quadrant::of(Level::new(3)?, Level::new(2)?, &policy.stakeholders), Quadrant::KeepSatisfied);
/// policy.stakeholders.high_interest = 6; // not a 1–5 level
/// assert!(Scorer::new(policy).is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct StakeholderPolicy {
    /// Influence from which a stakeholder has *high power* on the Mendelow
    /// grid and the *power* attribute of salience. Default 4 (above the
    /// midpoint of the scale).
    pub high_influence: u8,
    /// Interest from which a stakeholder has *high interest* on the
    /// Mendelow grid. Default 4.
    pub high_interest: u8,
    /// Interest from which a present stakeholder counts as engaged for
    /// inclusion (a working role also counts). Default 4.
    pub engaged_interest: u8,
}

impl Default for StakeholderPolicy {
    fn default() -> Self {
        StakeholderPolicy {
            high_influence: 4,
            high_interest: 4,
            engaged_interest: 4,
        }
    }
}

impl StakeholderPolicy {
    pub(super) fn check(&self, found: &mut Vec<Finding>) {
        for (field, v) in [
            ("stakeholders.high_influence", self.high_influence),
            ("stakeholders.high_interest", self.high_interest),
            ("stakeholders.engaged_interest", self.engaged_interest),
        ] {
            if !(1..=5).contains(&v) {
                found.push(invalid(field, "a level from 1 to 5", v));
            }
        }
    }
}
