//! The dimensions programmes are compared on, and one value per dimension.

use serde::{Deserialize, Serialize};

/// A programme-level measure programmes are compared on. All are on 0–1.
///
/// Dimensions order as in the comparison table ([`Dimension::ALL`]).
///
/// ```
/// use ssr_model::score::compare::Dimension;
///
/// assert!(Dimension::Progress.higher_is_better());
/// assert!(!Dimension::Risk.higher_is_better()); // exposure: lower is better
/// assert_eq!(Dimension::ALL[0], Dimension::Progress);
/// assert_eq!("inclusion".parse::<Dimension>()?, Dimension::Inclusion);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Dimension {
    /// The results score ([`ProgrammeScore::score`](crate::score::ProgrammeScore::score)); higher is better.
    Progress,
    /// The latest evaluation's DAC score; higher is better.
    Evaluation,
    /// Risk exposure ([`RiskProfile::exposure`](crate::score::RiskProfile::exposure)); lower is better.
    Risk,
    /// Resistance exposure of stakeholders; lower is better.
    Resistance,
    /// Inclusion of civil society, communities, oversight bodies and
    /// women's organisations; higher is better.
    Inclusion,
    /// Budget execution against elapsed time
    /// ([`FinanceProfile::pace`](crate::score::FinanceProfile::pace)); higher is
    /// better. Weight 0 by default, so composites are as without it.
    Finance,
}

crate::model::names::names!(Dimension, "dimension" {
    Progress = "progress",
    Evaluation = "evaluation",
    Risk = "risk",
    Resistance = "resistance",
    Inclusion = "inclusion",
    Finance = "finance",
});

impl Dimension {
    /// Whether higher raw values are better.
    pub fn higher_is_better(self) -> bool {
        !matches!(self, Dimension::Risk | Dimension::Resistance)
    }
}

/// One value per dimension (`None`: no data).
///
/// ```
/// use ssr_model::score::compare::Dimension;
/// use ssr_model::Scorer;
///
/// let portfolio = ssr_model::samples::portfolio();
/// let card = Scorer::default().scorecard(&portfolio);
/// let (row, programme) = (&card.comparison.rows[0], &card.programmes[0]);
/// // Raw values are the programme's own measures, one per dimension.
/// assert_eq!(row.raw.get(Dimension::Progress), programme.progress.score);
/// assert_eq!(row.raw.get(Dimension::Risk), programme.risk.exposure);
/// assert_eq!(row.raw.progress, row.raw.get(Dimension::Progress));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
#[allow(missing_docs)] // the fields are the dimensions
pub struct DimensionValues {
    pub progress: Option<f64>,
    pub evaluation: Option<f64>,
    pub risk: Option<f64>,
    pub resistance: Option<f64>,
    pub inclusion: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finance: Option<f64>,
}

impl DimensionValues {
    /// The value of `dimension`.
    pub fn get(&self, dimension: Dimension) -> Option<f64> {
        match dimension {
            Dimension::Progress => self.progress,
            Dimension::Evaluation => self.evaluation,
            Dimension::Risk => self.risk,
            Dimension::Resistance => self.resistance,
            Dimension::Inclusion => self.inclusion,
            Dimension::Finance => self.finance,
        }
    }
}
