//! Mali: defence and security reform with MINUSMA and the EU Training
//! Mission, DDR of the signatory movements, suspended after the 2020 and
//! 2021 coups.
//!
//! Deliberately, the suspension shows in the data: the 2022–2023 periods have
//! no actuals (`missing_value` on the quantitative indicators) and the latest
//! actuals date from 2021 (`stale_data`).

use super::build::{
    ILLUSTRATIVE, Ids, baseline, baseline_label, challenge, date, evaluation, funding, indicator,
    labels, mitigation, money, numbers, party, satisfaction_scale, scale, sector, source, weight,
    years,
};
use crate::{
    ChallengeKind, ChallengeStatus, Component, Context, Country, Direction, GenderMarker, Measure,
    Objective, ObjectiveKind, Phase, Pillar, Programme, ResultLevel, Role, SourceKind,
    StakeholderKind as Kind, Stance, ValueError,
};

const IDS: Ids = Ids::new("mali");

#[expect(clippy::too_many_lines, reason = "sample data")]
pub(crate) fn programme() -> Result<Programme, ValueError> {
    let ids = &IDS;
    let s = |name| ids.stakeholder(name);
    let o = |name| ids.objective(name);
    let c = |name| ids.component(name);

    let training = Component::new(
        "Training and professionalisation of the armed forces with EUTM",
        Pillar::MilitaryProfessionalisation,
    )
    .with_id(c("training"))
    .with_weight(weight(4.0)?)
    .with_objective(o("protection"))
    .with_objective(o("human-rights"))
    .with_lead(s("fama"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("trained"),
            "FAMa personnel trained by EUTM (cumulative)",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("personnel")
        .with_source(source(
            SourceKind::MonitoringReport,
            "EUTM Mali training statistics",
        ))
        .with_baseline(baseline(8000.0, date(2015, 12, 31)?)?),
        &[
            (years(2016, 2017)?, 12000.0, Some(11400.0)),
            (years(2018, 2019)?, 16000.0, Some(15200.0)),
            (years(2020, 2021)?, 20000.0, Some(17600.0)),
            // Operational training suspended in 2022: no actual reported.
            (years(2022, 2023)?, 24000.0, None),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("abuse-allegations"),
            "Allegations of abuses against civilians attributed to the defence forces",
            ResultLevel::Outcome,
            Measure::Unit,
        )
        .with_direction(Direction::Decrease)
        .with_unit("allegations per year")
        .with_weight(weight(2.0)?)
        .with_source(source(
            SourceKind::OversightReport,
            "MINUSMA human rights division quarterly notes",
        ))
        .with_baseline(baseline(95.0, date(2015, 12, 31)?)?),
        &[
            (years(2016, 2017)?, 80.0, Some(88.0)),
            (years(2018, 2019)?, 60.0, Some(140.0)),
            (years(2020, 2021)?, 50.0, Some(210.0)),
            // Monitoring access was withdrawn; reporting stopped.
            (years(2022, 2023)?, 40.0, None),
        ],
    )?);

    let mixed_units = scale(&[
        "not established",
        "established on paper",
        "partly operational",
        "operational",
    ])?;
    let ddr = Component::new(
        "DDR and integration of the signatory movements' combatants",
        Pillar::Ddr,
    )
    .with_id(c("ddr"))
    .with_weight(weight(3.0)?)
    .with_objective(o("integration"))
    .with_lead(s("cnddr"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("integrated"),
            "Combatants of signatory movements integrated into the reconstituted forces",
            ResultLevel::Outcome,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("combatants (cumulative)")
        .with_source(source(
            SourceKind::AdministrativeData,
            "National DDR Commission registers",
        ))
        .with_baseline(baseline(0.0, date(2015, 12, 31)?)?),
        &[
            (years(2016, 2017)?, 1500.0, Some(400.0)),
            (years(2018, 2019)?, 3000.0, Some(1330.0)),
            (years(2020, 2021)?, 5000.0, Some(1840.0)),
            (years(2022, 2023)?, 7000.0, None),
        ],
    )?)
    .with_indicator(labels(
        indicator(
            ids.indicator("mixed-units"),
            "Status of the mixed units of the operational coordination mechanism",
            ResultLevel::Outcome,
            Measure::Ordinal,
        )
        .with_direction(Direction::Increase)
        .with_scale(mixed_units)
        .with_source(source(
            SourceKind::MonitoringReport,
            "Reports of the agreement's monitoring committee",
        ))
        .with_baseline(baseline_label("not established", date(2015, 12, 31)?)),
        &[
            (
                years(2016, 2017)?,
                "partly operational",
                Some("established on paper"),
            ),
            (
                years(2018, 2019)?,
                "operational",
                Some("partly operational"),
            ),
            (
                years(2020, 2021)?,
                "operational",
                Some("partly operational"),
            ),
            (years(2022, 2023)?, "operational", None),
        ],
    )?);

    let scrutiny = scale(&["none", "formal", "partial", "substantive"])?;
    let governance = Component::new(
        "Defence governance and civilian oversight",
        Pillar::Oversight,
    )
    .with_id(c("governance"))
    .with_weight(weight(2.0)?)
    .with_objective(o("civilian-control"))
    .with_objective(o("women"))
    .with_lead(s("assembly"))
    .with_indicator(labels(
        indicator(
            ids.indicator("budget-scrutiny"),
            "Parliamentary scrutiny of the defence budget",
            ResultLevel::Outcome,
            Measure::Ordinal,
        )
        .with_direction(Direction::Increase)
        .with_scale(scrutiny)
        .with_source(source(
            SourceKind::ExternalEvaluation,
            "Annual governance assessment by the programme's adviser",
        ))
        .with_baseline(baseline_label("formal", date(2015, 12, 31)?)),
        &[
            (years(2016, 2017)?, "partial", Some("partial")),
            (years(2018, 2019)?, "substantive", Some("partial")),
            // The National Assembly was dissolved after the August 2020 coup.
            (years(2020, 2021)?, "substantive", Some("none")),
            (years(2022, 2023)?, "substantive", None),
        ],
    )?)
    .with_indicator(numbers(
        indicator(
            ids.indicator("women-share"),
            "Women in the defence and security forces",
            ResultLevel::Outcome,
            Measure::Percentage,
        )
        .with_direction(Direction::Increase)
        .with_unit("% of personnel")
        .with_source(source(
            SourceKind::AdministrativeData,
            "Ministry of Defence personnel statistics",
        ))
        .with_baseline(baseline(5.0, date(2015, 12, 31)?)?),
        &[
            (years(2016, 2017)?, 8.0, Some(6.0)),
            (years(2018, 2019)?, 11.0, Some(7.0)),
            (years(2020, 2021)?, 15.0, Some(8.0)),
            (years(2022, 2023)?, 18.0, None),
        ],
    )?);

    let cmo = Component::new(
        "Civil-military coordination and protection of civilians with MINUSMA",
        Pillar::CivilMilitaryCoordination,
    )
    .with_id(c("cmo"))
    .with_weight(weight(2.0)?)
    .with_objective(o("protection"))
    .with_lead(s("minusma"))
    .with_indicator(numbers(
        indicator(
            ids.indicator("community-meetings"),
            "Civil-military coordination meetings with communities in the centre",
            ResultLevel::Output,
            Measure::Unit,
        )
        .with_direction(Direction::Increase)
        .with_unit("meetings per period")
        .with_source(source(
            SourceKind::MonitoringReport,
            "MINUSMA civil affairs reporting",
        ))
        .with_baseline(baseline(4.0, date(2015, 12, 31)?)?),
        &[
            (years(2016, 2017)?, 40.0, Some(36.0)),
            (years(2018, 2019)?, 80.0, Some(71.0)),
            (years(2020, 2021)?, 120.0, Some(64.0)),
            (years(2022, 2023)?, 120.0, None),
        ],
    )?);

    Ok(Programme::new(
        "Mali: defence and security reform with MINUSMA and EUTM",
        Country::new("MLI")?,
    )
    .with_id(ids.programme())
    .with_external_id(ids.external())
    .with_description(format!(
        "Under the 2015 Algiers peace agreement, international partners supported the \
         training of the Malian armed forces (EUTM), DDR and the integration of the \
         signatory movements' combatants, civilian oversight of defence and civil-military \
         coordination with MINUSMA. Fragmented forces and insecurity slowed the reform; \
         after the coups of 2020 and 2021 the EU suspended operational training and MINUSMA \
         withdrew in 2023, so the programme is suspended. {ILLUSTRATIVE}"
    ))
    .with_context(Context::PeaceOperation)
    .with_phase(Phase::Suspended)
    .with_planned_start(date(2015, 7, 1)?)
    .with_planned_end(date(2024, 12, 31)?)
    .with_actual_start(date(2015, 9, 1)?)
    .with_budget(money("140000000", "EUR")?)
    .with_funding(funding(s("eu"), "70000000", "EUR", 50.0)?)
    .with_funding(funding(s("minusma"), "42000000", "EUR", 30.0)?)
    .with_funding(funding(s("germany"), "14000000", "EUR", 10.0)?)
    .with_funding(funding(s("mef"), "14000000", "EUR", 10.0)?)
    .with_sector(sector(15210, 40.0)?)
    .with_sector(sector(15240, 25.0)?)
    .with_sector(sector(15230, 15.0)?)
    .with_sector(sector(15132, 10.0)?)
    .with_sector(sector(15170, 10.0)?)
    .with_gender_marker(GenderMarker::Significant)
    .with_objective(
        Objective::new(
            ObjectiveKind::Effectiveness,
            "Armed forces able to protect civilians in the centre and the north",
        )
        .with_id(o("protection")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::HumanRights,
            "Operations respect international humanitarian and human rights law",
        )
        .with_id(o("human-rights")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::LocalOwnership,
            "Combatants of the signatory movements join reconstituted national forces",
        )
        .with_id(o("integration")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::CivilianControl,
            "The National Assembly and the ministry exercise civilian oversight of defence",
        )
        .with_id(o("civilian-control")),
    )
    .with_objective(
        Objective::new(
            ObjectiveKind::GenderEquality,
            "Women make up a larger share of the defence and security forces, as the 2015 \
             quota law requires of public institutions",
        )
        .with_id(o("women")),
    )
    .with_stakeholder(
        party(
            s("mod"),
            "Ministry of Defence and Veterans Affairs",
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
            s("mef"),
            "Ministry of Economy and Finance",
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
            s("transition"),
            "Transitional military authorities (since the 2020 and 2021 coups)",
            Kind::NationalGovernment,
            5,
            4,
            Stance::Blocking,
        )?
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("fama"),
            "Malian Armed Forces (FAMa)",
            Kind::ArmedForces,
            5,
            4,
            Stance::Neutral,
        )?
        .with_role(Role::Implementing)
        .with_role(Role::Beneficiary)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("cnddr"),
            "National DDR Commission",
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
            s("movements"),
            "Signatory armed movements of the 2015 agreement",
            Kind::Other,
            4,
            5,
            Stance::Resistant,
        )?
        .with_urgent(true),
    )
    .with_stakeholder(
        party(
            s("assembly"),
            "National Assembly: defence and security committee",
            Kind::Parliament,
            2,
            3,
            Stance::Neutral,
        )?
        .with_role(Role::Oversight)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("cndh"),
            "National Human Rights Commission",
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
            s("minusma"),
            "UN Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)",
            Kind::InternationalOrganisation,
            4,
            4,
            Stance::Supportive,
        )?
        .with_role(Role::Funding)
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("eu"),
            "European Union (EUTM Mali, EUCAP Sahel Mali)",
            Kind::InternationalOrganisation,
            4,
            4,
            Stance::Champion,
        )?
        .with_role(Role::Funding)
        .with_role(Role::Implementing)
        .with_legitimate(true),
    )
    .with_stakeholder(
        party(
            s("germany"),
            "Germany (bilateral cooperation)",
            Kind::BilateralDonor,
            3,
            3,
            Stance::Supportive,
        )?
        .with_role(Role::Funding),
    )
    .with_stakeholder(
        party(
            s("cso"),
            "Civil-society platform on security governance",
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
            "Women's associations for peace and security",
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
            s("communities"),
            "Communities of the Mopti and Ségou regions",
            Kind::LocalCommunity,
            1,
            5,
            Stance::Neutral,
        )?
        .with_role(Role::Beneficiary)
        .with_legitimate(true)
        .with_urgent(true),
    )
    .with_component(training)
    .with_component(ddr)
    .with_component(governance)
    .with_component(cmo)
    .with_challenge(
        challenge(
            ids.challenge("coups"),
            ChallengeKind::PoliticalInstability,
            "Coups in August 2020 and May 2021; the transitional authorities end cooperation \
             with EUTM and ask MINUSMA to leave",
            5,
            5,
        )?
        .with_status(ChallengeStatus::Materialised)
        .with_mitigation(mitigation(
            "Suspend operational training and make any resumption conditional on the \
             transition roadmap",
            s("eu"),
            0.2,
        )?)
        .with_mitigation(mitigation(
            "Keep human-rights monitoring alive through the National Human Rights Commission",
            s("cndh"),
            0.1,
        )?)
        .with_affects(c("training"))
        .with_affects(c("governance"))
        .with_affects(c("cmo"))
        .with_stakeholder(s("transition")),
    )
    .with_challenge(
        challenge(
            ids.challenge("sovereignty"),
            ChallengeKind::SovereigntyConcerns,
            "The transitional authorities present international advice as interference and \
             turn to other security partners",
            5,
            4,
        )?
        .with_status(ChallengeStatus::Materialised)
        .with_mitigation(mitigation(
            "Shift the remaining support to civil society and independent monitoring",
            s("germany"),
            0.1,
        )?)
        .with_affects(c("governance"))
        .with_stakeholder(s("transition")),
    )
    .with_challenge(
        challenge(
            ids.challenge("fragmented-forces"),
            ChallengeKind::FragmentedForces,
            "Signatory movements keep separate chains of command and delay cantonment",
            4,
            4,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Mixed units under the operational coordination mechanism, with joint patrols",
            s("minusma"),
            0.3,
        )?)
        .with_affects(c("ddr"))
        .with_stakeholder(s("movements")),
    )
    .with_challenge(
        challenge(
            ids.challenge("abuses"),
            ChallengeKind::Other,
            "Abuses during counter-insurgency operations in the centre drive recruitment by \
             armed groups",
            4,
            5,
        )?
        .with_status(ChallengeStatus::Materialised)
        .with_mitigation(mitigation(
            "Humanitarian and human-rights law modules in every course, and support \
             conditional on the UN human rights due diligence policy",
            s("minusma"),
            0.2,
        )?)
        .with_affects(c("training"))
        .with_stakeholder(s("fama")),
    )
    .with_challenge(
        challenge(
            ids.challenge("pay"),
            ChallengeKind::CapacityGaps,
            "Weak logistics and irregular pay undermine discipline",
            4,
            3,
        )?
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(mitigation(
            "Biometric personnel census and electronic payment of salaries",
            s("mod"),
            0.4,
        )?)
        .with_affects(c("training"))
        .with_stakeholder(s("mod")),
    )
    .with_evaluation(
        evaluation(
            ids.evaluation("strategic-review"),
            "Strategic review of EU support to the Malian defence and security forces",
            date(2022, 11, 30)?,
            satisfaction_scale()?,
            [
                "satisfactory",
                "partly satisfactory",
                "unsatisfactory",
                "partly satisfactory",
                "unsatisfactory",
                "unsatisfactory",
            ],
        )?
        .with_summary(
            "Training reached its numbers but not its aims: without civilian control and \
             accountability the trained forces committed abuses, and the political \
             breakdown leaves little to sustain.",
        ),
    ))
}
