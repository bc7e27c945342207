//! Indicator progress and RAG status: which target counts, the cap, the
//! tolerances.

use serde::{Deserialize, Serialize};

use super::{PolicyError, finite, invalid};
use crate::Fraction;

/// Which period's target an indicator's progress is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TargetRule {
    /// The target of the last period that has one (the end-of-programme
    /// target): progress is the share of the whole planned change achieved,
    /// and status compares it with the share of time elapsed. The default,
    /// as DESIGN §4 and TolaData's life-of-programme targets have it.
    #[default]
    Final,
    /// The target of the period whose actual is used: progress is
    /// achievement against the milestone due, comparable across programmes
    /// at different stages.
    SamePeriod,
}

crate::model::names::names!(TargetRule, "target rule" {
    Final = "final",
    SamePeriod = "same_period",
});

/// How indicator progress `p = (a − b)/(t − b)` is computed and capped.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ProgressPolicy {
    /// Which target counts. Default [`TargetRule::Final`].
    pub target: TargetRule,
    /// The lowest progress that counts in aggregation (`None`: no floor).
    /// Default 0: falling below the baseline scores as no progress.
    pub floor: Option<f64>,
    /// The highest progress that counts in aggregation (`None`: overshoot
    /// counts in full). Default 1: overshooting one target does not make up
    /// for missing another. Raw progress is always reported too.
    pub ceiling: Option<f64>,
}

impl Default for ProgressPolicy {
    fn default() -> Self {
        ProgressPolicy {
            target: TargetRule::Final,
            floor: Some(0.0),
            ceiling: Some(1.0),
        }
    }
}

impl ProgressPolicy {
    /// Raw progress capped to `[floor, ceiling]`.
    pub fn cap(&self, p: f64) -> f64 {
        let p = self.floor.map_or(p, |f| p.max(f));
        self.ceiling.map_or(p, |c| p.min(c))
    }

    pub(super) fn check(&self) -> Result<(), PolicyError> {
        if let Some(f) = self.floor {
            finite("progress.floor", f)?;
        }
        if let Some(c) = self.ceiling {
            finite("progress.ceiling", c)?;
            if let Some(f) = self.floor
                && c <= f
            {
                return Err(invalid("progress.ceiling", "a ceiling above the floor", c));
            }
        }
        Ok(())
    }
}

/// RAG thresholds: how far progress may fall short of the time-based
/// expectation.
///
/// An indicator is *on track* when `p ≥ expected × (1 − tolerance)`, *at
/// risk* when `p ≥ expected × (1 − at_risk_tolerance)`, and *off track*
/// below that.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct StatusPolicy {
    /// The on-track tolerance, 0–1. Default 0.15: TolaData shows an
    /// indicator as on track within ±15% of its target.
    pub tolerance: Fraction,
    /// The at-risk tolerance, from `tolerance` to 1. Default 0.30 (twice
    /// the on-track band: our choice, to be set per programme).
    pub at_risk_tolerance: Fraction,
}

const ON_TRACK_TOLERANCE: Fraction = Fraction::constant(0.15);
const AT_RISK_TOLERANCE: Fraction = Fraction::constant(0.30);

impl Default for StatusPolicy {
    fn default() -> Self {
        StatusPolicy {
            tolerance: ON_TRACK_TOLERANCE,
            at_risk_tolerance: AT_RISK_TOLERANCE,
        }
    }
}

impl StatusPolicy {
    pub(super) fn check(&self) -> Result<(), PolicyError> {
        if self.at_risk_tolerance < self.tolerance {
            return Err(invalid(
                "status.at_risk_tolerance",
                "a number at least the on-track tolerance",
                self.at_risk_tolerance,
            ));
        }
        Ok(())
    }
}
