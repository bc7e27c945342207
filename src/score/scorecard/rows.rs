//! The scorecard's tidy long format: one row per programme and measure,
//! for R and pandas, each row saying in typed columns what it is about.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::Scorecard;
use super::emit::{Key, programme_rows};
use super::subject::{Subject, SubjectKind, SubjectRef};
use crate::ProgrammeId;
use crate::score::{Dimension, NotRanked, RankStats, RankUncertainty};

/// One row of the tidy long format: a programme, a measure, what within the
/// programme it is about, and a value.
///
/// Nothing is encoded in strings: a component's score is the measure
/// `score` with `subject` naming the component, a yearly flow is the
/// measure `finance.disbursed` with its `year`. Rows about the programme
/// as a whole have no subject.
///
/// | measure | about | value |
/// |---|---|---|
/// | `score`, `coverage` | the programme | results score and its coverage, 0–1 |
/// | `indicators`, `on_track`, `at_risk`, `off_track`, `interim`, `no_data` | the programme | indicator counts |
/// | `score` | subject: a component | the component's score, 0–1 |
/// | `evidence_coverage` | `category`: results, risk, stakeholders, evaluation, finance | the coverage of that kind of evidence before ranking, 0–1; no value where the programme has none |
/// | `progress`, `coverage` | subject: a level (`output`, `outcome`, `impact`) or an objective | progress and its coverage, 0–1 |
/// | `progress` | subject: an indicator; `breakdown` (e.g. `sex`) and `category` (e.g. `female`) | capped progress of one category of the indicator |
/// | `evidence.grade` | the programme | the results-evidence grade, 0–1 |
/// | `gender_gap`, `gender_gap.coverage` | the programme | women's progress minus men's, −1–1, and its coverage |
/// | `risk.exposure` | the programme, or subject: a component | 0–1 |
/// | `risk.max_residual` | the programme | 0–25 |
/// | `risk.challenges` | `category`: low, moderate, high, extreme | challenges counted per band of residual risk |
/// | `stakeholders.resistance`, `stakeholders.inclusion` | the programme | 0–1 |
/// | `stakeholders.coverage` | `category`: grid, salience, resistance, inclusion, assessed | share of stakeholders each analysis could assess, 0–1 |
/// | `evaluation.score` | the programme | 0–1 |
/// | `evaluation.criterion` | `category`: a DAC criterion (relevance, …) | 0–1 |
/// | `finance.committed`, `finance.disbursed`, `finance.spent`, `finance.budget` | the programme, or a `year` | sums in the card's finance currency |
/// | `finance.incoming` | the programme | sum in the card's finance currency |
/// | `finance.disbursement_rate`, `finance.execution`, `finance.elapsed`, `finance.pace` | the programme | ratios ([`FinanceProfile`](crate::score::programme::FinanceProfile)) |
/// | `finance.funders`, `finance.concentration` | the programme | funder count, Herfindahl–Hirschman index 0–1 |
/// | `normalised` | `dimension` | the comparison's normalised value |
/// | `composite`, `rank` | the programme | the composite and nominal rank (no value when not ranked: see [`Row::not_ranked`]) |
/// | `rank.mean`, `rank.median`, `rank.p05`, `rank.p95`, `rank.sd` | the programme | with rank uncertainty |
///
/// ```
/// use ssr_model::score::compare::NotRanked;
/// use ssr_model::score::{RowKind, SubjectKind};
/// use ssr_model::Scorer;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let card = Scorer::default().scorecard(&portfolio);
/// let rows = card.rows();
/// // Long format: the programme score is one row per programme, measure
/// // "score" with no subject.
/// let scores: Vec<_> = rows.iter().filter(|r| r.measure == "score" && r.subject.is_none()).collect();
/// assert_eq!(scores.len(), portfolio.programmes.len());
/// for (row, programme) in scores.iter().zip(&card.programmes) {
///     assert_eq!(row.programme_id, programme.id);
///     assert_eq!(row.value, programme.progress.score);
///     assert_eq!(row.kind(), RowKind::Results);
/// }
/// // A component's score names the component in typed columns.
/// let first = &card.programmes[0].progress.components[0];
/// let row = rows
///     .iter()
///     .find(|r| r.subject.as_ref().is_some_and(|s| s.kind == SubjectKind::Component && s.name == first.name))
///     .ok_or("a component row")?;
/// assert_eq!((row.measure.as_str(), row.value), ("score", first.score));
///
/// // A programme with no evidence: every one of its rows says why it is not ranked.
/// let mut portfolio = portfolio;
/// portfolio.programmes.push(ssr_model::Programme::new("New programme", ssr_model::Country::new("MLI")?));
/// let rows = Scorer::default().scorecard(&portfolio).rows();
/// let new: Vec<_> = rows.iter().filter(|r| r.programme_name == "New programme").collect();
/// assert!(new.iter().all(|r| r.not_ranked == Some(NotRanked::InsufficientResults)));
/// assert_eq!(new.iter().find(|r| r.measure == "rank").map(|r| r.value), Some(None));
/// # Ok::<(), Box<dyn std::error::Error>>(())
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
    /// What is measured (see the table above).
    pub measure: String,
    /// What within the programme the row is about; `None` for the
    /// programme as a whole.
    #[serde(default)]
    pub subject: Option<Subject>,
    /// The year of a yearly measure.
    #[serde(default)]
    pub year: Option<i32>,
    /// The comparison's dimension of a normalised value.
    #[serde(default)]
    pub dimension: Option<Dimension>,
    /// The disaggregation of a breakdown row (`sex`, `age`, …).
    #[serde(default)]
    pub breakdown: Option<String>,
    /// The category within the measure: an evidence kind, a risk band, a
    /// stakeholder analysis, a DAC criterion, or a breakdown's category.
    #[serde(default)]
    pub category: Option<String>,
    /// The value.
    pub value: Option<f64>,
    /// Why the programme is not ranked, on each of its rows; `None` when it
    /// is ranked.
    #[serde(default)]
    pub not_ranked: Option<NotRanked>,
}

