//! Component and programme scores, with the effective weight of each
//! indicator, coverage, and the indicators that pull the score down.
//!
//! Rules:
//!
//! - A component's score aggregates the capped progress of its indicators
//!   that have data, with their weights (as given or equal, per policy), by
//!   the policy's indicator-level mean. A programme's score aggregates the
//!   scores of its components that have one, the same way one level up.
//! - Indicators and components without data take no part: their weight is
//!   shared out among the rest. **Coverage** says how much of the design
//!   weight stood behind the score: the sum of the design weights (component
//!   share × share within the component) of indicators with data, from 0 to
//!   1. A score with low coverage speaks for little of the programme.
//! - The **effective weight** of an indicator is its weight in the formula
//!   as computed (its share among the indicators with data, times its
//!   component's share among the components with a score). For the
//!   arithmetic mean it is exactly how much a point of progress moves the
//!   score; for other means it is the weight inside the mean.
//! - The **shortfall** of an indicator is how much the programme score would
//!   rise if that indicator alone were at its target (progress 1). The
//!   indicators with the largest shortfall are the ones that pulled the
//!   score down most.

use serde::{Deserialize, Serialize};

use super::aggregate::sum;
use super::indicator::{IndicatorScore, score_indicator};
use super::status::Status;
use super::{LevelPolicy, ScoringPolicy};
use crate::{Component, ComponentId, IndicatorId, Pillar, Programme};

/// A component's score and its indicators'.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::model::{Baseline, Measure, Pillar, ResultLevel};
/// use ssr_model::{Component, Indicator, Period, Value};
/// use chrono::NaiveDate;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let ind = |title: &str, actual: Option<f64>| -> Result<Indicator, Box<dyn std::error::Error>> {
///     let mut period = Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?).with_target(Value::number(10.0)?);
///     if let Some(a) = actual {
///         period = period.with_actual(Value::number(a)?);
///     }
///     Ok(Indicator::new(title, ResultLevel::Output, Measure::Unit)
///         .with_baseline(Baseline::new(Value::number(0.0)?))
///         .with_period(period))
/// };
/// let component = Component::new("Oversight", Pillar::Oversight)
///     .with_indicator(ind("Hearings held", Some(5.0))?)   // p = 0.5
///     .with_indicator(ind("Audits published", None)?);   // no data
/// let score = Scorer::default().component(&component);
/// assert_eq!(score.score, Some(0.5)); // over the indicators with data
/// assert_eq!(score.coverage, 0.5);    // half the weight had data
/// assert_eq!(score.indicators.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ComponentScore {
    /// The component.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub id: ComponentId,
    /// Its name.
    pub name: String,
    /// Its pillar.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub pillar: Pillar,
    /// Its share of the programme's design weight.
    pub weight: f64,
    /// Its weight in the programme score as computed (0 without a score).
    pub effective_weight: f64,
    /// The score, 0–1 with capped progress; `None` when no indicator has data.
    pub score: Option<f64>,
    /// Share of its indicators' weight that had data.
    pub coverage: f64,
    /// Its indicators, in order.
    pub indicators: Vec<IndicatorScore>,
}

/// An indicator that pulls a programme's score down, and by how much.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// let ind = |title: &str, actual: f64| -> Result<Indicator, Box<dyn std::error::Error>> {
///     Ok(Indicator::new(title, ResultLevel::Output, Measure::Unit)
///         .with_baseline(Baseline::new(Value::number(0.0)?))
///         .with_period(
///             Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?)
///                 .with_target(Value::number(10.0)?)
///                 .with_actual(Value::number(actual)?),
///         ))
/// };
/// let programme = Programme::new("Police reform", Country::new("LBR")?).with_component(
///     Component::new("Community policing", Pillar::PoliceReform)
///         .with_indicator(ind("Forums held", 9.0)?)  // p = 0.9
///         .with_indicator(ind("Patrols", 4.0)?),     // p = 0.4
/// );
/// let score = Scorer::default().programme(&programme);
/// // Patrols at target would lift the score (0.65) by 0.6 × 1/2 = 0.3.
/// let worst = &score.drags[0];
/// assert_eq!(worst.title, "Patrols");
/// assert!((worst.shortfall - 0.3).abs() < 1e-12);
/// assert_eq!(worst.component, programme.components[0].id);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Drag {
    /// The indicator.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub indicator: IndicatorId,
    /// Its component.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub component: ComponentId,
    /// Its title.
    pub title: String,
    /// Its [`shortfall`](IndicatorScore::shortfall).
    pub shortfall: f64,
}

