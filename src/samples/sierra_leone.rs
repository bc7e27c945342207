//! Sierra Leone: post-war security sector reform, 2002–2013 — the Office of
//! National Security, defence transformation with IMATT, police Local
//! Policing Partnership Boards, and DDR.

use super::build::{
    ILLUSTRATIVE, Ids, baseline, baseline_label, by_sex, challenge, date, evaluation, funding,
    indicator, labels, mitigation, money, numbers, party, scale, sector, source, weight, years,
};
use crate::{
    ChallengeKind, ChallengeStatus, Component, Context, Country, Direction, GenderMarker, Measure,
    Objective, ObjectiveKind, Phase, Pillar, Programme, ResultLevel, Role, SourceKind,
    StakeholderKind as Kind, Stance, ValueError,
};

const IDS: Ids = Ids::new("sierra-leone");

#[expect(clippy::too_many_lines, reason = "sample data")]
pub(crate) fn programme() -> Result<Programme, ValueError> {
    let ids = &IDS;
    let s = |name| ids.stakeholder(name);
    let o = |name| ids.objective(name);
    let c = |name| ids.component(name);

    let defence = Component::new(
        "Defence transformation: a civilian MoD and a right-sized RSLAF",
        Pillar::DefenceInstitutionBuilding,
    )
    .with_id(c("defence"))
    .with_weight(weight(3.0)?)
    .with_objective(o("civilian-control"))
    .with_objective(o("effective-forces"))
    .with_lead(s("mod"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("rslaf-strength"),
            "RSLAF personnel strength",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Decrease)
        .with_unit("personnel")
        .with_source(source(
            SourceKind::AdministrativeData,
            "RSLAF nominal roll, verified by IMATT",
        ))
        .with_baseline(baseline(14000.0, date(2002, 6, 30)?)?),
        &[
            (years(2003, 2005)?, 12500.0, Some(13100.0)),
            (years(2006, 2008)?, 10500.0, Some(10900.0)),
            (years(2009, 2012)?, 8500.0, Some(8700.0)),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("mod-civilians"),
            "Senior MoD policy and finance posts held by civilians",
            ResultLevel::Outcome,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of senior posts")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Ministry of Defence establishment tables",
        ))
        .with_baseline(baseline(10.0, date(2002, 6, 30)?)?),
        &[
            (years(2003, 2005)?, 30.0, Some(25.0)),
            (years(2006, 2008)?, 45.0, Some(40.0)),
            (years(2009, 2012)?, 60.0, Some(52.0)),
        ],
    )?);

    let satisfaction = numbers(
        indicator(
            ids.indicator("police-satisfaction"),
            "Residents satisfied with the police service in their area",
            ResultLevel::Impact,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of respondents")
        .with_weight(weight(2.0)?)
        .with_source(source(
            SourceKind::Survey,
            "National public attitude survey on policing",
        ))
        .with_baseline(baseline(25.0, date(2002, 6, 30)?)?),
        &[
            (years(2003, 2005)?, 35.0, Some(31.0)),
            (years(2006, 2008)?, 45.0, Some(43.0)),
            (years(2009, 2012)?, 55.0, Some(52.0)),
        ],
    )?;
    let satisfaction = by_sex(
        satisfaction,
        (22.0, 28.0),
        &[
            (33.0, Some(27.0), 37.0, Some(35.0)),
            (43.0, Some(40.0), 47.0, Some(46.0)),
            (53.0, Some(50.0), 57.0, Some(54.0)),
        ],
    )?;
    let police = Component::new(
        "Police reform and Local Policing Partnership Boards",
        Pillar::PoliceReform,
    )
    .with_id(c("police"))
    .with_weight(weight(3.0)?)
    .with_objective(o("trust"))
    .with_objective(o("gbv"))
    .with_lead(s("slp"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("lppb"),
            "Police divisions with an active Local Policing Partnership Board",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("divisions")
        .with_source(source(
            SourceKind::MonitoringReport,
            "SLP community relations department returns",
        ))
        .with_baseline(baseline(2.0, date(2002, 6, 30)?)?),
        &[
            (years(2003, 2005)?, 12.0, Some(9.0)),
            (years(2006, 2008)?, 24.0, Some(21.0)),
            (years(2009, 2012)?, 30.0, Some(28.0)),
        ],
    )?)
    .with_indicator(satisfaction)
    .with_indicator(numbers(
        indicator(
            ids.indicator("fsu-cases"),
            "Sexual and gender-based violence cases handled by Family Support Units that reach court",
            ResultLevel::Outcome,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of cases")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Family Support Unit case registers",
        ))
        .with_baseline(baseline(8.0, date(2002, 6, 30)?)?),
        &[
            (years(2003, 2005)?, 15.0, Some(11.0)),
            (years(2006, 2008)?, 20.0, Some(19.0)),
            (years(2009, 2012)?, 30.0, Some(24.0)),
        ],
    )?);

    let ddr = Component::new("Disarmament, demobilisation and reintegration", Pillar::Ddr)
        .with_id(c("ddr"))
        .with_weight(weight(2.0)?)
        .with_objective(o("reintegration"))
        .with_lead(s("ncddr"))
        .with_indicator(numbers(
            indicator(
                ids.indicator("reintegrated"),
                "Ex-combatants who completed reintegration support",
                ResultLevel::Output,
                Measure::Unit,
            )
            .with_direction(Direction::Increase)
            .with_unit("ex-combatants")
            .with_source(source(
                SourceKind::AdministrativeData,
                "National Committee for DDR beneficiary database",
            ))
            .with_baseline(baseline(12000.0, date(2002, 6, 30)?)?),
            &[
                (years(2003, 2003)?, 35000.0, Some(32500.0)),
                (years(2004, 2004)?, 55000.0, Some(54000.0)),
                (years(2005, 2006)?, 56000.0, Some(55200.0)),
            ],
        )?);

    let ons_scale = scale(&["ad hoc", "emerging", "functional", "institutionalised"])?;
    let oversight = Component::new(
        "National security coordination and parliamentary oversight",
        Pillar::Oversight,
    )
    .with_id(c("oversight"))
    .with_weight(weight(2.0)?)
    .with_objective(o("civilian-control"))
    .with_lead(s("ons"))
    .with_indicator(labels(
        indicator(
            ids.indicator("ons-coordination"),
            "National security coordination through the Office of National Security",
            ResultLevel::Outcome,
            Measure::Ordinal,
        )
        .with_direction(Direction::Increase)
        .with_scale(ons_scale)
        .with_source(source(
            SourceKind::ExternalEvaluation,
            "Annual review of the UK security sector programme",
        ))
        .with_baseline(baseline_label("ad hoc", date(2002, 6, 30)?)),
        &[
            (years(2003, 2005)?, "emerging", Some("emerging")),
            (years(2006, 2008)?, "functional", Some("functional")),
            // The final review did not rate coordination separately.
            (years(2009, 2012)?, "institutionalised", None),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("defence-hearings"),
            "Parliamentary committee hearings on defence and security",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("hearings per year")
        .with_source(source(
            SourceKind::OversightReport,
            "Hansard of the Parliament of Sierra Leone",
        ))
        .with_baseline(baseline(1.0, date(2002, 6, 30)?)?),
        &[
            (years(2003, 2005)?, 4.0, Some(3.0)),
            (years(2006, 2008)?, 6.0, Some(5.0)),
            (years(2009, 2012)?, 8.0, Some(6.0)),
        ],
    )?);

    Ok(Programme::new(
        "Sierra Leone: post-war security sector reform (ONS, IMATT, LPPBs, DDR)",
        Country::new("SLE")?,
    )
    .with_id(ids.programme())
    .with_external_id(ids.external())
    .with_description(format!(
        "After the 2002 end of the civil war Sierra Leone disarmed and reintegrated \
         ex-combatants, set up the Office of National Security to coordinate the sector, \
         civilianised the Ministry of Defence and right-sized the RSLAF with the \
         British-led IMATT, and rebuilt the police around local needs through Local \
         Policing Partnership Boards and Family Support Units. {ILLUSTRATIVE}"
    ))
    .with_context(Context::PeaceOperation)
    .with_phase(Phase::Closed)
    .with_planned_start(date(2002, 1, 1)?)
    .with_planned_end(date(2012, 12, 31)?)
    .with_actual_start(date(2002, 3, 1)?)
    .with_actual_end(date(2013, 3, 31)?)
    .with_budget(money("120000000", "GBP")?)
    .with_funding(funding(s("dfid"), "72000000", "GBP", 60.0)?)
    .with_funding(funding(s("uk-mod"), "24000000", "GBP", 20.0)?)
    .with_funding(funding(s("world-bank"), "12000000", "GBP", 10.0)?)
    .with_funding(funding(s("mof"), "12000000", "GBP", 10.0)?)
    .with_sector(sector(15210, 45.0)?)
    .with_sector(sector(15132, 25.0)?)
    .with_sector(sector(15240, 15.0)?)
    .with_sector(sector(15130, 10.0)?)
    .with_sector(sector(15180, 5.0)?)
    .with_gender_marker(GenderMarker::Significant)
    .with_objective(
        Objective::new(
            ObjectiveKind::CivilianControl,
            "The sector is coordinated by civilians through the Office of National Security \
             and a civilian-led Ministry of Defence",
        )
        .with_id(o("civilian-control")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Effectiveness,
            "An affordable, professional RSLAF under civilian authority",
        )
        .with_id(o("effective-forces")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Trust,
            "A police service that answers to local needs and earns public confidence",
        )
        .with_id(o("trust")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::GenderEquality,
            "Survivors of sexual and gender-based violence get a police and justice response",
        )
        .with_id(o("gbv")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Sustainability,
            "Ex-combatants are disarmed and reintegrated into civilian livelihoods",
        )
        .with_id(o("reintegration")),
    )
    .with_stakeholder(
        party(
            s("ons"),
            "Office of National Security",
            Kind::NationalGovernment,
            5,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Accountable)
        .with_role(Role::Implementing)
        .with_legitimate(true)
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("mod"),
            "Ministry of Defence",
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
            s("mof"),
            "Ministry of Finance",
            Kind::NationalGovernment,
            4,
            2,
            Stance::Neutral,
        )?
        .with_role(Role::Funding)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("ncddr"),
            "National Committee for Disarmament, Demobilisation and Reintegration",
            Kind::NationalGovernment,
            3,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("rslaf"),
            "Republic of Sierra Leone Armed Forces (RSLAF)",
            Kind::ArmedForces,
            4,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Beneficiary)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("old-guard"),
            "Senior RSLAF officers facing retirement under right-sizing",
            Kind::ArmedForces,
            4,
            5,
            Stance::Resistant,
        )?
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("slp"),
            "Sierra Leone Police",
            Kind::Police,
            4,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Implementing)
        .with_role(Role::Beneficiary)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("parliament"),
            "Parliament: committee on defence and presidential affairs",
            Kind::Parliament,
            3,
            2,
            Stance::Neutral,
        )?
        .with_role(Role::Oversight)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("hrc"),
            "Human Rights Commission of Sierra Leone",
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
            s("dfid"),
            "UK Department for International Development",
            Kind::BilateralDonor,
            5,
            4,
            Stance::Champion,
        )?
        .with_role(Role::Funding)
        .with_role(Role::Extending)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("uk-mod"),
            "UK Ministry of Defence (IMATT)",
            Kind::BilateralDonor,
            5,
            5,
            Stance::Supportive,
        )?
        .with_role(Role::Funding)
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("world-bank"),
            "World Bank (DDR multi-donor trust fund)",
            Kind::InternationalOrganisation,
            3,
            3,
            Stance::Supportive,
        )?
        .with_role(Role::Funding)
        .with_role(Role::Extending),
    )
    .with_stakeholder(
        party(
            s("unamsil"),
            "UN Mission in Sierra Leone (UNAMSIL)",
            Kind::InternationalOrganisation,
            4,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("lppb"),
            "Local Policing Partnership Boards",
            Kind::LocalCommunity,
            2,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Beneficiary)
        .with_role(Role::Advisory)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("csos"),
            "Civil society coalition on security and justice",
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
            s("women"),
            "Women's groups working with the Family Support Units",
            Kind::WomensOrganisation,
            2,
            5,
            Stance::Supportive,
        )?
        .with_role(Role::Advisory)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("ex-combatants"),
            "Ex-combatants awaiting reintegration support",
            Kind::LocalCommunity,
            2,
            5,
            Stance::Neutral,
        )?
        .with_role(Role::Beneficiary)
        .with_urgent(true),
    )
    .with_component(defence)
    .with_component(police)
    .with_component(ddr)
    .with_component(oversight)
    .with_challenge(
        challenge(
            ids.challenge("right-sizing"),
            ChallengeKind::ResistanceToChange,
            "Senior RSLAF officers resist right-sizing and civilians in MoD policy posts",
            4,
            4,
        )?
        .with_status(ChallengeStatus::Closed)
        .with_mitigation(mitigation(
            "Resettlement packages and a transparent retirement board",
            s("mod"),
            0.5,
        )?)
        .with_mitigation(mitigation(
            "IMATT advisers in command and staff posts during the transition",
            s("uk-mod"),
            0.3,
        )?)
        .with_affects(c("defence"))
        .with_stakeholder(s("old-guard")),
    )
    .with_challenge(
        challenge(
            ids.challenge("donor-led"),
            ChallengeKind::WeakLocalOwnership,
            "Reform driven by British advisers risks not being owned by national institutions",
            3,
            4,
        )?
        .with_status(ChallengeStatus::Closed)
        .with_mitigation(mitigation(
            "Hand IMATT posts over to national officers on a published timetable",
            s("ons"),
            0.5,
        )?)
        .with_affects(c("defence"))
        .with_affects(c("oversight"))
        .with_stakeholder(s("uk-mod"))
        .with_stakeholder(s("dfid")),
    )
    .with_challenge(
        challenge(
            ids.challenge("livelihoods"),
            ChallengeKind::ResourceConstraints,
            "Too few jobs and training places for the number of ex-combatants",
            4,
            3,
        )?
        .with_status(ChallengeStatus::Closed)
        .with_mitigation(mitigation(
            "Skills training linked to apprenticeship places with local employers",
            s("world-bank"),
            0.4,
        )?)
        .with_affects(c("ddr"))
        .with_stakeholder(s("ex-combatants")),
    )
    .with_challenge(
        challenge(
            ids.challenge("checkpoints"),
            ChallengeKind::Corruption,
            "Petty corruption at police checkpoints undermines public confidence",
            4,
            3,
        )?
        .with_status(ChallengeStatus::Closed)
        .with_mitigation(mitigation(
            "Complaints, discipline and internal investigations department that reports \
             publicly",
            s("slp"),
            0.4,
        )?)
        .with_affects(c("police"))
        .with_stakeholder(s("slp")),
    )
    .with_evaluation(
        evaluation(
            ids.evaluation("mid-term"),
            "Mid-term review of UK support to the security sector",
            date(2007, 6, 30)?,
            scale(&["weak", "fair", "good", "strong"])?,
            ["strong", "good", "good", "fair", "fair", "fair"],
        )?
        .with_summary(
            "DDR and the creation of the Office of National Security are on course; police \
             reform outside Freetown and the affordability of the RSLAF need attention.",
        ),
    )
    .with_evaluation(
        evaluation(
            ids.evaluation("final"),
            "Final evaluation of UK support to security sector reform",
            date(2012, 11, 30)?,
            scale(&[
                "highly unsatisfactory",
                "unsatisfactory",
                "moderately unsatisfactory",
                "moderately satisfactory",
                "satisfactory",
                "highly satisfactory",
            ])?,
            [
                "highly satisfactory",
                "satisfactory",
                "satisfactory",
                "moderately satisfactory",
                "satisfactory",
                "moderately satisfactory",
            ],
        )?
        .with_summary(
            "A widely cited case of integrated SSR: civilian coordination and a smaller, \
             professional army were achieved; sustaining them depends on national budgets.",
        ),
    ))
}