/// What a [`Row`] measures, for choosing rows by family.
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
/// assert!(normalised.into_iter().all(|r| r.measure == "normalised" && r.dimension.is_some()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RowKind {
    /// `score`, `coverage`, `indicators` and the status counts of the
    /// programme.
    Results,
    /// A component's `score`.
    Component,
    /// The results chain: progress and coverage by level and objective,
    /// breakdowns, `evidence.grade`, `gender_gap`, `gender_gap.coverage`.
    ResultsChain,
    /// `risk.*`.
    Risk,
    /// `stakeholders.*`.
    Stakeholders,
    /// `evaluation.*`.
    Evaluation,
    /// `finance.*`: money measures and yearly flows.
    Finance,
    /// `evidence_coverage`: the coverage of each kind of evidence.
    Evidence,
    /// `normalised`.
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

    /// The kind of a row with this measure and subject.
    fn of(measure: &str, subject: Option<SubjectKind>) -> RowKind {
        match (measure, subject) {
            ("score", Some(SubjectKind::Component)) => return RowKind::Component,
            (m, Some(_)) if !m.starts_with("risk.") => return RowKind::ResultsChain,
            _ => {}
        }
        let family = measure.split_once('.').map_or(measure, |(head, _)| head);
        match family {
            "evidence" | "gender_gap" => RowKind::ResultsChain,
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
    /// What the row measures (see [`RowKind`]).
    pub fn kind(&self) -> RowKind {
        RowKind::of(&self.measure, self.subject.as_ref().map(|s| s.kind))
    }
}

impl Scorecard {
    /// Every measure of every programme, one row each (see [`Row`]).
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::score::compare::Dimension;
    /// use ssr_model::samples::{Synthetic, synthetic};
    ///
    /// let p = synthetic(&Synthetic::new(2).with_components(1).with_indicators(1).with_periods(2));
    /// let rows = Scorer::default().scorecard(&p).rows();
    /// let score = rows.iter().find(|r| r.measure == "score").unwrap();
    /// assert_eq!(score.programme_name, "Synthetic programme 0");
    /// assert!(rows.iter().any(|r| r.measure == "normalised" && r.dimension == Some(Dimension::Inclusion)));
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
            let mut emit = |key: Key<'_>, value: Option<f64>| {
                f(RowRef {
                    programme_id: card.id,
                    programme_name: &card.name,
                    measure: key.measure,
                    subject: key.subject,
                    year: key.year,
                    dimension: key.dimension,
                    breakdown: key.breakdown,
                    category: key.category,
                    value,
                    not_ranked: cmp.not_ranked,
                })
            };
            programme_rows(card, cmp, stats.get(&card.id).copied(), &mut emit)?;
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
    pub measure: &'static str,
    /// What within the programme the row is about.
    pub subject: Option<SubjectRef<'a>>,
    /// The year of a yearly measure.
    pub year: Option<i32>,
    /// The comparison's dimension of a normalised value.
    pub dimension: Option<Dimension>,
    /// The disaggregation of a breakdown row.
    pub breakdown: Option<&'a str>,
    /// The category within the measure.
    pub category: Option<&'a str>,
    /// The value.
    pub value: Option<f64>,
    /// Why the programme is not ranked; `None` when it is.
    pub not_ranked: Option<NotRanked>,
}

