//! What an indicator measured and aimed for: its baseline, and its periods
//! of targets and actuals, each broken down by category (e.g. by sex).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Value;
use crate::model::macros::{opt_setters, pushers};

/// The starting point an indicator is measured against.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::model::Baseline;
/// use ssr_model::Value;
///
/// let b = Baseline::new(Value::number(38.0)?)
///     .with_date(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap());
/// assert_eq!(b.value.and_then(|v| v.as_number()), Some(38.0));
/// # Ok::<(), ssr_model::model::ValueError>(())
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
        with = "crate::model::date::option"
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
/// use ssr_model::model::Breakdown;
/// use ssr_model::Value;
///
/// let women = Breakdown::new("sex", "female")
///     .with_target(Value::number(120.0)?)
///     .with_actual(Value::number(95.0)?);
/// assert_eq!(women.female(), Some(true));
/// assert_eq!(women.actual.as_ref().and_then(Value::as_number), Some(95.0));
/// assert_eq!(women.additive, None); // left to the measure: counts add up
/// # Ok::<(), ssr_model::model::ValueError>(())
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
    /// use ssr_model::model::Breakdown;
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
    /// use ssr_model::model::Breakdown;
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
/// The actual was measured on its `actual_date` when that is given (an
/// interim value inside a long period), else it is taken as measured at
/// the period's end.
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
///
/// // A life-of-project period updated as it goes: 30 measured mid-2024.
/// let p = Period::new(d(2019, 1, 1), d(2029, 12, 31))
///     .with_actual(Value::number(30.0)?)
///     .with_actual_date(d(2024, 6, 30));
/// assert_eq!(p.actual_date, Some(d(2024, 6, 30)));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Period {
    /// First day of the period.
    #[serde(with = "crate::model::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    pub start: NaiveDate,
    /// Last day of the period.
    #[serde(with = "crate::model::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    pub end: NaiveDate,
    /// The value aimed for by the end of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Value>,
    /// The value achieved, when reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<Value>,
    /// The date the actual was measured on, when known (IATI 2.03
    /// `actual/@iso-date`); without it the actual counts as measured at
    /// the period's end.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::model::date::option"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<NaiveDate>"))]
    pub actual_date: Option<NaiveDate>,
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
            actual_date: None,
            comment: None,
            breakdowns: Vec::new(),
        }
    }
}

opt_setters!(Period {
    with_target => target: Value,
    with_actual => actual: Value,
    with_actual_date => actual_date: NaiveDate,
    with_comment => comment: String,
});

pushers!(Period {
    with_breakdown => breakdowns: Breakdown,
});
