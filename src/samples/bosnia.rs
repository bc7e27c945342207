//! Bosnia and Herzegovina: defence reform and the unified Armed Forces,
//! state-level police agencies with the EU Police Mission, and parliamentary
//! oversight.
//!
//! Deliberately without a gender dimension (no gender marker, gender
//! component, women's organisation or sex-disaggregated indicator), as much
//! early defence and police reform was: the sample's `no_gender_dimension`.

use super::build::{
    ILLUSTRATIVE, Ids, baseline, baseline_label, challenge, date, evaluation, funding, indicator,
    labels, mitigation, money, numbers, party, scale, sector, source, weight, years,
};
use crate::{
    ChallengeKind, ChallengeStatus, Component, Context, Country, Direction, Measure, Objective,
    ObjectiveKind, Phase, Pillar, Programme, ResultLevel, Role, SourceKind,
    StakeholderKind as Kind, Stance, ValueError,
};

const IDS: Ids = Ids::new("bosnia");

#[expect(clippy::too_many_lines, reason = "sample data")]
pub(crate) fn programme() -> Result<Programme, ValueError> {
    let ids = &IDS;
    let s = |name| ids.stakeholder(name);
    let o = |name| ids.objective(name);
    let c = |name| ids.component(name);

    let nato_scale = scale(&[
        "not evaluated",
        "evaluation level 1",
        "evaluation level 2",
        "certified",
    ])?;
    let unification = Component::new(
        "Unification of the entity armies into the Armed Forces of BiH",
        Pillar::Restructuring,
    )
    .with_id(c("unification"))
    .with_weight(weight(4.0)?)
    .with_objective(o("civilian-control"))
    .with_objective(o("effective-forces"))
    .with_objective(o("regional"))
    .with_lead(s("mod"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("active-personnel"),
            "Active-duty military personnel",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Decrease)
        .with_unit("personnel")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Ministry of Defence personnel management system",
        ))
        .with_baseline(baseline(19800.0, date(2003, 12, 31)?)?),
        &[
            (years(2004, 2005)?, 15000.0, Some(15900.0)),
            (years(2006, 2009)?, 10000.0, Some(10400.0)),
            (years(2010, 2019)?, 9500.0, Some(9900.0)),
            (years(2020, 2025)?, 9500.0, Some(9600.0)),
        ],
    )?)
    .with_indicator(labels(
        indicator(
            ids.indicator("interoperability"),
            "Declared units' standing in NATO's evaluation and feedback programme",
            ResultLevel::Outcome,
            Measure::Ordinal,
        )
        .with_direction(Direction::Increase)
        .with_scale(nato_scale)
        .with_source(source(
            SourceKind::ExternalEvaluation,
            "NATO operational capabilities concept evaluations",
        ))
        .with_baseline(baseline_label("not evaluated", date(2006, 6, 30)?)),
        &[
            (
                years(2007, 2012)?,
                "evaluation level 1",
                Some("evaluation level 1"),
            ),
            (
                years(2013, 2019)?,
                "evaluation level 2",
                Some("evaluation level 1"),
            ),
            (years(2020, 2025)?, "certified", Some("evaluation level 2")),
        ],
    )?);

    let police = Component::new(
        "State-level police agencies, with EU Police Mission support",
        Pillar::PoliceReform,
    )
    .with_id(c("police"))
    .with_weight(weight(3.0)?)
    .with_objective(o("rule-of-law"))
    .with_lead(s("mos"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("sipa-cases"),
            "Organised-crime and corruption cases forwarded by SIPA to the State Prosecutor",
            ResultLevel::Outcome,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("cases per year")
        .with_source(source(
            SourceKind::AdministrativeData,
            "SIPA annual reports and Prosecutor's Office case statistics",
        ))
        .with_baseline(baseline(40.0, date(2004, 12, 31)?)?),
        &[
            (years(2005, 2009)?, 120.0, Some(95.0)),
            (years(2010, 2016)?, 180.0, Some(150.0)),
            (years(2017, 2021)?, 220.0, Some(205.0)),
            (years(2022, 2025)?, 250.0, Some(231.0)),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("police-politicised"),
            "Citizens who consider the police politically influenced",
            ResultLevel::Impact,
            Measure::Percentage,
        )
        .with_direction(Direction::Decrease)
        .with_unit("% of respondents")
        .with_weight(weight(2.0)?)
        .with_source(source(
            SourceKind::Survey,
            "Public opinion survey on security and the police",
        ))
        .with_baseline(baseline(64.0, date(2004, 12, 31)?)?),
        &[
            (years(2005, 2009)?, 55.0, Some(60.0)),
            (years(2010, 2016)?, 45.0, Some(57.0)),
            (years(2017, 2021)?, 40.0, Some(55.0)),
            (years(2022, 2025)?, 38.0, Some(53.0)),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("sipa-trained"),
            "SIPA investigators trained in financial investigation",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("investigators")
        .with_source(source(
            SourceKind::AdministrativeData,
            "SIPA training unit records, with EU Police Mission course lists",
        ))
        .with_baseline(baseline(0.0, date(2004, 12, 31)?)?),
        &[
            (years(2005, 2009)?, 120.0, Some(110.0)),
            (years(2010, 2016)?, 250.0, Some(236.0)),
            (years(2017, 2021)?, 320.0, Some(301.0)),
            (years(2022, 2025)?, 380.0, Some(352.0)),
        ],
    )?);

    let oversight = Component::new(
        "Parliamentary oversight of defence and security",
        Pillar::Oversight,
    )
    .with_id(c("oversight"))
    .with_weight(weight(2.0)?)
    .with_objective(o("oversight"))
    .with_objective(o("civilian-control"))
    .with_lead(s("joint-committee"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("hearings"),
            "Joint Committee hearings on defence and security",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("hearings per year")
        .with_source(source(
            SourceKind::OversightReport,
            "Records of the Parliamentary Assembly",
        ))
        .with_baseline(baseline(2.0, date(2004, 12, 31)?)?),
        &[
            (years(2005, 2010)?, 6.0, Some(5.0)),
            (years(2011, 2018)?, 10.0, Some(8.0)),
            (years(2019, 2025)?, 12.0, Some(11.0)),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("commissioner-complaints"),
            "Service members' complaints resolved by the Parliamentary Military Commissioner \
             within the year",
            ResultLevel::Outcome,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of complaints")
        .with_source(source(
            SourceKind::OversightReport,
            "Annual reports of the Parliamentary Military Commissioner",
        ))
        .with_baseline(baseline(35.0, date(2010, 6, 30)?)?),
        &[
            (years(2011, 2015)?, 55.0, Some(48.0)),
            (years(2016, 2020)?, 65.0, Some(61.0)),
            (years(2021, 2025)?, 75.0, Some(70.0)),
        ],
    )?);

    let demining = Component::new(
        "Humanitarian demining by the armed forces' demining battalion",
        Pillar::MineAction,
    )
    .with_id(c("demining"))
    .with_weight(weight(1.0)?)
    .with_objective(o("effective-forces"))
    .with_lead(s("afbih"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("hazardous-area"),
            "Suspected hazardous area remaining",
            ResultLevel::Impact,
            Measure::Unit,
        )
        .with_direction(Direction::Decrease)
        .with_unit("km²")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Mine action centre information system",
        ))
        .with_baseline(baseline(2300.0, date(2004, 12, 31)?)?),
        &[
            (years(2005, 2010)?, 1600.0, Some(1550.0)),
            (years(2011, 2018)?, 900.0, Some(1050.0)),
            (years(2019, 2025)?, 300.0, Some(780.0)),
        ],
    )?);

    Ok(Programme::new(
        "Bosnia and Herzegovina: defence reform, state-level policing and oversight",
        Country::new("BIH")?,
    )
    .with_id(ids.programme())
    .with_external_id(ids.external())
    .with_description(format!(
        "Following the Defence Reform Commission, the two entity armies were merged into \
         the Armed Forces of Bosnia and Herzegovina under a state-level Ministry of Defence \
         and parliamentary oversight, while the EU Police Mission supported state-level \
         police agencies against organised crime and the attempt to restructure policing \
         across entity lines. {ILLUSTRATIVE}"
    ))
    .with_context(Context::MilitaryDiplomacy)
    .with_phase(Phase::Implementation)
    .with_planned_start(date(2003, 6, 1)?)
    .with_planned_end(date(2027, 12, 31)?)
    .with_actual_start(date(2003, 6, 1)?)
    .with_budget(money("185000000", "EUR")?)
    .with_funding(funding(s("eu"), "92500000", "EUR", 50.0)?)
    .with_funding(funding(s("mod"), "55500000", "EUR", 30.0)?)
    .with_funding(funding(s("us"), "37000000", "EUR", 20.0)?)
    .with_sector(sector(15210, 55.0)?)
    .with_sector(sector(15132, 30.0)?)
    .with_sector(sector(15250, 15.0)?)
    .with_objective(
        Objective::new(
            ObjectiveKind::CivilianControl,
            "A single state-level Ministry of Defence and unified armed forces under the \
             Presidency and the Parliamentary Assembly",
        )
        .with_id(o("civilian-control")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Effectiveness,
            "Affordable, professional armed forces able to work with NATO and EU partners",
        )
        .with_id(o("effective-forces")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Oversight,
            "The Parliamentary Assembly oversees defence and the state-level police agencies",
        )
        .with_id(o("oversight")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::RuleOfLaw,
            "Police free of political interference, with state-level agencies able to fight \
             organised crime and corruption",
        )
        .with_id(o("rule-of-law")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::RegionalCooperation,
            "The armed forces contribute to regional security and international peace \
             operations",
        )
        .with_id(o("regional")),
    )
    .with_stakeholder(
        party(
            s("presidency"),
            "Presidency of Bosnia and Herzegovina",
            Kind::NationalGovernment,
            5,
            3,
            Stance::Neutral,
        )?
        .with_role(Role::Accountable)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("mod"),
            "Ministry of Defence of Bosnia and Herzegovina",
            Kind::NationalGovernment,
            5,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Accountable)
        .with_role(Role::Implementing)
        .with_role(Role::Funding)
        .with_legitimate(true)
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("mos"),
            "Ministry of Security of Bosnia and Herzegovina",
            Kind::NationalGovernment,
            4,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("afbih"),
            "Armed Forces of Bosnia and Herzegovina",
            Kind::ArmedForces,
            4,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Implementing)
        .with_role(Role::Beneficiary)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("sipa"),
            "State Investigation and Protection Agency (SIPA)",
            Kind::Police,
            3,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Beneficiary)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("entity-parties"),
            "Entity-level governing parties opposed to state-level policing",
            Kind::LocalGovernment,
            5,
            5,
            Stance::Blocking,
        )?
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("veterans"),
            "War veterans' associations",
            Kind::CivilSociety,
            3,
            5,
            Stance::Resistant,
        )?
        .with_legitimate(true)
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("joint-committee"),
            "Parliamentary Assembly: Joint Committee on Defence and Security",
            Kind::Parliament,
            3,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Oversight)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("commissioner"),
            "Parliamentary Military Commissioner",
            Kind::OversightBody,
            2,
            4,
            Stance::Champion,
        )?
        .with_role(Role::Oversight)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("eu"),
            "European Union (EU Police Mission, EUFOR Althea, pre-accession assistance)",
            Kind::InternationalOrganisation,
            5,
            4,
            Stance::Champion,
        )?
        .with_role(Role::Funding)
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("nato"),
            "NATO Headquarters Sarajevo",
            Kind::InternationalOrganisation,
            4,
            4,
            Stance::Champion,
        )?
        .with_role(Role::Advisory)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("us"),
            "United States (bilateral defence cooperation)",
            Kind::BilateralDonor,
            4,
            3,
            Stance::Supportive,
        )?
        .with_role(Role::Funding),
    )
    .with_stakeholder(
        party(
            s("osce"),
            "OSCE Mission to Bosnia and Herzegovina",
            Kind::InternationalOrganisation,
            3,
            3,
            Stance::Supportive,
        )?
        .with_role(Role::Advisory),
    )
    .with_stakeholder(
        party(
            s("monitors"),
            "Civil-society network monitoring the security sector",
            Kind::CivilSociety,
            2,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Advisory)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("journalists"),
            "Investigative journalists covering defence procurement",
            Kind::Media,
            2,
            3,
            Stance::Neutral,
        )?
        .with_legitimate(true),
    )
    .with_component(unification)
    .with_component(police)
    .with_component(oversight)
    .with_component(demining)
    .with_challenge(
        challenge(
            ids.challenge("police-restructuring"),
            ChallengeKind::EthnoPoliticalDivision,
            "Entity-level leaders block the transfer of police competences to the state level",
            5,
            4,
        )?
        .with_status(ChallengeStatus::Materialised)
        .with_mitigation(mitigation(
            "Build the state-level agencies that need no entity consent, and tie further \
             police reform to EU accession conditions",
            s("eu"),
            0.3,
        )?)
        .with_affects(c("police"))
        .with_stakeholder(s("entity-parties")),
    )
    .with_challenge(
        challenge(
            ids.challenge("appointments"),
            ChallengeKind::PoliticalInterference,
            "Party politics shapes the appointment of police commissioners and directors",
            4,
            4,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Independent boards to select and oversee police commissioners",
            s("mos"),
            0.4,
        )?)
        .with_affects(c("police"))
        .with_stakeholder(s("entity-parties")),
    )
    .with_challenge(
        challenge(
            ids.challenge("downsizing"),
            ChallengeKind::ResistanceToChange,
            "Veterans' associations oppose downsizing and changes to service pensions",
            3,
            3,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Resettlement and retraining programme for discharged personnel",
            s("mod"),
            0.5,
        )?)
        .with_affects(c("unification"))
        .with_stakeholder(s("veterans")),
    )
    .with_challenge(
        challenge(
            ids.challenge("budget"),
            ChallengeKind::ResourceConstraints,
            "The defence budget cannot maintain equipment and fund demining at the planned pace",
            4,
            3,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Dispose of surplus ammunition, weapons and property to free running costs",
            s("mod"),
            0.3,
        )?)
        .with_mitigation(mitigation(
            "Partner trust fund for ammunition disposal",
            s("nato"),
            0.2,
        )?)
        .with_affects(c("unification"))
        .with_affects(c("demining"))
        .with_stakeholder(s("presidency")),
    )
    .with_challenge(
        challenge(
            ids.challenge("coordination"),
            ChallengeKind::PoorCoordination,
            "EU police support and NATO defence advice are planned separately",
            3,
            2,
        )?
        .with_status(ChallengeStatus::Monitoring)
        .with_mitigation(mitigation(
            "Regular EU–NATO coordination meetings in Sarajevo",
            s("nato"),
            0.3,
        )?)
        .with_affects(c("police"))
        .with_affects(c("unification"))
        .with_stakeholder(s("eu"))
        .with_stakeholder(s("nato")),
    )
    .with_evaluation(
        evaluation(
            ids.evaluation("mid-term"),
            "Mid-term review of EU and NATO support to defence and police reform",
            date(2016, 10, 31)?,
            scale(&["weak", "fair", "good", "strong"])?,
            ["strong", "fair", "good", "fair", "good", "fair"],
        )?
        .with_summary(
            "Defence reform is among the most successful state-building reforms since \
             Dayton; police restructuring stalled on entity opposition, and state-level \
             agencies carry the gains.",
        ),
    ))
}
