//! Budgets by period, as IATI's `budget` elements.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Money;
use super::macros::{opt_setters, setters};

/// Whether a budget is the original or a revision (IATI BudgetType).
///
/// ```
/// use ssr_model::model::BudgetKind;
///
/// assert_eq!(BudgetKind::Revised.iati_code(), 2);
/// assert_eq!(BudgetKind::from_iati_code(1), Some(BudgetKind::Original));
/// assert_eq!("revised".parse::<BudgetKind>()?, BudgetKind::Revised);
/// assert_eq!(BudgetKind::Original.to_string(), "original");
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BudgetKind {
    /// 1: the budget first allocated.
    Original,
    /// 2: an updated budget.
    Revised,
}

super::names::names!(BudgetKind, "budget kind" {
    Original = "original",
    Revised = "revised",
});

impl BudgetKind {
    /// The IATI BudgetType code.
    pub fn iati_code(self) -> u8 {
        match self {
            BudgetKind::Original => 1,
            BudgetKind::Revised => 2,
        }
    }

    /// The kind for an IATI BudgetType code.
    ///
    /// ```
    /// use ssr_model::model::BudgetKind;
    ///
    /// assert_eq!(BudgetKind::from_iati_code(2), Some(BudgetKind::Revised));
    /// assert_eq!(BudgetKind::from_iati_code(3), None);
    /// ```
    pub fn from_iati_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(BudgetKind::Original),
            2 => Some(BudgetKind::Revised),
            _ => None,
        }
    }
}

/// Whether a budget binds (IATI BudgetStatus).
///
/// ```
/// use ssr_model::model::BudgetStatus;
///
/// assert_eq!(BudgetStatus::Committed.iati_code(), 2);
/// assert_eq!(BudgetStatus::from_iati_code(1), Some(BudgetStatus::Indicative));
/// assert_eq!("committed".parse::<BudgetStatus>()?, BudgetStatus::Committed);
/// assert!("binding".parse::<BudgetStatus>().is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BudgetStatus {
    /// 1: a non-binding estimate.
    Indicative,
    /// 2: a binding agreement.
    Committed,
}

super::names::names!(BudgetStatus, "budget status" {
    Indicative = "indicative",
    Committed = "committed",
});

impl BudgetStatus {
    /// The IATI BudgetStatus code.
    pub fn iati_code(self) -> u8 {
        match self {
            BudgetStatus::Indicative => 1,
            BudgetStatus::Committed => 2,
        }
    }

    /// The status for an IATI BudgetStatus code.
    ///
    /// ```
    /// use ssr_model::model::BudgetStatus;
    ///
    /// assert_eq!(BudgetStatus::from_iati_code(1), Some(BudgetStatus::Indicative));
    /// ```
    pub fn from_iati_code(code: u8) -> Option<Self> {
        match code {
            1 => Some(BudgetStatus::Indicative),
            2 => Some(BudgetStatus::Committed),
            _ => None,
        }
    }
}

/// The money planned for one period of a programme.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::model::{Budget, BudgetKind};
/// use ssr_model::Money;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let b = Budget::new(d(2021, 1, 1), d(2021, 12, 31), Money::parse("1000000", "USD")?, d(2021, 1, 1))
///     .with_kind(BudgetKind::Revised);
/// assert_eq!(b.kind, BudgetKind::Revised);
/// assert!(b.status.is_none());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Budget {
    /// Original or revised.
    pub kind: BudgetKind,
    /// Indicative or committed, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<BudgetStatus>,
    /// First day of the period.
    #[serde(with = "super::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    pub start: NaiveDate,
    /// Last day of the period.
    #[serde(with = "super::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    pub end: NaiveDate,
    /// How much.
    pub value: Money,
    /// The date whose exchange rate converts the value.
    #[serde(with = "super::date")]
    #[cfg_attr(feature = "schemars", schemars(with = "NaiveDate"))]
    pub value_date: NaiveDate,
}

impl Budget {
    /// An original budget for `start`–`end`, status not stated.
    pub fn new(start: NaiveDate, end: NaiveDate, value: Money, value_date: NaiveDate) -> Self {
        Budget {
            kind: BudgetKind::Original,
            status: None,
            start,
            end,
            value,
            value_date,
        }
    }
}

setters!(Budget {
    with_kind => kind: BudgetKind,
});

opt_setters!(Budget {
    with_status => status: BudgetStatus,
});
