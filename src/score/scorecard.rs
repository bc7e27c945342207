//! The scorecard: everything the scoring says about a portfolio, as one
//! serde value, and its tidy long-format rows for R and pandas.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    Comparison, Dimension, EvaluationScore, Evidence, EvidenceKind, FinanceProfile, NotRanked,
    ProgrammeScore, RankStats, RankUncertainty, RiskBand, RiskProfile, ScoringPolicy,
    StakeholderProfile, Status,
};
use crate::{DacCriterion, ProgrammeId, Recipient};

/// One programme's scores: results, risk, stakeholders and evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProgrammeCard {
    /// The programme.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub id: ProgrammeId,
    /// Its name.
    pub name: String,
    /// The countries and regions it works in, with their shares.
    pub recipients: Vec<Recipient>,
    /// Results: indicator progress, component and programme scores.
    pub progress: ProgrammeScore,
    /// Risk register scored.
    pub risk: RiskProfile,
    /// Stakeholder analysis.
    pub stakeholders: StakeholderProfile,
    /// The latest evaluation, scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evaluation: Option<EvaluationScore>,
    /// Money: commitments, disbursements, spending, budget execution,
    /// funding concentration and yearly flows.
    pub finance: FinanceProfile,
    /// What the programme has evidence for, and how much of each kind.
    pub evidence: Evidence,
}

/// A portfolio's scorecard: the policy it was scored under, each
/// programme's card, the comparison table and, when computed, the rank
/// uncertainty.
///
/// Publish it whole: the policy inside lets anyone re-run the scoring.
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

/// One row of the tidy long format: a programme, a measure, a value.
///
/// Measures (value `None` where there is no data):
///
/// | measure | value |
/// |---|---|
/// | `score`, `coverage` | results score and its coverage, 0–1 |
/// | `indicators`, `on_track`, `at_risk`, `off_track`, `no_data` | indicator counts |
/// | `component:NAME` | a component's score, 0–1 |
/// | `evidence.KIND` | the coverage of each kind of evidence (`evidence.results`, `evidence.risk`, `evidence.stakeholders`, `evidence.evaluation`, `evidence.finance`), 0–1; no value where the programme has none |
/// | `risk.exposure`, `risk.max_residual` | 0–1 and 0–25 |
/// | `risk.low`, `risk.moderate`, `risk.high`, `risk.extreme` | counted challenges per band of residual risk |
/// | `risk.component:NAME` | the exposure of the challenges that name a component, 0–1 |
/// | `stakeholders.resistance`, `stakeholders.inclusion` | 0–1 |
/// | `stakeholders.coverage.grid`, `….salience`, `….resistance`, `….inclusion`, `….assessed` | share of stakeholders each analysis could assess, 0–1 |
/// | `evaluation.score`, `evaluation.CRITERION` | 0–1 (`evaluation.relevance`, …) |
/// | `finance.committed`, `finance.disbursed`, `finance.spent`, `finance.incoming`, `finance.budget` | sums in the card's finance currency |
/// | `finance.disbursement_rate`, `finance.execution`, `finance.elapsed`, `finance.pace` | ratios ([`FinanceProfile`]) |
/// | `finance.funders`, `finance.concentration` | funder count, Herfindahl–Hirschman index 0–1 |
/// | `finance.YEAR.committed`, `finance.YEAR.disbursed`, `finance.YEAR.spent`, `finance.YEAR.budget` | yearly flows |
/// | `normalised.DIMENSION` | the comparison's normalised value |
/// | `composite`, `rank` | the composite and nominal rank (no value when not ranked: see [`Row::not_ranked`]) |
/// | `rank.mean`, `rank.median`, `rank.p05`, `rank.p95`, `rank.sd` | with rank uncertainty |
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Row {
    /// The programme's id.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub programme_id: ProgrammeId,
    /// The programme's name.
    pub programme_name: String,
    /// What is measured.
    pub measure: String,
    /// The value.
    pub value: Option<f64>,
    /// Why the programme is not ranked, on each of its rows; `None` when it
    /// is ranked.
    #[serde(default)]
    pub not_ranked: Option<NotRanked>,
}

