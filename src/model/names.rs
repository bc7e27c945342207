//! `Display` and `FromStr` for the model's enums, using the same snake_case
//! names as their serde form, so a code reads the same in JSON, CSV, on the
//! command line and in messages.

use super::{
    ChallengeKind, ChallengeStatus, Context, DacCriterion, Direction, GenderMarker, Measure,
    ObjectiveKind, Phase, Pillar, ResultLevel, Role, SourceKind, StakeholderKind, Stance,
};

/// The one source of a unit enum's names: `as_str`, `Display` and
/// `FromStr` with the serde (snake_case) name, and `ALL`, every variant in
/// declaration order. Adding a variant is one line here beside the enum.
/// Used by the model's and the scoring's enums alike.
macro_rules! names {
    ($ty:ident, $what:literal { $( $variant:ident = $name:literal ),* $(,)? }) => {
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: [$ty; <[()]>::len(&[ $( $crate::model::names::names!(@unit $variant) ),* ])] =
                [ $( $ty::$variant, )* ];

            /// The position of the variant in [`ALL`](Self::ALL), for
            /// tables indexed by variant.
            pub const fn index(self) -> usize {
                self as usize
            }

            /// The stable snake_case name, as in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $( $ty::$variant => $name, )* }
            }
        }

        impl ::std::fmt::Display for $ty {
            /// The stable snake_case name, as in JSON ([`FromStr`](std::str::FromStr) reads it back).
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::ValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $( $name => Ok($ty::$variant), )*
                    _ => Err($crate::ValueError::new(
                        $what,
                        concat!("one of ", $( "`", $name, "` ", )*),
                        format!("{s:?}"),
                    )),
                }
            }
        }
    };
    (@unit $variant:ident) => { () };
}

pub(crate) use names;

names!(StakeholderKind, "stakeholder kind" {
    NationalGovernment = "national_government",
    Parliament = "parliament",
    ArmedForces = "armed_forces",
    Police = "police",
    Judiciary = "judiciary",
    IntelligenceService = "intelligence_service",
    OversightBody = "oversight_body",
    LocalGovernment = "local_government",
    InternationalOrganisation = "international_organisation",
    BilateralDonor = "bilateral_donor",
    InternationalNgo = "international_ngo",
    CivilSociety = "civil_society",
    WomensOrganisation = "womens_organisation",
    LocalCommunity = "local_community",
    PrivateSector = "private_sector",
    Academia = "academia",
    Media = "media",
    Other = "other",
});

names!(Role, "role" {
    Funding = "funding",
    Accountable = "accountable",
    Extending = "extending",
    Implementing = "implementing",
    Beneficiary = "beneficiary",
    Oversight = "oversight",
    Advisory = "advisory",
});

names!(Stance, "stance" {
    Champion = "champion",
    Supportive = "supportive",
    Neutral = "neutral",
    Resistant = "resistant",
    Blocking = "blocking",
});

names!(Pillar, "pillar" {
    SecuritySystemGovernance = "security_system_governance",
    DefenceInstitutionBuilding = "defence_institution_building",
    MilitaryProfessionalisation = "military_professionalisation",
    PoliceReform = "police_reform",
    JusticeReform = "justice_reform",
    Oversight = "oversight",
    IntelligenceReform = "intelligence_reform",
    Ddr = "ddr",
    VettingAndAntiCorruption = "vetting_and_anti_corruption",
    HumanRightsAndGender = "human_rights_and_gender",
    Restructuring = "restructuring",
    CivilMilitaryCoordination = "civil_military_coordination",
    CommunityEngagement = "community_engagement",
    TechnologyIntegration = "technology_integration",
    CrossBorderCooperation = "cross_border_cooperation",
    MineAction = "mine_action",
    Corrections = "corrections",
    Unclassified = "unclassified",
});

names!(ChallengeKind, "challenge kind" {
    ResistanceToChange = "resistance_to_change",
    PoliticalInterference = "political_interference",
    LackOfPoliticalWill = "lack_of_political_will",
    ResourceConstraints = "resource_constraints",
    PoorCoordination = "poor_coordination",
    InstitutionalInertia = "institutional_inertia",
    Corruption = "corruption",
    PoliticalInstability = "political_instability",
    CapacityGaps = "capacity_gaps",
    WeakLocalOwnership = "weak_local_ownership",
    CompetingPriorities = "competing_priorities",
    FragmentedForces = "fragmented_forces",
    EthnoPoliticalDivision = "ethno_political_division",
    SovereigntyConcerns = "sovereignty_concerns",
    DivergentExpectations = "divergent_expectations",
    EmergingThreats = "emerging_threats",
    Other = "other",
});

