//! Evaluation metrics: indicators with a baseline and periods of targets and
//! actuals, after the IATI 2.03 `result/indicator` element.

mod period;
mod value;

use serde::{Deserialize, Serialize};

pub use period::{Baseline, Breakdown, Period};
pub use value::Value;

use super::macros::{opt_setters, pushers, setters};
use super::{IndicatorId, ObjectiveId, OrdinalScale};

/// The result level of an indicator (IATI ResultType).
///
/// ```
/// use ssr_model::model::ResultLevel;
///
/// assert_eq!(ResultLevel::Outcome.iati_code(), 2);
/// assert_eq!(ResultLevel::from_iati_code(3), Some(ResultLevel::Impact));
/// assert_eq!(ResultLevel::from_iati_code(9), None); // IATI's "other" has no level
/// assert!(ResultLevel::Output < ResultLevel::Impact); // ordered along the results chain
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ResultLevel {
    /// Products and services delivered (IATI 1), e.g. officers trained.
    Output,
    /// Changes in behaviour or institutions (IATI 2), e.g. complaints resolved.
    Outcome,
    /// Long-term change in society (IATI 3), e.g. public trust in the police.
    Impact,
}

impl ResultLevel {
    /// The IATI ResultType code.
    pub fn iati_code(self) -> u8 {
        match self {
            ResultLevel::Output => 1,
            ResultLevel::Outcome => 2,
            ResultLevel::Impact => 3,
        }
    }

    /// The level for an IATI ResultType code (9, "other", has no level).
    pub fn from_iati_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(ResultLevel::Output),
            2 => Some(ResultLevel::Outcome),
            3 => Some(ResultLevel::Impact),
            _ => None,
        }
    }
}

/// How an indicator is measured (IATI IndicatorMeasure).
///
/// ```
/// use ssr_model::model::Measure;
///
/// assert_eq!(Measure::from_iati_code(2), Some(Measure::Percentage));
/// assert_eq!(Measure::Ordinal.iati_code(), 4);
/// assert!(Measure::Unit.is_quantitative());
/// assert!(!Measure::Qualitative.is_quantitative());
/// assert_eq!("nominal".parse::<Measure>()?, Measure::Nominal);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Measure {
    /// A count or amount in some unit (IATI 1).
    Unit,
    /// A percentage (IATI 2).
    Percentage,
    /// Named categories with no order (IATI 3).
    Nominal,
    /// Ordered categories (IATI 4), scored through an [`OrdinalScale`].
    Ordinal,
    /// Described in words (IATI 5), scored through an [`OrdinalScale`] when
    /// one is given.
    Qualitative,
}

impl Measure {
    /// The IATI IndicatorMeasure code.
    pub fn iati_code(self) -> u8 {
        match self {
            Measure::Unit => 1,
            Measure::Percentage => 2,
            Measure::Nominal => 3,
            Measure::Ordinal => 4,
            Measure::Qualitative => 5,
        }
    }

    /// The measure for an IATI IndicatorMeasure code.
    pub fn from_iati_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(Measure::Unit),
            2 => Some(Measure::Percentage),
            3 => Some(Measure::Nominal),
            4 => Some(Measure::Ordinal),
            5 => Some(Measure::Qualitative),
            _ => None,
        }
    }

    /// Whether values are numbers (unit and percentage).
    pub fn is_quantitative(self) -> bool {
        matches!(self, Measure::Unit | Measure::Percentage)
    }
}

/// Which way is better (IATI's `ascending` attribute).
///
/// ```
/// use ssr_model::model::{Direction, Measure, ResultLevel};
/// use ssr_model::Indicator;
///
/// let abuses = Indicator::new("Reported abuses by police", ResultLevel::Outcome, Measure::Unit)
///     .with_direction(Direction::Decrease);
/// assert_eq!(abuses.direction, Some(Direction::Decrease));
/// assert_eq!(Direction::Increase.to_string(), "increase");
/// assert_eq!("decrease".parse::<Direction>()?, Direction::Decrease);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// Higher values are better (`ascending="1"`), e.g. trust in the police.
    Increase,
    /// Lower values are better (`ascending="0"`), e.g. reported abuses.
    Decrease,
}

