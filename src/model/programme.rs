//! Programmes: one SSR programme or initiative, in one or more countries
//! or regions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::macros::{opt_setters, pushers, setters};
use super::{
    AidClassification, Budget, Challenge, CollaborationType, Component, Country, Evaluation,
    HumanitarianScope, Location, Money, Objective, Percentage, Place, PolicyMarker, ProgrammeId,
    Recipient, RelatedActivity, ReportingOrg, Sector, Stakeholder, StakeholderId, Transaction,
};

/// The setting a programme works in.
///
/// ```
/// use ssr_model::model::Context;
/// use ssr_model::{Country, Programme};
///
/// let p = Programme::new("Defence cooperation", Country::new("TUN")?)
///     .with_context(Context::MilitaryDiplomacy);
/// assert_eq!(p.context, Context::MilitaryDiplomacy);
/// assert_eq!("peace_operation".parse::<Context>()?, Context::PeaceOperation);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Context {
    /// A peace operation or post-conflict setting.
    PeaceOperation,
    /// A civil-military operation.
    CivilMilitaryOperation,
    /// Military diplomacy or bilateral defence cooperation.
    MilitaryDiplomacy,
    /// Development cooperation.
    DevelopmentCooperation,
}

/// Where a programme is on the programme cycle.
///
/// Maps onto IATI ActivityStatus: assessment and design are pipeline (1),
/// implementation is 2, review is finalisation (3), closed 4, cancelled 5,
/// suspended 6.
///
/// Phases order as declared: the programme cycle from assessment to
/// closure, then cancelled and suspended.
///
/// ```
/// use ssr_model::model::Phase;
///
/// // Assessment and design are both IATI "pipeline" (1).
/// assert_eq!(Phase::Assessment.iati_status(), 1);
/// assert_eq!(Phase::Design.iati_status(), 1);
/// assert_eq!(Phase::from_iati_status(1), Some(Phase::Design));
/// assert_eq!(Phase::from_iati_status(4), Some(Phase::Closed));
/// assert!(Phase::Implementation < Phase::Review); // the programme cycle's order
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Phase {
    /// Assessing needs and context.
    Assessment,
    /// Designing the programme.
    Design,
    /// Being implemented.
    Implementation,
    /// Under review or evaluation, finalising.
    Review,
    /// Closed.
    Closed,
    /// Cancelled before completion.
    Cancelled,
    /// Suspended.
    Suspended,
}

impl Phase {
    /// The IATI ActivityStatus code.
    pub fn iati_status(self) -> u8 {
        match self {
            Phase::Assessment | Phase::Design => 1,
            Phase::Implementation => 2,
            Phase::Review => 3,
            Phase::Closed => 4,
            Phase::Cancelled => 5,
            Phase::Suspended => 6,
        }
    }

    /// The phase for an IATI ActivityStatus code (pipeline reads as design).
    ///
    /// ```
    /// use ssr_model::model::Phase;
    ///
    /// assert_eq!(Phase::from_iati_status(2), Some(Phase::Implementation));
    /// assert_eq!(Phase::from_iati_status(9), None);
    /// ```
    pub fn from_iati_status(code: u8) -> Option<Phase> {
        match code {
            1 => Some(Phase::Design),
            2 => Some(Phase::Implementation),
            3 => Some(Phase::Review),
            4 => Some(Phase::Closed),
            5 => Some(Phase::Cancelled),
            6 => Some(Phase::Suspended),
            _ => None,
        }
    }
}

/// How significant gender equality is to a programme (IATI policy marker 1,
/// on the IATI PolicySignificance codes, after the OECD gender marker).
///
/// ```
/// use ssr_model::{Country, Programme};
/// use ssr_model::model::GenderMarker;
///
/// let p = Programme::new("Police reform", Country::new("LBR")?)
///     .with_gender_marker(GenderMarker::Significant);
/// assert_eq!(p.gender_marker.map(GenderMarker::iati_code), Some(1));
/// assert_eq!(GenderMarker::from_iati_code(2), Some(GenderMarker::Principal));
/// assert_eq!(GenderMarker::from_iati_code(3), None);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GenderMarker {
    /// Screened, not targeted (0).
    NotTargeted,
    /// A significant objective (1).
    Significant,
    /// The principal objective (2).
    Principal,
}

