//! Stakeholders: who takes part in or is affected by a programme, in what
//! role, with how much power and what stance.

use serde::{Deserialize, Serialize};

use super::macros::{opt_setters, pushers, setters};
use super::{Level, StakeholderId};

/// The kind of actor a stakeholder is.
///
/// ```
/// use ssr_model::model::StakeholderKind;
///
/// assert!(StakeholderKind::NationalGovernment.is_national());
/// assert!(StakeholderKind::WomensOrganisation.is_civil_society());
/// assert!(StakeholderKind::OversightBody.is_oversight());
/// assert!(!StakeholderKind::BilateralDonor.is_national());
/// assert_eq!("armed_forces".parse::<StakeholderKind>()?, StakeholderKind::ArmedForces);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StakeholderKind {
    /// The national government, a ministry or a national security council.
    NationalGovernment,
    /// Parliament or one of its committees (defence, security, budget).
    Parliament,
    /// The armed forces.
    ArmedForces,
    /// The police and other law-enforcement agencies.
    Police,
    /// Courts, prosecutors and the wider judiciary.
    Judiciary,
    /// Intelligence services.
    IntelligenceService,
    /// Independent oversight bodies: ombudspersons, inspectorates, audit offices,
    /// human-rights commissions, police complaints bodies.
    OversightBody,
    /// Sub-national or local government.
    LocalGovernment,
    /// International organisations (UN, EU, AU, NATO, OAS, OSCE, ...).
    InternationalOrganisation,
    /// Bilateral donors and their agencies.
    BilateralDonor,
    /// International non-governmental organisations.
    InternationalNgo,
    /// National civil-society organisations.
    CivilSociety,
    /// Women's organisations and networks.
    WomensOrganisation,
    /// Local communities and their representatives.
    LocalCommunity,
    /// Private companies, including private security providers.
    PrivateSector,
    /// Universities and research institutes.
    Academia,
    /// The media.
    Media,
    /// Anything else.
    Other,
}

impl StakeholderKind {
    /// Whether actors of this kind are normally national (of the programme's
    /// country), as local ownership requires. International organisations,
    /// bilateral donors and international NGOs are not; `Other` is unknown
    /// and counted as not national.
    pub fn is_national(self) -> bool {
        !matches!(
            self,
            StakeholderKind::InternationalOrganisation
                | StakeholderKind::BilateralDonor
                | StakeholderKind::InternationalNgo
                | StakeholderKind::Other
        )
    }

    /// Whether this kind is part of civil society in the broad sense SSR
    /// practice uses: civil-society and women's organisations, local
    /// communities, academia and media.
    pub fn is_civil_society(self) -> bool {
        matches!(
            self,
            StakeholderKind::CivilSociety
                | StakeholderKind::WomensOrganisation
                | StakeholderKind::LocalCommunity
                | StakeholderKind::Academia
                | StakeholderKind::Media
        )
    }

    /// Whether this kind exercises oversight of the security sector:
    /// parliament, the judiciary and independent oversight bodies.
    pub fn is_oversight(self) -> bool {
        matches!(
            self,
            StakeholderKind::Parliament
                | StakeholderKind::Judiciary
                | StakeholderKind::OversightBody
        )
    }
}

/// A role a stakeholder plays: the IATI OrganisationRole codes 1–4, plus the
/// roles SSR analysis adds.
///
/// ```
/// use ssr_model::model::Role;
///
/// assert_eq!(Role::Implementing.iati_code(), Some(4));
/// assert_eq!(Role::Oversight.iati_code(), None); // an SSR role IATI does not have
/// assert_eq!(Role::from_iati_code(1), Some(Role::Funding));
/// assert_eq!("advisory".parse::<Role>()?, Role::Advisory);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Provides funds (IATI role 1).
    Funding,
    /// Accountable for the programme (IATI role 2).
    Accountable,
    /// Manages the funds on behalf of the funder (IATI role 3).
    Extending,
    /// Carries out the work (IATI role 4).
    Implementing,
    /// Benefits from the programme.
    Beneficiary,
    /// Oversees the programme or the institutions it reforms.
    Oversight,
    /// Advises.
    Advisory,
}

impl Role {
    /// The IATI OrganisationRole code, for roles IATI has.
    pub fn iati_code(self) -> Option<u8> {
        match self {
            Role::Funding => Some(1),
            Role::Accountable => Some(2),
            Role::Extending => Some(3),
            Role::Implementing => Some(4),
            Role::Beneficiary | Role::Oversight | Role::Advisory => None,
        }
    }