impl RowRef<'_> {
    /// What the row measures (see [`Row::kind`]).
    pub fn kind(&self) -> RowKind {
        RowKind::of(self.measure, self.subject.map(|s| s.kind))
    }

    /// The owned row.
    pub fn to_row(&self) -> Row {
        Row {
            programme_id: self.programme_id,
            programme_name: self.programme_name.to_owned(),
            measure: self.measure.to_owned(),
            subject: self.subject.map(|s| s.to_subject()),
            year: self.year,
            dimension: self.dimension,
            breakdown: self.breakdown.map(str::to_owned),
            category: self.category.map(str::to_owned),
            value: self.value,
            not_ranked: self.not_ranked,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::{Synthetic, synthetic};
    use crate::score::Scorer;

    /// The kind of every row, written out from the table in [`Row`]'s
    /// documentation.
    fn expected(row: &Row) -> RowKind {
        let subject = row.subject.as_ref().map(|s| s.kind);
        match (row.measure.as_str(), subject) {
            ("score", Some(SubjectKind::Component)) => RowKind::Component,
            ("progress" | "coverage", Some(SubjectKind::Level | SubjectKind::Objective)) => {
                RowKind::ResultsChain
            }
            ("progress", Some(SubjectKind::Indicator)) => RowKind::ResultsChain,
            ("risk.exposure", Some(SubjectKind::Component)) => RowKind::Risk,
            (m, Some(k)) => panic!("undocumented subject {k} of {m}"),
            (
                "score" | "coverage" | "indicators" | "on_track" | "at_risk" | "off_track"
                | "interim" | "no_data",
                None,
            ) => RowKind::Results,
            ("risk.exposure" | "risk.max_residual" | "risk.challenges", None) => RowKind::Risk,
            (
                "stakeholders.resistance" | "stakeholders.inclusion" | "stakeholders.coverage",
                None,
            ) => RowKind::Stakeholders,
            ("evidence_coverage", None) => RowKind::Evidence,
            ("composite", None) => RowKind::Composite,
            ("rank", None) => RowKind::Rank,
            ("rank.mean" | "rank.median" | "rank.p05" | "rank.p95" | "rank.sd", None) => {
                RowKind::RankUncertainty
            }
            ("evidence.grade" | "gender_gap" | "gender_gap.coverage", None) => {
                RowKind::ResultsChain
            }
            ("evaluation.score" | "evaluation.criterion", None) => RowKind::Evaluation,
            ("normalised", None) => RowKind::Normalised,
            (m, None) if m.starts_with("finance.") => RowKind::Finance,
            (m, None) => panic!("undocumented measure {m}"),
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
            assert_eq!(row.kind(), expected(row), "{row:?}");
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

    #[test]
    fn no_two_rows_of_a_programme_share_their_key() {
        // The typed columns identify a row: a table keyed on them has no
        // duplicates (the sample has components, objectives, breakdowns
        // and yearly money).
        let card = Scorer::default().rank(&crate::samples::portfolio());
        let mut seen = std::collections::HashSet::new();
        for r in card.rows() {
            let key = (
                r.programme_id,
                r.measure.clone(),
                r.subject.as_ref().map(|s| (s.kind, s.id, s.name.clone())),
                r.year,
                r.dimension,
                r.breakdown.clone(),
                r.category.clone(),
            );
            assert!(seen.insert(key.clone()), "two rows {key:?}");
        }
    }
}
