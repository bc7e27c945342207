//! Liberia: rebuilding the Armed Forces of Liberia and the Liberia National
//! Police after the 2003 Comprehensive Peace Agreement, under UNMIL and
//! after its 2018 drawdown.

use super::build::{
    ILLUSTRATIVE, Ids, baseline, baseline_label, by_sex, challenge, date, evaluation, funding,
    indicator, labels, mitigation, money, numbers, party, satisfaction_scale, scale, sector,
    source, weight, years,
};
use crate::{
    ChallengeKind, ChallengeStatus, Component, Context, Country, Direction, GenderMarker, Measure,
    Objective, ObjectiveKind, Phase, Pillar, Programme, ResultLevel, Role, SourceKind,
    StakeholderKind as Kind, Stance, ValueError,
};

const IDS: Ids = Ids::new("liberia");

#[expect(clippy::too_many_lines, reason = "sample data")]
pub(crate) fn programme() -> Result<Programme, ValueError> {
    let ids = &IDS;
    let s = |name| ids.stakeholder(name);
    let o = |name| ids.objective(name);
    let c = |name| ids.component(name);

    let afl = Component::new(
        "Recruitment, vetting and training of the new AFL",
        Pillar::MilitaryProfessionalisation,
    )
    .with_id(c("afl"))
    .with_weight(weight(3.0)?)
    .with_objective(o("effective-forces"))
    .with_objective(o("civilian-control"))
    .with_lead(s("mond"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("afl-strength"),
            "AFL soldiers vetted, trained and deployed",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("soldiers")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Ministry of National Defense personnel records",
        ))
        .with_baseline(baseline(0.0, date(2006, 6, 30)?)?),
        &[
            (years(2007, 2009)?, 2000.0, Some(1980.0)),
            (years(2010, 2014)?, 2000.0, Some(2050.0)),
            (years(2015, 2019)?, 2100.0, Some(2040.0)),
            (years(2020, 2024)?, 2300.0, Some(2150.0)),
            (years(2025, 2025)?, 2400.0, Some(2210.0)),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("afl-women"),
            "Women as a share of AFL personnel",
            ResultLevel::Outcome,
            Measure::Percentage,
        )
        // It measures the gender objective, not its component's.
        .with_objective(o("women"))
        .with_direction(Direction::Increase)
        .with_unit("% of personnel")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Ministry of National Defense personnel records",
        ))
        .with_baseline(baseline(1.5, date(2006, 6, 30)?)?),
        &[
            (years(2007, 2009)?, 3.0, Some(2.4)),
            (years(2010, 2014)?, 5.0, Some(3.8)),
            (years(2015, 2019)?, 7.0, Some(4.6)),
            (years(2020, 2024)?, 8.0, Some(5.1)),
            (years(2025, 2025)?, 9.0, Some(5.4)),
        ],
    )?);

    let lnp_officers = numbers(
        indicator(
            ids.indicator("lnp-officers"),
            "LNP officers trained and deployed",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("officers")
        .with_source(source(
            SourceKind::AdministrativeData,
            "LNP human resources database, checked by UNMIL police advisers",
        ))
        .with_baseline(baseline(1800.0, date(2006, 6, 30)?)?),
        &[
            (years(2007, 2009)?, 3500.0, Some(3600.0)),
            (years(2010, 2014)?, 4500.0, Some(4200.0)),
            (years(2015, 2019)?, 6000.0, Some(5100.0)),
            (years(2020, 2024)?, 7000.0, Some(5600.0)),
            (years(2025, 2025)?, 7500.0, Some(5750.0)),
        ],
    )?;
    let lnp_officers = by_sex(
        lnp_officers,
        (90.0, 1710.0),
        &[
            (525.0, Some(470.0), 2975.0, Some(3130.0)),
            (900.0, Some(680.0), 3600.0, Some(3520.0)),
            (1200.0, Some(890.0), 4800.0, Some(4210.0)),
            (1400.0, Some(1010.0), 5600.0, Some(4590.0)),
            (1500.0, Some(1050.0), 6000.0, Some(4700.0)),
        ],
    )?;
    let lnp = Component::new("LNP reform and community policing", Pillar::PoliceReform)
        .with_id(c("lnp"))
        .with_weight(weight(4.0)?)
        .with_objective(o("trust"))
        .with_objective(o("effective-forces"))
        .with_objective(o("women"))
        .with_lead(s("lnp"))
        .with_indicator(lnp_officers)
        .with_indicator(numbers(
            indicator(
                ids.indicator("police-trust"),
                "Residents who trust the police to respond to a crime they report",
                ResultLevel::Impact,
                Measure::Percentage,
            )
            .with_direction(Direction::Increase)
            .with_unit("% of respondents")
            .with_weight(weight(2.0)?)
            .with_source(source(
                SourceKind::Survey,
                "National household perception survey on security and justice",
            ))
            .with_baseline(baseline(28.0, date(2006, 6, 30)?)?),
            &[
                (years(2007, 2009)?, 35.0, Some(33.0)),
                (years(2010, 2014)?, 45.0, Some(41.0)),
                (years(2015, 2019)?, 52.0, Some(44.0)),
                (years(2020, 2024)?, 55.0, Some(47.0)),
                (years(2025, 2025)?, 58.0, Some(49.0)),
            ],
        )?);

    let framework_scale = scale(&["absent", "drafted", "enacted", "implemented", "reviewed"])?;
    let oversight = Component::new(
        "Civilian oversight and the legal framework",
        Pillar::Oversight,
    )
    .with_id(c("oversight"))
    .with_weight(weight(2.0)?)
    .with_objective(o("civilian-control"))
    .with_lead(s("legislature"))
    .with_indicator(labels(
        indicator(
            ids.indicator("legal-framework"),
            "Legal framework for the security sector (National Defense Act, Police Act)",
            ResultLevel::Outcome,
            Measure::Ordinal,
        )
        .with_direction(Direction::Increase)
        .with_scale(framework_scale)
        .with_source(source(
            SourceKind::ExternalEvaluation,
            "Annual legal review by the programme's governance adviser",
        ))
        .with_baseline(baseline_label("absent", date(2006, 6, 30)?)),
        &[
            (years(2007, 2009)?, "drafted", Some("enacted")),
            (years(2010, 2014)?, "enacted", Some("enacted")),
            (years(2015, 2019)?, "implemented", Some("implemented")),
            // No legal review was made in the COVID-19 and election years.
            (years(2020, 2024)?, "implemented", None),
            (years(2025, 2025)?, "reviewed", Some("implemented")),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("pretrial-detention"),
            "Pre-trial detainees as a share of the prison population",
            ResultLevel::Outcome,
            Measure::Percentage,
        )
        .with_direction(Direction::Decrease)
        .with_unit("% of detainees")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Bureau of Corrections and Rehabilitation prison registers",
        ))
        .with_baseline(baseline(85.0, date(2006, 6, 30)?)?),
        &[
            (years(2007, 2009)?, 75.0, Some(82.0)),
            (years(2010, 2014)?, 65.0, Some(78.0)),
            (years(2015, 2019)?, 55.0, Some(72.0)),
            (years(2020, 2024)?, 50.0, Some(68.0)),
            (years(2025, 2025)?, 48.0, Some(64.0)),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("committee-hearings"),
            "Public hearings of the Legislature's defence and security committees",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("hearings per year")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Legislature committee records, collated by the programme",
        ))
        .with_baseline(baseline(0.0, date(2006, 6, 30)?)?),
        &[
            (years(2007, 2009)?, 6.0, Some(4.0)),
            (years(2010, 2014)?, 10.0, Some(9.0)),
            (years(2015, 2019)?, 12.0, Some(11.0)),
            (years(2020, 2024)?, 12.0, Some(8.0)),
            (years(2025, 2025)?, 12.0, Some(10.0)),
        ],
    )?);

    let community = Component::new(
        "County security councils and community watch forums",
        Pillar::CommunityEngagement,
    )
    .with_id(c("community"))
    .with_weight(weight(1.0)?)
    .with_objective(o("trust"))
    .with_objective(o("ownership"))
    .with_lead(s("moia"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("county-councils"),
            "Counties whose security council met at least quarterly",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("counties (of 15)")
        .with_source(source(
            SourceKind::MonitoringReport,
            "Minutes collected by the Ministry of Internal Affairs",
        ))
        .with_baseline(baseline(0.0, date(2006, 6, 30)?)?),
        &[
            (years(2007, 2009)?, 3.0, Some(2.0)),
            (years(2010, 2014)?, 8.0, Some(6.0)),
            (years(2015, 2019)?, 12.0, Some(11.0)),
            (years(2020, 2024)?, 15.0, Some(13.0)),
            (years(2025, 2025)?, 15.0, Some(14.0)),
        ],
    )?);

    Ok(Programme::new(
        "Liberia: rebuilding the AFL and the LNP under UNMIL and after",
        Country::new("LBR")?,
    )
    .with_id(ids.programme())
    .with_external_id(ids.external())
    .with_description(format!(
        "After the 2003 Comprehensive Peace Agreement the Armed Forces of Liberia were \
         disbanded and rebuilt from scratch with vetted recruits, and the Liberia National \
         Police retrained under UNMIL, with new defence and police laws and civilian \
         oversight; the programme carries the reform through UNMIL's 2018 drawdown. \
         {ILLUSTRATIVE}"
    ))
    .with_context(Context::PeaceOperation)
    .with_phase(Phase::Review)
    .with_planned_start(date(2005, 7, 1)?)
    .with_planned_end(date(2025, 12, 31)?)
    .with_actual_start(date(2006, 1, 1)?)
    .with_budget(money("300000000", "USD")?)
    .with_funding(funding(s("usa"), "165000000", "USD", 55.0)?)
    .with_funding(funding(s("pbf"), "75000000", "USD", 25.0)?)
    .with_funding(funding(s("mfdp"), "60000000", "USD", 20.0)?)
    .with_sector(sector(15210, 40.0)?)
    .with_sector(sector(15132, 35.0)?)
    .with_sector(sector(15220, 15.0)?)
    .with_sector(sector(15170, 10.0)?)
    .with_gender_marker(GenderMarker::Significant)
    .with_objective(
        Objective::new(
            ObjectiveKind::CivilianControl,
            "The AFL and the LNP are under democratic civilian control, on the footing of \
             the National Defense Act and the Police Act",
        )
        .with_id(o("civilian-control")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Effectiveness,
            "A vetted, professional AFL of about 2,000 and an LNP able to take over \
             security from UNMIL",
        )
        .with_id(o("effective-forces")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Trust,
            "Communities trust the police and report crime to it",
        )
        .with_id(o("trust")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::GenderEquality,
            "Women make up a growing share of the army and the police",
        )
        .with_id(o("women"))
        // A specific objective under the professional, representative forces.
        .with_parent(o("effective-forces")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::LocalOwnership,
            "Liberian institutions own, run and fund the reformed sector after UNMIL leaves",
        )
        .with_id(o("ownership")),
    )
    .with_stakeholder(
        party(
            s("mond"),
            "Ministry of National Defense",
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
            s("moj"),
            "Ministry of Justice",
            Kind::NationalGovernment,
            5,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Accountable)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("moia"),
            "Ministry of Internal Affairs",
            Kind::NationalGovernment,
            3,
            3,
            Stance::Supportive,
        )?
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("mfdp"),
            "Ministry of Finance and Development Planning",
            Kind::NationalGovernment,
            4,
            3,
            Stance::Neutral,
        )?
        .with_role(Role::Funding)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("lnp"),
            "Liberia National Police",
            Kind::Police,
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
            s("afl"),
            "Armed Forces of Liberia",
            Kind::ArmedForces,
            3,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Beneficiary)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("legislature"),
            "Legislature: committees on national defense and on security",
            Kind::Parliament,
            3,
            3,
            Stance::Neutral,
        )?
        .with_role(Role::Oversight)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("inchr"),
            "Independent National Commission on Human Rights",
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
            s("unmil"),
            "UN Mission in Liberia (UNMIL)",
            Kind::InternationalOrganisation,
            5,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Implementing)
        .with_role(Role::Advisory)
        .with_legitimate(true)
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("usa"),
            "United States Department of State",
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
            s("pbf"),
            "UN Peacebuilding Fund",
            Kind::InternationalOrganisation,
            3,
            3,
            Stance::Supportive,
        )?
        .with_role(Role::Funding),
    )
    .with_stakeholder(
        party(
            s("csos"),
            "Civil society working group on security sector reform",
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
            "Women's NGO network for peace and security",
            Kind::WomensOrganisation,
            2,
            4,
            Stance::Champion,
        )?
        .with_role(Role::Advisory)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("communities"),
            "Community watch forums in Montserrado and Nimba counties",
            Kind::LocalCommunity,
            1,
            5,
            Stance::Supportive,
        )?
        .with_role(Role::Beneficiary)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("old-afl"),
            "Soldiers of the disbanded wartime AFL",
            Kind::Other,
            3,
            5,
            Stance::Resistant,
        )?
        .with_urgent(true),
    )
    .with_component(afl)
    .with_component(lnp)
    .with_component(oversight)
    .with_component(community)
    .with_challenge(
        challenge(
            ids.challenge("old-afl"),
            ChallengeKind::ResistanceToChange,
            "Soldiers of the disbanded AFL protest over arrears and pensions and oppose the \
             new force",
            3,
            3,
        )?
        .with_status(ChallengeStatus::Closed)
        .with_mitigation(mitigation(
            "Negotiated severance and pension settlement paid through the Ministry of \
             National Defense",
            s("mond"),
            0.6,
        )?)
        .with_affects(c("afl"))
        .with_stakeholder(s("old-afl")),
    )
    .with_challenge(
        challenge(
            ids.challenge("recurrent-costs"),
            ChallengeKind::ResourceConstraints,
            "The national budget cannot yet carry AFL and LNP salaries and running costs as \
             UNMIL draws down",
            4,
            4,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Phased transfer of recurrent costs into the national budget under the UNMIL \
             transition plan",
            s("mfdp"),
            0.4,
        )?)
        .with_mitigation(mitigation(
            "Bridging support from the Peacebuilding Fund for the transition years",
            s("pbf"),
            0.3,
        )?)
        .with_affects(c("afl"))
        .with_affects(c("lnp"))
        .with_stakeholder(s("mfdp")),
    )
    .with_challenge(
        challenge(
            ids.challenge("supervision"),
            ChallengeKind::CapacityGaps,
            "Too few mid-ranking LNP officers to supervise new recruits in the counties",
            4,
            3,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Field training officer scheme and a merit-based promotion board",
            s("unmil"),
            0.5,
        )?)
        .with_affects(c("lnp"))
        .with_stakeholder(s("lnp")),
    )
    .with_challenge(
        challenge(
            ids.challenge("distrust"),
            ChallengeKind::WeakLocalOwnership,
            "Memories of abuse by wartime forces keep communities from reporting to the police",
            4,
            4,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "County security councils and community watch forums working with the LNP",
            s("moia"),
            0.4,
        )?)
        .with_affects(c("lnp"))
        .with_affects(c("community"))
        .with_stakeholder(s("communities")),
    )
    .with_challenge(
        challenge(
            ids.challenge("parallel-tracks"),
            ChallengeKind::PoorCoordination,
            "Army reform (bilateral) and police reform (UN) planned on separate tracks",
            3,
            3,
        )?
        .with_status(ChallengeStatus::Monitoring)
        .with_mitigation(mitigation(
            "Joint SSR working group chaired by the national security adviser",
            s("mond"),
            0.3,
        )?)
        .with_affects(c("afl"))
        .with_affects(c("oversight"))
        .with_stakeholder(s("usa"))
        .with_stakeholder(s("unmil")),
    )
    .with_evaluation(
        evaluation(
            ids.evaluation("transition-review"),
            "Independent review of support to the security sector through UNMIL's drawdown",
            date(2019, 6, 30)?,
            satisfaction_scale()?,
            [
                "highly satisfactory",
                "partly satisfactory",
                "satisfactory",
                "partly satisfactory",
                "satisfactory",
                "partly satisfactory",
            ],
        )?
        .with_summary(
            "The AFL and LNP were rebuilt and took over security from UNMIL without a relapse \
             into conflict; trust in the police and the national funding of recurrent costs \
             lag behind the plan.",
        ),
    ))
}
