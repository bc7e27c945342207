//! Evidence before ranking: what a programme has evidence for, how much,
//! and whether that is enough to rank it.
//!
//! A composite indicator can be computed from almost nothing: one dimension
//! on which every programme ties gives them all the same composite and the
//! same rank, with a rank interval of zero width. The OECD/JRC *Handbook on
//! Constructing Composite Indicators* (2008, §3 "Imputation of missing
//! data") asks that missing data be either imputed explicitly or the unit
//! left out, and that the choice be reported. This module holds that choice
//! as policy data ([`RankingPolicy`]): a programme is ranked only when its
//! results have at least `min_results_coverage` of their design weight
//! measured and it has evidence on at least `min_dimensions` weighted
//! dimensions. Programmes below either threshold are *not ranked*, with a
//! reason ([`NotRanked`]), and take no part in the normalisation, so they
//! change nobody else's normalised values or ranks. Missing dimensions of a
//! ranked programme are not imputed by default: its composite is the mean
//! of the dimensions it has, their weights shared out (COINr's default,
//! `Aggregate()` with `na.rm`), and the comparison says which were left
//! out. [`Imputation`] chooses an explicit method instead.

use serde::{Deserialize, Serialize};

use super::vocabulary::{Dimension, Imputation, Row, Weights};
use super::{ComparisonRow, ProgrammeCard};

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
    fn new(present: bool, coverage: f64) -> Self {
        KindEvidence { present, coverage }
    }

    /// Present, with coverage 1; or absent, with coverage 0.
    fn whole(present: bool) -> Self {
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
    /// The evidence of a card's scores.
    pub(crate) fn of(card: &ProgrammeCard) -> Evidence {
        let eval = card.evaluation.as_ref().filter(|e| e.score.is_some());
        Evidence {
            results: KindEvidence::new(card.progress.score.is_some(), card.progress.coverage),
            risk: KindEvidence::whole(card.risk.exposure.is_some()),
            stakeholders: KindEvidence::new(
                card.stakeholders.has_evidence(),
                card.stakeholders.coverage.assessed,
            ),
            evaluation: KindEvidence::new(eval.is_some(), eval.map_or(0.0, |e| e.coverage)),
            finance: KindEvidence::whole(card.finance.pace.is_some()),
        }
    }

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

/// Why a programme is not ranked.
///
/// In JSON and CSV: the snake-case name, e.g. `"insufficient_results"`.
///
/// ```
/// use ssr_model::score::compare::NotRanked;
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Programme};
///
/// let mut portfolio = ssr_model::samples::portfolio();
/// portfolio.programmes.push(Programme::new("Border police support", Country::new("MLI")?));
/// let card = Scorer::default().scorecard(&portfolio);
/// let unranked: Vec<(&str, NotRanked)> =
///     card.comparison.unranked().map(|(row, why)| (row.name.as_str(), why)).collect();
/// assert_eq!(unranked, [("Border police support", NotRanked::InsufficientResults)]);
/// assert_eq!(NotRanked::InsufficientResults.as_str(), "insufficient_results");
/// assert_eq!(NotRanked::InsufficientResults.describe(), "too few indicator values for the results score");
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NotRanked {
    /// Results coverage below the policy's `min_results_coverage`.
    InsufficientResults,
    /// Evidence on fewer weighted dimensions than the policy's
    /// `min_dimensions`.
    TooFewDimensions,
    /// No weighted dimension has a value: there is nothing to compose.
    NoEvidence,
    /// Every programme that met the policy has the same evidence (the same
    /// values, or the same values missing): nothing tells them apart, so no
    /// ranking is possible.
    IdenticalEvidence,
    /// Data on a smaller share of the weighted dimensions than the
    /// policy's screening threshold
    /// ([`ScreeningPolicy::min_programme_coverage`](crate::score::policy::ScreeningPolicy::min_programme_coverage)).
    LowDataCoverage,
}

crate::model::names::names!(NotRanked, "reason not ranked" {
    InsufficientResults = "insufficient_results",
    TooFewDimensions = "too_few_dimensions",
    NoEvidence = "no_evidence",
    IdenticalEvidence = "identical_evidence",
    LowDataCoverage = "low_data_coverage",
});

