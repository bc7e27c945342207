//! How one level of the hierarchy aggregates into the next, and the default
//! ordinal scales.

use crate::Finding;
use serde::{Deserialize, Serialize};

use super::exponent;
use crate::OrdinalScale;
use crate::score::Aggregation;

/// Default ordinal scales for indicators that carry none of their own. An
/// indicator's own [`scale`](crate::Indicator::scale) always wins.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::score::programme::Gap;
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::ScoringPolicy;
/// use ssr_model::model::*;
/// use ssr_model::*;
///
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// // An ordinal indicator with no scale of its own.
/// let police_act = Indicator::new("Police act", ResultLevel::Outcome, Measure::Ordinal)
///     .with_baseline(Baseline::new(Value::label("none")))
///     .with_period(
///         Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?)
///             .with_target(Value::label("adopted"))
///             .with_actual(Value::label("drafted")),
///     );
/// assert_eq!(Scorer::default().indicator(&police_act).gap, Some(Gap::NoScale));
/// let mut policy = ScoringPolicy::default();
/// policy.scales.ordinal = Some(OrdinalScale::new(["none", "drafted", "adopted"])?);
/// let scored = Scorer::new(policy)?.indicator(&police_act);
/// assert_eq!(scored.progress, Some(0.5)); // none 0, drafted 0.5, adopted 1
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ScalePolicy {
    /// For ordinal measures (labels worst first). Default none.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<Vec<String>>"))]
    pub ordinal: Option<OrdinalScale>,
    /// For qualitative measures (labels worst first). Default none.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<Vec<String>>"))]
    pub qualitative: Option<OrdinalScale>,
}

/// Whose weights count at a level.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::score::policy::{ScoringPolicy, Weighting};
/// # use chrono::NaiveDate;
/// # use ssr_model::model::*;
/// # use ssr_model::*;
/// # let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
/// # let ind = |actual: f64| -> Result<Indicator, Box<dyn std::error::Error>> {
/// #     Ok(Indicator::new("An indicator", ResultLevel::Output, Measure::Unit)
/// #         .with_baseline(Baseline::new(Value::number(0.0)?))
/// #         .with_period(Period::new(d(2021, 1, 1)?, d(2021, 12, 31)?)
/// #             .with_target(Value::number(4.0)?).with_actual(Value::number(actual)?)))
/// # };
/// // Community policing (weight 3) at its target, oversight (weight 1) a quarter of the way.
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_component(Component::new("Community policing", Pillar::PoliceReform)
///         .with_weight(Weight::new(3.0)?).with_indicator(ind(4.0)?))
///     .with_component(Component::new("Oversight", Pillar::Oversight).with_indicator(ind(1.0)?));
/// assert_eq!(Scorer::default().programme(&programme).score, Some(0.8125)); // (3·1 + 0.25)/4
/// let mut policy = ScoringPolicy::default();
/// policy.components.weighting = Weighting::Equal;
/// assert_eq!(Scorer::new(policy)?.programme(&programme).score, Some(0.625)); // (1 + 0.25)/2
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Weighting {
    /// The weights in the data (default).
    #[default]
    AsGiven,
    /// Every item weighs the same, whatever the data says.
    Equal,
}

crate::model::names::names!(Weighting, "weighting" {
    AsGiven = "as_given",
    Equal = "equal",
});

/// How one level is aggregated into the next.
///
/// ```
/// use ssr_model::score::programme::Aggregation;
/// use ssr_model::score::policy::{LevelPolicy, ScoringPolicy, Weighting};
/// use ssr_model::Scorer;
///
/// let policy = LevelPolicy::default();
/// assert_eq!((policy.method, policy.weighting), (Aggregation::Arithmetic, Weighting::AsGiven));
///
/// // A non-compensatory programme score: a geometric mean of the components,
/// // so a strong pillar cannot hide a failing one.
/// let mut scoring = ScoringPolicy::default();
/// scoring.components = LevelPolicy::new(Aggregation::Geometric).with_weighting(Weighting::Equal);
/// let portfolio = ssr_model::samples::portfolio();
/// let arithmetic = Scorer::default().programme(&portfolio.programmes[0]);
/// let geometric = Scorer::new(scoring)?.programme(&portfolio.programmes[0]);
/// // The geometric mean is never above the arithmetic one of the same values.
/// let components: Vec<f64> = geometric.components.iter().filter_map(|c| c.score).collect();
/// let mean = components.iter().sum::<f64>() / components.len() as f64;
/// assert!(geometric.score.ok_or("no score")? <= mean + 1e-12);
/// // Components score as before: only the last step changed.
/// let scores = |p: &ssr_model::score::programme::ProgrammeScore| p.components.iter().map(|c| c.score).collect::<Vec<_>>();
/// assert_eq!(scores(&arithmetic), scores(&geometric));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct LevelPolicy {
    /// The mean. Default arithmetic.
    pub method: Aggregation,
    /// Whose weights. Default as given.
    pub weighting: Weighting,
}

impl LevelPolicy {
    /// A level aggregated by `method` with weights as given.
    pub fn new(method: Aggregation) -> Self {
        LevelPolicy {
            method,
            weighting: Weighting::AsGiven,
        }
    }

    /// Returns `self` with another weighting.
    #[must_use]
    pub fn with_weighting(mut self, weighting: impl Into<Weighting>) -> Self {
        self.weighting = weighting.into();
        self
    }

    /// The weight an item with data weight `w` gets.
    pub(crate) fn weight(&self, w: f64) -> f64 {
        match self.weighting {
            Weighting::AsGiven => w,
            Weighting::Equal => 1.0,
        }
    }

    pub(super) fn check(&self, level: &str, found: &mut Vec<Finding>) {
        found.extend(exponent(&format!("{level}.method"), self.method).err());
    }
}
