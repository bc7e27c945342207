//! South Africa: civilian oversight of the police and the defence force,
//! building on the post-1994 transformation — the Civilian Secretariat for
//! Police, the Independent Police Investigative Directorate (IPID), the
//! Defence Review and Parliament's committees.
//!
//! Deliberately funded from the national budget alone: the sample's
//! `single_funder`. Periods follow South Africa's financial year (April to
//! March) in three-year medium-term expenditure framework blocks.

use super::build::{
    ILLUSTRATIVE, Ids, Span, baseline, baseline_label, by_sex, challenge, date, evaluation,
    funding, indicator, labels, mitigation, money, numbers, party, scale, sector, source, span,
    weight,
};
use crate::{
    ChallengeKind, ChallengeStatus, Component, Context, Country, Direction, GenderMarker, Measure,
    Objective, ObjectiveKind, Phase, Pillar, Programme, ResultLevel, Role, SourceKind,
    StakeholderKind as Kind, Stance, ValueError,
};

const IDS: Ids = Ids::new("south-africa");

/// Financial years `from`/`from + 1` to `to`/`to + 1`: 1 April `from` to
/// 31 March `to + 1`.
fn financial_years(from: i32, to: i32) -> Result<Span, ValueError> {
    Ok(span(date(from, 4, 1)?, date(to + 1, 3, 31)?))
}

