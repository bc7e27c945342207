//! Colombia: security, reincorporation of former FARC-EP combatants, rural
//! policing and transitional justice after the 2016 peace agreement.
//!
//! Deliberately, every indicator is a count or a percentage: the sample's
//! `quantitative_only`.

use super::build::{
    ILLUSTRATIVE, Ids, baseline, by_sex, challenge, date, evaluation, funding, indicator,
    mitigation, money, numbers, party, scale, sector, source, weight, years,
};
use crate::{
    ChallengeKind, ChallengeStatus, Component, Context, Country, Direction, GenderMarker, Measure,
    Objective, ObjectiveKind, Phase, Pillar, Programme, ResultLevel, Role, SourceKind,
    StakeholderKind as Kind, Stance, ValueError,
};

const IDS: Ids = Ids::new("colombia");

#[expect(clippy::too_many_lines, reason = "sample data")]
pub(crate) fn programme() -> Result<Programme, ValueError> {
    let ids = &IDS;
    let s = |name| ids.stakeholder(name);
    let o = |name| ids.objective(name);
    let c = |name| ids.component(name);

    let projects = numbers(
        indicator(
            ids.indicator("productive-projects"),
            "Former combatants with an approved productive project",
            ResultLevel::Output,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of accredited former combatants")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Reincorporation agency (ARN) beneficiary records",
        ))
        .with_baseline(baseline(5.0, date(2017, 12, 31)?)?),
        &[
            (years(2018, 2019)?, 30.0, Some(18.0)),
            (years(2020, 2021)?, 50.0, Some(41.0)),
            (years(2022, 2023)?, 70.0, Some(62.0)),
            (years(2024, 2025)?, 80.0, Some(71.0)),
        ],
    )?;
    let projects = by_sex(
        projects,
        (3.0, 6.0),
        &[
            (30.0, Some(14.0), 30.0, Some(19.0)),
            (50.0, Some(36.0), 50.0, Some(43.0)),
            (70.0, Some(58.0), 70.0, Some(63.0)),
            (80.0, Some(69.0), 80.0, Some(72.0)),
        ],
    )?;
    let reincorporation =
        Component::new("Reincorporation of former FARC-EP combatants", Pillar::Ddr)
            .with_id(c("reincorporation"))
            .with_weight(weight(4.0)?)
            .with_objective(o("reincorporation"))
            .with_objective(o("women"))
            .with_lead(s("arn"))
            .with_indicator(projects)
            .with_indicator(numbers(
                indicator(
                    ids.indicator("signatories-killed"),
                    "Former combatants killed",
                    ResultLevel::Impact,
                    Measure::Unit,
                )
                .with_direction(Direction::Decrease)
                .with_unit("people per year")
                .with_weight(weight(2.0)?)
                .with_source(source(
                    SourceKind::OversightReport,
                    "Quarterly reports of the UN Verification Mission",
                ))
                .with_baseline(baseline(65.0, date(2018, 12, 31)?)?),
                &[
                    (years(2019, 2020)?, 40.0, Some(77.0)),
                    (years(2021, 2022)?, 30.0, Some(54.0)),
                    (years(2023, 2023)?, 25.0, Some(41.0)),
                    (years(2024, 2025)?, 20.0, Some(36.0)),
                ],
            )?);

    let rural = Component::new(
        "Rural policing in post-conflict municipalities",
        Pillar::PoliceReform,
    )
    .with_id(c("rural-policing"))
    .with_weight(weight(3.0)?)
    .with_objective(o("state-presence"))
    .with_lead(s("police"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("homicide-rate"),
            "Homicides per 100,000 inhabitants in the territorially focused (PDET) \
             municipalities",
            ResultLevel::Impact,
            Measure::Unit,
        )
        .with_direction(Direction::Decrease)
        .with_unit("per 100,000 inhabitants")
        .with_weight(weight(2.0)?)
        .with_source(source(
            SourceKind::AdministrativeData,
            "National Police crime statistics",
        ))
        .with_baseline(baseline(37.0, date(2017, 6, 30)?)?),
        &[
            (years(2018, 2019)?, 33.0, Some(36.0)),
            (years(2020, 2021)?, 30.0, Some(35.0)),
            (years(2022, 2023)?, 27.0, Some(33.0)),
            (years(2024, 2025)?, 25.0, Some(31.0)),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("police-posts"),
            "PDET municipalities with a permanent rural police post",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("municipalities (of 170)")
        .with_source(source(
            SourceKind::AdministrativeData,
            "National Police deployment records",
        ))
        .with_baseline(baseline(95.0, date(2017, 6, 30)?)?),
        &[
            (years(2018, 2019)?, 120.0, Some(112.0)),
            (years(2020, 2021)?, 140.0, Some(131.0)),
            (years(2022, 2023)?, 160.0, Some(149.0)),
            (years(2024, 2025)?, 170.0, Some(158.0)),
        ],
    )?);

    let justice = Component::new(
        "Transitional justice and victims' participation",
        Pillar::JusticeReform,
    )
    .with_id(c("transitional-justice"))
    .with_weight(weight(3.0)?)
    .with_objective(o("accountability"))
    .with_lead(s("jep"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("macro-cases"),
            "Macro-cases opened by the Special Jurisdiction for Peace",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("macro-cases")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Special Jurisdiction for Peace statistics",
        ))
        .with_baseline(baseline(0.0, date(2017, 12, 31)?)?),
        &[
            (years(2018, 2019)?, 6.0, Some(7.0)),
            (years(2020, 2021)?, 8.0, Some(7.0)),
            (years(2022, 2023)?, 10.0, Some(10.0)),
            (years(2024, 2025)?, 11.0, Some(11.0)),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("accredited-victims"),
            "Victims accredited to take part in Special Jurisdiction for Peace cases",
            ResultLevel::Outcome,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("victims")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Special Jurisdiction for Peace statistics",
        ))
        .with_baseline(baseline(0.0, date(2017, 12, 31)?)?),
        &[
            (years(2018, 2019)?, 100000.0, Some(62000.0)),
            (years(2020, 2021)?, 250000.0, Some(216000.0)),
            (years(2022, 2023)?, 350000.0, Some(338000.0)),
            (years(2024, 2025)?, 400000.0, Some(391000.0)),
        ],
    )?);

    let early_warning = Component::new(
        "Early warning and protection by the Ombudsman's Office",
        Pillar::Oversight,
    )
    .with_id(c("early-warning"))
    .with_weight(weight(2.0)?)
    .with_objective(o("protection"))
    .with_lead(s("ombudsman"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("alerts-answered"),
            "Early-warning alerts with a documented response by the authorities",
            ResultLevel::Outcome,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of alerts")
        .with_source(source(
            SourceKind::OversightReport,
            "Ombudsman's Office early-warning system follow-up reports",
        ))
        .with_baseline(baseline(30.0, date(2017, 12, 31)?)?),
        &[
            (years(2018, 2019)?, 45.0, Some(34.0)),
            (years(2020, 2021)?, 60.0, Some(42.0)),
            (years(2022, 2023)?, 70.0, Some(51.0)),
            (years(2024, 2025)?, 75.0, Some(55.0)),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("alerts-issued"),
            "Early-warning alerts and follow-up reports issued by the Ombudsman's Office",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("alerts per period")
        .with_source(source(
            SourceKind::OversightReport,
            "Ombudsman's Office early-warning system bulletins",
        ))
        .with_baseline(baseline(0.0, date(2017, 12, 31)?)?),
        &[
            (years(2018, 2019)?, 120.0, Some(98.0)),
            (years(2020, 2021)?, 140.0, Some(132.0)),
            (years(2022, 2023)?, 150.0, Some(161.0)),
            (years(2024, 2025)?, 150.0, Some(144.0)),
        ],
    )?);

    Ok(Programme::new(
        "Colombia: security and reincorporation after the 2016 peace agreement",
        Country::new("COL")?,
    )
    .with_id(ids.programme())
    .with_external_id(ids.external())
    .with_description(format!(
        "The 2016 Final Agreement with the FARC-EP led to the laying down of arms, the \
         collective and individual reincorporation of former combatants, the Special \
         Jurisdiction for Peace, and a push for state presence and rural policing in the \
         municipalities the conflict hit hardest, with civil and military efforts \
         coordinated locally. {ILLUSTRATIVE}"
    ))
    .with_context(Context::CivilMilitaryOperation)
    .with_phase(Phase::Implementation)
    .with_planned_start(date(2017, 1, 1)?)
    .with_planned_end(date(2026, 12, 31)?)
    .with_actual_start(date(2017, 3, 1)?)
    .with_budget(money("260000000", "USD")?)
    .with_funding(funding(s("minhacienda"), "130000000", "USD", 50.0)?)
    .with_funding(funding(s("eu"), "52000000", "USD", 20.0)?)
    .with_funding(funding(s("usaid"), "52000000", "USD", 20.0)?)
    .with_funding(funding(s("mptf"), "26000000", "USD", 10.0)?)
    .with_sector(sector(15240, 35.0)?)
    .with_sector(sector(15132, 30.0)?)
    .with_sector(sector(15220, 20.0)?)
    .with_sector(sector(15130, 10.0)?)
    .with_sector(sector(15170, 5.0)?)
    .with_gender_marker(GenderMarker::Significant)
    .with_objective(
        Objective::new(
            ObjectiveKind::Sustainability,
            "Former FARC-EP combatants are reincorporated economically, socially and \
             politically",
        )
        .with_id(o("reincorporation")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::RuleOfLaw,
            "The state, including a rural police, is present in the municipalities the \
             FARC-EP left",
        )
        .with_id(o("state-presence")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::Accountability,
            "Those most responsible for grave crimes of the conflict answer before the \
             Special Jurisdiction for Peace, with victims taking part",
        )
        .with_id(o("accountability")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::HumanRights,
            "Social leaders, human-rights defenders and signatories are protected",
        )
        .with_id(o("protection")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::GenderEquality,
            "Women former combatants benefit from reincorporation as much as men",
        )
        .with_id(o("women")),
    )
    .with_stakeholder(
        party(
            s("arn"),
            "Agency for Reincorporation and Normalisation (ARN)",
            Kind::NationalGovernment,
            4,
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
            s("mindefensa"),
            "Ministry of National Defence",
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
            s("minhacienda"),
            "Ministry of Finance and Public Credit",
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
            s("police"),
            "National Police of Colombia (rural police)",
            Kind::Police,
            4,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("army"),
            "National Army",
            Kind::ArmedForces,
            5,
            3,
            Stance::Neutral,
        )?
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("jep"),
            "Special Jurisdiction for Peace (JEP)",
            Kind::Judiciary,
            4,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Implementing)
        .with_role(Role::Oversight)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("ombudsman"),
            "Ombudsman's Office (Defensoría del Pueblo)",
            Kind::OversightBody,
            3,
            5,
            Stance::Supportive,
        )?
        .with_role(Role::Oversight)
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("congress"),
            "Congress: peace commissions",
            Kind::Parliament,
            4,
            3,
            Stance::Neutral,
        )?
        .with_role(Role::Oversight)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("armed-groups"),
            "FARC-EP dissident factions and other armed groups",
            Kind::Other,
            4,
            5,
            Stance::Blocking,
        )?
        .with_urgent(true),
    )
    .with_stakeholder(party(
        s("regional-elites"),
        "Regional landowning and business elites opposed to land restitution",
        Kind::PrivateSector,
        4,
        4,
        Stance::Resistant,
    )?)
    .with_stakeholder(
        party(
            s("former-combatants"),
            "Former FARC-EP combatants in reincorporation",
            Kind::LocalCommunity,
            2,
            5,
            Stance::Supportive,
        )?
        .with_role(Role::Beneficiary)
        .with_legitimate(true)
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("social-leaders"),
            "Social leaders and community action boards",
            Kind::CivilSociety,
            2,
            5,
            Stance::Supportive,
        )?
        .with_role(Role::Beneficiary)
        .with_role(Role::Advisory)
        .with_legitimate(true)
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("women"),
            "Women's and victims' organisations",
            Kind::WomensOrganisation,
            3,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Advisory)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("unvmc"),
            "UN Verification Mission in Colombia",
            Kind::InternationalOrganisation,
            3,
            5,
            Stance::Champion,
        )?
        .with_role(Role::Advisory)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("mptf"),
            "UN Multi-Partner Trust Fund for Sustaining Peace",
            Kind::InternationalOrganisation,
            3,
            3,
            Stance::Supportive,
        )?
        .with_role(Role::Funding),
    )
    .with_stakeholder(
        party(
            s("eu"),
            "EU Trust Fund for Colombia",
            Kind::InternationalOrganisation,
            3,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Funding),
    )
    .with_stakeholder(
        party(
            s("usaid"),
            "US Agency for International Development",
            Kind::BilateralDonor,
            4,
            3,
            Stance::Supportive,
        )?
        .with_role(Role::Funding),
    )
    .with_component(reincorporation)
    .with_component(rural)
    .with_component(justice)
    .with_component(early_warning)
    .with_challenge(
        challenge(
            ids.challenge("armed-groups"),
            ChallengeKind::Other,
            "Dissident factions and other armed groups contest the territory the FARC-EP left \
             and attack signatories and social leaders",
            5,
            5,
        )?
        .with_status(ChallengeStatus::Materialised)
        .with_mitigation(mitigation(
            "Collective protection schemes and a special investigation unit for attacks on \
             signatories",
            s("police"),
            0.3,
        )?)
        .with_mitigation(mitigation(
            "Early warnings with mandatory follow-up by the authorities named in them",
            s("ombudsman"),
            0.2,
        )?)
        .with_affects(c("reincorporation"))
        .with_affects(c("rural-policing"))
        .with_affects(c("early-warning"))
        .with_stakeholder(s("armed-groups")),
    )
    .with_challenge(
        challenge(
            ids.challenge("land"),
            ChallengeKind::ResistanceToChange,
            "Landowning elites resist land restitution and rural reform, exposing claimants \
             to violence",
            4,
            4,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Security coordination for land restitution cases in the PDET municipalities",
            s("mindefensa"),
            0.2,
        )?)
        .with_affects(c("rural-policing"))
        .with_stakeholder(s("regional-elites")),
    )
    .with_challenge(
        challenge(
            ids.challenge("underfunding"),
            ChallengeKind::ResourceConstraints,
            "Implementation of the agreement is underfunded against its framework plan",
            4,
            3,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "A multi-year budget line for the agreement alongside the pooled donor funds",
            s("minhacienda"),
            0.4,
        )?)
        .with_affects(c("reincorporation"))
        .with_affects(c("rural-policing"))
        .with_stakeholder(s("minhacienda")),
    )
    .with_challenge(
        challenge(
            ids.challenge("priorities"),
            ChallengeKind::LackOfPoliticalWill,
            "Shifting priorities between administrations slow implementation",
            3,
            4,
        )?
        .with_status(ChallengeStatus::Monitoring)
        .with_mitigation(mitigation(
            "Public quarterly verification of implementation to the Security Council",
            s("unvmc"),
            0.3,
        )?)
        .with_affects(c("transitional-justice"))
        .with_affects(c("reincorporation"))
        .with_stakeholder(s("congress")),
    )
    .with_challenge(
        challenge(
            ids.challenge("roles"),
            ChallengeKind::PoorCoordination,
            "Military and police responsibilities overlap in rural areas",
            3,
            3,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Joint civil-military coordination centres at department level",
            s("mindefensa"),
            0.4,
        )?)
        .with_affects(c("rural-policing"))
        .with_stakeholder(s("army"))
        .with_stakeholder(s("police")),
    )
    .with_evaluation(
        evaluation(
            ids.evaluation("mid-term"),
            "Independent mid-term evaluation of support to implementing the peace agreement",
            date(2022, 6, 30)?,
            scale(&["low", "moderate", "substantial", "high"])?,
            [
                "high", "moderate", "moderate", "moderate", "moderate", "low",
            ],
        )?
        .with_summary(
            "Reincorporation and transitional justice advance; insecurity in former FARC-EP \
             areas and the pace of rural reform threaten the gains.",
        ),
    ))
}
