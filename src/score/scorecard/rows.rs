//! The scorecard's tidy long format: one row per programme and measure,
//! for R and pandas, and the kind of each measure.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::Scorecard;
use crate::score::{
    Dimension, EvidenceKind, FinanceProfile, NotRanked, RankStats, RankUncertainty, ResultsProfile,
    RiskBand, RiskProfile, StakeholderProfile, Status,
};
use crate::{DacCriterion, ProgrammeId};

/// One row of the tidy long format: a programme, a measure, a value.
///
/// Measures (value `None` where there is no data):
///
/// | measure | value |
/// |---|---|
/// | `score`, `coverage` | results score and its coverage, 0–1 |
/// | `indicators`, `on_track`, `at_risk`, `off_track`, `interim`, `no_data` | indicator counts |
/// | `component:NAME` | a component's score, 0–1 |
/// | `evidence_coverage.KIND` | the coverage of each kind of evidence before ranking (`evidence_coverage.results`, `….risk`, `….stakeholders`, `….evaluation`, `….finance`), 0–1; no value where the programme has none |
/// | `level.LEVEL`, `level.LEVEL.coverage` | progress at `output`, `outcome`, `impact` and its coverage, 0–1 |
/// | `objective:STATEMENT`, `objective_coverage:STATEMENT` | progress towards an objective and its coverage, 0–1 |
/// | `evidence.grade` | the results-evidence grade, 0–1 |
/// | `gender_gap`, `gender_gap.coverage` | women's progress minus men's, −1–1, and its coverage |
/// | `breakdown:TITLE:DIMENSION=CATEGORY` | capped progress of one category of an indicator |
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
///
/// ```
/// use ssr_model::score::compare::NotRanked;
/// use ssr_model::score::RowKind;
/// use ssr_model::Scorer;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let card = Scorer::default().scorecard(&portfolio);
/// let rows = card.rows();
/// // Long format: the programme score is one row per programme, measure "score".
/// let scores: Vec<_> = rows.iter().filter(|r| r.measure == "score").collect();
/// assert_eq!(scores.len(), portfolio.programmes.len());
/// for (row, programme) in scores.iter().zip(&card.programmes) {
///     assert_eq!(row.programme_id, programme.id);
///     assert_eq!(row.value, programme.progress.score);
///     assert_eq!(row.kind(), RowKind::Results);
/// }
///
/// // A programme with no evidence: every one of its rows says why it is not ranked.
/// let mut portfolio = portfolio;
/// portfolio.programmes.push(ssr_model::Programme::new("New programme", ssr_model::Country::new("MLI")?));
/// let rows = Scorer::default().scorecard(&portfolio).rows();
/// let new: Vec<_> = rows.iter().filter(|r| r.programme_name == "New programme").collect();
/// assert!(new.iter().all(|r| r.not_ranked == Some(NotRanked::InsufficientResults)));
/// assert_eq!(new.iter().find(|r| r.measure == "rank").map(|r| r.value), Some(None));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
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

/// What a [`Row`] measures, for choosing rows without parsing measure
/// names.
///
/// ```
/// use ssr_model::score::RowKind;
/// use ssr_model::Scorer;
/// use ssr_model::samples::{Synthetic, synthetic};
///
/// let p = synthetic(&Synthetic::new(2).with_components(1).with_indicators(1).with_periods(2));
/// let rows = Scorer::default().scorecard(&p).rows();
/// let normalised = rows.iter().filter(|r| r.kind() == RowKind::Normalised);
/// assert!(normalised.clone().count() > 0);
/// assert!(normalised.into_iter().all(|r| r.measure.starts_with("normalised.")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RowKind {
    /// `score`, `coverage`, `indicators` and the status counts.
    Results,
    /// `component:NAME`.
    Component,
    /// The results chain: `level.*`, `objective:*`, `objective_coverage:*`,
    /// `evidence.grade`, `gender_gap`, `gender_gap.coverage`, `breakdown:*`.
    ResultsChain,
    /// `risk.*`.
    Risk,
    /// `stakeholders.*`.
    Stakeholders,
    /// `evaluation.*`.
    Evaluation,
    /// `finance.*`: money measures and yearly flows.
    Finance,
    /// `evidence_coverage.*`: the coverage of each kind of evidence.
    Evidence,
    /// `normalised.DIMENSION`.
    Normalised,
    /// `composite`.
    Composite,
    /// `rank`, the nominal rank.
    Rank,
    /// `rank.mean`, `rank.median`, `rank.p05`, `rank.p95`, `rank.sd`.
    RankUncertainty,
}

impl RowKind {
    /// Whether rows of this kind belong to the comparison and ranking
    /// (normalised dimensions, composite, ranks), what `ssr rank` prints.
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            RowKind::Normalised | RowKind::Composite | RowKind::Rank | RowKind::RankUncertainty
        )
    }
}

impl RowKind {
    /// The kind of a measure name (see [`Row`]).
    pub fn of(measure: &str) -> RowKind {
        let family = measure
            .split_once(['.', ':'])
            .map_or(measure, |(head, _)| head);
        match family {
            "component" => RowKind::Component,
            "level" | "objective" | "objective_coverage" | "evidence" | "gender_gap"
            | "breakdown" => RowKind::ResultsChain,
            "risk" => RowKind::Risk,
            "stakeholders" => RowKind::Stakeholders,
            "evaluation" => RowKind::Evaluation,
            "finance" => RowKind::Finance,
            "evidence_coverage" => RowKind::Evidence,
            "normalised" => RowKind::Normalised,
            "composite" => RowKind::Composite,
            "rank" if measure == "rank" => RowKind::Rank,
            "rank" => RowKind::RankUncertainty,
            _ => RowKind::Results,
        }
    }
}

