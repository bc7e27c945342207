//! Mitchell–Agle–Wood salience (1997): power, legitimacy and urgency give
//! seven classes of stakeholder, and none.

use serde::{Deserialize, Serialize};

/// A Mitchell–Agle–Wood salience class.
///
/// ```
/// use ssr_model::score::programme::Salience;
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Programme, Stakeholder};
/// use ssr_model::model::{Level, StakeholderKind};
///
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_stakeholder(
///         Stakeholder::new("Parliamentary defence committee", StakeholderKind::Parliament)
///             .with_influence(Level::new(4)?) // power: influence 4 or more by default
///             .with_legitimate(true)
///             .with_urgent(true),
///     )
///     .with_stakeholder(Stakeholder::new("Victims' association", StakeholderKind::CivilSociety).with_urgent(true));
/// let s = Scorer::default().stakeholders(&programme);
/// assert_eq!(s.stakeholders[0].salience, Some(Salience::Definitive));
/// assert_eq!(s.stakeholders[1].salience, None); // influence unknown: unassessed
/// assert_eq!(Salience::Dependent.describe(), "dependent");
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Salience {
    /// No attribute: not a stakeholder in the salience sense.
    None,
    /// Power only.
    Dormant,
    /// Legitimacy only.
    Discretionary,
    /// Urgency only.
    Demanding,
    /// Power and legitimacy.
    Dominant,
    /// Power and urgency.
    Dangerous,
    /// Legitimacy and urgency.
    Dependent,
    /// All three.
    Definitive,
}

crate::model::names::names!(Salience, "salience" {
    None = "none",
    Dormant = "dormant",
    Discretionary = "discretionary",
    Demanding = "demanding",
    Dominant = "dominant",
    Dangerous = "dangerous",
    Dependent = "dependent",
    Definitive = "definitive",
});

impl Salience {
    /// The class in a word, as Mitchell, Agle and Wood name it.
    pub fn describe(self) -> &'static str {
        self.as_str()
    }

    /// The class for the three attributes.
    ///
    /// ```
    /// use ssr_model::score::programme::Salience;
    ///
    /// assert_eq!(Salience::of(true, true, true), Salience::Definitive);
    /// assert_eq!(Salience::of(true, false, true), Salience::Dangerous);
    /// assert_eq!(Salience::of(false, true, false), Salience::Discretionary);
    /// assert_eq!(Salience::of(false, false, false), Salience::None);
    /// ```
    pub fn of(power: bool, legitimate: bool, urgent: bool) -> Salience {
        match (power, legitimate, urgent) {
            (false, false, false) => Salience::None,
            (true, false, false) => Salience::Dormant,
            (false, true, false) => Salience::Discretionary,
            (false, false, true) => Salience::Demanding,
            (true, true, false) => Salience::Dominant,
            (true, false, true) => Salience::Dangerous,
            (false, true, true) => Salience::Dependent,
            (true, true, true) => Salience::Definitive,
        }
    }
}