    /// The role for an IATI OrganisationRole code.
    pub fn from_iati_code(code: u8) -> Option<Role> {
        match code {
            1 => Some(Role::Funding),
            2 => Some(Role::Accountable),
            3 => Some(Role::Extending),
            4 => Some(Role::Implementing),
            _ => None,
        }
    }
}

/// A stakeholder's position towards the reform.
///
/// ```
/// use ssr_model::Stakeholder;
/// use ssr_model::model::{StakeholderKind, Stance};
///
/// assert!(Stance::Blocking.is_opposed());
/// assert!(!Stance::Neutral.is_opposed());
/// let army = Stakeholder::new("Army general staff", StakeholderKind::ArmedForces)
///     .with_stance(Stance::Resistant);
/// assert!(army.is_opposed());
/// // Unknown is not neutral: a stakeholder nobody assessed has no stance.
/// let bar = Stakeholder::new("Bar association", StakeholderKind::CivilSociety);
/// assert_eq!(bar.stance, None);
/// assert!(!bar.is_opposed());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Stance {
    /// Actively drives the reform.
    Champion,
    /// Supports it.
    Supportive,
    /// Neither supports nor opposes (an unknown stance is `None` on the
    /// stakeholder, not neutral).
    Neutral,
    /// Opposes it.
    Resistant,
    /// Opposes it and can stop it.
    Blocking,
}

impl Stance {
    /// Whether the stance opposes the reform (resistant or blocking).
    pub fn is_opposed(self) -> bool {
        matches!(self, Stance::Resistant | Stance::Blocking)
    }
}

/// A party to or affected by a programme.
///
/// Influence (power) and interest feed the Mendelow grid; influence,
/// legitimacy and urgency feed Mitchell, Agle and Wood's salience classes.
/// Influence, interest and stance are judgements someone has to make: each
/// is `None` (unknown) until set, and an analysis that needs an unknown
/// attribute reports the stakeholder as unassessed rather than assume a
/// value. IATI, for one, says nothing about them.
///
/// ```
/// use ssr_model::model::{Level, Role, StakeholderKind, Stance};
/// use ssr_model::Stakeholder;
///
/// let mod_ = Stakeholder::new("Ministry of Defence", StakeholderKind::NationalGovernment)
///     .with_role(Role::Accountable)
///     .with_influence(Level::new(5)?)
///     .with_interest(Level::new(4)?)
///     .with_stance(Stance::Supportive)
///     .with_legitimate(true);
/// assert!(mod_.kind.is_national());
/// assert_eq!(mod_.influence, Some(Level::new(5)?));
///
/// let unknown = Stakeholder::new("Bar association", StakeholderKind::CivilSociety);
/// assert_eq!((unknown.influence, unknown.interest, unknown.stance), (None, None, None));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Stakeholder {
    /// Its id.
    pub id: StakeholderId,
    /// Its name.
    pub name: String,
    /// What kind of actor it is.
    pub kind: StakeholderKind,
    /// The roles it plays in the programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Influence or power over the programme, 1–5; `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<Level>,
    /// Interest in the programme, 1–5; `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<Level>,
    /// Stance towards the reform; `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// Whether its claim on the programme is legitimate (salience).
    #[serde(default)]
    pub legitimate: bool,
    /// Whether its claim calls for immediate attention (salience).
    #[serde(default)]
    pub urgent: bool,
    /// An external organisation identifier, such as an IATI organisation ref.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl Stakeholder {
    /// A stakeholder with a new random id; influence, interest and stance
    /// unknown until set.
    pub fn new(name: impl Into<String>, kind: StakeholderKind) -> Self {
        Stakeholder {
            id: StakeholderId::new(),
            name: name.into(),
            kind,
            roles: Vec::new(),
            influence: None,
            interest: None,
            stance: None,
            legitimate: false,
            urgent: false,
            reference: None,
        }
    }

    /// Whether it plays `role`.
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether influence, interest and stance are all known.
    pub fn is_assessed(&self) -> bool {
        self.influence.is_some() && self.interest.is_some() && self.stance.is_some()
    }

    /// Whether the stance is known to oppose the reform.
    pub fn is_opposed(&self) -> bool {
        self.stance.is_some_and(Stance::is_opposed)
    }
}

setters!(Stakeholder {
    with_id => id: StakeholderId,
    with_name => name: String,
    with_kind => kind: StakeholderKind,
    with_legitimate => legitimate: bool,
    with_urgent => urgent: bool,
});

opt_setters!(Stakeholder {
    with_influence => influence: Level,
    with_interest => interest: Level,
    with_stance => stance: Stance,
    with_reference => reference: String,
});

pushers!(Stakeholder {
    with_role => roles: Role,
});