impl Direction {
    /// Whether a move from `baseline` to `target` goes the wrong way for
    /// this direction (a target equal to the baseline holds it steady,
    /// which is never wrong).
    ///
    /// ```
    /// use ssr_model::model::Direction;
    ///
    /// assert!(Direction::Increase.contradicts(10.0, 9.0));
    /// assert!(!Direction::Increase.contradicts(10.0, 10.0));
    /// assert!(Direction::Decrease.contradicts(45.0, 60.0));
    /// ```
    pub fn contradicts(self, baseline: f64, target: f64) -> bool {
        match self {
            Direction::Increase => target < baseline,
            Direction::Decrease => target > baseline,
        }
    }
}
/// How an indicator's values are verified.
///
/// ```
/// use ssr_model::model::{DataSource, SourceKind};
///
/// let source = DataSource::new(SourceKind::Survey);
/// assert_eq!(source.kind.as_str(), "survey");
/// assert_eq!("oversight_report".parse::<SourceKind>()?, SourceKind::OversightReport);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceKind {
    /// A perception or household survey.
    Survey,
    /// A financial or performance audit.
    Audit,
    /// Administrative records of the institution.
    AdministrativeData,
    /// A report of an independent oversight body.
    OversightReport,
    /// An external evaluation or review.
    ExternalEvaluation,
    /// Programme monitoring reports.
    MonitoringReport,
    /// Media monitoring.
    MediaMonitoring,
    /// Anything else.
    Other,
}

/// The data source or means of verification of an indicator.
///
/// ```
/// use ssr_model::model::{DataSource, Measure, ResultLevel, SourceKind};
/// use ssr_model::Indicator;
///
/// let source = DataSource::new(SourceKind::Survey).with_description("Afrobarometer round 8, Q43");
/// let trust = Indicator::new("Trust in the police", ResultLevel::Outcome, Measure::Percentage)
///     .with_source(source);
/// assert_eq!(trust.source.as_ref().map(|s| s.kind), Some(SourceKind::Survey));
/// assert_eq!(
///     trust.source.and_then(|s| s.description).as_deref(),
///     Some("Afrobarometer round 8, Q43")
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DataSource {
    /// The kind of source.
    pub kind: SourceKind,
    /// What exactly, e.g. "Afrobarometer round 8, question Q43".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl DataSource {
    /// A source of the given kind with no description.
    pub fn new(kind: SourceKind) -> Self {
        DataSource {
            kind,
            description: None,
        }
    }
}

opt_setters!(DataSource {
    with_description => description: String,
});

/// An evaluation metric: what is measured, how, from where, and its
/// baseline and periods.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::model::{Baseline, Direction, Measure, ResultLevel};
/// use ssr_model::{Indicator, Period, Value};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let trust = Indicator::new("Public trust in the police", ResultLevel::Outcome, Measure::Percentage)
///     .with_direction(Direction::Increase)
///     .with_unit("% of respondents")
///     .with_baseline(Baseline::new(Value::number(38.0)?).with_date(d(2019, 6, 30)))
///     .with_period(
///         Period::new(d(2020, 1, 1), d(2020, 12, 31))
///             .with_target(Value::number(45.0)?)
///             .with_actual(Value::number(41.0)?),
///     );
/// assert_eq!(trust.periods.len(), 1);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Indicator {
    /// Its id.
    pub id: IndicatorId,
    /// What it measures.
    pub title: String,
    /// The result level.
    pub level: ResultLevel,
    /// How it is measured.
    pub measure: Measure,
    /// Which way is better; when absent, taken from baseline → target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The unit of quantitative values, e.g. "officers" or "% of respondents".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The ordered scale of labels for ordinal and qualitative measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<OrdinalScale>,
    /// The baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Baseline>,
    /// Reporting periods, usually in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
    /// The data source or means of verification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<DataSource>,
    /// Relative weight within its component.
    #[serde(default, skip_serializing_if = "is_default_weight")]
    pub weight: super::Weight,
    /// An external reference, e.g. an IATI indicator reference code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The objectives it measures. When empty, an indicator of a component
    /// measures that component's objectives
    /// ([`Programme::measured_objectives`](crate::Programme::measured_objectives)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<ObjectiveId>,
}

pub(crate) fn is_default_weight(w: &super::Weight) -> bool {
    *w == super::Weight::ONE
}

impl Indicator {
    /// An indicator with a new random id, weight 1 and no data.
    pub fn new(title: impl Into<String>, level: ResultLevel, measure: Measure) -> Self {
        Indicator {
            id: IndicatorId::new(),
            title: title.into(),
            level,
            measure,
            direction: None,
            unit: None,
            scale: None,
            baseline: None,
            periods: Vec::new(),
            source: None,
            weight: super::Weight::ONE,
            reference: None,
            objectives: Vec::new(),
        }
    }
}

setters!(Indicator {
    with_id => id: IndicatorId,
    with_title => title: String,
    with_level => level: ResultLevel,
    with_measure => measure: Measure,
    with_weight => weight: super::Weight,
});

opt_setters!(Indicator {
    with_direction => direction: Direction,
    with_unit => unit: String,
    with_scale => scale: OrdinalScale,
    with_baseline => baseline: Baseline,
    with_source => source: DataSource,
    with_reference => reference: String,
});

pushers!(Indicator {
    with_period => periods: Period,
    with_objective => objectives: ObjectiveId,
});
