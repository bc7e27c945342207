//! Challenges: the programme's risk register.

use serde::{Deserialize, Serialize};

use super::macros::{opt_setters, pushers, setters};
use super::{ChallengeId, ComponentId, Fraction, Level, StakeholderId};

/// The kinds of challenge SSR programmes meet, as the SSR literature names them.
///
/// ```
/// use ssr_model::Challenge;
/// use ssr_model::model::ChallengeKind;
///
/// let c = Challenge::new(ChallengeKind::Corruption, "Payroll padding in the police");
/// assert_eq!(c.kind.as_str(), "corruption");
/// assert_eq!("resistance_to_change".parse::<ChallengeKind>()?, ChallengeKind::ResistanceToChange);
/// assert!(ChallengeKind::ALL.contains(&ChallengeKind::EmergingThreats));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChallengeKind {
    /// Resistance to change from vested interests.
    ResistanceToChange,
    /// Political interference in security institutions.
    PoliticalInterference,
    /// Lack of political will to reform.
    LackOfPoliticalWill,
    /// Resource and funding constraints.
    ResourceConstraints,
    /// Poor coordination among donors or agencies.
    PoorCoordination,
    /// Bureaucratic and cultural inertia.
    InstitutionalInertia,
    /// Corruption.
    Corruption,
    /// Weak governance or political instability.
    PoliticalInstability,
    /// Gaps in skills and institutional capacity.
    CapacityGaps,
    /// Weak local ownership: distrust, historical grievances.
    WeakLocalOwnership,
    /// Competing security priorities.
    CompetingPriorities,
    /// Fragmented security forces.
    FragmentedForces,
    /// Ethno-political division.
    EthnoPoliticalDivision,
    /// Sovereignty concerns about external involvement.
    SovereigntyConcerns,
    /// Divergent stakeholder expectations.
    DivergentExpectations,
    /// Emerging threats: cyber attacks, disinformation.
    EmergingThreats,
    /// Anything else.
    Other,
}

/// Where a challenge stands.
///
/// ```
/// use ssr_model::Challenge;
/// use ssr_model::model::{ChallengeKind, ChallengeStatus};
///
/// let c = Challenge::new(ChallengeKind::LackOfPoliticalWill, "The new cabinet stalls the defence white paper")
///     .with_status(ChallengeStatus::Mitigating);
/// assert_eq!(c.status, ChallengeStatus::Mitigating);
/// assert_eq!("materialised".parse::<ChallengeStatus>()?, ChallengeStatus::Materialised);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChallengeStatus {
    /// Identified, not yet acted on.
    Open,
    /// Being mitigated.
    Mitigating,
    /// Watched, no action needed now.
    Monitoring,
    /// The risk occurred.
    Materialised,
    /// No longer relevant.
    Closed,
}

/// An action that reduces a challenge's risk.
///
/// ```
/// use ssr_model::model::{Fraction, Mitigation};
///
/// let m = Mitigation::new("Sequence vetting after the pay reform").with_effectiveness(Fraction::new(0.5)?);
/// assert_eq!(m.effectiveness.get(), 0.5);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Mitigation {
    /// What is done.
    pub action: String,
    /// Who is responsible for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<StakeholderId>,
    /// The share of the risk it is expected to remove, 0–1.
    pub effectiveness: Fraction,
}

impl Mitigation {
    /// A mitigation with no owner and an effectiveness of 0 (not yet assessed).
    pub fn new(action: impl Into<String>) -> Self {
        Mitigation {
            action: action.into(),
            owner: None,
            effectiveness: Fraction::ZERO,
        }
    }
}

setters!(Mitigation {
    with_effectiveness => effectiveness: Fraction,
});

opt_setters!(Mitigation {
    with_owner => owner: StakeholderId,
});

/// A challenge (risk) to a programme, with its likelihood, impact and
/// mitigations.
///
/// ```
/// use ssr_model::Challenge;
/// use ssr_model::model::{ChallengeKind, Level, Mitigation};
///
/// let c = Challenge::new(ChallengeKind::ResistanceToChange, "Senior officers oppose vetting")
///     .with_likelihood(Level::new(4)?)
///     .with_impact(Level::new(5)?)
///     .with_mitigation(Mitigation::new("Retirement package for senior officers"));
/// assert_eq!(c.likelihood.get() * c.impact.get(), 20);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Challenge {
    /// Its id.
    pub id: ChallengeId,
    /// What kind of challenge it is.
    pub kind: ChallengeKind,
    /// The challenge in words.
    pub description: String,
    /// How likely it is to occur, 1–5.
    pub likelihood: Level,
    /// How badly it would hurt the programme, 1–5.
    pub impact: Level,
    /// Where it stands.
    pub status: ChallengeStatus,
    /// The actions that reduce it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<Mitigation>,
    /// The components it threatens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affects: Vec<ComponentId>,
    /// The stakeholders behind it, e.g. the resistant actors it describes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stakeholders: Vec<StakeholderId>,
}

impl Challenge {
    /// An open challenge with a new random id, likelihood and impact 3.
    pub fn new(kind: ChallengeKind, description: impl Into<String>) -> Self {
        Challenge {
            id: ChallengeId::new(),
            kind,
            description: description.into(),
            likelihood: Level::MID,
            impact: Level::MID,
            status: ChallengeStatus::Open,
            mitigations: Vec::new(),
            affects: Vec::new(),
            stakeholders: Vec::new(),
        }
    }
}

setters!(Challenge {
    with_id => id: ChallengeId,
    with_likelihood => likelihood: Level,
    with_impact => impact: Level,
    with_status => status: ChallengeStatus,
});

pushers!(Challenge {
    with_mitigation => mitigations: Mitigation,
    with_affects => affects: ComponentId,
    with_stakeholder => stakeholders: StakeholderId,
});
