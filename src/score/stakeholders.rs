//! Stakeholders: who matters, who resists, and who is missing.
//!
//! - **Mendelow's grid** (Mendelow 1991, *Environmental scanning: the impact
//!   of the stakeholder concept*): power (influence) against interest, each
//!   high or low, gives four strategies: manage closely (key players), keep
//!   satisfied, keep informed, monitor.
//! - **Salience** (Mitchell, Agle & Wood 1997, *Toward a theory of
//!   stakeholder identification and salience*, Academy of Management
//!   Review 22(4)): the attributes power, legitimacy and urgency give seven
//!   classes: one attribute — dormant (power), discretionary (legitimacy),
//!   demanding (urgency); two — dominant (power + legitimacy), dangerous
//!   (power + urgency), dependent (legitimacy + urgency); all three —
//!   definitive. With none, a party is not a stakeholder in their sense.
//!   Power is influence at or above the policy's `high_influence`.
//! - **Resistance exposure**: the share of all stakeholders' influence held
//!   by those resistant to or blocking the reform, 0–1.
//! - **Inclusion**: SSR guidance (OECD DAC *Handbook on Security System
//!   Reform*, 2007) asks that civil society, local communities, oversight
//!   bodies and women's organisations take part. Each group scores 1 when a
//!   stakeholder of it is engaged (interest at or above the policy's
//!   `engaged_interest`, or a working role: accountable, extending,
//!   implementing, oversight or advisory), 0.5 when present only, 0 when
//!   absent; inclusion is the mean of the four.

use serde::{Deserialize, Serialize};

use super::StakeholderPolicy;
use crate::{Level, Programme, Role, Stakeholder, StakeholderId, StakeholderKind, Stance};

/// A quadrant of Mendelow's power–interest grid.
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
    /// use ssr_model::Level;
    /// use ssr_model::score::{Quadrant, StakeholderPolicy};
    ///
    /// let policy = StakeholderPolicy::default(); // high from 4
    /// assert_eq!(Quadrant::of(Level::new(5)?, Level::new(4)?, &policy), Quadrant::ManageClosely);
    /// assert_eq!(Quadrant::of(Level::new(4)?, Level::new(3)?, &policy), Quadrant::KeepSatisfied);
    /// assert_eq!(Quadrant::of(Level::new(3)?, Level::new(5)?, &policy), Quadrant::KeepInformed);
    /// assert_eq!(Quadrant::of(Level::new(1)?, Level::new(1)?, &policy), Quadrant::Monitor);
    /// # Ok::<(), ssr_model::ValueError>(())
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

/// A Mitchell–Agle–Wood salience class.
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
    /// use ssr_model::score::Salience;
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

/// A group SSR practice expects to take part.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct GroupPresence {
    /// The group.
    pub group: InclusionGroup,
    /// How far it takes part.
    pub presence: Presence,
}

/// One stakeholder's place on the grid and salience class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StakeholderScore {
    /// The stakeholder.
    #[cfg_attr(feature = "schemars", schemars(with = "uuid::Uuid"))]
    pub stakeholder: StakeholderId,
    /// Its name.
    pub name: String,
    /// Its kind.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub kind: StakeholderKind,
    /// Its stance.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub stance: Stance,
    /// Influence, 1–5.
    pub influence: u8,
    /// Interest, 1–5.
    pub interest: u8,
    /// Mendelow quadrant.
    pub quadrant: Quadrant,
    /// Salience class.
    pub salience: Salience,
}

impl StakeholderScore {
    /// Whether the stakeholder is key: to be managed closely, or definitive.
    pub fn is_key(&self) -> bool {
        self.quadrant == Quadrant::ManageClosely || self.salience == Salience::Definitive
    }
}

