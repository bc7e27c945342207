//! What a programme sets out to achieve.

use serde::{Deserialize, Serialize};

use super::ObjectiveId;
use super::macros::{opt_setters, setters};

/// The aims SSR pursues, as the SSR literature names them.
///
/// ```
/// use ssr_model::Objective;
/// use ssr_model::model::ObjectiveKind;
///
/// let o = Objective::new(ObjectiveKind::GenderEquality, "Women make up 20% of new recruits");
/// assert_eq!(o.kind.as_str(), "gender_equality");
/// assert_eq!("rule_of_law".parse::<ObjectiveKind>()?, ObjectiveKind::RuleOfLaw);
/// assert_eq!(ObjectiveKind::ALL.len(), 13);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ObjectiveKind {
    /// Security institutions answer for their conduct.
    Accountability,
    /// Everyone, the state included, is bound by law.
    RuleOfLaw,
    /// Democratic civilian control of the security forces.
    CivilianControl,
    /// Effective oversight by parliament, courts and independent bodies.
    Oversight,
    /// Capacity and efficiency of security provision.
    Effectiveness,
    /// Public trust in security institutions.
    Trust,
    /// Respect for human rights.
    HumanRights,
    /// Transparency of security budgets and decisions.
    Transparency,
    /// Gender equality and inclusion.
    GenderEquality,
    /// National and local ownership of the reform.
    LocalOwnership,
    /// Results that last beyond the programme.
    Sustainability,
    /// Regional and cross-border cooperation.
    RegionalCooperation,
    /// Anything else.
    Other,
}

/// An objective of a programme.
///
/// ```
/// use ssr_model::Objective;
/// use ssr_model::model::ObjectiveKind;
///
/// let o = Objective::new(ObjectiveKind::CivilianControl, "Parliament approves the defence budget line by line");
/// assert_eq!(o.kind, ObjectiveKind::CivilianControl);
///
/// // A specific objective under an overall one.
/// let overall = Objective::new(ObjectiveKind::Accountability, "Security forces answer to civilians");
/// let specific = Objective::new(ObjectiveKind::Oversight, "The defence committee scrutinises procurement")
///     .with_parent(overall.id);
/// assert_eq!(specific.parent, Some(overall.id));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Objective {
    /// Its id.
    pub id: ObjectiveId,
    /// Which SSR aim it serves.
    pub kind: ObjectiveKind,
    /// The objective in words.
    pub statement: String,
    /// The objective this one serves, when it is a specific objective under
    /// an overall one (a results chain, as in a logframe). Validation
    /// refuses a parent that is not an objective of the same programme
    /// (`dangling_reference`) and a chain of parents that comes back to
    /// where it started (`objective_cycle`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<ObjectiveId>,
}

impl Objective {
    /// An objective with a new random id.
    pub fn new(kind: ObjectiveKind, statement: impl Into<String>) -> Self {
        Objective {
            id: ObjectiveId::new(),
            kind,
            statement: statement.into(),
            parent: None,
        }
    }
}

setters!(Objective {
    with_id => id: ObjectiveId,
});

opt_setters!(Objective {
    with_parent => parent: ObjectiveId,
});
