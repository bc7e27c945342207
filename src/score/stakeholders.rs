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
//!
//! **Known values only.** Influence, interest and stance may be unknown
//! (IATI, for one, never states them). Each analysis uses the stakeholders
//! whose attributes it needs are known, and reports its coverage, the share
//! of stakeholders it could assess ([`StakeholderCoverage`]); a stakeholder
//! it cannot place is *unassessed* (`None`), never given a middle value.
//! The grid needs influence and interest; salience needs influence;
//! resistance exposure needs influence and stance; inclusion needs interest
//! or a working role. Adding a stakeholder nobody has assessed therefore
//! changes no score, only the coverage.
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
///
/// ```
/// use ssr_model::score::{Quadrant, Scorer};
/// use ssr_model::{Country, Level, Programme, Stakeholder, StakeholderKind};
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
/// # Ok::<(), ssr_model::ValueError>(())
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
///
/// ```
/// use ssr_model::score::{Salience, Scorer};
/// use ssr_model::{Country, Level, Programme, Stakeholder, StakeholderKind};
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
/// # Ok::<(), ssr_model::ValueError>(())
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
///
/// ```
/// use ssr_model::StakeholderKind;
/// use ssr_model::score::InclusionGroup;
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
/// use ssr_model::score::{InclusionGroup, Presence, Scorer};
/// use ssr_model::{Country, Level, Programme, Role, Stakeholder, StakeholderKind};
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
/// # Ok::<(), ssr_model::ValueError>(())
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
/// use ssr_model::score::{InclusionGroup, Presence, Scorer};
/// use ssr_model::{Country, Programme, Stakeholder, StakeholderKind};
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

/// One stakeholder's place on the grid and salience class, from its known
/// attributes. `None` (`null` in JSON) is *unassessed*: an attribute the
/// analysis needs is unknown.
///
/// ```
/// use ssr_model::score::{Quadrant, Scorer};
/// use ssr_model::{Country, Level, Programme, Stakeholder, StakeholderKind, Stance};
///
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_stakeholder(
///         Stakeholder::new("Senior police command", StakeholderKind::Police)
///             .with_influence(Level::new(5)?)
///             .with_interest(Level::new(4)?)
///             .with_stance(Stance::Resistant),
///     )
///     .with_stakeholder(Stakeholder::new("Bar association", StakeholderKind::CivilSociety));
/// let s = Scorer::default().stakeholders(&programme);
/// let command = &s.stakeholders[0];
/// assert_eq!((command.influence, command.interest, command.stance), (Some(5), Some(4), Some(Stance::Resistant)));
/// assert_eq!(command.quadrant, Some(Quadrant::ManageClosely));
/// assert!(command.is_key());
/// let bar = &s.stakeholders[1];
/// assert_eq!((bar.quadrant, bar.salience), (None, None)); // unassessed, not "monitor"
/// assert!(!bar.is_key());
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
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
    /// Its stance, when known.
    #[cfg_attr(feature = "schemars", schemars(with = "Option<String>"))]
    pub stance: Option<Stance>,
    /// Influence, 1–5, when known.
    pub influence: Option<u8>,
    /// Interest, 1–5, when known.
    pub interest: Option<u8>,
    /// Mendelow quadrant; `None` when influence or interest is unknown.
    pub quadrant: Option<Quadrant>,
    /// Salience class; `None` when influence (power) is unknown.
    pub salience: Option<Salience>,
}

impl StakeholderScore {
    /// Whether the stakeholder is key: to be managed closely, or definitive.
    pub fn is_key(&self) -> bool {
        self.quadrant == Some(Quadrant::ManageClosely)
            || self.salience == Some(Salience::Definitive)
    }
}

/// The share of a programme's stakeholders each analysis could assess
/// (0–1; 0 without stakeholders).
///
/// ```
/// use ssr_model::score::Scorer;
/// use ssr_model::{Country, Level, Programme, Stakeholder, StakeholderKind, Stance};
///
/// let programme = Programme::new("Police reform", Country::new("LBR")?)
///     .with_stakeholder(
///         Stakeholder::new("Ministry of Justice", StakeholderKind::NationalGovernment)
///             .with_influence(Level::new(4)?)
///             .with_interest(Level::new(4)?)
///             .with_stance(Stance::Supportive),
///     )
///     .with_stakeholder(Stakeholder::new("Police union", StakeholderKind::Police).with_influence(Level::new(3)?))
///     .with_stakeholder(Stakeholder::new("Bar association", StakeholderKind::CivilSociety))
///     .with_stakeholder(Stakeholder::new("Traditional leaders", StakeholderKind::LocalCommunity));
/// let coverage = Scorer::default().stakeholders(&programme).coverage;
/// assert_eq!(coverage.salience, 0.5);  // influence known for 2 of 4
/// assert_eq!(coverage.grid, 0.25);     // influence and interest for 1 of 4
/// assert_eq!(coverage.resistance, 0.25);
/// assert_eq!(coverage.assessed, 0.25);
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StakeholderCoverage {
    /// Influence and interest known: placed on the Mendelow grid.
    pub grid: f64,
    /// Influence known: given a salience class.
    pub salience: f64,
    /// Influence and stance known: counted in the resistance exposure.
    pub resistance: f64,
    /// Interest known or a working role: counted in the inclusion.
    pub inclusion: f64,
    /// Influence, interest and stance all known.
    pub assessed: f64,
}