/// A programme's results score: components, indicators, coverage and what
/// pulled it down.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let ind = |title: &str, b: f64, t: f64, a: Option<f64>| -> Result<Indicator, ValueError> {
///     let mut period = Period::new(d(2021, 1, 1), d(2021, 12, 31)).with_target(Value::number(t)?);
///     if let Some(a) = a {
///         period = period.with_actual(Value::number(a)?);
///     }
///     Ok(Indicator::new(title, ResultLevel::Output, Measure::Unit)
///         .with_baseline(Baseline::new(Value::number(b)?))
///         .with_period(period))
/// };
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_component(
///         Component::new("Community policing", Pillar::PoliceReform)
///             .with_weight(Weight::new(3.0)?)
///             .with_indicator(ind("Forums held", 0.0, 40.0, Some(30.0))?)        // p = 0.75
///             .with_indicator(ind("Patrols", 0.0, 10.0, Some(12.0))?           // p = 1.2 → 1
///                 .with_weight(Weight::new(3.0)?)),
///     )
///     .with_component(
///         Component::new("Oversight", Pillar::Oversight)
///             .with_indicator(ind("Complaints resolved", 20.0, 60.0, Some(30.0))?) // p = 0.25
///             .with_indicator(ind("Audits published", 0.0, 4.0, None)?),       // no data
///     );
/// let score = Scorer::default().programme(&programme);
/// // Policing: (1·0.75 + 3·1)/4 = 0.9375; oversight: 0.25 (one indicator with data).
/// assert_eq!(score.components[0].score, Some(0.9375));
/// assert_eq!(score.components[1].score, Some(0.25));
/// // Programme: (3·0.9375 + 1·0.25)/4 = 0.765625.
/// assert_eq!(score.score, Some(0.765625));
/// // Coverage: the missing indicator holds 1/2 of the oversight's 1/4: 1 − 1/8.
/// assert_eq!(score.coverage, 0.875);
/// // Effective weights: forums 1/4·3/4, patrols 3/4·3/4, complaints 1·1/4.
/// assert_eq!(score.components[0].indicators[0].effective_weight, 0.1875);
/// assert_eq!(score.components[1].indicators[0].effective_weight, 0.25);
/// // Complaints costs most: at target the score would gain 0.25·0.75.
/// assert_eq!(score.drags[0].title, "Complaints resolved");
/// assert_eq!(score.drags[0].shortfall, 0.1875);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProgrammeScore {
    /// The score, 0–1 with capped progress; `None` when no indicator has data.
    pub score: Option<f64>,
    /// Share of the programme's design weight that had data, 0–1.
    pub coverage: f64,
    /// Its components, in order.
    pub components: Vec<ComponentScore>,
    /// The indicators that pulled the score down most, largest shortfall
    /// first (at most the policy's `explain`; only those with a shortfall).
    pub drags: Vec<Drag>,
}

impl ProgrammeScore {
    /// Every indicator score, component by component.
    pub fn indicators(&self) -> impl Iterator<Item = &IndicatorScore> {
        self.components.iter().flat_map(|c| c.indicators.iter())
    }

    /// How many indicators have `status`.
    pub fn status_count(&self, status: Status) -> usize {
        self.indicators().filter(|i| i.status == status).count()
    }
}