impl Scorecard {
    /// Returns `self` with rank uncertainty.
    #[must_use]
    pub fn with_uncertainty(mut self, uncertainty: RankUncertainty) -> Self {
        self.uncertainty = Some(uncertainty);
        self
    }

    /// The card of `programme`.
    pub fn programme(&self, programme: ProgrammeId) -> Option<&ProgrammeCard> {
        self.programmes.iter().find(|c| c.id == programme)
    }

    /// Every measure of every programme, one row each (see [`Row`]).
    ///
    /// ```
    /// use ssr_model::score::Scorer;
    /// use ssr_model::samples::{synthetic, Synthetic};
    ///
    /// let p = synthetic(&Synthetic::new(2).with_components(1).with_indicators(1).with_periods(2));
    /// let rows = Scorer::default().scorecard(&p).rows();
    /// let score = rows.iter().find(|r| r.measure == "score").unwrap();
    /// assert_eq!(score.programme_name, "Synthetic programme 0");
    /// assert!(rows.iter().any(|r| r.measure == "normalised.inclusion"));
    /// ```
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        let collected: Result<(), std::convert::Infallible> = self.try_for_each_row(|r| {
            rows.push(r.to_row());
            Ok(())
        });
        match collected {
            Ok(()) => rows,
        }
    }

    /// Calls `f` with every row of [`rows`](Self::rows), in the same order,
    /// borrowed from the scorecard: nothing is collected, so writing the rows
    /// out this way needs memory for one row at a time, not for the number of
    /// rows times the programme name. Stops at the first error `f` returns.
    ///
    /// ```
    /// use ssr_model::score::Scorer;
    /// use ssr_model::samples::{synthetic, Synthetic};
    ///
    /// let portfolio = synthetic(&Synthetic::new(2).with_components(2).with_indicators(2).with_periods(3));
    /// let card = Scorer::default().scorecard(&portfolio);
    /// let mut seen = Vec::new();
    /// card.try_for_each_row(|r| {
    ///     seen.push(r.to_row());
    ///     Ok::<(), ()>(())
    /// }).unwrap();
    /// assert_eq!(seen, card.rows());
    /// ```
    ///
    /// # Errors
    ///
    /// The first error `f` returns.
    pub fn try_for_each_row<E>(
        &self,
        mut f: impl FnMut(RowRef<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        // One map, so looking each programme's statistics up stays linear.
        let stats: HashMap<ProgrammeId, &RankStats> = self
            .uncertainty
            .iter()
            .flat_map(|u| &u.programmes)
            .map(|s| (s.programme, s))
            .collect();
        for (card, cmp) in self.programmes.iter().zip(&self.comparison.rows) {
            let mut emit = |measure: &str, value: Option<f64>| {
                f(RowRef {
                    programme_id: card.id,
                    programme_name: &card.name,
                    measure,
                    value,
                    not_ranked: cmp.not_ranked,
                })
            };
            let p = &card.progress;
            emit("score", p.score)?;
            emit("coverage", Some(p.coverage))?;
            emit("indicators", Some(p.indicators().count() as f64))?;
            for (name, status) in [
                ("on_track", Status::OnTrack),
                ("at_risk", Status::AtRisk),
                ("off_track", Status::OffTrack),
                ("no_data", Status::NoData),
            ] {
                emit(name, Some(p.status_count(status) as f64))?;
            }
            for c in &p.components {
                emit(&format!("component:{}", c.name), c.score)?;
            }
            for kind in EvidenceKind::ALL {
                let e = card.evidence.get(kind);
                emit(&format!("evidence.{kind}"), e.present.then_some(e.coverage))?;
            }
            risk_rows(&card.risk, &mut emit)?;
            stakeholder_rows(&card.stakeholders, &mut emit)?;
            let eval = card.evaluation.as_ref();
            emit("evaluation.score", eval.and_then(|e| e.score))?;
            for c in DacCriterion::ALL {
                emit(
                    &format!("evaluation.{c}"),
                    eval.and_then(|e| e.criterion(c)),
                )?;
            }
            finance_rows(&card.finance, &mut emit)?;
            for d in Dimension::ALL {
                emit(&format!("normalised.{d}"), cmp.normalised.get(d))?;
            }
            emit("composite", cmp.composite)?;
            emit("rank", cmp.rank.map(f64::from))?;
            if let Some(s) = stats.get(&card.id) {
                emit("rank.mean", Some(s.mean))?;
                emit("rank.median", Some(s.median))?;
                emit("rank.p05", Some(s.p05))?;
                emit("rank.p95", Some(s.p95))?;
                emit("rank.sd", Some(s.sd))?;
            }
        }
        Ok(())
    }
}