/// A programme's stakeholder analysis.
///
/// ```
/// use ssr_model::score::{Presence, Quadrant, Scorer};
/// use ssr_model::*;
///
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_stakeholder(
///         Stakeholder::new("Ministry of Justice", StakeholderKind::NationalGovernment)
///             .with_influence(Level::new(5)?).with_interest(Level::new(4)?)
///             .with_stance(Stance::Supportive).with_legitimate(true),
///     )
///     .with_stakeholder(
///         Stakeholder::new("Senior police command", StakeholderKind::Police)
///             .with_influence(Level::new(4)?).with_interest(Level::new(2)?)
///             .with_stance(Stance::Resistant),
///     )
///     .with_stakeholder(
///         Stakeholder::new("Women's police network", StakeholderKind::WomensOrganisation)
///             .with_influence(Level::new(1)?).with_interest(Level::new(5)?),
///     );
/// let s = Scorer::default().stakeholders(&programme);
/// assert_eq!(s.stakeholders[1].quadrant, Quadrant::KeepSatisfied);
/// // Resistant influence 4 of 5 + 4 + 1 = 10.
/// assert_eq!(s.resistance_exposure, Some(0.4));
/// // Women's organisations engaged (interest 5), the other three groups absent.
/// assert_eq!(s.inclusion, 0.25);
/// assert_eq!(s.groups[3].presence, Presence::Engaged);
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StakeholderProfile {
    /// Each stakeholder, in order.
    pub stakeholders: Vec<StakeholderScore>,
    /// Share of influence held by resistant or blocking stakeholders;
    /// `None` without stakeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resistance_exposure: Option<f64>,
    /// Inclusion score, 0–1.
    pub inclusion: f64,
    /// Each group's presence.
    pub groups: Vec<GroupPresence>,
}

impl StakeholderProfile {
    /// The key stakeholders (see [`StakeholderScore::is_key`]), most
    /// influential first.
    pub fn key(&self) -> Vec<&StakeholderScore> {
        let mut key: Vec<&StakeholderScore> =
            self.stakeholders.iter().filter(|s| s.is_key()).collect();
        key.sort_by_key(|s| std::cmp::Reverse(s.influence));
        key
    }
}

fn engaged(s: &Stakeholder, policy: &StakeholderPolicy) -> bool {
    s.interest.get() >= policy.engaged_interest
        || s.roles.iter().any(|r| {
            matches!(
                r,
                Role::Accountable
                    | Role::Extending
                    | Role::Implementing
                    | Role::Oversight
                    | Role::Advisory
            )
        })
}

pub(crate) fn score_stakeholders(p: &Programme, policy: &StakeholderPolicy) -> StakeholderProfile {
    let stakeholders = p
        .stakeholders
        .iter()
        .map(|s| StakeholderScore {
            stakeholder: s.id,
            name: s.name.clone(),
            kind: s.kind,
            stance: s.stance,
            influence: s.influence.get(),
            interest: s.interest.get(),
            quadrant: Quadrant::of(s.influence, s.interest, policy),
            salience: Salience::of(
                s.influence.get() >= policy.high_influence,
                s.legitimate,
                s.urgent,
            ),
        })
        .collect();
    let total: u32 = p
        .stakeholders
        .iter()
        .map(|s| u32::from(s.influence.get()))
        .sum();
    let opposed: u32 = p
        .stakeholders
        .iter()
        .filter(|s| s.stance.is_opposed())
        .map(|s| u32::from(s.influence.get()))
        .sum();
    let groups: Vec<GroupPresence> = InclusionGroup::ALL
        .into_iter()
        .map(|group| {
            let members = p.stakeholders.iter().filter(|s| group.includes(s.kind));
            let presence = members.fold(Presence::Absent, |best, s| {
                best.max(if engaged(s, policy) {
                    Presence::Engaged
                } else {
                    Presence::Present
                })
            });
            GroupPresence { group, presence }
        })
        .collect();
    let inclusion = groups.iter().map(|g| g.presence.score()).sum::<f64>() / groups.len() as f64;
    StakeholderProfile {
        stakeholders,
        resistance_exposure: (total > 0).then(|| f64::from(opposed) / f64::from(total)),
        inclusion,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Country;

    #[test]
    fn all_seven_classes_and_none() {
        let mut seen = std::collections::HashSet::new();
        for bits in 0..8u8 {
            seen.insert(Salience::of(bits & 1 != 0, bits & 2 != 0, bits & 4 != 0));
        }
        assert_eq!(seen.len(), 8);
        assert_eq!(Salience::of(true, true, false), Salience::Dominant);
        assert_eq!(Salience::of(false, true, true), Salience::Dependent);
        assert_eq!(Salience::of(false, false, true), Salience::Demanding);
        assert_eq!(Salience::of(true, false, false), Salience::Dormant);
    }

    #[test]
    fn present_but_not_engaged_scores_half() {
        let p = Programme::new("p", Country::new("TUN").unwrap())
            .with_stakeholder(
                Stakeholder::new("Parliament", StakeholderKind::Parliament)
                    .with_interest(Level::new(2).unwrap()),
            )
            .with_stakeholder(
                Stakeholder::new("Ombudsman", StakeholderKind::OversightBody)
                    .with_interest(Level::new(1).unwrap())
                    .with_role(Role::Oversight),
            )
            .with_stakeholder(
                Stakeholder::new("Bar association", StakeholderKind::CivilSociety)
                    .with_interest(Level::new(3).unwrap())
                    .with_stance(Stance::Blocking)
                    .with_influence(Level::new(2).unwrap()),
            );
        let s = score_stakeholders(&p, &StakeholderPolicy::default());
        // Oversight engaged (a role), civil society present: (0.5 + 0 + 1 + 0)/4.
        assert_eq!(s.inclusion, 0.375);
        // Blocking influence 2 of 3 + 3 + 2.
        assert_eq!(s.resistance_exposure, Some(0.25));
        assert!(s.key().is_empty());
    }
}
