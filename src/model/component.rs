//! Components: the pillars of an SSR programme.

use serde::{Deserialize, Serialize};

use super::indicator::is_default_weight;
use super::macros::{opt_setters, pushers, setters};
use super::{ComponentId, Indicator, ObjectiveId, SectorCode, StakeholderId, Weight};

/// The SSR pillar a component works on.
///
/// Each pillar maps onto OECD DAC purpose codes ([`Pillar::dac_codes`]), so
/// IATI sectors can be read as components and components reported as sectors.
///
/// ```
/// use ssr_model::model::{Pillar, SectorCode};
///
/// assert_eq!(Pillar::PoliceReform.dac_codes(), &[15132]);
/// assert_eq!(Pillar::from_dac_code(SectorCode::new(15250)?), Some(Pillar::MineAction));
/// assert!(Pillar::JusticeReform.is_oversight());
/// assert!(!Pillar::Ddr.is_oversight());
/// assert_eq!("ddr".parse::<Pillar>()?, Pillar::Ddr);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Pillar {
    /// Security system management and reform as a whole: policy, planning,
    /// budgeting and governance of the sector (DAC 15210).
    SecuritySystemGovernance,
    /// Defence institution building: ministries of defence, defence policy.
    DefenceInstitutionBuilding,
    /// Military professionalisation and training.
    MilitaryProfessionalisation,
    /// Police reform and community policing (DAC 15132).
    PoliceReform,
    /// Justice and legal reform: legislative frameworks, courts (DAC 15130, 15131).
    JusticeReform,
    /// Judicial and parliamentary oversight; independent oversight bodies.
    Oversight,
    /// Intelligence reform.
    IntelligenceReform,
    /// Disarmament, demobilisation and reintegration, child soldiers and
    /// small arms and light weapons control (DAC 15240, 15261).
    Ddr,
    /// Vetting and anti-corruption (DAC 15113).
    VettingAndAntiCorruption,
    /// Human rights and gender mainstreaming (DAC 15160, 15170, 15180).
    HumanRightsAndGender,
    /// Restructuring or downsizing of forces.
    Restructuring,
    /// Civil-military coordination, including in peace operations (DAC 15230).
    CivilMilitaryCoordination,
    /// Community engagement and civilian peace-building (DAC 15220, 15150).
    CommunityEngagement,
    /// Technology integration: cybersecurity, surveillance, information sharing.
    TechnologyIntegration,
    /// Cross-border cooperation: joint exercises, intelligence sharing.
    CrossBorderCooperation,
    /// Mine action (DAC 15250).
    MineAction,
    /// Prisons and corrections (DAC 15137).
    Corrections,
    /// Not classified: work whose sectors map onto no SSR pillar, such as
    /// the results of an imported IATI activity with no 152xx or other SSR
    /// DAC code. Kept so that its indicators are not lost; it says nothing
    /// about what the work is.
    Unclassified,
}

impl Pillar {
    /// The DAC purpose codes that fund this pillar. Pillars that the DAC
    /// reports under the general code 15210 list it; the first code is the
    /// one to report the pillar under. [`Pillar::Unclassified`] has none.
    pub fn dac_codes(self) -> &'static [u32] {
        match self {
            Pillar::SecuritySystemGovernance
            | Pillar::DefenceInstitutionBuilding
            | Pillar::MilitaryProfessionalisation
            | Pillar::Oversight
            | Pillar::IntelligenceReform
            | Pillar::Restructuring
            | Pillar::TechnologyIntegration
            | Pillar::CrossBorderCooperation => &[15210],
            Pillar::PoliceReform => &[15132],
            Pillar::JusticeReform => &[15130, 15131],
            Pillar::Ddr => &[15240, 15261],
            Pillar::VettingAndAntiCorruption => &[15113],
            Pillar::HumanRightsAndGender => &[15160, 15170, 15180],
            Pillar::CivilMilitaryCoordination => &[15230],
            Pillar::CommunityEngagement => &[15220, 15150],
            Pillar::MineAction => &[15250],
            Pillar::Corrections => &[15137],
            Pillar::Unclassified => &[],
        }
    }

    /// The pillar a DAC purpose code is read as, for codes that map onto one.
    ///
    /// ```
    /// use ssr_model::model::{Pillar, SectorCode};
    ///
    /// let police = SectorCode::new(15132)?;
    /// assert_eq!(Pillar::from_dac_code(police), Some(Pillar::PoliceReform));
    /// assert_eq!(Pillar::from_dac_code(SectorCode::new(15210)?), Some(Pillar::SecuritySystemGovernance));
    /// assert_eq!(Pillar::from_dac_code(SectorCode::new(11110)?), None);
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    pub fn from_dac_code(code: SectorCode) -> Option<Pillar> {
        Pillar::ALL
            .into_iter()
            .find(|p| p.dac_codes().contains(&code.get()))
    }

    /// Whether the pillar is about oversight or justice, which SSR practice
    /// expects every programme to touch.
    pub fn is_oversight(self) -> bool {
        matches!(self, Pillar::Oversight | Pillar::JusticeReform)
    }
}

/// A component (pillar of work) of a programme, with its indicators.
///
/// ```
/// use ssr_model::Component;
/// use ssr_model::model::{Pillar, Weight};
///
/// let c = Component::new("Community policing", Pillar::PoliceReform).with_weight(Weight::new(2.0)?);
/// assert_eq!(c.weight.get(), 2.0);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Component {
    /// Its id.
    pub id: ComponentId,
    /// Its name.
    pub name: String,
    /// The SSR pillar it works on.
    pub pillar: Pillar,
    /// Relative weight within the programme.
    #[serde(default, skip_serializing_if = "is_default_weight")]
    pub weight: Weight,
    /// The objectives it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<ObjectiveId>,
    /// The stakeholder that leads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<StakeholderId>,
    /// Its evaluation metrics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
}

impl Component {
    /// A component with a new random id, weight 1 and no indicators.
    pub fn new(name: impl Into<String>, pillar: Pillar) -> Self {
        Component {
            id: ComponentId::new(),
            name: name.into(),
            pillar,
            weight: Weight::ONE,
            objectives: Vec::new(),
            lead: None,
            indicators: Vec::new(),
        }
    }
}

setters!(Component {
    with_id => id: ComponentId,
    with_name => name: String,
    with_pillar => pillar: Pillar,
    with_weight => weight: Weight,
});

opt_setters!(Component {
    with_lead => lead: StakeholderId,
});

pushers!(Component {
    with_objective => objectives: ObjectiveId,
    with_indicator => indicators: Indicator,
});