/// Weights per policy: each item's weight (as given or equal) times its
/// factor (weights are at most 10⁶, so their sums stay finite).
fn weights<'a, T: 'a>(
    items: &'a [T],
    level: &'a LevelPolicy,
    weight: impl Fn(&T) -> (f64, f64) + Clone + 'a,
) -> impl Iterator<Item = f64> + Clone + 'a {
    items.iter().map(move |t| {
        let (w, factor) = weight(t);
        level.weight(w) * factor
    })
}

/// A weighted mean of scores and the weights behind it: what a component's
/// score is made of from its indicators', and a programme's from its
/// components'.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Mean {
    /// The mean of the items with a score.
    pub(crate) score: Option<f64>,
    /// The sum of all the items' weights.
    pub(crate) total: f64,
    /// The sum of the weights of the items with a score.
    pub(crate) with_data: f64,
    /// The covered share of the weight.
    pub(crate) coverage: f64,
}

/// A component's mean from its indicators' capped progress (document
/// order): what [`score_component`] computes, for callers that keep the
/// indicator scores themselves (a panel).
pub(crate) fn component_mean(
    c: &Component,
    capped: impl Iterator<Item = Option<f64>> + Clone,
    policy: &ScoringPolicy,
) -> Mean {
    let level = &policy.indicators;
    let ws = weights(&c.indicators, level, |i| {
        (i.weight.get(), policy.results.factor(i))
    });
    let total: f64 = ws.clone().sum();
    let with_data = sum(ws
        .clone()
        .zip(capped.clone())
        .filter(|(_, x)| x.is_some())
        .map(|(w, _)| w));
    let items = ws.zip(capped).filter_map(|(w, x)| x.map(|x| (x, w)));
    let score = level.method.mean(items, policy.zero_floor.get());
    Mean {
        score,
        total,
        with_data,
        coverage: if total > 0.0 { with_data / total } else { 0.0 },
    }
}

/// A programme's mean from its components' scores and coverages
/// (document order), with the components' weights: what
/// [`score_programme`] computes.
pub(crate) fn programme_mean(
    p: &Programme,
    components: impl Iterator<Item = (Option<f64>, f64)> + Clone,
    policy: &ScoringPolicy,
) -> (Mean, Vec<f64>) {
    let level = &policy.components;
    let ws: Vec<f64> = weights(&p.components, level, |c| (c.weight.get(), 1.0)).collect();
    let total: f64 = ws.iter().sum();
    let scored = sum(ws
        .iter()
        .zip(components.clone())
        .filter(|(_, (score, _))| score.is_some())
        .map(|(w, _)| *w));
    let score = level.method.mean(
        components
            .clone()
            .zip(&ws)
            .filter_map(|((score, _), &w)| score.map(|s| (s, w))),
        policy.zero_floor.get(),
    );
    // Σ wᶜ·coverageᶜ / Σ wᶜ, summed in the order of `total`, so that full
    // coverage is exactly 1.
    let covered = sum(ws.iter().zip(components).map(|(w, (_, c))| w * c));
    let mean = Mean {
        score,
        total,
        with_data: scored,
        coverage: if total > 0.0 {
            (covered / total).min(1.0)
        } else {
            0.0
        },
    };
    (mean, ws)
}

/// Scores one component (its indicators' design weights are shares within
/// the component until the programme rescales them).
pub(crate) fn score_component(c: &Component, policy: &ScoringPolicy) -> ComponentScore {
    let mut indicators: Vec<IndicatorScore> = c
        .indicators
        .iter()
        .map(|i| score_indicator(i, policy))
        .collect();
    let mean = component_mean(c, indicators.iter().map(|s| s.capped), policy);
    let (total, with_data) = (mean.total, mean.with_data);
    let ws = weights(&c.indicators, &policy.indicators, |i| {
        (i.weight.get(), policy.results.factor(i))
    });
    for (s, w) in indicators.iter_mut().zip(ws) {
        s.weight = if total > 0.0 { w / total } else { 0.0 };
        s.effective_weight = if s.has_data() && with_data > 0.0 {
            w / with_data
        } else {
            0.0
        };
    }
    ComponentScore {
        id: c.id,
        name: c.name.clone(),
        pillar: c.pillar,
        weight: 1.0,
        effective_weight: if mean.score.is_some() { 1.0 } else { 0.0 },
        score: mean.score,
        coverage: mean.coverage,
        indicators,
    }
}

