//! The results chain scored: progress by result level and per objective,
//! the grade of the evidence behind the results, and disaggregated progress
//! with the gender gap.
//!
//! Rules:
//!
//! - Every measure here weighs an indicator by its component's weight times
//!   its own (each as the policy takes them, as given or equal, times the
//!   [`ResultsPolicy`](super::ResultsPolicy) factor), not by shares of the
//!   programme: shares would move whenever an indicator is added anywhere,
//!   and an indicator that takes no part in a measure must not move it. The
//!   capped progress is aggregated with the policy's indicator-level mean.
//!   **Coverage** is the share of the weight concerned that had data;
//!   without data a measure is `None`, never 0.
//! - **By level**: the indicators of each result level (output, outcome,
//!   impact) on their own.
//! - **Per objective**: the indicators that measure the objective (those
//!   naming it, or else their component's objectives) and those of the
//!   objectives under it. `level` is the highest result level it is
//!   measured at, `reached` the highest with data.
//! - **Evidence**: the weighted mean of the indicators' evidence grades ([`EvidenceGrades`](super::EvidenceGrades)); a missing source
//!   counts at its grade (by default the lowest).
//! - **Gender gap**: for each indicator broken down by sex with progress for
//!   both women and men, women's capped progress minus men's; the
//!   programme's gap is their weighted arithmetic mean (a difference
//!   can be negative, so no other mean applies), with the share of the
//!   programme's weight behind it as coverage. Negative: women lag.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::breakdown::{CategoryProgress, categories};
use super::{IndicatorScore, ProgrammeScore, ScoringPolicy};
use crate::{Component, Indicator, ObjectiveId, ObjectiveKind, Programme, ResultLevel};

/// Progress at one result level.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let indicator = |level, actual: Option<f64>| -> Result<Indicator, Box<dyn std::error::Error>> {
///     let mut period = Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?).with_target(Value::number(10.0)?);
///     if let Some(a) = actual {
///         period = period.with_actual(Value::number(a)?);
///     }
///     Ok(Indicator::new("An indicator", level, Measure::Unit)
///         .with_baseline(Baseline::new(Value::number(0.0)?))
///         .with_period(period))
/// };
/// let programme = Programme::new("Police reform", Country::new("LBR")?).with_component(
///     Component::new("Community policing", Pillar::PoliceReform)
///         .with_indicator(indicator(ResultLevel::Output, Some(8.0))?)  // p = 0.8
///         .with_indicator(indicator(ResultLevel::Output, Some(4.0))?)  // p = 0.4
///         .with_indicator(indicator(ResultLevel::Outcome, None)?),
/// );
/// let results = Scorer::default().results(&programme);
/// let output = results.level(ResultLevel::Output).ok_or("no output level")?;
/// assert_eq!(output.indicators, 2);
/// assert!((output.progress.ok_or("no progress")? - 0.6).abs() < 1e-12);
/// assert_eq!(output.coverage, 1.0);
/// let outcome = results.level(ResultLevel::Outcome).ok_or("no outcome level")?;
/// assert_eq!((outcome.indicators, outcome.progress, outcome.coverage), (1, None, 0.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LevelProgress {
    /// The level.
    pub level: ResultLevel,
    /// How many indicators are at this level.
    pub indicators: usize,
    /// Their aggregated capped progress, 0–1; `None` without data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
    /// Share of their design weight that had data, 0–1.
    pub coverage: f64,
}