impl GenderMarker {
    /// The IATI PolicySignificance code.
    pub fn iati_code(self) -> u8 {
        match self {
            GenderMarker::NotTargeted => 0,
            GenderMarker::Significant => 1,
            GenderMarker::Principal => 2,
        }
    }

    /// The marker for an IATI PolicySignificance code 0–2.
    pub fn from_iati_code(code: u8) -> Option<Self> {
        match code {
            0 => Some(GenderMarker::NotTargeted),
            1 => Some(GenderMarker::Significant),
            2 => Some(GenderMarker::Principal),
            _ => None,
        }
    }
}

/// Money committed by one source.
///
/// ```
/// use ssr_model::model::{Funding, StakeholderId};
/// use ssr_model::Money;
///
/// let f = Funding::new(StakeholderId::from_external("donor"), Money::parse("1500000", "EUR")?);
/// assert!(f.share.is_none());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Funding {
    /// The funding stakeholder.
    pub source: StakeholderId,
    /// How much it commits.
    pub amount: Money,
    /// Its share of the programme's funding, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Percentage>,
}

impl Funding {
    /// Funding from `source` of `amount`, share not stated.
    pub fn new(source: StakeholderId, amount: Money) -> Self {
        Funding {
            source,
            amount,
            share: None,
        }
    }
}

opt_setters!(Funding {
    with_share => share: Percentage,
});

/// An SSR programme or initiative, in one or more countries or regions.
///
/// A single-country programme is one call, [`Programme::new`]; a regional
/// or multi-country one lists its [`Recipient`]s with their shares.
///
/// ```
/// use ssr_model::{Component, Country, Programme, Region};
/// use ssr_model::model::{Context, Percentage, Phase, Pillar, Recipient};
///
/// let p = Programme::new("Liberia National Police reform", Country::new("LBR")?)
///     .with_context(Context::PeaceOperation)
///     .with_phase(Phase::Implementation)
///     .with_component(Component::new("Community policing", Pillar::PoliceReform));
/// assert_eq!(p.single_country().map(|c| c.name()), Some("Liberia"));
///
/// let sahel = Programme::new("Sahel border management", Country::new("MLI")?).with_recipients([
///     Recipient::country(Country::new("MLI")?).with_percentage(Percentage::new(40.0)?),
///     Recipient::region(Region::new(289)?).with_percentage(Percentage::new(60.0)?),
/// ]);
/// assert_eq!(sahel.single_country(), None);
/// assert_eq!(sahel.recipients.len(), 2);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Programme {
    /// Its id.
    pub id: ProgrammeId,
    /// An external identifier, such as the IATI activity identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Its name.
    pub name: String,
    /// A description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The countries and regions it works in, each with its share when
    /// stated (IATI `recipient-country` and `recipient-region`). Version-1
    /// documents name one `country`; it is read as one recipient.
    #[serde(
        default,
        alias = "country",
        deserialize_with = "super::recipient::deserialize_recipients"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<Recipient>"))]
    pub recipients: Vec<Recipient>,
    /// The setting.
    pub context: Context,
    /// Where it is on the programme cycle.
    pub phase: Phase,
    /// Planned start date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::date::option"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<NaiveDate>"))]
    pub planned_start: Option<NaiveDate>,
    /// Planned end date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::date::option"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<NaiveDate>"))]
    pub planned_end: Option<NaiveDate>,
    /// Actual start date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::date::option"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<NaiveDate>"))]
    pub actual_start: Option<NaiveDate>,
    /// Actual end date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::date::option"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "Option<NaiveDate>"))]
    pub actual_end: Option<NaiveDate>,
    /// The total budget as the source states it: a convenience kept beside
    /// the [`budgets`](Programme::budgets) by period, which it does not
    /// replace or summarise (version-1 documents have only this).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Money>,
    /// Budgets by period (IATI `budget`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budgets: Vec<Budget>,
    /// Dated flows of money (IATI `transaction`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transactions: Vec<Transaction>,
    /// Funding by source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Funding>,
    /// Sectors of every vocabulary with their shares, as reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<Sector>,
    /// The gender equality policy marker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender_marker: Option<GenderMarker>,
    /// The organisation that reports the activity (IATI `reporting-org`),
    /// when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting_org: Option<ReportingOrg>,
    /// How the activity's money is given by default (IATI
    /// `default-flow-type`, `default-finance-type`, `default-aid-type`,
    /// `default-tied-status`); a transaction may override each
    /// ([`AidClassification::over`]).
    #[serde(default, skip_serializing_if = "AidClassification::is_empty")]
    pub default_classification: AidClassification,
    /// The IATI collaboration type (bilateral, multilateral, …), when
    /// stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collaboration_type: Option<CollaborationType>,
    /// Whether the activity is humanitarian (IATI `@humanitarian`): `None`
    /// when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub humanitarian: Option<bool>,
    /// The emergencies and appeals it responds to (IATI
    /// `humanitarian-scope`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub humanitarian_scopes: Vec<HumanitarianScope>,
    /// Every policy marker, of any vocabulary, as reported (the gender
    /// marker among them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policy_markers: Vec<PolicyMarker>,
    /// Its sub-national locations (IATI `location`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
    /// The activities it names as related (IATI `related-activity`):
    /// parent, children, siblings, co-funded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_activities: Vec<RelatedActivity>,
    /// What it sets out to achieve.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    /// Its pillars of work.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// Who takes part or is affected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stakeholders: Vec<Stakeholder>,
    /// Its risk register.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub challenges: Vec<Challenge>,
    /// Evaluations of it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evaluations: Vec<Evaluation>,
}