/// Scores a programme's results.
pub(crate) fn score_programme(p: &Programme, policy: &ScoringPolicy) -> ProgrammeScore {
    let mut components: Vec<ComponentScore> = p
        .components
        .iter()
        .map(|c| score_component(c, policy))
        .collect();
    let (mean, ws) = programme_mean(p, components.iter().map(|c| (c.score, c.coverage)), policy);
    let (total, scored, score) = (mean.total, mean.with_data, mean.score);
    for (c, &w) in components.iter_mut().zip(&ws) {
        c.weight = if total > 0.0 { w / total } else { 0.0 };
        c.effective_weight = if c.score.is_some() && scored > 0.0 {
            w / scored
        } else {
            0.0
        };
        for i in &mut c.indicators {
            i.weight *= c.weight;
            i.effective_weight *= c.effective_weight;
        }
    }
    if let Some(score) = score {
        shortfalls(p, &mut components, &ws, score, policy);
    }
    let drags = drags(&components, policy.explain);
    ProgrammeScore {
        score,
        coverage: mean.coverage,
        components,
        drags,
    }
}

/// Fills each indicator's shortfall: the programme score with that
/// indicator at its target (progress 1, capped per policy), minus the score.
fn shortfalls(
    p: &Programme,
    components: &mut [ComponentScore],
    ws: &[f64],
    score: f64,
    policy: &ScoringPolicy,
) {
    let floor = policy.zero_floor.get();
    let full = policy.progress.cap(1.0);
    let (imethod, cmethod) = (policy.indicators.method, policy.components.method);
    let component_scores: Vec<Option<f64>> = components.iter().map(|c| c.score).collect();
    for ((ci, c), model) in components.iter_mut().enumerate().zip(&p.components) {
        let iws: Vec<f64> = weights(&model.indicators, &policy.indicators, |i| {
            (i.weight.get(), policy.results.factor(i))
        })
        .collect();
        for k in 0..c.indicators.len() {
            let Some(x) = c.indicators.get(k).and_then(|i| i.capped) else {
                continue;
            };
            if x >= full || iws.get(k).is_none_or(|&w| w <= 0.0) {
                continue;
            }
            let improved = imethod.mean(
                c.indicators
                    .iter()
                    .zip(&iws)
                    .enumerate()
                    .filter_map(|(j, (i, &w))| {
                        let v = if j == k { Some(full) } else { i.capped };
                        v.map(|v| (v, w))
                    }),
                floor,
            );
            let Some(improved) = improved else { continue };
            let new_score = cmethod.mean(
                component_scores
                    .iter()
                    .zip(ws)
                    .enumerate()
                    .filter_map(|(j, (s, &w))| {
                        let v = if j == ci { Some(improved) } else { *s };
                        v.map(|v| (v, w))
                    }),
                floor,
            );
            if let (Some(new_score), Some(i)) = (new_score, c.indicators.get_mut(k)) {
                i.shortfall = (new_score - score).max(0.0);
            }
        }
    }
}