/// Progress towards one objective.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let trust = Objective::new(ObjectiveKind::Trust, "People trust the police");
/// let indicator = |level, actual: Option<f64>| -> Result<Indicator, Box<dyn std::error::Error>> {
///     let mut period = Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?).with_target(Value::number(10.0)?);
///     if let Some(a) = actual {
///         period = period.with_actual(Value::number(a)?);
///     }
///     Ok(Indicator::new("An indicator", level, Measure::Unit)
///         .with_baseline(Baseline::new(Value::number(0.0)?))
///         .with_period(period)
///         .with_objective(trust.id))
/// };
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_component(
///         Component::new("Community policing", Pillar::PoliceReform)
///             .with_indicator(indicator(ResultLevel::Output, Some(5.0))?) // p = 0.5
///             .with_indicator(indicator(ResultLevel::Outcome, None)?),   // not yet measured
///     )
///     .with_objective(trust.clone());
/// let results = Scorer::default().results(&programme);
/// let o = results.objective(trust.id).ok_or("no objective")?;
/// assert_eq!((o.kind, o.indicators), (ObjectiveKind::Trust, 2));
/// assert_eq!(o.progress, Some(0.5));
/// assert_eq!(o.coverage, 0.5);
/// // Measured up to outcomes, with data only for outputs.
/// assert_eq!((o.level, o.reached), (Some(ResultLevel::Outcome), Some(ResultLevel::Output)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ObjectiveProgress {
    /// The objective.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub id: ObjectiveId,
    /// Which SSR aim it serves.
    pub kind: ObjectiveKind,
    /// Its statement.
    pub statement: String,
    /// The objective it serves, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<uuid::Uuid>"))]
    pub parent: Option<ObjectiveId>,
    /// How many indicators measure it (its own and its sub-objectives').
    pub indicators: usize,
    /// Their aggregated capped progress, 0–1; `None` without data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<f64>,
    /// Share of their design weight that had data, 0–1.
    pub coverage: f64,
    /// The highest result level it is measured at; `None` when unmeasured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<ResultLevel>,
    /// The highest result level with data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached: Option<ResultLevel>,
}

/// A programme's results chain: levels, objectives, evidence and
/// disaggregated progress.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::samples;
///
/// let portfolio = samples::portfolio();
/// let card = Scorer::default().card(&portfolio.programmes[0]);
/// let results = &card.results;
/// assert_eq!(results.levels.len(), 3);
/// assert_eq!(results.objectives.len(), portfolio.programmes[0].objectives.len());
/// assert!(results.evidence.is_some_and(|g| (0.0..=1.0).contains(&g)));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ResultsProfile {
    /// Output, outcome and impact, in that order.
    pub levels: Vec<LevelProgress>,
    /// One per objective, in document order.
    pub objectives: Vec<ObjectiveProgress>,
    /// The results-evidence grade, 0–1; `None` without indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<f64>,
    /// Progress per indicator and breakdown category.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<CategoryProgress>,
    /// Women's progress minus men's, −1 to 1 with capped progress; `None`
    /// where no indicator has both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender_gap: Option<f64>,
    /// Share of the programme's design weight behind the gender gap, 0–1.
    pub gender_gap_coverage: f64,
}

impl ResultsProfile {
    /// The progress at `level`.
    pub fn level(&self, level: ResultLevel) -> Option<&LevelProgress> {
        self.levels.iter().find(|l| l.level == level)
    }

    /// The progress towards `objective`.
    pub fn objective(&self, objective: ObjectiveId) -> Option<&ObjectiveProgress> {
        self.objectives.iter().find(|o| o.id == objective)
    }
}

/// One indicator in the results chain: its component, itself, its score
/// and its weight here.
struct Item<'a> {
    component: &'a Component,
    indicator: &'a Indicator,
    score: &'a IndicatorScore,
    weight: f64,
}

/// Aggregated capped progress and coverage of some indicators, each given
/// by its weight and its capped progress.
fn summarise(
    items: impl Iterator<Item = (f64, Option<f64>)> + Clone,
    policy: &ScoringPolicy,
) -> (Option<f64>, f64) {
    let total: f64 = items.clone().map(|(w, _)| w).sum();
    let with_data: f64 = items
        .clone()
        .filter(|(_, x)| x.is_some())
        .map(|(w, _)| w)
        .sum();
    let progress = policy.indicators.method.mean(
        items.filter_map(|(w, x)| x.map(|x| (x, w))),
        policy.zero_floor.get(),
    );
    let coverage = if total > 0.0 {
        (with_data / total).min(1.0)
    } else {
        0.0
    };
    (progress, coverage)
}

/// An indicator's weight in the results chain: its component's weight
/// times its own, with its level's and evidence's factor. (Weights are at
/// most 10⁶ times a factor of at most 10⁶: products and sums stay finite.)
pub(crate) fn chain_weight(c: &Component, i: &Indicator, policy: &ScoringPolicy) -> f64 {
    policy.components.weight(c.weight.get())
        * (policy.indicators.weight(i.weight.get()) * policy.results.factor(i))
}

/// The progress and coverage of one result level from every indicator's
/// level, chain weight ([`chain_weight`]) and capped progress, in document
/// order: what [`score_results`] computes, for callers that keep the
/// indicator scores themselves (a panel).
pub(crate) fn level_progress(
    items: impl Iterator<Item = (ResultLevel, f64, Option<f64>)> + Clone,
    level: ResultLevel,
    policy: &ScoringPolicy,
) -> (Option<f64>, f64) {
    let at = items
        .filter(move |(l, ..)| *l == level)
        .map(|(_, w, x)| (w, x));
    summarise(at, policy)
}