/// A [`Row`] borrowed from its [`Scorecard`] (see
/// [`Scorecard::try_for_each_row`]); it serialises as the row does.
///
/// ```
/// use ssr_model::score::Scorer;
/// use ssr_model::samples::{synthetic, Synthetic};
///
/// let card = Scorer::default().scorecard(&synthetic(&Synthetic::new(1)));
/// card.try_for_each_row(|r| {
///     assert_eq!(r.programme_name, "Synthetic programme 0");
///     assert_eq!(r.to_row().measure, r.measure);
///     Ok::<(), ()>(())
/// }).unwrap();
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RowRef<'a> {
    /// The programme's id.
    pub programme_id: ProgrammeId,
    /// The programme's name.
    pub programme_name: &'a str,
    /// What is measured.
    pub measure: &'a str,
    /// The value.
    pub value: Option<f64>,
    /// Why the programme is not ranked; `None` when it is.
    pub not_ranked: Option<NotRanked>,
}

impl RowRef<'_> {
    /// The owned row.
    pub fn to_row(&self) -> Row {
        Row {
            programme_id: self.programme_id,
            programme_name: self.programme_name.to_owned(),
            measure: self.measure.to_owned(),
            value: self.value,
            not_ranked: self.not_ranked,
        }
    }
}

/// How the row helpers write a measure: [`Scorecard::try_for_each_row`]'s
/// `emit`.
trait Emit<E>: FnMut(&str, Option<f64>) -> Result<(), E> {}

impl<E, F: FnMut(&str, Option<f64>) -> Result<(), E>> Emit<E> for F {}

/// The risk measures of one card as tidy rows.
fn risk_rows<E>(r: &RiskProfile, emit: &mut impl Emit<E>) -> Result<(), E> {
    emit("risk.exposure", r.exposure)?;
    emit("risk.max_residual", r.max_residual)?;
    for band in [
        RiskBand::Low,
        RiskBand::Moderate,
        RiskBand::High,
        RiskBand::Extreme,
    ] {
        emit(&format!("risk.{band}"), Some(r.bands.get(band) as f64))?;
    }
    for c in &r.components {
        emit(&format!("risk.component:{}", c.name), c.exposure)?;
    }
    Ok(())
}

/// The stakeholder measures of one card as tidy rows.
fn stakeholder_rows<E>(s: &StakeholderProfile, emit: &mut impl Emit<E>) -> Result<(), E> {
    emit("stakeholders.resistance", s.resistance_exposure)?;
    emit("stakeholders.inclusion", s.inclusion)?;
    let c = &s.coverage;
    for (name, value) in [
        ("grid", c.grid),
        ("salience", c.salience),
        ("resistance", c.resistance),
        ("inclusion", c.inclusion),
        ("assessed", c.assessed),
    ] {
        emit(&format!("stakeholders.coverage.{name}"), Some(value))?;
    }
    Ok(())
}

/// The finance measures of one card as tidy rows.
fn finance_rows<E>(f: &FinanceProfile, emit: &mut impl Emit<E>) -> Result<(), E> {
    for (name, value) in [
        ("committed", f.committed),
        ("disbursed", f.disbursed),
        ("spent", f.spent),
        ("incoming", f.incoming),
        ("budget", f.budget),
        ("disbursement_rate", f.disbursement_rate),
        ("execution", f.execution),
        ("elapsed", f.elapsed),
        ("pace", f.pace),
        ("funders", Some(f.funders as f64)),
        ("concentration", f.concentration),
    ] {
        emit(&format!("finance.{name}"), value)?;
    }
    for y in &f.yearly {
        for (name, value) in [
            ("committed", y.committed),
            ("disbursed", y.disbursed),
            ("spent", y.spent),
            ("budget", y.budget),
        ] {
            emit(&format!("finance.{}.{name}", y.year), value)?;
        }
    }
    Ok(())
}