impl Programme {
    /// A programme in one country (a single recipient with no stated share,
    /// which then has the whole), with a new random id, in implementation,
    /// in a development-cooperation context, with nothing else yet.
    pub fn new(name: impl Into<String>, country: Country) -> Self {
        Programme::in_place(name.into(), Place::Country(country))
    }

    /// A programme in one region, otherwise as [`Programme::new`].
    ///
    /// ```
    /// use ssr_model::{Programme, Region};
    ///
    /// let p = Programme::regional("West Africa small arms control", Region::new(1030)?);
    /// assert_eq!(p.regions().map(|r| r.name()).collect::<Vec<_>>(), ["Western Africa, regional"]);
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    pub fn regional(name: impl Into<String>, region: super::Region) -> Self {
        Programme::in_place(name.into(), Place::Region(region))
    }

    /// A programme with no recipient yet, for importers that read the
    /// recipients from the source (which may name none: validation then
    /// reports it).
    #[cfg(feature = "iati")]
    pub(crate) fn without_recipients(name: String) -> Self {
        Programme::with_places(name, Vec::new())
    }

    fn in_place(name: String, place: Place) -> Self {
        Programme::with_places(name, vec![Recipient::new(place)])
    }

    fn with_places(name: String, recipients: Vec<Recipient>) -> Self {
        Programme {
            id: ProgrammeId::new(),
            external_id: None,
            name,
            description: None,
            recipients,
            context: Context::DevelopmentCooperation,
            phase: Phase::Implementation,
            planned_start: None,
            planned_end: None,
            actual_start: None,
            actual_end: None,
            budget: None,
            budgets: Vec::new(),
            transactions: Vec::new(),
            funding: Vec::new(),
            sectors: Vec::new(),
            gender_marker: None,
            reporting_org: None,
            default_classification: AidClassification::default(),
            collaboration_type: None,
            humanitarian: None,
            humanitarian_scopes: Vec::new(),
            policy_markers: Vec::new(),
            locations: Vec::new(),
            related_activities: Vec::new(),
            objectives: Vec::new(),
            components: Vec::new(),
            stakeholders: Vec::new(),
            challenges: Vec::new(),
            evaluations: Vec::new(),
        }
    }

    /// The country, when the programme has exactly one recipient and it is a
    /// country; `None` for a regional or multi-country programme.
    pub fn single_country(&self) -> Option<Country> {
        match self.recipients.as_slice() {
            [only] => only.place.country(),
            _ => None,
        }
    }