/// Scores a programme's results chain, from its scored indicators.
pub(crate) fn score_results(
    p: &Programme,
    score: &ProgrammeScore,
    policy: &ScoringPolicy,
) -> ResultsProfile {
    // Each indicator with its component and score, in document order; the
    // score was computed component by component from the same lists.
    let items: Vec<Item<'_>> = p
        .components
        .iter()
        .zip(&score.components)
        .flat_map(|(c, cs)| {
            c.indicators
                .iter()
                .zip(&cs.indicators)
                .map(move |(i, s)| Item {
                    component: c,
                    indicator: i,
                    score: s,
                    weight: chain_weight(c, i, policy),
                })
        })
        .collect();
    let levels = [
        ResultLevel::Output,
        ResultLevel::Outcome,
        ResultLevel::Impact,
    ]
    .into_iter()
    .map(|level| {
        let all = items
            .iter()
            .map(|s| (s.indicator.level, s.weight, s.score.capped));
        let (progress, coverage) = level_progress(all, level, policy);
        LevelProgress {
            level,
            indicators: items.iter().filter(|s| s.indicator.level == level).count(),
            progress,
            coverage,
        }
    })
    .collect();
    let total: f64 = items.iter().map(|s| s.weight).sum();
    let grades = &policy.results.evidence;
    let evidence = (total > 0.0).then(|| {
        items
            .iter()
            .map(|s| s.weight * grades.of(s.indicator))
            .sum::<f64>()
            / total
    });
    let mut all = Vec::new();
    let (mut gap_sum, mut gap_weight) = (0.0, 0.0);
    for s in &items {
        let cats = categories(s.indicator, policy);
        let of = |female: bool| {
            cats.iter()
                .find(|c| c.female() == Some(female) && c.capped.is_some())
                .and_then(|c| c.capped)
        };
        if let (Some(f), Some(m)) = (of(true), of(false)) {
            gap_sum += s.weight * (f - m);
            gap_weight += s.weight;
        }
        all.extend(cats);
    }
    ResultsProfile {
        levels,
        objectives: objectives(p, &items, policy),
        evidence,
        categories: all,
        gender_gap: (gap_weight > 0.0).then(|| gap_sum / gap_weight),
        gender_gap_coverage: if total > 0.0 {
            (gap_weight / total).min(1.0)
        } else {
            0.0
        },
    }
}

/// Progress per objective.
fn objectives(p: &Programme, items: &[Item<'_>], policy: &ScoringPolicy) -> Vec<ObjectiveProgress> {
    let mut index: HashMap<ObjectiveId, usize> = HashMap::with_capacity(p.objectives.len());
    for (k, o) in p.objectives.iter().enumerate() {
        index.entry(o.id).or_insert(k);
    }
    let position = |id: ObjectiveId| index.get(&id).copied();
    let parents: Vec<Option<usize>> = p
        .objectives
        .iter()
        .map(|o| o.parent.and_then(position))
        .collect();
    // For each objective, the positions in `items` of its indicators.
    let mut measured: Vec<Vec<usize>> = vec![Vec::new(); p.objectives.len()];
    for (n, s) in items.iter().enumerate() {
        for id in Programme::measured_objectives(s.component, s.indicator) {
            let mut next = position(*id);
            // At most one step per objective, so a cycle cannot loop.
            for _ in 0..measured.len() {
                let Some(k) = next else { break };
                if let Some(list) = measured.get_mut(k)
                    && list.last() != Some(&n)
                {
                    list.push(n);
                }
                next = parents.get(k).copied().flatten();
            }
        }
    }
    p.objectives
        .iter()
        .zip(&measured)
        .map(|(o, list)| {
            let of = list.iter().filter_map(|&n| items.get(n));
            let (progress, coverage) =
                summarise(of.clone().map(|s| (s.weight, s.score.capped)), policy);
            ObjectiveProgress {
                id: o.id,
                kind: o.kind,
                statement: o.statement.clone(),
                parent: o.parent,
                indicators: list.len(),
                progress,
                coverage,
                level: of.clone().map(|s| s.indicator.level).max(),
                reached: of
                    .filter(|s| s.score.has_data())
                    .map(|s| s.indicator.level)
                    .max(),
            }
        })
        .collect()
}