impl Row {
    /// What the row measures, read from its measure name (see [`Row`]).
    pub fn kind(&self) -> RowKind {
        RowKind::of(&self.measure)
    }
}

impl Scorecard {
    /// Every measure of every programme, one row each (see [`Row`]).
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::samples::{Synthetic, synthetic};
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
    /// use ssr_model::Scorer;
    /// use ssr_model::samples::{Synthetic, synthetic};
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
            .as_ref()
            .map(RankUncertainty::by_programme)
            .unwrap_or_default();
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
                ("interim", Status::Interim),
                ("no_data", Status::NoData),
            ] {
                emit(name, Some(p.status_count(status) as f64))?;
            }
            for c in &p.components {
                emit(&format!("component:{}", c.name), c.score)?;
            }
            results_rows(&card.results, &mut emit)?;
            for kind in EvidenceKind::ALL {
                let e = card.evidence.get(kind);
                emit(
                    &format!("evidence_coverage.{kind}"),
                    e.present.then_some(e.coverage),
                )?;
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
/// use ssr_model::Scorer;
/// use ssr_model::samples::{Synthetic, synthetic};
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
    /// What the row measures (see [`Row::kind`]).
    pub fn kind(&self) -> RowKind {
        RowKind::of(self.measure)
    }

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
    for band in RiskBand::ALL {
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

/// The results-chain measures of one card as tidy rows.
fn results_rows<E>(
    r: &ResultsProfile,
    emit: &mut impl FnMut(&str, Option<f64>) -> Result<(), E>,
) -> Result<(), E> {
    for l in &r.levels {
        emit(&format!("level.{}", l.level), l.progress)?;
        emit(&format!("level.{}.coverage", l.level), Some(l.coverage))?;
    }
    for o in &r.objectives {
        emit(&format!("objective:{}", o.statement), o.progress)?;
        emit(
            &format!("objective_coverage:{}", o.statement),
            Some(o.coverage),
        )?;
    }
    emit("evidence.grade", r.evidence)?;
    emit("gender_gap", r.gender_gap)?;
    emit("gender_gap.coverage", Some(r.gender_gap_coverage))?;
    for c in &r.categories {
        emit(
            &format!("breakdown:{}:{}={}", c.title, c.dimension, c.category),
            c.capped,
        )?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::{Synthetic, synthetic};
    use crate::score::Scorer;

    /// The kind of every measure name, written out from the table in
    /// [`Row`]'s documentation.
    fn expected(measure: &str) -> RowKind {
        match measure {
            "score" | "coverage" | "indicators" | "on_track" | "at_risk" | "off_track"
            | "interim" | "no_data" => RowKind::Results,
            "risk.exposure" | "risk.max_residual" | "risk.low" | "risk.moderate" | "risk.high"
            | "risk.extreme" => RowKind::Risk,
            "stakeholders.resistance" | "stakeholders.inclusion" => RowKind::Stakeholders,
            m if m.starts_with("risk.component:") => RowKind::Risk,
            m if m.starts_with("stakeholders.coverage.") => RowKind::Stakeholders,
            m if m.starts_with("evidence_coverage.") => RowKind::Evidence,
            "composite" => RowKind::Composite,
            "rank" => RowKind::Rank,
            "rank.mean" | "rank.median" | "rank.p05" | "rank.p95" | "rank.sd" => {
                RowKind::RankUncertainty
            }
            m if m.starts_with("component:") => RowKind::Component,
            "evidence.grade" | "gender_gap" | "gender_gap.coverage" => RowKind::ResultsChain,
            m if m.starts_with("level.")
                || m.starts_with("objective:")
                || m.starts_with("objective_coverage:")
                || m.starts_with("breakdown:") =>
            {
                RowKind::ResultsChain
            }
            m if m.starts_with("evaluation.") => RowKind::Evaluation,
            m if m.starts_with("normalised.") => RowKind::Normalised,
            m if m.starts_with("finance.") => RowKind::Finance,
            m => panic!("undocumented measure {m}"),
        }
    }

    #[test]
    fn every_row_has_its_documented_kind() {
        let p = synthetic(
            &Synthetic::new(3)
                .with_components(2)
                .with_indicators(2)
                .with_periods(3),
        );
        let scorer = Scorer::default();
        let card = scorer.rank(&p);
        let rows = card.rows();
        for row in &rows {
            assert_eq!(row.kind(), expected(&row.measure), "{}", row.measure);
        }
        let kinds: std::collections::HashSet<RowKind> = rows.iter().map(Row::kind).collect();
        assert_eq!(kinds.len(), 12, "{kinds:?}");
        // Every ranked programme gets its five rank statistics.
        let stats = rows.iter().filter(|r| r.kind() == RowKind::RankUncertainty);
        assert_eq!(
            stats.count(),
            5 * card.uncertainty.map_or(0, |u| u.programmes.len())
        );
    }
}