fn drags(components: &[ComponentScore], n: usize) -> Vec<Drag> {
    let mut all: Vec<Drag> = components
        .iter()
        .flat_map(|c| {
            c.indicators
                .iter()
                .filter(|i| i.shortfall > 0.0)
                .map(|i| Drag {
                    indicator: i.id,
                    component: c.id,
                    title: i.title.clone(),
                    shortfall: i.shortfall,
                })
        })
        .collect();
    // Stable: equal shortfalls keep document order.
    all.sort_by(|a, b| b.shortfall.total_cmp(&a.shortfall));
    all.truncate(n);
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Aggregation, Weighting};
    use crate::{Baseline, Country, Indicator, Measure, Period, ResultLevel, Value, Weight};
    use chrono::NaiveDate;

    fn ind(b: f64, t: f64, a: Option<f64>, w: f64) -> Indicator {
        let d = |y| NaiveDate::from_ymd_opt(y, 12, 31).unwrap();
        let mut period = Period::new(d(2020), d(2021)).with_target(Value::number(t).unwrap());
        if let Some(a) = a {
            period = period.with_actual(Value::number(a).unwrap());
        }
        Indicator::new("i", ResultLevel::Output, Measure::Unit)
            .with_baseline(Baseline::new(Value::number(b).unwrap()))
            .with_period(period)
            .with_weight(Weight::new(w).unwrap())
    }

    fn programme(components: Vec<(f64, Vec<Indicator>)>) -> Programme {
        let mut p = Programme::new("p", Country::new("LBR").unwrap());
        for (w, inds) in components {
            let mut c =
                Component::new("c", Pillar::PoliceReform).with_weight(Weight::new(w).unwrap());
            for i in inds {
                c = c.with_indicator(i);
            }
            p = p.with_component(c);
        }
        p
    }

    #[test]
    fn zero_in_a_geometric_mean_uses_the_floor() {
        // Progress 0 and 0.64 in one component, geometric: sqrt(0.01·0.64) = 0.08.
        let p = programme(vec![(
            1.0,
            vec![
                ind(0.0, 10.0, Some(0.0), 1.0),
                ind(0.0, 100.0, Some(64.0), 1.0),
            ],
        )]);
        let mut policy = ScoringPolicy::default();
        policy.indicators.method = Aggregation::Geometric;
        let s = score_programme(&p, &policy);
        assert!((s.score.unwrap() - 0.08).abs() < 1e-12);
        // The zero indicator costs most: at target, sqrt(1·0.64) = 0.8.
        assert!((s.drags[0].shortfall - 0.72).abs() < 1e-12);
    }

    #[test]
    fn equal_weighting_ignores_data_weights() {
        let p = programme(vec![
            (5.0, vec![ind(0.0, 1.0, Some(1.0), 1.0)]),
            (1.0, vec![ind(0.0, 1.0, Some(0.0), 1.0)]),
        ]);
        let mut policy = ScoringPolicy::default();
        assert!((score_programme(&p, &policy).score.unwrap() - 5.0 / 6.0).abs() < 1e-12);
        policy.components =
            LevelPolicy::new(Aggregation::Arithmetic).with_weighting(Weighting::Equal);
        assert_eq!(score_programme(&p, &policy).score, Some(0.5));
    }

    #[test]
    fn no_data_no_score() {
        let p = programme(vec![(1.0, vec![ind(0.0, 1.0, None, 1.0)]), (1.0, vec![])]);
        let s = score_programme(&p, &ScoringPolicy::default());
        assert_eq!(s.score, None);
        assert_eq!(s.coverage, 0.0);
        assert!(s.drags.is_empty());
        let empty = programme(vec![]);
        assert_eq!(
            score_programme(&empty, &ScoringPolicy::default()).score,
            None
        );
    }

    #[test]
    fn zero_weights_take_no_part() {
        let p = programme(vec![(
            1.0,
            vec![ind(0.0, 1.0, Some(1.0), 0.0), ind(0.0, 1.0, Some(0.5), 1.0)],
        )]);
        let s = score_programme(&p, &ScoringPolicy::default());
        assert_eq!(s.score, Some(0.5));
        assert_eq!(s.components[0].indicators[0].effective_weight, 0.0);
    }
}
