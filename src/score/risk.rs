//! Risk: inherent and residual risk of each challenge, bands, and the
//! programme's exposure.
//!
//! ```text
//! inherent  = likelihood × impact                  (1–5 each, so 1–25)
//! mitigated = 1 − Π (1 − eᵢ)                       (eᵢ: each mitigation's effectiveness)
//! residual  = inherent × (1 − mitigated) = inherent × Π (1 − eᵢ)
//! ```
//!
//! The classic 5 × 5 risk matrix of ISO 31000-style registers. Several
//! mitigations combine as independent layers: each removes its share of the
//! risk the others leave, so two mitigations of 50% leave 25%, never less
//! than zero however many there are.
//!
//! Status rules: a *closed* challenge is listed but not counted in the
//! exposure; a *materialised* one has happened, so its likelihood counts as
//! 5 (certain) while mitigations still limit the damage. **Exposure** is the
//! mean residual of the counted challenges on 0–1 (divided by 25), so a
//! programme is not penalised for keeping a thorough register; the largest
//! residual is reported beside it.

use serde::{Deserialize, Serialize};

use super::RiskBands;
use crate::{Challenge, ChallengeId, ChallengeKind, ChallengeStatus, Level, Programme};

/// A risk band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RiskBand {
    /// Below the moderate band.
    Low,
    /// From the policy's `moderate`.
    Moderate,
    /// From the policy's `high`.
    High,
    /// From the policy's `extreme`.
    Extreme,
}

crate::model::names::names!(RiskBand, "risk band" {
    Low = "low",
    Moderate = "moderate",
    High = "high",
    Extreme = "extreme",
});

impl RiskBand {
    /// The band of a risk score under `bands`.
    ///
    /// ```
    /// use ssr_model::score::{RiskBand, RiskBands};
    ///
    /// let bands = RiskBands::default(); // 5, 10, 16
    /// assert_eq!(RiskBand::of(4.0, &bands), RiskBand::Low);
    /// assert_eq!(RiskBand::of(5.0, &bands), RiskBand::Moderate);
    /// assert_eq!(RiskBand::of(15.0, &bands), RiskBand::High);
    /// assert_eq!(RiskBand::of(16.0, &bands), RiskBand::Extreme);
    /// ```
    pub fn of(score: f64, bands: &RiskBands) -> RiskBand {
        if score >= bands.extreme {
            RiskBand::Extreme
        } else if score >= bands.high {
            RiskBand::High
        } else if score >= bands.moderate {
            RiskBand::Moderate
        } else {
            RiskBand::Low
        }
    }

    /// The band in a word.
    pub fn describe(self) -> &'static str {
        match self {
            RiskBand::Low => "low",
            RiskBand::Moderate => "moderate",
            RiskBand::High => "high",
            RiskBand::Extreme => "extreme",
        }
    }
}

/// Inherent risk: likelihood × impact, 1–25.
///
/// ```
/// use ssr_model::Level;
/// use ssr_model::score::inherent_risk;
///
/// assert_eq!(inherent_risk(Level::new(4)?, Level::new(5)?), 20);
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
pub fn inherent_risk(likelihood: Level, impact: Level) -> u8 {
    likelihood.get() * impact.get()
}

/// The combined effectiveness of several mitigations, `1 − Π(1 − eᵢ)`.
///
/// ```
/// use ssr_model::score::combined_effectiveness;
///
/// // 50% and 40%: 1 − 0.5 × 0.6 = 0.7.
/// assert!((combined_effectiveness([0.5, 0.4]) - 0.7).abs() < 1e-12);
/// assert_eq!(combined_effectiveness([]), 0.0);
/// ```
pub fn combined_effectiveness(effectiveness: impl IntoIterator<Item = f64>) -> f64 {
    1.0 - effectiveness
        .into_iter()
        .map(|e| 1.0 - e.clamp(0.0, 1.0))
        .product::<f64>()
}

/// One challenge's inherent and residual risk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RiskScore {
    /// The challenge.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub challenge: ChallengeId,
    /// Its kind.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub kind: ChallengeKind,
    /// Its description.
    pub description: String,
    /// Likelihood × impact (likelihood 5 once materialised), 1–25.
    pub inherent: u8,
    /// The combined effectiveness of its mitigations, 0–1.
    pub mitigated: f64,
    /// Inherent × (1 − mitigated), 0–25.
    pub residual: f64,
    /// The band of the inherent risk.
    pub inherent_band: RiskBand,
    /// The band of the residual risk.
    pub band: RiskBand,
    /// Whether it counts in the exposure (closed challenges do not).
    pub counted: bool,
}

