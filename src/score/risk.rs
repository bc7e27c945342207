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
//! 5 (certain) while mitigations still limit the damage.
//!
//! **Exposure** combines the counted residuals rᵢ on 0–1 by the policy's
//! [`ExposureMethod`]:
//!
//! ```text
//! union   = 1 − Π (1 − rᵢ/25)       (default)
//! maximum = max rᵢ / 25
//! ```
//!
//! Both never fall when a risk is added. A mean would: one risk of 25 alone
//! is an exposure of 1, and nine more risks of 1 would bring the mean down
//! to 0.136, so a long register would hide an extreme risk. The union reads
//! each residual on 0–1 as the chance that the risk derails the programme
//! and takes the chance that at least one does, the risks independent: the
//! noisy-OR of Pearl (1988, *Probabilistic Reasoning in Intelligent
//! Systems*, §4.3.2). Matrix scores are ordinal judgements, not measured
//! probabilities (Cox 2008, *What's wrong with risk matrices?*, Risk
//! Analysis 28(2)), so the union is a monotone summary, not a forecast; the
//! maximum is the cautious alternative that uses the order alone. The
//! largest residual and the count of counted risks per band are reported
//! beside it.
//!
//! **Risk per component.** A challenge's `affects` names the components it
//! threatens; each component's exposure combines the counted challenges
//! that name it, by the same method, as a risk breakdown structure
//! attaches risks to the work they threaten (Hillson 2003, *Using a risk
//! breakdown structure in project management*, Journal of Facilities
//! Management 2(1); PMI, *PMBOK Guide*, §11.2). Challenges that name no
//! component count for the programme only.

use serde::{Deserialize, Serialize};

use super::RiskBands;
use crate::{
    Challenge, ChallengeId, ChallengeKind, ChallengeStatus, ComponentId, Level, Programme,
};

/// A risk band.
///
/// ```
/// use ssr_model::score::programme::RiskBand;
/// use ssr_model::score::policy::RiskBands;
///
/// let bands = RiskBands::default();
/// assert_eq!(RiskBand::of(20.0, &bands), RiskBand::Extreme); // likelihood 4 × impact 5
/// assert_eq!(RiskBand::of(6.0, &bands), RiskBand::Moderate);
/// assert!(RiskBand::Low < RiskBand::Extreme);
/// assert_eq!(RiskBand::High.describe(), "high");
/// ```
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
    /// use ssr_model::score::programme::RiskBand;
    /// use ssr_model::score::policy::RiskBands;
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
/// use ssr_model::model::Level;
/// use ssr_model::score::programme::inherent_risk;
///
/// assert_eq!(inherent_risk(Level::new(4)?, Level::new(5)?), 20);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
pub fn inherent_risk(likelihood: Level, impact: Level) -> u8 {
    likelihood.get() * impact.get()
}

/// The combined effectiveness of several mitigations, `1 − Π(1 − eᵢ)`.
///
/// ```
/// use ssr_model::score::programme::combined_effectiveness;
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
///
/// ```
/// use ssr_model::score::programme::RiskBand;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let programme = Programme::new("Defence reform", Country::new("BIH")?)
///     .with_challenge(
///         Challenge::new(ChallengeKind::Corruption, "Procurement kickbacks")
///             .with_likelihood(Level::new(3)?)
///             .with_impact(Level::new(5)?)
///             .with_mitigation(Mitigation::new("Independent audit").with_effectiveness(Fraction::new(0.6)?)),
///     )
///     .with_challenge(
///         Challenge::new(ChallengeKind::Other, "Old risk")
///             .with_likelihood(Level::new(5)?)
///             .with_impact(Level::new(5)?)
///             .with_status(ChallengeStatus::Closed),
///     );
/// let risk = Scorer::default().risk(&programme);
/// let audit = &risk.risks[0];
/// // 15 inherent (high), 60% mitigated: 6 residual (moderate).
/// assert_eq!((audit.inherent, audit.inherent_band), (15, RiskBand::High));
/// assert!((audit.mitigated - 0.6).abs() < 1e-12);
/// assert!((audit.residual - 6.0).abs() < 1e-12);
/// assert_eq!(audit.band, RiskBand::Moderate);
/// // A closed challenge is listed but not counted.
/// assert!(audit.counted && !risk.risks[1].counted);
/// assert!((risk.max_residual.ok_or("no counted risk")? - 6.0).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
/// use ssr_model::score::programme::RiskBand;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
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
/// // Exposure, the union: 1 − (1 − 8/25)(1 − 6/25) = 0.4832.
/// assert!((risk.exposure.unwrap() - 0.4832).abs() < 1e-12);
/// assert!((risk.max_residual.unwrap() - 8.0).abs() < 1e-12);
/// assert_eq!(risk.bands.moderate, 2);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
///
/// Risks attached to components:
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let police = Component::new("Police", Pillar::PoliceReform);
/// let courts = Component::new("Courts", Pillar::JusticeReform);
/// let programme = Programme::new("Justice and police", Country::new("LBR")?)
///     .with_challenge(
///         Challenge::new(ChallengeKind::Corruption, "Bribery at checkpoints")
///             .with_likelihood(Level::new(4)?).with_impact(Level::new(5)?)
///             .with_affects(police.id),
///     )
///     .with_component(police)
///     .with_component(courts);
/// let risk = Scorer::default().risk(&programme);
/// assert_eq!(risk.components[0].exposure, Some(0.8)); // 20/25
/// assert_eq!(risk.components[1].exposure, None);      // no risk names the courts
/// assert_eq!(risk.components[1].risks, 0);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RiskProfile {
    /// Each challenge, in register order.
    pub risks: Vec<RiskScore>,
    /// The counted residuals combined by the policy's [`ExposureMethod`](crate::score::policy::ExposureMethod),
    /// 0–1; `None` when none count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposure: Option<f64>,
    /// The largest counted residual, 0–25.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_residual: Option<f64>,
    /// The sum of counted residuals.
    pub total_residual: f64,
    /// How many counted challenges fall in each band of residual risk.
    #[serde(default)]
    pub bands: BandCounts,
    /// Exposure per component, in component order, from the counted
    /// challenges whose `affects` names it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<ComponentExposure>,
}

