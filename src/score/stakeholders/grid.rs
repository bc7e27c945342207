//! Mendelow's power–interest grid (Mendelow 1991): influence against
//! interest, each high or low, gives four strategies.

use serde::{Deserialize, Serialize};

use crate::Level;
use crate::score::StakeholderPolicy;

/// A quadrant of Mendelow's power–interest grid.
///
/// ```
/// use ssr_model::score::programme::Quadrant;
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Programme, Stakeholder};
/// use ssr_model::model::{Level, StakeholderKind};
///
/// let programme = Programme::new("Defence reform", Country::new("BIH")?).with_stakeholder(
///     Stakeholder::new("Ministry of Defence", StakeholderKind::NationalGovernment)
///         .with_influence(Level::new(5)?)
///         .with_interest(Level::new(5)?),
/// );
/// let quadrant = Scorer::default().stakeholders(&programme).stakeholders[0].quadrant;
/// assert_eq!(quadrant, Some(Quadrant::ManageClosely));
/// assert_eq!(Quadrant::ManageClosely.describe(), "manage closely");
/// assert_eq!("keep_informed".parse::<Quadrant>()?, Quadrant::KeepInformed);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Quadrant {
    /// High power, high interest: key players.
    ManageClosely,
    /// High power, low interest.
    KeepSatisfied,
    /// Low power, high interest.
    KeepInformed,
    /// Low power, low interest: minimal effort.
    Monitor,
}

crate::model::names::names!(Quadrant, "quadrant" {
    ManageClosely = "manage_closely",
    KeepSatisfied = "keep_satisfied",
    KeepInformed = "keep_informed",
    Monitor = "monitor",
});

impl Quadrant {
    /// The quadrant in words, e.g. "manage closely".
    pub fn describe(self) -> &'static str {
        match self {
            Quadrant::ManageClosely => "manage closely",
            Quadrant::KeepSatisfied => "keep satisfied",
            Quadrant::KeepInformed => "keep informed",
            Quadrant::Monitor => "monitor",
        }
    }

    /// The quadrant for `influence` and `interest` under `policy`.
    ///
    /// ```
    /// use ssr_model::model::Level;
    /// use ssr_model::score::programme::Quadrant;
    /// use ssr_model::score::policy::StakeholderPolicy;
    ///
    /// let policy = StakeholderPolicy::default(); // high from 4
    /// assert_eq!(Quadrant::of(Level::new(5)?, Level::new(4)?, &policy), Quadrant::ManageClosely);
    /// assert_eq!(Quadrant::of(Level::new(4)?, Level::new(3)?, &policy), Quadrant::KeepSatisfied);
    /// assert_eq!(Quadrant::of(Level::new(3)?, Level::new(5)?, &policy), Quadrant::KeepInformed);
    /// assert_eq!(Quadrant::of(Level::new(1)?, Level::new(1)?, &policy), Quadrant::Monitor);
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    pub fn of(influence: Level, interest: Level, policy: &StakeholderPolicy) -> Quadrant {
        let power = influence.get() >= policy.high_influence;
        let keen = interest.get() >= policy.high_interest;
        match (power, keen) {
            (true, true) => Quadrant::ManageClosely,
            (true, false) => Quadrant::KeepSatisfied,
            (false, true) => Quadrant::KeepInformed,
            (false, false) => Quadrant::Monitor,
        }
    }
}