names!(ChallengeStatus, "challenge status" {
    Open = "open",
    Mitigating = "mitigating",
    Monitoring = "monitoring",
    Materialised = "materialised",
    Closed = "closed",
});

names!(ObjectiveKind, "objective kind" {
    Accountability = "accountability",
    RuleOfLaw = "rule_of_law",
    CivilianControl = "civilian_control",
    Oversight = "oversight",
    Effectiveness = "effectiveness",
    Trust = "trust",
    HumanRights = "human_rights",
    Transparency = "transparency",
    GenderEquality = "gender_equality",
    LocalOwnership = "local_ownership",
    Sustainability = "sustainability",
    RegionalCooperation = "regional_cooperation",
    Other = "other",
});

names!(ResultLevel, "result level" {
    Output = "output",
    Outcome = "outcome",
    Impact = "impact",
});

names!(Measure, "measure" {
    Unit = "unit",
    Percentage = "percentage",
    Nominal = "nominal",
    Ordinal = "ordinal",
    Qualitative = "qualitative",
});

names!(Direction, "direction" {
    Increase = "increase",
    Decrease = "decrease",
});

names!(SourceKind, "source kind" {
    Survey = "survey",
    Audit = "audit",
    AdministrativeData = "administrative_data",
    OversightReport = "oversight_report",
    ExternalEvaluation = "external_evaluation",
    MonitoringReport = "monitoring_report",
    MediaMonitoring = "media_monitoring",
    Other = "other",
});

names!(Context, "context" {
    PeaceOperation = "peace_operation",
    CivilMilitaryOperation = "civil_military_operation",
    MilitaryDiplomacy = "military_diplomacy",
    DevelopmentCooperation = "development_cooperation",
});

names!(Phase, "phase" {
    Assessment = "assessment",
    Design = "design",
    Implementation = "implementation",
    Review = "review",
    Closed = "closed",
    Cancelled = "cancelled",
    Suspended = "suspended",
});

names!(GenderMarker, "gender marker" {
    NotTargeted = "not_targeted",
    Significant = "significant",
    Principal = "principal",
});

names!(DacCriterion, "DAC criterion" {
    Relevance = "relevance",
    Coherence = "coherence",
    Effectiveness = "effectiveness",
    Efficiency = "efficiency",
    Impact = "impact",
    Sustainability = "sustainability",
});

/// The check every `names!` enum must pass: its names are exactly the
/// serde names, `Display` round-trips through `FromStr`, and `ALL` lists
/// each variant once.
#[cfg(test)]
#[cfg(feature = "json")]
pub(crate) fn check_names<T>(all: &[T])
where
    T: Copy
        + std::fmt::Display
        + std::str::FromStr
        + PartialEq
        + std::fmt::Debug
        + serde::Serialize,
    <T as std::str::FromStr>::Err: std::fmt::Debug,
{
    for (i, v) in all.iter().enumerate() {
        let json = serde_json::to_string(v).unwrap();
        assert_eq!(json, format!("\"{v}\""));
        assert_eq!(v.to_string().parse::<T>().unwrap(), *v);
        assert!(!all[..i].contains(v), "{v:?} listed twice");
        assert_eq!(all.iter().position(|w| w == v), Some(i));
    }
}

#[cfg(test)]
#[cfg(feature = "json")]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde() {
        check_names(&StakeholderKind::ALL);
        check_names(&Role::ALL);
        check_names(&Stance::ALL);
        check_names(&Pillar::ALL);
        check_names(&ChallengeKind::ALL);
        check_names(&ChallengeStatus::ALL);
        check_names(&ObjectiveKind::ALL);
        check_names(&ResultLevel::ALL);
        check_names(&Measure::ALL);
        check_names(&Direction::ALL);
        check_names(&SourceKind::ALL);
        check_names(&Context::ALL);
        check_names(&Phase::ALL);
        check_names(&GenderMarker::ALL);
        check_names(&DacCriterion::ALL);
        check_names(&crate::BudgetKind::ALL);
        check_names(&crate::BudgetStatus::ALL);
        check_names(&crate::TransactionType::ALL);
        assert!("nope".parse::<Stance>().is_err());
    }
}
