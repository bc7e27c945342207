//! Evaluations of a programme against the OECD DAC criteria.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{EvaluationId, OrdinalScale, ValueError};

/// The six OECD DAC evaluation criteria (OECD 2019, *Better Criteria for
/// Better Evaluation*).
///
/// ```
/// use ssr_model::model::DacCriterion;
///
/// assert_eq!(DacCriterion::ALL.len(), 6);
/// assert_eq!(DacCriterion::ALL[0], DacCriterion::Relevance);
/// assert_eq!("sustainability".parse::<DacCriterion>()?, DacCriterion::Sustainability);
/// assert!(DacCriterion::Relevance < DacCriterion::Impact); // ordered as the OECD lists them
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DacCriterion {
    /// Is the intervention doing the right things?
    Relevance,
    /// How well does it fit with other interventions?
    Coherence,
    /// Is it achieving its objectives?
    Effectiveness,
    /// How well are resources being used?
    Efficiency,
    /// What difference does it make?
    Impact,
    /// Will the benefits last?
    Sustainability,
}

/// One criterion's rating: a label of the evaluation's scale.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::model::{DacCriterion, OrdinalScale};
/// use ssr_model::Evaluation;
///
/// let scale = OrdinalScale::new(["weak", "adequate", "strong"])?;
/// let date = NaiveDate::from_ymd_opt(2023, 5, 1).ok_or("bad date")?;
/// let eval = Evaluation::new("Final evaluation", date, scale)
///     .with_commented_rating(DacCriterion::Coherence, "strong", "Aligned with the EU mission")?;
/// let rating = &eval.ratings()[0];
/// assert_eq!((rating.criterion, rating.rating.as_str()), (DacCriterion::Coherence, "strong"));
/// assert_eq!(rating.comment.as_deref(), Some("Aligned with the EU mission"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Rating {
    /// The criterion rated.
    pub criterion: DacCriterion,
    /// The label given, one of the evaluation's scale.
    pub rating: String,
    /// The evaluator's justification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// An evaluation of a programme: who, when, on which ordinal scale, and the
/// rating given on each DAC criterion.
///
/// Every rating is a label of the evaluation's scale and each criterion is
/// rated at most once; both are checked on construction and on
/// deserialisation.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::model::{DacCriterion, OrdinalScale};
/// use ssr_model::Evaluation;
///
/// let scale = OrdinalScale::new(["unsatisfactory", "partly satisfactory", "satisfactory", "highly satisfactory"])?;
/// let eval = Evaluation::new("Independent mid-term review", NaiveDate::from_ymd_opt(2022, 3, 1).unwrap(), scale)
///     .with_rating(DacCriterion::Relevance, "highly satisfactory")?
///     .with_rating(DacCriterion::Sustainability, "partly satisfactory")?;
/// assert_eq!(eval.rating(DacCriterion::Relevance), Some("highly satisfactory"));
/// assert!(eval.clone().with_rating(DacCriterion::Impact, "excellent").is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(try_from = "EvaluationRepr", into = "EvaluationRepr")]
#[non_exhaustive]
pub struct Evaluation {
    /// Its id.
    pub id: EvaluationId,
    /// Who evaluated.
    pub evaluator: String,
    /// When the evaluation was completed.
    #[serde(with = "super::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    pub date: NaiveDate,
    /// A summary of findings.
    pub summary: Option<String>,
    scale: OrdinalScale,
    ratings: Vec<Rating>,
}

impl Evaluation {
    /// An evaluation with a new random id and no ratings yet.
    pub fn new(evaluator: impl Into<String>, date: NaiveDate, scale: OrdinalScale) -> Self {
        Evaluation {
            id: EvaluationId::new(),
            evaluator: evaluator.into(),
            date,
            summary: None,
            scale,
            ratings: Vec::new(),
        }
    }

    /// Returns `self` with `criterion` rated `label` (replacing an earlier
    /// rating of the same criterion).
    ///
    /// # Errors
    ///
    /// When `label` is not on the evaluation's scale.
    pub fn with_rating(mut self, criterion: DacCriterion, label: &str) -> Result<Self, ValueError> {
        self.set_rating(criterion, label, None)?;
        Ok(self)
    }

