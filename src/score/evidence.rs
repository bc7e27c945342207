//! What a programme has evidence for, and how much: the kinds of evidence
//! a card's scores stand on, each with its coverage, which the ranking
//! policy asks of a programme before it is ranked.

use serde::{Deserialize, Serialize};

use super::vocabulary::Dimension;

/// A kind of evidence a programme can have.
///
/// ```
/// use ssr_model::score::compare::{Dimension, EvidenceKind};
/// use ssr_model::Scorer;
///
/// assert_eq!(EvidenceKind::Stakeholders.dimensions(), &[Dimension::Resistance, Dimension::Inclusion]);
/// assert_eq!("finance".parse::<EvidenceKind>()?, EvidenceKind::Finance);
///
/// let portfolio = ssr_model::samples::portfolio();
/// let card = Scorer::default().card(&portfolio.programmes[0]);
/// let kinds: Vec<EvidenceKind> = card.evidence.present().collect();
/// assert!(kinds.contains(&EvidenceKind::Results));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EvidenceKind {
    /// Indicator values: the results score (dimension `progress`).
    Results,
    /// A risk register with counted challenges (dimension `risk`).
    Risk,
    /// Stakeholders with known attributes (dimensions `resistance` and
    /// `inclusion`).
    Stakeholders,
    /// A scored DAC evaluation (dimension `evaluation`).
    Evaluation,
    /// Money flows and dates giving a budget pace (dimension `finance`).
    Finance,
}

crate::model::names::names!(EvidenceKind, "evidence kind" {
    Results = "results",
    Risk = "risk",
    Stakeholders = "stakeholders",
    Evaluation = "evaluation",
    Finance = "finance",
});

impl EvidenceKind {
    /// The comparison dimensions this evidence feeds.
    pub fn dimensions(self) -> &'static [Dimension] {
        match self {
            EvidenceKind::Results => &[Dimension::Progress],
            EvidenceKind::Risk => &[Dimension::Risk],
            EvidenceKind::Stakeholders => &[Dimension::Resistance, Dimension::Inclusion],
            EvidenceKind::Evaluation => &[Dimension::Evaluation],
            EvidenceKind::Finance => &[Dimension::Finance],
        }
    }
}

/// How much evidence of one kind a programme has.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::score::compare::EvidenceKind;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let indicator = |actual: Option<f64>| -> Result<Indicator, Box<dyn std::error::Error>> {
///     let mut period = Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?).with_target(Value::number(10.0)?);
///     if let Some(a) = actual {
///         period = period.with_actual(Value::number(a)?);
///     }
///     Ok(Indicator::new("Patrols", ResultLevel::Output, Measure::Unit)
///         .with_baseline(Baseline::new(Value::number(0.0)?))
///         .with_period(period))
/// };
/// let programme = Programme::new("Police reform", Country::new("LBR")?).with_component(
///     Component::new("Community policing", Pillar::PoliceReform)
///         .with_indicator(indicator(Some(5.0))?)
///         .with_indicator(indicator(None)?)
///         .with_indicator(indicator(None)?)
///         .with_indicator(indicator(None)?),
/// );
/// let card = Scorer::default().card(&programme);
/// let results = card.evidence.get(EvidenceKind::Results);
/// assert!(results.present);
/// assert_eq!(results.coverage, 0.25); // one indicator of four has a value
/// assert!(!card.evidence.get(EvidenceKind::Risk).present);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct KindEvidence {
    /// Whether the programme has a value for it.
    pub present: bool,
    /// How much of it is known, 0–1: for results the share of design weight
    /// with data; for stakeholders the share with influence, interest and
    /// stance all known; for an evaluation the share of criteria weight
    /// rated; for risk and finance 1 when present (a counted challenge
    /// always has likelihood and impact; a pace needs all its inputs).
    pub coverage: f64,
}

impl KindEvidence {
    pub(super) fn new(present: bool, coverage: f64) -> Self {
        KindEvidence { present, coverage }
    }

    /// Present, with coverage 1; or absent, with coverage 0.
    pub(super) fn whole(present: bool) -> Self {
        KindEvidence::new(present, if present { 1.0 } else { 0.0 })
    }
}

/// What a programme has evidence for, kind by kind.
///
/// ```
/// use ssr_model::score::compare::EvidenceKind;
/// use ssr_model::Scorer;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let card = Scorer::default().card(&portfolio.programmes[0]);
/// let results = card.evidence.get(EvidenceKind::Results);
/// assert!(results.present && results.coverage > 0.5);
/// assert_eq!(card.evidence.present().count(), 4); // all but finance
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[allow(missing_docs)] // the fields are the kinds, documented on `EvidenceKind`
pub struct Evidence {
    pub results: KindEvidence,
    pub risk: KindEvidence,
    pub stakeholders: KindEvidence,
    pub evaluation: KindEvidence,
    pub finance: KindEvidence,
}

impl Evidence {
    /// The evidence of `kind`.
    pub fn get(&self, kind: EvidenceKind) -> KindEvidence {
        match kind {
            EvidenceKind::Results => self.results,
            EvidenceKind::Risk => self.risk,
            EvidenceKind::Stakeholders => self.stakeholders,
            EvidenceKind::Evaluation => self.evaluation,
            EvidenceKind::Finance => self.finance,
        }
    }

    /// The kinds present.
    pub fn present(&self) -> impl Iterator<Item = EvidenceKind> + '_ {
        EvidenceKind::ALL
            .into_iter()
            .filter(|&k| self.get(k).present)
    }
}