    /// The recipient countries, in order.
    pub fn countries(&self) -> impl Iterator<Item = Country> + '_ {
        self.recipients.iter().filter_map(|r| r.place.country())
    }

    /// The recipient regions, in order.
    pub fn regions(&self) -> impl Iterator<Item = super::Region> + '_ {
        self.recipients.iter().filter_map(|r| r.place.region())
    }

    /// Returns `self` working in `country` alone: its recipients are
    /// replaced by that one country.
    #[must_use]
    pub fn with_country(mut self, country: impl Into<Country>) -> Self {
        self.recipients = vec![Recipient::country(country.into())];
        self
    }

    /// Returns `self` with its recipients replaced by `recipients`.
    #[must_use]
    pub fn with_recipients(mut self, recipients: impl IntoIterator<Item = Recipient>) -> Self {
        self.recipients = recipients.into_iter().collect();
        self
    }

    /// The stakeholder with `id`, if the programme has one.
    pub fn stakeholder(&self, id: StakeholderId) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }

    /// The start date that applies: actual if known, else planned.
    pub fn start(&self) -> Option<NaiveDate> {
        self.actual_start.or(self.planned_start)
    }

    /// The end date that applies: actual if known, else planned.
    pub fn end(&self) -> Option<NaiveDate> {
        self.actual_end.or(self.planned_end)
    }

    /// Every indicator of every component, in order.
    pub fn indicators(&self) -> impl Iterator<Item = &super::Indicator> {
        self.components.iter().flat_map(|c| c.indicators.iter())
    }

    /// The objectives an indicator of `component` measures: its own when it
    /// names any, else its component's.
    ///
    /// ```
    /// use ssr_model::model::*;
    /// use ssr_model::*;
    ///
    /// let trust = Objective::new(ObjectiveKind::Trust, "Communities trust the police");
    /// let rights = Objective::new(ObjectiveKind::HumanRights, "Detainees' rights are respected");
    /// let survey = Indicator::new("Trust in the police", ResultLevel::Outcome, Measure::Percentage);
    /// let custody = Indicator::new("Detainees seen by a lawyer", ResultLevel::Output, Measure::Unit)
    ///     .with_objective(rights.id);
    /// let c = Component::new("Community policing", Pillar::PoliceReform)
    ///     .with_objective(trust.id)
    ///     .with_indicator(survey)
    ///     .with_indicator(custody);
    /// assert_eq!(Programme::measured_objectives(&c, &c.indicators[0]), &[trust.id]);
    /// assert_eq!(Programme::measured_objectives(&c, &c.indicators[1]), &[rights.id]);
    /// ```
    pub fn measured_objectives<'a>(
        component: &'a Component,
        indicator: &'a super::Indicator,
    ) -> &'a [super::ObjectiveId] {
        if indicator.objectives.is_empty() {
            &component.objectives
        } else {
            &indicator.objectives
        }
    }
}

setters!(Programme {
    with_id => id: ProgrammeId,
    with_name => name: String,
    with_context => context: Context,
    with_phase => phase: Phase,
});

opt_setters!(Programme {
    with_external_id => external_id: String,
    with_description => description: String,
    with_planned_start => planned_start: NaiveDate,
    with_planned_end => planned_end: NaiveDate,
    with_actual_start => actual_start: NaiveDate,
    with_actual_end => actual_end: NaiveDate,
    with_budget => budget: Money,
    with_gender_marker => gender_marker: GenderMarker,
    with_reporting_org => reporting_org: ReportingOrg,
    with_collaboration_type => collaboration_type: CollaborationType,
    with_humanitarian => humanitarian: bool,
});

setters!(Programme {
    with_default_classification => default_classification: AidClassification,
});

pushers!(Programme {
    with_recipient => recipients: Recipient,
    with_budget_period => budgets: Budget,
    with_transaction => transactions: Transaction,
    with_funding => funding: Funding,
    with_sector => sectors: Sector,
    with_objective => objectives: Objective,
    with_component => components: Component,
    with_stakeholder => stakeholders: Stakeholder,
    with_challenge => challenges: Challenge,
    with_evaluation => evaluations: Evaluation,
    with_humanitarian_scope => humanitarian_scopes: HumanitarianScope,
    with_policy_marker => policy_markers: PolicyMarker,
    with_location => locations: Location,
    with_related_activity => related_activities: RelatedActivity,
});
