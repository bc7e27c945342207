//! The scorecard: everything the scoring says about a portfolio, as one
//! serde value, and its tidy long-format rows for R and pandas.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    Comparison, Dimension, EvaluationScore, Evidence, EvidenceKind, FinanceProfile, NotRanked,
    ProgrammeScore, RankUncertainty, RiskBand, RiskProfile, ScoringPolicy, StakeholderProfile,
    Status,
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
        for (card, cmp) in self.programmes.iter().zip(&self.comparison.rows) {
            let mut push = |measure: String, value: Option<f64>| {
                rows.push(Row {
                    programme_id: card.id,
                    programme_name: card.name.clone(),
                    measure,
                    value,
                    not_ranked: cmp.not_ranked,
                });
            };
            let p = &card.progress;
            push("score".into(), p.score);
            push("coverage".into(), Some(p.coverage));
            push("indicators".into(), Some(p.indicators().count() as f64));
            for (name, status) in [
                ("on_track", Status::OnTrack),
                ("at_risk", Status::AtRisk),
                ("off_track", Status::OffTrack),
                ("no_data", Status::NoData),
            ] {
                push(name.into(), Some(p.status_count(status) as f64));
            }
            for c in &p.components {
                push(format!("component:{}", c.name), c.score);
            }
            for kind in EvidenceKind::ALL {
                let e = card.evidence.get(kind);
                push(format!("evidence.{kind}"), e.present.then_some(e.coverage));
            }
            risk_rows(&card.risk, &mut push);
            stakeholder_rows(&card.stakeholders, &mut push);
            let eval = card.evaluation.as_ref();
            push("evaluation.score".into(), eval.and_then(|e| e.score));
            for c in DacCriterion::ALL {
                push(format!("evaluation.{c}"), eval.and_then(|e| e.criterion(c)));
            }
            finance_rows(&card.finance, &mut push);
            for d in Dimension::ALL {
                push(format!("normalised.{d}"), cmp.normalised.get(d));
            }
            push("composite".into(), cmp.composite);
            push("rank".into(), cmp.rank.map(f64::from));
            if let Some(s) = self.uncertainty.as_ref().and_then(|u| u.get(card.id)) {
                push("rank.mean".into(), Some(s.mean));
                push("rank.median".into(), Some(s.median));
                push("rank.p05".into(), Some(s.p05));
                push("rank.p95".into(), Some(s.p95));
                push("rank.sd".into(), Some(s.sd));
            }
        }
        rows
    }
}

/// The risk measures of one card as tidy rows.
fn risk_rows(r: &RiskProfile, push: &mut impl FnMut(String, Option<f64>)) {
    push("risk.exposure".into(), r.exposure);
    push("risk.max_residual".into(), r.max_residual);
    for band in [
        RiskBand::Low,
        RiskBand::Moderate,
        RiskBand::High,
        RiskBand::Extreme,
    ] {
        push(format!("risk.{band}"), Some(r.bands.get(band) as f64));
    }
    for c in &r.components {
        push(format!("risk.component:{}", c.name), c.exposure);
    }
}

/// The stakeholder measures of one card as tidy rows.
fn stakeholder_rows(s: &StakeholderProfile, push: &mut impl FnMut(String, Option<f64>)) {
    push("stakeholders.resistance".into(), s.resistance_exposure);
    push("stakeholders.inclusion".into(), s.inclusion);
    let c = &s.coverage;
    for (name, value) in [
        ("grid", c.grid),
        ("salience", c.salience),
        ("resistance", c.resistance),
        ("inclusion", c.inclusion),
        ("assessed", c.assessed),
    ] {
        push(format!("stakeholders.coverage.{name}"), Some(value));
    }
}

/// The finance measures of one card as tidy rows.
fn finance_rows(f: &FinanceProfile, push: &mut impl FnMut(String, Option<f64>)) {
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
        push(format!("finance.{name}"), value);
    }
    for y in &f.yearly {
        for (name, value) in [
            ("committed", y.committed),
            ("disbursed", y.disbursed),
            ("spent", y.spent),
            ("budget", y.budget),
        ] {
            push(format!("finance.{}.{name}", y.year), value);
        }
    }
}
