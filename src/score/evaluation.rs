//! Evaluations: the OECD DAC criteria (OECD 2019, *Better Criteria for
//! Better Evaluation: Revised Evaluation Criteria Definitions and Principles
//! for Use*) combined into one score per policy.
//!
//! A programme's latest evaluation counts (by date; the later one listed on
//! a tie). Each rating maps onto 0–1 through the evaluation's own ordinal
//! scale, so evaluations on 4- and 6-point scales compare; rated criteria
//! are aggregated with the policy's weights and mean ([`EvaluationPolicy`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::EvaluationPolicy;
use crate::{DacCriterion, Evaluation, EvaluationId, Programme};

/// One criterion's rating and its score.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let scale = OrdinalScale::new(["poor", "fair", "good"])?;
/// let date = NaiveDate::from_ymd_opt(2022, 3, 1).ok_or("bad date")?;
/// let eval = Evaluation::new("Final evaluation", date, scale)
///     .with_rating(DacCriterion::Relevance, "good")?
///     .with_rating(DacCriterion::Efficiency, "fair")?;
/// let programme = Programme::new("Justice reform", Country::new("SLE")?).with_evaluation(eval);
/// let scored = Scorer::default().evaluation(&programme).ok_or("no evaluation")?;
/// let efficiency = scored.criteria.iter().find(|c| c.criterion == DacCriterion::Efficiency).ok_or("not rated")?;
/// assert_eq!(efficiency.rating, "fair");
/// assert_eq!(efficiency.score, 0.5); // the middle of three labels
/// assert_eq!(scored.criterion(DacCriterion::Relevance), Some(1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CriterionScore {
    /// The criterion.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub criterion: DacCriterion,
    /// The label given.
    pub rating: String,
    /// The label's place on the scale, 0–1.
    pub score: f64,
}

/// An evaluation combined into one score.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let scale = OrdinalScale::new(["unsatisfactory", "partly satisfactory", "satisfactory", "highly satisfactory"])?;
/// let eval = Evaluation::new("Mid-term review", NaiveDate::from_ymd_opt(2022, 3, 1).unwrap(), scale)
///     .with_rating(DacCriterion::Relevance, "highly satisfactory")?      // 1
///     .with_rating(DacCriterion::Effectiveness, "satisfactory")?         // 2/3
///     .with_rating(DacCriterion::Sustainability, "unsatisfactory")?;     // 0
/// let programme = Programme::new("Justice reform", Country::new("SLE")?).with_evaluation(eval);
/// let e = Scorer::default().evaluation(&programme).unwrap();
/// // Equal weights: (1 + 2/3 + 0)/3 = 5/9; three of six criteria rated.
/// assert!((e.score.unwrap() - 5.0 / 9.0).abs() < 1e-12);
/// assert_eq!(e.coverage, 0.5);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct EvaluationScore {
    /// The evaluation.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub evaluation: EvaluationId,
    /// Who evaluated.
    pub evaluator: String,
    /// When.
    pub date: NaiveDate,
    /// The combined score, 0–1; `None` when no weighted criterion is rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Share of the criteria weight that was rated.
    pub coverage: f64,
    /// The ratings, in the OECD's order of the criteria.
    pub criteria: Vec<CriterionScore>,
}

impl EvaluationScore {
    /// The score of `criterion`, if rated.
    pub fn criterion(&self, criterion: DacCriterion) -> Option<f64> {
        self.criteria
            .iter()
            .find(|c| c.criterion == criterion)
            .map(|c| c.score)
    }
}

pub(crate) fn score_evaluation(
    e: &Evaluation,
    policy: &EvaluationPolicy,
    floor: f64,
) -> EvaluationScore {
    let criteria: Vec<CriterionScore> = DacCriterion::ALL
        .into_iter()
        .filter_map(|c| {
            let rating = e.rating(c)?;
            Some(CriterionScore {
                criterion: c,
                rating: rating.to_owned(),
                score: e.scale().score(rating)?,
            })
        })
        .collect();
    let weight = |c: DacCriterion| policy.weights.get(c);
    let total: f64 = DacCriterion::ALL.into_iter().map(weight).sum();
    let rated = super::aggregate::sum(criteria.iter().map(|c| weight(c.criterion)));
    let score = policy.method.mean(
        criteria.iter().map(|c| (c.score, weight(c.criterion))),
        floor,
    );
    EvaluationScore {
        evaluation: e.id,
        evaluator: e.evaluator.clone(),
        date: e.date,
        score,
        coverage: if total > 0.0 { rated / total } else { 0.0 },
        criteria,
    }
}

/// The programme's latest evaluation known on `as_of` (dated on or
/// before it), scored.
pub(crate) fn score_latest(
    p: &Programme,
    as_of: Option<NaiveDate>,
    policy: &EvaluationPolicy,
    floor: f64,
) -> Option<EvaluationScore> {
    p.evaluations
        .iter()
        .filter(|e| super::as_of::known(e.date, as_of))
        .fold(None, |best: Option<&Evaluation>, e| match best {
            Some(b) if b.date > e.date => Some(b),
            _ => Some(e),
        })
        .map(|e| score_evaluation(e, policy, floor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Country, OrdinalScale};

    #[test]
    fn latest_evaluation_and_weights() {
        let scale = OrdinalScale::new(["poor", "fair", "good"]).unwrap();
        let d = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
        let old = Evaluation::new("old", d(2020), scale.clone())
            .with_rating(DacCriterion::Impact, "good")
            .unwrap();
        let new = Evaluation::new("new", d(2023), scale)
            .with_rating(DacCriterion::Impact, "poor")
            .unwrap()
            .with_rating(DacCriterion::Efficiency, "fair")
            .unwrap();
        let p = Programme::new("p", Country::new("COL").unwrap())
            .with_evaluation(new)
            .with_evaluation(old);
        let mut policy = EvaluationPolicy::default();
        policy.weights.efficiency = crate::Weight::new(3.0).unwrap();
        let e = score_latest(&p, None, &policy, 0.01).unwrap();
        assert_eq!(e.evaluator, "new");
        // (1·0 + 3·0.5)/4 = 0.375; rated weight 4 of 8.
        assert_eq!(e.score, Some(0.375));
        assert_eq!(e.coverage, 0.5);
        assert_eq!(e.criterion(DacCriterion::Efficiency), Some(0.5));
        assert_eq!(e.criterion(DacCriterion::Relevance), None);
    }
}
