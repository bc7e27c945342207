//! Evaluation metrics: indicators with a baseline and periods of targets and
//! actuals, after the IATI 2.03 `result/indicator` element.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::macros::{opt_setters, pushers, setters};
use super::{Finite, IndicatorId, ObjectiveId, OrdinalScale, ValueError};

/// The result level of an indicator (IATI ResultType).
///
/// ```
/// use ssr_model::ResultLevel;
///
/// assert_eq!(ResultLevel::Outcome.iati_code(), 2);
/// assert_eq!(ResultLevel::from_iati_code(3), Some(ResultLevel::Impact));
/// assert_eq!(ResultLevel::from_iati_code(9), None); // IATI's "other" has no level
/// assert!(ResultLevel::Output < ResultLevel::Impact); // ordered along the results chain
/// # Ok::<(), ssr_model::ValueError>(())
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
/// use ssr_model::Measure;
///
/// assert_eq!(Measure::from_iati_code(2), Some(Measure::Percentage));
/// assert_eq!(Measure::Ordinal.iati_code(), 4);
/// assert!(Measure::Unit.is_quantitative());
/// assert!(!Measure::Qualitative.is_quantitative());
/// assert_eq!("nominal".parse::<Measure>()?, Measure::Nominal);
/// # Ok::<(), ssr_model::ValueError>(())
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
/// use ssr_model::{Direction, Indicator, Measure, ResultLevel};
///
/// let abuses = Indicator::new("Reported abuses by police", ResultLevel::Outcome, Measure::Unit)
///     .with_direction(Direction::Decrease);
/// assert_eq!(abuses.direction, Some(Direction::Decrease));
/// assert_eq!(Direction::Increase.to_string(), "increase");
/// assert_eq!("decrease".parse::<Direction>()?, Direction::Decrease);
/// # Ok::<(), ssr_model::ValueError>(())
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

/// A value of an indicator: a number for quantitative measures, a label for
/// qualitative, ordinal and nominal ones.
///
/// In JSON a number is a number and a label is a string.
///
/// ```
/// use ssr_model::Value;
///
/// let v = Value::number(42.5)?;
/// assert_eq!(v.as_number(), Some(42.5));
/// assert_eq!(Value::label("adopted").as_label(), Some("adopted"));
/// assert!(Value::number(f64::NAN).is_err());
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// A finite number.
    Number(Finite),
    /// A label, usually one of the indicator's [`OrdinalScale`].
    Label(String),
}

impl Value {
    /// A numeric value.
    ///
    /// # Errors
    ///
    /// When `x` is not finite.
    pub fn number(x: f64) -> Result<Self, ValueError> {
        Finite::new(x).map(Value::Number)
    }

    /// A label value.
    pub fn label(text: impl Into<String>) -> Self {
        Value::Label(text.into())
    }

    /// The number, if this is one.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(x) => Some(x.get()),
            Value::Label(_) => None,
        }
    }

    /// The label, if this is one.
    pub fn as_label(&self) -> Option<&str> {
        match self {
            Value::Label(s) => Some(s),
            Value::Number(_) => None,
        }
    }
}