/// A programme's risks and exposure.
///
/// ```
/// use ssr_model::score::{RiskBand, Scorer};
/// use ssr_model::*;
///
/// let programme = Programme::new("Defence reform", Country::new("BIH")?)
///     .with_challenge(
///         Challenge::new(ChallengeKind::ResistanceToChange, "Senior officers oppose vetting")
///             .with_likelihood(Level::new(4)?)
///             .with_impact(Level::new(5)?)
///             .with_mitigation(Mitigation::new("Retirement package").with_effectiveness(Fraction::new(0.5)?))
///             .with_mitigation(Mitigation::new("Ministerial backing").with_effectiveness(Fraction::new(0.2)?)),
///     )
///     .with_challenge(
///         Challenge::new(ChallengeKind::ResourceConstraints, "Budget cuts")
///             .with_likelihood(Level::new(2)?)
///             .with_impact(Level::new(3)?),
///     );
/// let risk = Scorer::default().risk(&programme);
/// // 20 × 0.5 × 0.8 = 8 (moderate, from extreme); 6 unmitigated (moderate).
/// assert_eq!(risk.risks[0].inherent, 20);
/// assert!((risk.risks[0].residual - 8.0).abs() < 1e-12);
/// assert_eq!(risk.risks[0].inherent_band, RiskBand::Extreme);
/// assert_eq!(risk.risks[0].band, RiskBand::Moderate);
/// // Exposure: mean residual (8 + 6)/2 = 7, on 0–1: 7/25 = 0.28.
/// assert!((risk.exposure.unwrap() - 0.28).abs() < 1e-12);
/// assert!((risk.max_residual.unwrap() - 8.0).abs() < 1e-12);
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RiskProfile {
    /// Each challenge, in register order.
    pub risks: Vec<RiskScore>,
    /// Mean residual of counted challenges ÷ 25, 0–1; `None` when none count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposure: Option<f64>,
    /// The largest counted residual, 0–25.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_residual: Option<f64>,
    /// The sum of counted residuals.
    pub total_residual: f64,
}

impl RiskProfile {
    /// The counted risks, largest residual first (register order on ties).
    pub fn top(&self, n: usize) -> Vec<&RiskScore> {
        let mut counted: Vec<&RiskScore> = self.risks.iter().filter(|r| r.counted).collect();
        counted.sort_by(|a, b| b.residual.total_cmp(&a.residual));
        counted.truncate(n);
        counted
    }
}

pub(crate) fn score_challenge(c: &Challenge, bands: &RiskBands) -> RiskScore {
    let likelihood = if c.status == ChallengeStatus::Materialised {
        Level::MAX
    } else {
        c.likelihood
    };
    let inherent = inherent_risk(likelihood, c.impact);
    let mitigated = combined_effectiveness(c.mitigations.iter().map(|m| m.effectiveness.get()));
    let residual = f64::from(inherent) * (1.0 - mitigated);
    RiskScore {
        challenge: c.id,
        kind: c.kind,
        description: c.description.clone(),
        inherent,
        mitigated,
        residual,
        inherent_band: RiskBand::of(f64::from(inherent), bands),
        band: RiskBand::of(residual, bands),
        counted: c.status != ChallengeStatus::Closed,
    }
}

pub(crate) fn score_risks(p: &Programme, bands: &RiskBands) -> RiskProfile {
    let risks: Vec<RiskScore> = p
        .challenges
        .iter()
        .map(|c| score_challenge(c, bands))
        .collect();
    let counted = || risks.iter().filter(|r| r.counted).map(|r| r.residual);
    let n = counted().count();
    let total: f64 = counted().sum();
    RiskProfile {
        exposure: (n > 0).then(|| total / n as f64 / 25.0),
        max_residual: counted().reduce(f64::max),
        total_residual: total,
        risks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Country, Fraction, Mitigation};

    fn challenge(l: u8, i: u8, effs: &[f64], status: ChallengeStatus) -> Challenge {
        let mut c = Challenge::new(ChallengeKind::Corruption, "c")
            .with_likelihood(Level::new(l).unwrap())
            .with_impact(Level::new(i).unwrap())
            .with_status(status);
        for &e in effs {
            c = c.with_mitigation(
                Mitigation::new("m").with_effectiveness(Fraction::new(e).unwrap()),
            );
        }
        c
    }

    #[test]
    fn closed_and_materialised() {
        let p = Programme::new("p", Country::new("MLI").unwrap())
            .with_challenge(challenge(5, 5, &[], ChallengeStatus::Closed))
            .with_challenge(challenge(2, 4, &[0.25], ChallengeStatus::Materialised));
        let r = score_risks(&p, &RiskBands::default());
        assert!(!r.risks[0].counted);
        // Materialised: 5 × 4 = 20, × 0.75 = 15.
        assert_eq!(r.risks[1].inherent, 20);
        assert_eq!(r.risks[1].residual, 15.0);
        assert_eq!(r.risks[1].band, RiskBand::High);
        assert_eq!(r.exposure, Some(15.0 / 25.0));
        assert_eq!(r.top(5).len(), 1);
    }

    #[test]
    fn full_mitigation_leaves_nothing_and_no_register_no_exposure() {
        let c = score_challenge(
            &challenge(3, 3, &[1.0, 0.3], ChallengeStatus::Open),
            &RiskBands::default(),
        );
        assert_eq!(c.residual, 0.0);
        assert_eq!(c.band, RiskBand::Low);
        let p = Programme::new("p", Country::new("MLI").unwrap());
        assert_eq!(score_risks(&p, &RiskBands::default()).exposure, None);
    }
}
