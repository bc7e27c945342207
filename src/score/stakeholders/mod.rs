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

mod grid;
mod inclusion;
mod salience;

use serde::{Deserialize, Serialize};

pub use grid::Quadrant;
pub use inclusion::{GroupPresence, InclusionGroup, Presence};
use inclusion::{engaged, group_presence};
pub use salience::Salience;

use super::StakeholderPolicy;
use crate::{Level, Programme, Stakeholder, StakeholderId, StakeholderKind, Stance};

/// One stakeholder's place on the grid and salience class, from its known
/// attributes. `None` (`null` in JSON) is *unassessed*: an attribute the
/// analysis needs is unknown.
///
/// ```
/// use ssr_model::score::programme::Quadrant;
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Programme, Stakeholder};
/// use ssr_model::model::{Level, StakeholderKind, Stance};
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
/// # Ok::<(), ssr_model::model::ValueError>(())
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
/// use ssr_model::Scorer;
/// use ssr_model::{Country, Programme, Stakeholder};
/// use ssr_model::model::{Level, StakeholderKind, Stance};
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
/// # Ok::<(), ssr_model::model::ValueError>(())
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
/// use ssr_model::score::programme::{Presence, Quadrant};
/// use ssr_model::Scorer;
/// use ssr_model::model::*;
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
/// # Ok::<(), ssr_model::model::ValueError>(())
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
    use crate::{Country, Role};

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
