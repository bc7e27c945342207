//! Inclusion: whether the groups SSR practice expects to take part (OECD
//! DAC *Handbook on Security System Reform*, 2007) are present and engaged.

use serde::{Deserialize, Serialize};

use crate::score::StakeholderPolicy;
use crate::{Programme, Role, Stakeholder, StakeholderKind};

/// A group SSR practice expects to take part.
///
/// ```
/// use ssr_model::model::StakeholderKind;
/// use ssr_model::score::programme::InclusionGroup;
///
/// assert!(InclusionGroup::CivilSociety.includes(StakeholderKind::Media));
/// assert!(InclusionGroup::OversightBodies.includes(StakeholderKind::Parliament));
/// assert!(!InclusionGroup::LocalCommunities.includes(StakeholderKind::CivilSociety));
/// assert_eq!(InclusionGroup::WomensOrganisations.describe(), "women's organisations");
/// assert_eq!(InclusionGroup::ALL.len(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InclusionGroup {
    /// Civil-society organisations, academia and media.
    CivilSociety,
    /// Local communities.
    LocalCommunities,
    /// Parliament, the judiciary and independent oversight bodies.
    OversightBodies,
    /// Women's organisations.
    WomensOrganisations,
}

crate::model::names::names!(InclusionGroup, "inclusion group" {
    CivilSociety = "civil_society",
    LocalCommunities = "local_communities",
    OversightBodies = "oversight_bodies",
    WomensOrganisations = "womens_organisations",
});

impl InclusionGroup {
    /// The group in words, e.g. "women's organisations".
    pub fn describe(self) -> &'static str {
        match self {
            InclusionGroup::CivilSociety => "civil society",
            InclusionGroup::LocalCommunities => "local communities",
            InclusionGroup::OversightBodies => "oversight bodies",
            InclusionGroup::WomensOrganisations => "women's organisations",
        }
    }

    /// Whether a stakeholder of `kind` belongs to the group.
    pub fn includes(self, kind: StakeholderKind) -> bool {
        match self {
            InclusionGroup::CivilSociety => matches!(
                kind,
                StakeholderKind::CivilSociety | StakeholderKind::Academia | StakeholderKind::Media
            ),
            InclusionGroup::LocalCommunities => kind == StakeholderKind::LocalCommunity,
            InclusionGroup::OversightBodies => kind.is_oversight(),
            InclusionGroup::WomensOrganisations => kind == StakeholderKind::WomensOrganisation,
        }
    }
}

/// How far a group takes part.
///
/// ```
/// use ssr_model::score::programme::{InclusionGroup, Presence};
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Programme, Stakeholder};
/// use ssr_model::model::{Level, Role, StakeholderKind};
///
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_stakeholder(
///         Stakeholder::new("Community policing forum", StakeholderKind::LocalCommunity)
///             .with_role(Role::Implementing), // a working role: engaged
///     )
///     .with_stakeholder(
///         Stakeholder::new("Press union", StakeholderKind::Media).with_interest(Level::new(2)?), // present only
///     );
/// let s = Scorer::default().stakeholders(&programme);
/// let presence = |group| s.groups.iter().find(|g| g.group == group).map(|g| g.presence);
/// assert_eq!(presence(InclusionGroup::LocalCommunities), Some(Presence::Engaged));
/// assert_eq!(presence(InclusionGroup::CivilSociety), Some(Presence::Present));
/// assert_eq!(presence(InclusionGroup::WomensOrganisations), Some(Presence::Absent));
/// // Inclusion is the mean over the four groups: (1 + 0.5 + 0 + 0)/4.
/// assert_eq!(s.inclusion, Some(0.375));
/// assert_eq!(Presence::Present.score(), 0.5);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Presence {
    /// No stakeholder of the group: scores 0.
    Absent,
    /// Present but not engaged: scores 0.5.
    Present,
    /// At least one engaged stakeholder: scores 1.
    Engaged,
}

crate::model::names::names!(Presence, "presence" {
    Absent = "absent",
    Present = "present",
    Engaged = "engaged",
});

impl Presence {
    /// The score of the presence: 0, 0.5 or 1.
    pub fn score(self) -> f64 {
        match self {
            Presence::Absent => 0.0,
            Presence::Present => 0.5,
            Presence::Engaged => 1.0,
        }
    }
}

/// One group's presence.
///
/// ```
/// use ssr_model::score::programme::{InclusionGroup, Presence};
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Programme, Stakeholder};
/// use ssr_model::model::StakeholderKind;
///
/// // A women's organisation nobody has assessed: its engagement is unknown.
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_stakeholder(Stakeholder::new("Women's police network", StakeholderKind::WomensOrganisation));
/// let s = Scorer::default().stakeholders(&programme);
/// let women = s.groups.iter().find(|g| g.group == InclusionGroup::WomensOrganisations).ok_or("no group")?;
/// assert_eq!((women.presence, women.unassessed), (Presence::Absent, 1));
/// assert_eq!(s.inclusion, None); // nobody's engagement known: no inclusion score
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GroupPresence {
    /// The group.
    pub group: InclusionGroup,
    /// How far it takes part, judged on the members whose engagement is
    /// known.
    pub presence: Presence,
    /// Members whose engagement is unknown (no interest and no working
    /// role): they take no part in the presence.
    #[serde(default)]
    pub unassessed: usize,
}

/// Whether a stakeholder is engaged: a working role says yes; otherwise its
/// interest decides, and without one nobody knows.
pub(super) fn engaged(s: &Stakeholder, policy: &StakeholderPolicy) -> Option<bool> {
    let working = s.roles.iter().any(|r| {
        matches!(
            r,
            Role::Accountable
                | Role::Extending
                | Role::Implementing
                | Role::Oversight
                | Role::Advisory
        )
    });
    if working {
        Some(true)
    } else {
        s.interest.map(|i| i.get() >= policy.engaged_interest)
    }
}

pub(super) fn group_presence(
    group: InclusionGroup,
    p: &Programme,
    policy: &StakeholderPolicy,
) -> GroupPresence {
    let (mut presence, mut unassessed) = (Presence::Absent, 0);
    for s in p.stakeholders.iter().filter(|s| group.includes(s.kind)) {
        match engaged(s, policy) {
            Some(true) => presence = presence.max(Presence::Engaged),
            Some(false) => presence = presence.max(Presence::Present),
            None => unassessed += 1,
        }
    }
    GroupPresence {
        group,
        presence,
        unassessed,
    }
}