impl NotRanked {
    /// The reason in words.
    pub fn describe(self) -> &'static str {
        match self {
            NotRanked::InsufficientResults => "too few indicator values for the results score",
            NotRanked::TooFewDimensions => "evidence on too few dimensions",
            NotRanked::NoEvidence => "no evidence on any weighted dimension",
            NotRanked::IdenticalEvidence => {
                "every programme has the same evidence: no ranking is possible"
            }
            NotRanked::LowDataCoverage => {
                "data on too small a share of the dimensions (screened out by the policy)"
            }
        }
    }
}

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
    /// The least number of kinds of evidence ([`EvidenceKind`]) with a
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
    /// Why `evidence` is not enough to rank, if it is not; `counts` says
    /// whether a dimension has a value and positive weight.
    pub(crate) fn refuse(
        &self,
        evidence: &Evidence,
        counts: impl Fn(Dimension) -> bool,
    ) -> Option<NotRanked> {
        let results = evidence.results;
        let results_coverage = if results.present {
            results.coverage
        } else {
            0.0
        };
        if results_coverage < self.min_results_coverage {
            return Some(NotRanked::InsufficientResults);
        }
        let kinds = EvidenceKind::ALL
            .into_iter()
            .filter(|k| k.dimensions().iter().any(|&d| counts(d)))
            .count();
        (kinds < self.min_dimensions).then_some(NotRanked::TooFewDimensions)
    }

    pub(crate) fn check(&self, found: &mut Vec<crate::Finding>) {
        if !(0.0..=1.0).contains(&self.min_results_coverage) {
            found.push(super::policy::invalid(
                "ranking.min_results_coverage",
                "a number from 0 to 1",
                self.min_results_coverage,
            ));
        }
    }
}

/// Marks every eligible row [`NotRanked::IdenticalEvidence`] when there
/// are at least two and their weighted raw values (present or missing) are
/// all the same: no ranking can tell them apart.
pub(crate) fn refuse_identical(rows: &mut [ComparisonRow], weights: &Weights) {
    let weighted = |r: &ComparisonRow| -> Vec<Option<u64>> {
        let raw = r.raw.to_map();
        weights
            .iter()
            .filter(|(_, w)| **w > 0.0)
            .map(|(d, _)| raw[d].map(f64::to_bits))
            .collect()
    };
    let mut eligible = rows.iter_mut().filter(|r| r.not_ranked.is_none());
    let Some(first) = eligible.next().map(|r| weighted(r)) else {
        return;
    };
    let rest: Vec<&mut ComparisonRow> = eligible.collect();
    if !rest.is_empty() && rest.iter().all(|r| weighted(r) == first) {
        for r in rows.iter_mut().filter(|r| r.not_ranked.is_none()) {
            r.not_ranked = Some(NotRanked::IdenticalEvidence);
        }
    }
}

/// Fills the missing values of weighted columns of a normalised table per
/// `imputation`, from the values present in the column (none: left empty).
/// `scratch` keeps the column sorted, so the mean does not depend on the
/// order of the rows.
pub(crate) fn impute(
    table: &mut [Row],
    weights: &Weights,
    imputation: Imputation,
    scratch: &mut Vec<f64>,
) {
    if imputation == Imputation::None {
        return;
    }
    for (d, w) in weights.iter() {
        if *w <= 0.0 {
            continue;
        }
        let present = table.iter().filter_map(|row| row[d]);
        let Some(fill) = fill_value(present, imputation, scratch) else {
            continue; // nobody has the dimension: nothing to impute from
        };
        for row in table.iter_mut() {
            row[d].get_or_insert(fill);
        }
    }
}

/// The value `imputation` fills a column's gaps with, from the values
/// `present` in it; `None` when there is nothing to impute from, or the
/// policy imputes nothing. `scratch` keeps the values sorted, so the mean
/// does not depend on the order of the rows.
pub(crate) fn fill_value(
    present: impl Iterator<Item = f64>,
    imputation: Imputation,
    scratch: &mut Vec<f64>,
) -> Option<f64> {
    if imputation == Imputation::None {
        return None;
    }
    scratch.clear();
    scratch.extend(present);
    scratch.sort_unstable_by(f64::total_cmp);
    let &lowest = scratch.first()?;
    match imputation {
        Imputation::Mean => Some(scratch.iter().sum::<f64>() / scratch.len() as f64),
        Imputation::Minimum => Some(lowest),
        Imputation::None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::score::Dimension::{self, Evaluation, Progress};
    use crate::score::vocabulary::DimensionMap;

    #[test]
    fn imputation_fills_weighted_gaps_only() {
        let row = |a: Option<f64>, b: Option<f64>| {
            DimensionMap::from_fn(|d| match d {
                Progress => a,
                Evaluation => b,
                _ => None,
            })
        };
        let table = [
            row(Some(10.0), None),
            row(None, None),
            row(Some(30.0), Some(5.0)),
        ];
        let weights = DimensionMap::from_fn(|d: Dimension| if d == Evaluation { 0.0 } else { 1.0 });
        let mut mean = table;
        impute(&mut mean, &weights, Imputation::Mean, &mut Vec::new());
        // Progress: (10 + 30)/2 = 20; evaluation has weight 0: left alone;
        // the others have no value to impute from.
        assert_eq!(mean[1], row(Some(20.0), None));
        assert_eq!(mean[0], row(Some(10.0), None));
        let mut minimum = table;
        impute(&mut minimum, &weights, Imputation::Minimum, &mut Vec::new());
        assert_eq!(minimum[1], row(Some(10.0), None));
        let mut none = table;
        impute(&mut none, &weights, Imputation::None, &mut Vec::new());
        assert_eq!(none, table);
    }
}