    /// Returns `self` with `criterion` rated `label` and a comment saying
    /// why (replacing an earlier rating of the same criterion).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use ssr_model::model::{DacCriterion, OrdinalScale};
    /// use ssr_model::Evaluation;
    ///
    /// let scale = OrdinalScale::new(["poor", "fair", "good"])?;
    /// let date = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// let e = Evaluation::new("Independent evaluator", date, scale)
    ///     .with_commented_rating(DacCriterion::Relevance, "good", "matches the national plan")?;
    /// assert_eq!(e.ratings()[0].comment.as_deref(), Some("matches the national plan"));
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `label` is not on the evaluation's scale.
    pub fn with_commented_rating(
        mut self,
        criterion: DacCriterion,
        label: &str,
        comment: impl Into<String>,
    ) -> Result<Self, ValueError> {
        self.set_rating(criterion, label, Some(comment.into()))?;
        Ok(self)
    }

    /// Rates `criterion` with `label` and an optional comment, replacing an
    /// earlier rating of the same criterion.
    ///
    /// # Errors
    ///
    /// When `label` is not on the evaluation's scale.
    pub fn set_rating(
        &mut self,
        criterion: DacCriterion,
        label: &str,
        comment: Option<String>,
    ) -> Result<(), ValueError> {
        if self.scale.position(label).is_none() {
            return Err(ValueError::new(
                "rating",
                "a label of the evaluation's scale",
                format!("{label:?}"),
            ));
        }
        self.ratings.retain(|r| r.criterion != criterion);
        self.ratings.push(Rating {
            criterion,
            rating: label.to_owned(),
            comment,
        });
        Ok(())
    }

    /// Returns `self` with a summary.
    #[must_use]
    pub fn with_summary(mut self, summary: impl Into<String>) -> Self {
        self.summary = Some(summary.into());
        self
    }

    /// Returns `self` with the given id.
    #[must_use]
    pub fn with_id(mut self, id: impl Into<EvaluationId>) -> Self {
        self.id = id.into();
        self
    }

    /// The ordinal scale ratings are given on, worst first.
    pub fn scale(&self) -> &OrdinalScale {
        &self.scale
    }

    /// The ratings, in the order they were given.
    pub fn ratings(&self) -> &[Rating] {
        &self.ratings
    }

    /// The label given to `criterion`, if it was rated.
    pub fn rating(&self, criterion: DacCriterion) -> Option<&str> {
        self.ratings
            .iter()
            .find(|r| r.criterion == criterion)
            .map(|r| r.rating.as_str())
    }

    /// The rating of `criterion` mapped onto [0, 1] through the scale.
    pub fn score(&self, criterion: DacCriterion) -> Option<f64> {
        self.rating(criterion).and_then(|l| self.scale.score(l))
    }
}

/// The serialised form of [`Evaluation`], checked on the way in.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct EvaluationRepr {
    id: EvaluationId,
    evaluator: String,
    #[serde(with = "super::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    scale: OrdinalScale,
    #[serde(default)]
    ratings: Vec<Rating>,
}

impl TryFrom<EvaluationRepr> for Evaluation {
    type Error = ValueError;

    fn try_from(r: EvaluationRepr) -> Result<Self, Self::Error> {
        let mut eval = Evaluation {
            id: r.id,
            evaluator: r.evaluator,
            date: r.date,
            summary: r.summary,
            scale: r.scale,
            ratings: Vec::with_capacity(r.ratings.len()),
        };
        for rating in r.ratings {
            if eval.rating(rating.criterion).is_some() {
                return Err(ValueError::new(
                    "ratings",
                    "each criterion rated at most once",
                    format!("a second rating of {}", rating.criterion),
                ));
            }
            eval.set_rating(rating.criterion, &rating.rating, rating.comment)?;
        }
        Ok(eval)
    }
}

impl From<Evaluation> for EvaluationRepr {
    fn from(e: Evaluation) -> Self {
        EvaluationRepr {
            id: e.id,
            evaluator: e.evaluator,
            date: e.date,
            summary: e.summary,
            scale: e.scale,
            ratings: e.ratings,
        }
    }
}