/// How many counted challenges fall in each band of residual risk.
///
/// ```
/// use ssr_model::score::programme::RiskBand;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let risk = |l, i| -> Result<Challenge, ValueError> {
///     Ok(Challenge::new(ChallengeKind::Other, "a risk").with_likelihood(Level::new(l)?).with_impact(Level::new(i)?))
/// };
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_challenge(risk(1, 2)?)  //  2: low
///     .with_challenge(risk(2, 3)?)  //  6: moderate
///     .with_challenge(risk(4, 5)?); // 20: extreme
/// let bands = Scorer::default().risk(&programme).bands;
/// assert_eq!((bands.low, bands.moderate, bands.high, bands.extreme), (1, 1, 0, 1));
/// assert_eq!(bands.get(RiskBand::Extreme), 1);
/// # Ok::<(), ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[allow(missing_docs)] // the fields are the bands
pub struct BandCounts {
    pub low: usize,
    pub moderate: usize,
    pub high: usize,
    pub extreme: usize,
}

impl BandCounts {
    /// The count of `band`.
    pub fn get(&self, band: RiskBand) -> usize {
        match band {
            RiskBand::Low => self.low,
            RiskBand::Moderate => self.moderate,
            RiskBand::High => self.high,
            RiskBand::Extreme => self.extreme,
        }
    }

    fn add(&mut self, band: RiskBand) {
        let slot = match band {
            RiskBand::Low => &mut self.low,
            RiskBand::Moderate => &mut self.moderate,
            RiskBand::High => &mut self.high,
            RiskBand::Extreme => &mut self.extreme,
        };
        *slot += 1;
    }
}

/// The risk attached to one component.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let vetting = Component::new("Vetting", Pillar::VettingAndAntiCorruption);
/// let risk = |l, i, what: &str| -> Result<Challenge, ValueError> {
///     Ok(Challenge::new(ChallengeKind::ResistanceToChange, what)
///         .with_likelihood(Level::new(l)?)
///         .with_impact(Level::new(i)?)
///         .with_affects(vetting.id))
/// };
/// let programme = Programme::new("Defence reform", Country::new("BIH")?)
///     .with_challenge(risk(5, 2, "Unions contest dismissals")?)  // 10
///     .with_challenge(risk(1, 5, "Court annuls the vetting law")?) // 5
///     .with_component(vetting);
/// let exposure = &Scorer::default().risk(&programme).components[0];
/// assert_eq!((exposure.name.as_str(), exposure.risks), ("Vetting", 2));
/// // The union: 1 − (1 − 10/25)(1 − 5/25) = 0.52.
/// assert!((exposure.exposure.ok_or("no exposure")? - 0.52).abs() < 1e-12);
/// assert_eq!(exposure.max_residual, Some(10.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ComponentExposure {
    /// The component.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub component: ComponentId,
    /// Its name.
    pub name: String,
    /// The exposure of the counted challenges that name it, 0–1; `None`
    /// when none does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposure: Option<f64>,
    /// How many counted challenges name it.
    pub risks: usize,
    /// The largest of their residuals, 0–25.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_residual: Option<f64>,
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
    let mut counts = BandCounts::default();
    risks
        .iter()
        .filter(|r| r.counted)
        .for_each(|r| counts.add(r.band));
    // Challenges and their scores are zipped: one score per challenge.
    let scored = || p.challenges.iter().zip(&risks).filter(|(_, r)| r.counted);
    let components = p
        .components
        .iter()
        .map(|component| {
            let naming = || {
                scored()
                    .filter(|(c, _)| c.affects.contains(&component.id))
                    .map(|(_, r)| r.residual)
            };
            ComponentExposure {
                component: component.id,
                name: component.name.clone(),
                exposure: bands.exposure.combine(naming()),
                risks: naming().count(),
                max_residual: naming().reduce(f64::max),
            }
        })
        .collect();
    RiskProfile {
        exposure: bands.exposure.combine(counted()),
        max_residual: counted().reduce(f64::max),
        total_residual: counted().sum(),
        bands: counts,
        components,
        risks,
    }
}

#[cfg(test)]
mod tests {
    use crate::score::vocabulary::ExposureMethod;

    #[test]
    fn the_issue_register_is_not_diluted() {
        // One risk of 25 and nine of 1: the mean was 0.136; the union and
        // the maximum both stay at 1.
        let p = (0..9).fold(
            Programme::new("p", Country::new("MLI").unwrap()).with_challenge(challenge(
                5,
                5,
                &[],
                ChallengeStatus::Open,
            )),
            |p, _| p.with_challenge(challenge(1, 1, &[], ChallengeStatus::Open)),
        );
        let mut bands = RiskBands::default();
        assert_eq!(score_risks(&p, &bands).exposure, Some(1.0));
        bands.exposure = ExposureMethod::Maximum;
        let r = score_risks(&p, &bands);
        assert_eq!(r.exposure, Some(1.0));
        assert_eq!((r.bands.extreme, r.bands.low), (1, 9));
    }

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
        assert_eq!((r.bands.high, r.bands.extreme, r.bands.low), (1, 0, 0));
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
