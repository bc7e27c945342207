//! `Display` and `FromStr` for the model's enums, using the same snake_case
//! names as their serde form, so a code reads the same in JSON, CSV, on the
//! command line and in messages.

use std::fmt;
use std::str::FromStr;

use super::{
    ChallengeKind, ChallengeStatus, Context, DacCriterion, Direction, GenderMarker, Measure,
    ObjectiveKind, Phase, Pillar, ResultLevel, Role, SourceKind, StakeholderKind, Stance,
    ValueError,
};

macro_rules! names {
    ($ty:ident, $what:literal { $( $variant:ident = $name:literal ),* $(,)? }) => {
        impl $ty {
            /// The stable snake_case name, as in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $( $ty::$variant => $name, )* }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $( $name => Ok($ty::$variant), )*
                    _ => Err(ValueError::new(
                        $what,
                        concat!("one of ", $( "`", $name, "` ", )*),
                        format!("{s:?}"),
                    )),
                }
            }
        }

        #[cfg(test)]
        impl $ty {
            #[allow(dead_code)]
            pub(crate) const TEST_ALL: &'static [$ty] = &[ $( $ty::$variant, )* ];
        }
    };
}

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

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;

    /// The names must be exactly the serde names, or JSON and text disagree.
    fn check<T>(all: &[T])
    where
        T: Copy + fmt::Display + FromStr + PartialEq + fmt::Debug + serde::Serialize,
        <T as FromStr>::Err: fmt::Debug,
    {
        for v in all {
            let json = serde_json::to_string(v).unwrap();
            assert_eq!(json, format!("\"{v}\""));
            assert_eq!(v.to_string().parse::<T>().unwrap(), *v);
        }
    }

    #[test]
    fn names_match_serde() {
        check(StakeholderKind::TEST_ALL);
        check(Role::TEST_ALL);
        check(Stance::TEST_ALL);
        check(Pillar::TEST_ALL);
        assert_eq!(Pillar::TEST_ALL, Pillar::ALL.as_slice());
        check(ChallengeKind::TEST_ALL);
        check(ChallengeStatus::TEST_ALL);
        check(ObjectiveKind::TEST_ALL);
        check(ResultLevel::TEST_ALL);
        check(Measure::TEST_ALL);
        check(Direction::TEST_ALL);
        check(SourceKind::TEST_ALL);
        check(Context::TEST_ALL);
        check(Phase::TEST_ALL);
        check(GenderMarker::TEST_ALL);
        check(DacCriterion::TEST_ALL);
        assert!("nope".parse::<Stance>().is_err());
    }
}