impl From<Finite> for Value {
    fn from(x: Finite) -> Self {
        Value::Number(x)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(x) => x.fmt(f),
            Value::Label(s) => f.write_str(s),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(x) => serializer.serialize_f64(x.get()),
            Value::Label(s) => serializer.serialize_str(s),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a finite number or a label string")
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Value, E> {
                Value::number(v).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Value, E> {
                Value::number(v as f64).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Value, E> {
                Value::number(v as f64).map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Label(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Value, E> {
                Ok(Value::Label(v))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The starting point an indicator is measured against.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::{Baseline, Value};
///
/// let b = Baseline::new(Value::number(38.0)?)
///     .with_date(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap());
/// assert_eq!(b.value.and_then(|v| v.as_number()), Some(38.0));
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Baseline {
    /// The value, when one was measured (IATI allows a baseline without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// When it was measured.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::date::option"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<NaiveDate>"))]
    pub date: Option<NaiveDate>,
    /// A comment, e.g. how it was measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl Baseline {
    /// A baseline with a value and no date.
    pub fn new(value: Value) -> Self {
        Baseline {
            value: Some(value),
            ..Baseline::default()
        }
    }
}

opt_setters!(Baseline {
    with_value => value: Value,
    with_date => date: NaiveDate,
    with_comment => comment: String,
});

/// A value broken down by one category of a dimension, e.g. sex = female.
///
/// ```
/// use ssr_model::{Breakdown, Value};
///
/// let women = Breakdown::new("sex", "female")
///     .with_target(Value::number(120.0)?)
///     .with_actual(Value::number(95.0)?);
/// assert_eq!(women.female(), Some(true));
/// assert_eq!(women.actual.as_ref().and_then(Value::as_number), Some(95.0));
/// assert_eq!(women.additive, None); // left to the measure: counts add up
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Breakdown {
    /// The dimension, e.g. `"sex"`.
    pub dimension: String,
    /// The category, e.g. `"female"`.
    pub category: String,
    /// The target for this category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Value>,
    /// The actual for this category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Value>,
    /// The baseline of this category, when it was measured: what its
    /// progress is counted from. Without it a category has progress only
    /// where the indicator's baseline is 0 on a unit measure (counts from
    /// nothing, so every category starts at 0 too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Value>,
    /// Whether the categories of this dimension add up to the period's
    /// total. `None` (the default) leaves it to the measure: counts (unit
    /// measures) add up, percentages do not (trust among women and among men
    /// are two rates, not shares of one). `Some(false)` says they overlap
    /// (age bands, a person counted in several); `Some(true)` says they are
    /// shares of the total, e.g. percentage points of a percentage measure.
    /// Read by `breakdown_sum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additive: Option<bool>,
}

impl Breakdown {
    /// A breakdown with no values yet.
    pub fn new(dimension: impl Into<String>, category: impl Into<String>) -> Self {
        Breakdown {
            dimension: dimension.into(),
            category: category.into(),
            target: None,
            actual: None,
            baseline: None,
            additive: None,
        }
    }

    /// Whether this is a breakdown by sex or gender, as WPS reporting
    /// (UNSCR 1325) asks for: the dimension's first word is `sex` or
    /// `gender`, in any case (real IATI files write `Gender - genre`).
    ///
    /// ```
    /// use ssr_model::Breakdown;
    ///
    /// assert!(Breakdown::new("Sex", "female").is_by_sex());
    /// assert!(Breakdown::new("Gender - genre", "Female - feminin").is_by_sex());
    /// assert!(!Breakdown::new("age", "18-24").is_by_sex());
    /// assert!(!Breakdown::new("sex;age", "female;adult").is_by_sex());
    /// ```
    pub fn is_by_sex(&self) -> bool {
        matches!(first_word(&self.dimension).as_str(), "sex" | "gender")
            && !self.dimension.contains(';')
    }

    /// The sex a category of a breakdown by sex names, by its first word in
    /// any case: `Some(true)` for women (`female`, `women`, `woman`, `f`,
    /// `girls`), `Some(false)` for men (`male`, `men`, `man`, `m`, `boys`);
    /// `None` for any other category or dimension.
    ///
    /// ```
    /// use ssr_model::Breakdown;
    ///
    /// assert_eq!(Breakdown::new("sex", "Female").female(), Some(true));
    /// assert_eq!(Breakdown::new("Gender - genre", "Male - masculin").female(), Some(false));
    /// assert_eq!(Breakdown::new("sex", "other").female(), None);
    /// assert_eq!(Breakdown::new("age", "female").female(), None);
    /// ```
    pub fn female(&self) -> Option<bool> {
        if !self.is_by_sex() {
            return None;
        }
        match first_word(&self.category).as_str() {
            "female" | "women" | "woman" | "f" | "girls" => Some(true),
            "male" | "men" | "man" | "m" | "boys" => Some(false),
            _ => None,
        }
    }
}

/// The first run of letters of `text`, in lower case.
fn first_word(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

opt_setters!(Breakdown {
    with_target => target: Value,
    with_actual => actual: Value,
    with_baseline => baseline: Value,
    with_additive => additive: bool,
});

/// One reporting period of an indicator: a target and the actual achieved.
/// The actual is taken as measured at the period's end.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::{Period, Value};
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let p = Period::new(d(2021, 1, 1), d(2021, 12, 31))
///     .with_target(Value::number(50.0)?)
///     .with_actual(Value::number(44.0)?);
/// assert_eq!(p.actual.and_then(|v| v.as_number()), Some(44.0));
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Period {
    /// First day of the period.
    #[serde(with = "super::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    pub start: NaiveDate,
    /// Last day of the period.
    #[serde(with = "super::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    pub end: NaiveDate,
    /// The value aimed for by the end of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Value>,
    /// The value achieved, when reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Value>,
    /// A comment on the actual, e.g. why it differs from the target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Values broken down by dimension (e.g. by sex).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breakdowns: Vec<Breakdown>,
}

impl Period {
    /// A period with no target or actual yet.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        Period {
            start,
            end,
            target: None,
            actual: None,
            comment: None,
            breakdowns: Vec::new(),
        }
    }
}

opt_setters!(Period {
    with_target => target: Value,
    with_actual => actual: Value,
    with_comment => comment: String,
});

pushers!(Period {
    with_breakdown => breakdowns: Breakdown,
});

/// How an indicator's values are verified.
///
/// ```
/// use ssr_model::{DataSource, SourceKind};
///
/// let source = DataSource::new(SourceKind::Survey);
/// assert_eq!(source.kind.as_str(), "survey");
/// assert_eq!("oversight_report".parse::<SourceKind>()?, SourceKind::OversightReport);
/// # Ok::<(), ssr_model::ValueError>(())
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
/// use ssr_model::{DataSource, Indicator, Measure, ResultLevel, SourceKind};
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
/// use ssr_model::{Baseline, Direction, Indicator, Measure, Period, ResultLevel, Value};
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
/// # Ok::<(), ssr_model::ValueError>(())
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