#[expect(clippy::too_many_lines, reason = "sample data")]
pub(crate) fn programme() -> Result<Programme, ValueError> {
    let ids = &IDS;
    let s = |name| ids.stakeholder(name);
    let o = |name| ids.objective(name);
    let c = |name| ids.component(name);
    let fy = financial_years;

    let ipid = Component::new(
        "Independent investigation of police conduct (IPID)",
        Pillar::Oversight,
    )
    .with_id(c("ipid"))
    .with_weight(weight(4.0)?)
    .with_objective(o("oversight"))
    .with_objective(o("accountability"))
    .with_lead(s("ipid"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("deaths"),
            "Deaths in police custody and as a result of police action",
            ResultLevel::Impact,
            Measure::Unit,
        )
        .with_direction(Direction::Decrease)
        .with_unit("deaths per financial year")
        .with_weight(weight(2.0)?)
        .with_source(source(SourceKind::OversightReport, "IPID annual reports"))
        .with_baseline(baseline(706.0, date(2013, 3, 31)?)?),
        &[
            (fy(2013, 2015)?, 600.0, Some(680.0)),
            (fy(2016, 2018)?, 500.0, Some(640.0)),
            (fy(2019, 2021)?, 450.0, Some(620.0)),
            (fy(2022, 2024)?, 400.0, Some(610.0)),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("investigations"),
            "IPID investigations completed within the financial year",
            ResultLevel::Output,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of cases")
        .with_source(source(
            SourceKind::OversightReport,
            "IPID annual performance plans and reports",
        ))
        .with_baseline(baseline(38.0, date(2013, 3, 31)?)?),
        &[
            (fy(2013, 2015)?, 50.0, Some(46.0)),
            (fy(2016, 2018)?, 60.0, Some(55.0)),
            (fy(2019, 2021)?, 70.0, Some(63.0)),
            (fy(2022, 2024)?, 75.0, Some(68.0)),
        ],
    )?);

    let policy_scale = scale(&["no policy", "draft", "approved by Cabinet", "implemented"])?;
    let secretariat = Component::new(
        "Civilian Secretariat for Police: policy and monitoring",
        Pillar::SecuritySystemGovernance,
    )
    .with_id(c("secretariat"))
    .with_weight(weight(2.0)?)
    .with_objective(o("civilian-control"))
    .with_lead(s("csps"))
    .with_indicator(labels(
        indicator(
            ids.indicator("policing-policy"),
            "White Paper on Policing and on Safety and Security",
            ResultLevel::Outcome,
            Measure::Ordinal,
        )
        .with_direction(Direction::Increase)
        .with_scale(policy_scale)
        .with_source(source(
            SourceKind::AdministrativeData,
            "Cabinet statements and the Secretariat's annual reports",
        ))
        .with_baseline(baseline_label("no policy", date(2013, 3, 31)?)),
        &[
            (fy(2013, 2015)?, "draft", Some("draft")),
            (
                fy(2016, 2018)?,
                "approved by Cabinet",
                Some("approved by Cabinet"),
            ),
            // The implementation review was postponed by the COVID-19 lockdown.
            (fy(2019, 2021)?, "implemented", None),
            (fy(2022, 2024)?, "implemented", Some("approved by Cabinet")),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("station-monitoring"),
            "Police stations monitored by the Secretariat for compliance with policy",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("stations per financial year")
        .with_source(source(
            SourceKind::MonitoringReport,
            "Civilian Secretariat for Police annual reports",
        ))
        .with_baseline(baseline(60.0, date(2013, 3, 31)?)?),
        &[
            (fy(2013, 2015)?, 150.0, Some(138.0)),
            (fy(2016, 2018)?, 250.0, Some(231.0)),
            (fy(2019, 2021)?, 300.0, Some(244.0)),
            (fy(2022, 2024)?, 320.0, Some(297.0)),
        ],
    )?);

    let scrutiny = scale(&["none", "formal", "partial", "substantive"])?;
    let defence = Component::new(
        "Defence Review implementation and parliamentary oversight of defence",
        Pillar::DefenceInstitutionBuilding,
    )
    .with_id(c("defence"))
    .with_weight(weight(2.0)?)
    .with_objective(o("civilian-control"))
    .with_lead(s("dod"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("ombud-complaints"),
            "Complaints finalised by the Military Ombud within 120 days",
            ResultLevel::Outcome,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of complaints")
        .with_source(source(
            SourceKind::OversightReport,
            "Military Ombud annual reports",
        ))
        .with_baseline(baseline(30.0, date(2013, 3, 31)?)?),
        &[
            (fy(2013, 2015)?, 45.0, Some(41.0)),
            (fy(2016, 2018)?, 60.0, Some(52.0)),
            (fy(2019, 2021)?, 70.0, Some(58.0)),
            (fy(2022, 2024)?, 75.0, Some(64.0)),
        ],
    )?)
    .with_indicator(labels(
        indicator(
            ids.indicator("defence-scrutiny"),
            "Parliamentary scrutiny of the defence budget and the Defence Review",
            ResultLevel::Outcome,
            Measure::Qualitative,
        )
        .with_direction(Direction::Increase)
        .with_scale(scrutiny)
        .with_source(source(
            SourceKind::ExternalEvaluation,
            "Assessment of committee records by an academic review panel",
        ))
        .with_baseline(baseline_label("partial", date(2013, 3, 31)?)),
        &[
            (fy(2013, 2015)?, "substantive", Some("partial")),
            (fy(2016, 2018)?, "substantive", Some("substantive")),
            (fy(2019, 2021)?, "substantive", Some("partial")),
            (fy(2022, 2024)?, "substantive", Some("partial")),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("jscd-visits"),
            "Oversight visits and hearings of the Joint Standing Committee on Defence",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("visits and hearings")
        .with_source(source(
            SourceKind::MonitoringReport,
            "Programme monitoring of the committee's published minutes",
        ))
        .with_baseline(baseline(0.0, date(2013, 3, 31)?)?),
        &[
            (fy(2013, 2015)?, 20.0, Some(17.0)),
            (fy(2016, 2018)?, 24.0, Some(22.0)),
            (fy(2019, 2021)?, 24.0, Some(15.0)),
            (fy(2022, 2024)?, 24.0, Some(21.0)),
        ],
    )?);

    let trust = numbers(
        indicator(
            ids.indicator("police-trust"),
            "Adults who trust the police",
            ResultLevel::Impact,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of adults")
        .with_weight(weight(2.0)?)
        .with_source(source(
            SourceKind::Survey,
            "National victims of crime survey",
        ))
        .with_baseline(baseline(41.0, date(2013, 3, 31)?)?),
        &[
            (fy(2013, 2015)?, 45.0, Some(40.0)),
            (fy(2016, 2018)?, 48.0, Some(37.0)),
            (fy(2019, 2021)?, 50.0, Some(35.0)),
            (fy(2022, 2024)?, 52.0, Some(33.0)),
        ],
    )?;
    let trust = by_sex(
        trust,
        (39.0, 43.0),
        &[
            (45.0, Some(38.0), 45.0, Some(42.0)),
            (48.0, Some(35.0), 48.0, Some(39.0)),
            (50.0, Some(33.0), 50.0, Some(37.0)),
            (52.0, Some(31.0), 52.0, Some(35.0)),
        ],
    )?;
    let community = Component::new(
        "Community police forums and the response to gender-based violence",
        Pillar::CommunityEngagement,
    )
    .with_id(c("community"))
    .with_weight(weight(2.0)?)
    .with_objective(o("trust"))
    .with_objective(o("gbv"))
    .with_lead(s("saps"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("forums"),
            "Police stations with a functioning community police forum",
            ResultLevel::Output,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of stations")
        .with_source(source(
            SourceKind::MonitoringReport,
            "Secretariat assessments of community police forums",
        ))
        .with_baseline(baseline(82.0, date(2013, 3, 31)?)?),
        &[
            (fy(2013, 2015)?, 88.0, Some(85.0)),
            (fy(2016, 2018)?, 92.0, Some(87.0)),
            (fy(2019, 2021)?, 95.0, Some(89.0)),
            (fy(2022, 2024)?, 97.0, Some(90.0)),
        ],
    )?)
    .with_indicator(trust);

    Ok(Programme::new(
        "South Africa: civilian oversight of the police and the defence force",
        Country::new("ZAF")?,
    )
    .with_id(ids.programme())
    .with_external_id(ids.external())
    .with_description(format!(
        "Building on the post-1994 transformation — the 1996 White Paper on Defence, the \
         1998 Defence Review and a police service rebuilt around community policing — the \
         programme strengthens civilian oversight under the 2011 Civilian Secretariat for \
         Police Service and IPID Acts and the 2015 Defence Review, with Parliament's \
         portfolio and standing committees. It is funded from the national budget. \
         {ILLUSTRATIVE}"
    ))
    .with_context(Context::DevelopmentCooperation)
    .with_phase(Phase::Implementation)
    .with_planned_start(date(2012, 4, 1)?)
    .with_planned_end(date(2026, 3, 31)?)
    .with_actual_start(date(2012, 4, 1)?)
    .with_budget(money("1250000000", "ZAR")?)
    .with_funding(funding(s("treasury"), "1250000000", "ZAR", 100.0)?)
    .with_sector(sector(15132, 45.0)?)
    .with_sector(sector(15210, 35.0)?)
    .with_sector(sector(15160, 10.0)?)
    .with_sector(sector(15180, 10.0)?)
    .with_gender_marker(GenderMarker::Significant)
    .with_objective(
        Objective::new(
            ObjectiveKind::CivilianControl,
            "Civilian control of the police and the defence force, as the Constitution, the \
             White Paper on Defence and the Defence Review set out",
        )
        .with_id(o("civilian-control")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Oversight,
            "Independent investigation of deaths in custody and of police misconduct",
        )
        .with_id(o("oversight")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Accountability,
            "Police officers found to have committed misconduct face discipline or \
             prosecution",
        )
        .with_id(o("accountability")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Trust,
            "Communities trust the police and work with them through community police forums",
        )
        .with_id(o("trust")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::GenderEquality,
            "Survivors of gender-based violence get a prompt, respectful police response",
        )
        .with_id(o("gbv")),
    )
    .with_stakeholder(
        party(
            s("treasury"),
            "National Treasury",
            Kind::NationalGovernment,
            5,
            3,
            Stance::Neutral,
        )?
        .with_role(Role::Funding)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("ministry"),
            "Ministry of Police",
            Kind::NationalGovernment,
            5,
            4,
            Stance::Neutral,
        )?
        .with_role(Role::Accountable)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("csps"),
            "Civilian Secretariat for Police Service",
            Kind::NationalGovernment,
            3,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Accountable)
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("saps"),
            "South African Police Service",
            Kind::Police,
            5,
            4,
            Stance::Neutral,
        )?
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(party(
        s("saps-resisters"),
        "SAPS managers resisting external investigation",
        Kind::Police,
        4,
        4,
        Stance::Resistant,
    )?)
    .with_stakeholder(
        party(
            s("ipid"),
            "Independent Police Investigative Directorate (IPID)",
            Kind::OversightBody,
            3,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Oversight)
        .with_role(Role::Implementing)
        .with_legitimate(true)
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("dod"),
            "Department of Defence",
            Kind::NationalGovernment,
            5,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Accountable)
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("sandf"),
            "South African National Defence Force",
            Kind::ArmedForces,
            4,
            3,
            Stance::Neutral,
        )?
        .with_role(Role::Beneficiary)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("police-committee"),
            "Parliament: Portfolio Committee on Police",
            Kind::Parliament,
            4,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Oversight)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("defence-committee"),
            "Parliament: Joint Standing Committee on Defence",
            Kind::Parliament,
            3,
            3,
            Stance::Supportive,
        )?
        .with_role(Role::Oversight)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("military-ombud"),
            "Military Ombud",
            Kind::OversightBody,
            2,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Oversight)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("forums"),
            "Community police forums",
            Kind::LocalCommunity,
            2,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Beneficiary)
        .with_role(Role::Advisory)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("monitors"),
            "Civil-society policing and human-rights monitors",
            Kind::CivilSociety,
            2,
            5,
            Stance::Supportive,
        )?
        .with_role(Role::Advisory)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("women"),
            "Women's organisations working on gender-based violence",
            Kind::WomensOrganisation,
            2,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Advisory)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("apcof"),
            "African Policing Civilian Oversight Forum",
            Kind::InternationalNgo,
            2,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Advisory),
    )
    .with_stakeholder(
        party(
            s("unodc"),
            "UN Office on Drugs and Crime",
            Kind::InternationalOrganisation,
            1,
            2,
            Stance::Neutral,
        )?
        .with_role(Role::Advisory),
    )
    .with_component(ipid)
    .with_component(secretariat)
    .with_component(defence)
    .with_component(community)
    .with_challenge(
        challenge(
            ids.challenge("resistance"),
            ChallengeKind::ResistanceToChange,
            "Parts of SAPS management resist IPID investigations and delay acting on its \
             recommendations",
            4,
            4,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "SAPS reports to the Portfolio Committee on Police on every IPID recommendation",
            s("police-committee"),
            0.4,
        )?)
        .with_affects(c("ipid"))
        .with_stakeholder(s("saps-resisters")),
    )
    .with_challenge(
        challenge(
            ids.challenge("independence"),
            ChallengeKind::PoliticalInterference,
            "Political interference in appointing and removing IPID's executive director",
            3,
            5,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Parliamentary confirmation of the appointment and removal of IPID's head, as \
             the Constitutional Court required",
            s("police-committee"),
            0.5,
        )?)
        .with_affects(c("ipid"))
        .with_stakeholder(s("ministry")),
    )
    .with_challenge(
        challenge(
            ids.challenge("ipid-budget"),
            ChallengeKind::ResourceConstraints,
            "IPID's budget and number of investigators are too small for its caseload",
            5,
            3,
        )?
        .with_status(ChallengeStatus::Open)
        .with_mitigation(mitigation(
            "Multi-year increase of IPID's baseline allocation negotiated with National \
             Treasury",
            s("treasury"),
            0.3,
        )?)
        .with_affects(c("ipid"))
        .with_stakeholder(s("treasury")),
    )
    .with_challenge(
        challenge(
            ids.challenge("defence-budget"),
            ChallengeKind::CompetingPriorities,
            "A shrinking defence budget forces trade-offs between operations and Defence \
             Review milestones",
            4,
            3,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Prioritised Defence Review milestones agreed with the Joint Standing Committee \
             on Defence",
            s("dod"),
            0.3,
        )?)
        .with_affects(c("defence"))
        .with_stakeholder(s("dod")),
    )
    .with_challenge(
        challenge(
            ids.challenge("distrust"),
            ChallengeKind::WeakLocalOwnership,
            "Historical distrust of the police in townships and informal settlements",
            4,
            4,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Community police forums with elected members and station-level safety plans",
            s("csps"),
            0.3,
        )?)
        .with_affects(c("community"))
        .with_stakeholder(s("forums")),
    )
    .with_evaluation(
        evaluation(
            ids.evaluation("acts-evaluation"),
            "Implementation evaluation of the Civilian Secretariat for Police Service Act \
             and the IPID Act",
            date(2019, 9, 30)?,
            scale(&["not met", "partly met", "largely met", "fully met"])?,
            [
                "fully met",
                "largely met",
                "partly met",
                "partly met",
                "partly met",
                "largely met",
            ],
        )?
        .with_summary(
            "The oversight architecture is sound and nationally owned; IPID's capacity and \
             SAPS's follow-up on recommendations limit its effect on police conduct.",
        ),
    ))
}