/// A programme's stakeholder analysis, from known attributes only.
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
///             .with_influence(Level::new(1)?).with_interest(Level::new(5)?)
///             .with_stance(Stance::Champion),
///     )
///     // Nobody has assessed the bar association: unknown, not neutral.
///     .with_stakeholder(Stakeholder::new("Bar association", StakeholderKind::CivilSociety));
/// let s = Scorer::default().stakeholders(&programme);
/// assert_eq!(s.stakeholders[1].quadrant, Some(Quadrant::KeepSatisfied));
/// assert_eq!(s.stakeholders[3].quadrant, None); // unassessed
/// // Resistant influence 4 of 5 + 4 + 1 = 10, over 3 of 4 stakeholders.
/// assert_eq!(s.resistance_exposure, Some(0.4));
/// assert_eq!(s.coverage.resistance, 0.75);
/// // Women's organisations engaged (interest 5); civil society has one
/// // member whose engagement is unknown, so it counts as absent.
/// assert_eq!(s.inclusion, Some(0.25));
/// assert_eq!(s.groups[3].presence, Presence::Engaged);
/// assert_eq!((s.groups[0].presence, s.groups[0].unassessed), (Presence::Absent, 1));
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct StakeholderProfile {
    /// Each stakeholder, in order.
    pub stakeholders: Vec<StakeholderScore>,
    /// Share of influence held by resistant or blocking stakeholders, over
    /// the stakeholders whose influence and stance are known; `None` when
    /// there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resistance_exposure: Option<f64>,
    /// Inclusion score, 0–1, over the stakeholders whose engagement is
    /// known; `None` when there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inclusion: Option<f64>,
    /// Each group's presence.
    pub groups: Vec<GroupPresence>,
    /// What share of the stakeholders each analysis could assess.
    #[serde(default)]
    pub coverage: StakeholderCoverage,
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

    /// Whether the analysis rests on any known attribute: a resistance
    /// exposure or an inclusion score.
    pub fn has_evidence(&self) -> bool {
        self.resistance_exposure.is_some() || self.inclusion.is_some()
    }
}

/// Whether a stakeholder is engaged: a working role says yes; otherwise its
/// interest decides, and without one nobody knows.
fn engaged(s: &Stakeholder, policy: &StakeholderPolicy) -> Option<bool> {
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

fn score_one(s: &Stakeholder, policy: &StakeholderPolicy) -> StakeholderScore {
    StakeholderScore {
        stakeholder: s.id,
        name: s.name.clone(),
        kind: s.kind,
        stance: s.stance,
        influence: s.influence.map(Level::get),
        interest: s.interest.map(Level::get),
        quadrant: s
            .influence
            .zip(s.interest)
            .map(|(influence, interest)| Quadrant::of(influence, interest, policy)),
        salience: s.influence.map(|influence| {
            Salience::of(
                influence.get() >= policy.high_influence,
                s.legitimate,
                s.urgent,
            )
        }),
    }
}

fn group_presence(
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

pub(crate) fn score_stakeholders(p: &Programme, policy: &StakeholderPolicy) -> StakeholderProfile {
    let stakeholders: Vec<StakeholderScore> = p
        .stakeholders
        .iter()
        .map(|s| score_one(s, policy))
        .collect();
    // Influence of the stakeholders whose influence and stance are known,
    // and of those among them opposed.
    let (mut total, mut opposed, mut known) = (0u32, 0u32, 0usize);
    for (influence, stance) in p
        .stakeholders
        .iter()
        .filter_map(|s| s.influence.zip(s.stance))
    {
        known += 1;
        total += u32::from(influence.get());
        if stance.is_opposed() {
            opposed += u32::from(influence.get());
        }
    }
    let groups: Vec<GroupPresence> = InclusionGroup::ALL
        .into_iter()
        .map(|group| group_presence(group, p, policy))
        .collect();
    let engagement_known = p
        .stakeholders
        .iter()
        .filter(|s| engaged(s, policy).is_some())
        .count();
    let inclusion = (engagement_known > 0)
        .then(|| groups.iter().map(|g| g.presence.score()).sum::<f64>() / groups.len() as f64);
    let share = |count: usize| {
        if p.stakeholders.is_empty() {
            0.0
        } else {
            count as f64 / p.stakeholders.len() as f64
        }
    };
    let count = |f: fn(&StakeholderScore) -> bool| stakeholders.iter().filter(|s| f(s)).count();
    let coverage = StakeholderCoverage {
        grid: share(count(|s| s.quadrant.is_some())),
        salience: share(count(|s| s.salience.is_some())),
        resistance: share(known),
        inclusion: share(engagement_known),
        assessed: share(p.stakeholders.iter().filter(|s| s.is_assessed()).count()),
    };
    StakeholderProfile {
        stakeholders,
        resistance_exposure: (total > 0).then(|| f64::from(opposed) / f64::from(total)),
        inclusion,
        groups,
        coverage,
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
        assert_eq!(s.inclusion, Some(0.375));
        // Only the bar association has influence and stance: blocking, 2 of 2.
        assert_eq!(s.resistance_exposure, Some(1.0));
        assert_eq!(s.coverage.resistance, 1.0 / 3.0);
        assert_eq!(s.coverage.grid, 1.0 / 3.0);
        assert!(s.key().is_empty());
    }
}
