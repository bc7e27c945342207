//! One test per finding code: the clean fixture broken in one place gives
//! exactly the findings expected, and the fixed document gives none.

use crate::validate_fixture;

use ssr_model::diagnostics::{Code, Severity};
use ssr_model::model::{
    ChallengeKind, ChallengeStatus, ComponentId, GenderMarker, IndicatorId, Measure, ObjectiveId,
    Phase, Pillar, ProgrammeId, ResultLevel, Role, SectorCode, StakeholderId, StakeholderKind,
    Weight,
};
use ssr_model::validate;
use ssr_model::{Component, Indicator, Period, Portfolio, Stakeholder, Value};
use validate_fixture::{
    check, d, expect, found, level, num, pct, policy, portfolio_of, programme, sid,
};

use Code::*;

const P: &str = "/programmes/0";

fn at(rest: &str) -> String {
    format!("{P}{rest}")
}

/// Asserts the exact (code, path) list, in order.
macro_rules! assert_found {
    ($report:expr, [$( ($code:expr, $path:expr) ),* $(,)?]) => {{
        let report = &$report;
        let expected: Vec<(Code, String)> = vec![$( ($code, at($path)) ),*];
        assert_eq!(found(report), expected, "\n{}", report);
    }};
}

#[test]
fn the_fixture_is_clean() {
    let report = check(programme());
    assert!(report.is_empty(), "{report}");
    assert!(report.is_valid());
}

#[test]
fn date_order_programme_end_before_start() {
    let mut p = programme();
    p.planned_end = Some(d(2022, 6, 30));
    let report = check(p.clone());
    // One finding, not one per period: the wrong pair is not used to place periods.
    assert_found!(report, [(DateOrder, "/planned_end")]);
    let f = &report.findings()[0];
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.contains("2022-06-30") && f.message.contains("2023-01-01"),
        "{}",
        f.message
    );

    p.planned_end = Some(d(2027, 6, 30));
    assert!(check(p).is_empty());
}

#[test]
fn date_order_actual_end_before_actual_start() {
    let mut p = programme();
    p.actual_end = Some(d(2022, 12, 31));
    assert_found!(check(p.clone()), [(DateOrder, "/actual_end")]);
    p.actual_end = Some(d(2026, 12, 31));
    assert!(check(p).is_empty());
}

#[test]
fn date_order_actual_end_before_planned_start() {
    // No actual start: the programme runs from its planned start, so an
    // actual end before it is an end before the start.
    let mut p = programme();
    p.actual_start = None;
    p.actual_end = Some(d(2022, 6, 30));
    let report = check(p.clone());
    assert_found!(report, [(DateOrder, "/actual_end")]);
    let m = &report.findings()[0].message;
    assert!(m.contains("2022-06-30") && m.contains("2023-01-01"), "{m}");
    p.actual_end = Some(d(2027, 6, 30));
    assert!(check(p.clone()).is_empty());

    // With no planned end either, the one wrong date is still one finding:
    // the periods are not all reported as after the programme's end.
    p.planned_end = None;
    p.actual_end = Some(d(2022, 6, 30));
    assert_found!(check(p), [(DateOrder, "/actual_end")]);
}

#[test]
fn date_order_planned_end_before_actual_start() {
    // Started after its planned end and not yet ended: the planned end
    // still stated is before the start.
    let mut p = programme();
    p.actual_start = Some(d(2028, 3, 1));
    let report = check(p.clone());
    assert_found!(report, [(DateOrder, "/planned_end")]);
    let m = &report.findings()[0].message;
    assert!(m.contains("2027-12-31") && m.contains("2028-03-01"), "{m}");
    // The revised end date, or the actual end, fixes it.
    p.planned_end = Some(d(2030, 12, 31));
    assert!(check(p.clone()).is_empty());
    p.planned_end = Some(d(2027, 12, 31));
    p.actual_end = Some(d(2029, 12, 31));
    assert!(check(p).is_empty());
}

#[test]
fn date_order_period_ends_before_it_starts() {
    let mut p = programme();
    let period = &mut p.components[1].indicators[0].periods[1];
    period.start = d(2024, 12, 31);
    period.end = d(2024, 1, 1);
    assert_found!(
        check(p.clone()),
        [(DateOrder, "/components/1/indicators/0/periods/1/end")]
    );
    let period = &mut p.components[1].indicators[0].periods[1];
    std::mem::swap(&mut period.start, &mut period.end);
    assert!(check(p).is_empty());
}

#[test]
fn date_order_one_reversed_period_is_one_finding() {
    // The period's end is also before the baseline date; the baseline is
    // not wrong, the period is, and it is reported once.
    let mut p = programme();
    p.components[1].indicators[0].periods[0].end = d(2022, 6, 30);
    assert_found!(
        check(p),
        [(DateOrder, "/components/1/indicators/0/periods/0/end")]
    );
}

#[test]
fn date_order_period_outside_the_programme() {
    let mut p = programme();
    p.components[0].indicators[0]
        .periods
        .push(Period::new(d(2030, 1, 1), d(2030, 12, 31)).with_target(num(60.0)));
    let report = check(p.clone());
    assert_found!(
        report,
        [(DateOrder, "/components/0/indicators/0/periods/4/start")]
    );
    assert!(report.findings()[0].message.contains("2027-12-31"));

    // Before the programme too.
    let mut q = programme();
    q.components[0].indicators[0].periods.insert(
        0,
        Period::new(d(2019, 1, 1), d(2019, 12, 31))
            .with_target(num(38.0))
            .with_actual(num(38.0)),
    );
    q.components[0].indicators[0]
        .baseline
        .as_mut()
        .unwrap()
        .date = Some(d(2018, 12, 31));
    assert_found!(
        check(q),
        [(DateOrder, "/components/0/indicators/0/periods/0/end")]
    );

    // Extended programme: fixed by its new end date.
    p.planned_end = Some(d(2030, 12, 31));
    assert!(check(p).is_empty());
}

#[test]
fn date_order_baseline_after_the_period() {
    let mut p = programme();
    p.components[1].indicators[0]
        .baseline
        .as_mut()
        .unwrap()
        .date = Some(d(2024, 3, 31));
    let report = check(p.clone());
    assert_found!(
        report,
        [(DateOrder, "/components/1/indicators/0/baseline/date")]
    );
    assert!(
        report.findings()[0]
            .message
            .contains("/programmes/0/components/1/indicators/0/periods/0")
    );
    p.components[1].indicators[0]
        .baseline
        .as_mut()
        .unwrap()
        .date = Some(d(2023, 12, 31));
    assert!(
        check(p).is_empty(),
        "a baseline on the last day of the first period is fine"
    );
}

#[test]
fn duplicate_id_stakeholder() {
    let mut p = programme();
    p.stakeholders[4].id = p.stakeholders[0].id;
    let report = check(p.clone());
    assert_found!(report, [(DuplicateId, "/stakeholders/4/id")]);
    assert!(
        report.findings()[0]
            .message
            .contains("/programmes/0/stakeholders/0")
    );
    p.stakeholders[4].id = StakeholderId::from_external("Civil society coalition 2");
    assert!(check(p).is_empty());
}

#[test]
fn duplicate_id_indicator_across_components() {
    let mut p = programme();
    p.components[1].indicators[0].id = IndicatorId::from_external("trust");
    let report = check(p.clone());
    assert_found!(report, [(DuplicateId, "/components/1/indicators/0/id")]);
    assert!(
        report.findings()[0]
            .message
            .contains("/programmes/0/components/0/indicators/0")
    );
    p.components[1].indicators[0].id = IndicatorId::from_external("backlog 2");
    assert!(check(p).is_empty());
}

#[test]
fn duplicate_id_programme() {
    let portfolio = portfolio_of(programme()).with_programme(programme());
    let report = validate::validate(&portfolio, &policy());
    assert_eq!(found(&report), expect(&[(DuplicateId, "/programmes/1/id")]));

    let other = programme().with_id(ProgrammeId::from_external("another"));
    let fixed = portfolio_of(programme()).with_programme(other);
    assert!(validate::validate(&fixed, &policy()).is_empty());
}

#[test]
fn dangling_reference_everywhere_an_id_points() {
    let nobody = StakeholderId::from_external("nobody");
    let mut p = programme();
    p.components[0].lead = Some(nobody);
    p.components[1]
        .objectives
        .push(ObjectiveId::from_external("missing objective"));
    p.funding[1].source = nobody;
    p.challenges[0]
        .affects
        .push(ComponentId::from_external("missing component"));
    p.challenges[0].stakeholders.push(nobody);
    p.challenges[0].mitigations[0].owner = Some(nobody);
    let report = check(p);
    assert_found!(
        report,
        [
            (DanglingReference, "/challenges/0/affects/1"),
            (DanglingReference, "/challenges/0/mitigations/0/owner"),
            (DanglingReference, "/challenges/0/stakeholders/1"),
            (DanglingReference, "/components/0/lead"),
            (DanglingReference, "/components/1/objectives/0"),
            (DanglingReference, "/funding/1/source"),
        ]
    );
    assert!(
        report
            .findings()
            .iter()
            .all(|f| f.severity == Severity::Error)
    );
    assert!(report.findings()[3].message.contains(&nobody.to_string()));

    let mut fixed = programme();
    fixed.components[0].lead = Some(sid("Ministry of Justice"));
    fixed.challenges[0]
        .affects
        .push(ComponentId::from_external("oversight"));
    assert!(check(fixed).is_empty());
}

#[test]
fn weight_invalid_components() {
    let mut p = programme();
    for c in &mut p.components {
        c.weight = Weight::new(0.0).unwrap();
    }
    assert_found!(check(p.clone()), [(WeightInvalid, "/components")]);
    p.components[1].weight = Weight::new(0.5).unwrap();
    assert!(
        check(p).is_empty(),
        "one zero weight among positive ones is allowed"
    );
}

#[test]
fn weight_invalid_indicators() {
    let mut p = programme();
    for i in &mut p.components[0].indicators {
        i.weight = Weight::new(0.0).unwrap();
    }
    assert_found!(
        check(p.clone()),
        [(WeightInvalid, "/components/0/indicators")]
    );
    p.components[0].indicators[1].weight = Weight::new(2.0).unwrap();
    assert!(check(p).is_empty());
}

#[test]
fn percentage_sum_sectors() {
    let mut p = programme();
    p.sectors[1].percentage = Some(pct(30.0));
    let report = check(p.clone());
    assert_found!(report, [(PercentageSum, "/sectors")]);
    assert!(
        report.findings()[0].message.contains("90"),
        "{}",
        report.findings()[0].message
    );

    p.sectors[1].percentage = None;
    assert_found!(check(p.clone()), [(PercentageSum, "/sectors")]);

    // A single sector may leave its percentage out, but if stated it is 100.
    p.sectors.truncate(1);
    p.sectors[0].percentage = Some(pct(60.0));
    assert_found!(check(p.clone()), [(PercentageSum, "/sectors")]);
    p.sectors[0].percentage = None;
    assert!(check(p.clone()).is_empty());
    p.sectors[0].percentage = Some(pct(100.0));
    assert!(check(p).is_empty());
}

#[test]
fn percentage_sum_three_decimal_shares_are_within_tolerance() {
    let mut p = programme();
    p.sectors[0].percentage = Some(pct(33.33));
    p.sectors[1].percentage = Some(pct(33.33));
    p.sectors.push(
        ssr_model::model::Sector::new(SectorCode::new(15132).unwrap()).with_percentage(pct(33.34)),
    );
    assert!(check(p.clone()).is_empty());
    p.sectors[2].percentage = Some(pct(33.32));
    assert_found!(check(p), [(PercentageSum, "/sectors")]);
}

#[test]
fn percentage_sum_funding() {
    let mut p = programme();
    p.funding[1].share = Some(pct(45.0));
    assert_found!(check(p.clone()), [(PercentageSum, "/funding")]);
    p.funding[1].share = None;
    assert_found!(check(p.clone()), [(PercentageSum, "/funding")]);
    // No shares at all is fine.
    p.funding[0].share = None;
    assert!(check(p).is_empty());
}

#[test]
fn missing_value_target() {
    let mut p = programme();
    p.components[1].indicators[0].periods[2].target = None;
    let report = check(p.clone());
    assert_found!(
        report,
        [(MissingValue, "/components/1/indicators/0/periods/2/target")]
    );
    assert_eq!(report.findings()[0].severity, Severity::Warning);
    p.components[1].indicators[0].periods[2].target = Some(num(110.0));
    assert!(check(p).is_empty());
}

#[test]
fn missing_value_labels_in_a_quantitative_indicator() {
    let mut p = programme();
    p.components[0].indicators[0].periods[0].actual = Some(Value::label("about forty"));
    p.components[0].indicators[0].periods[1].target = Some(Value::label("more"));
    p.components[1].indicators[0]
        .baseline
        .as_mut()
        .unwrap()
        .value = Some(Value::label("high"));
    let report = check(p);
    assert_found!(
        report,
        [
            (MissingValue, "/components/0/indicators/0/periods/0/actual"),
            (MissingValue, "/components/0/indicators/0/periods/1/target"),
            (MissingValue, "/components/1/indicators/0/baseline/value"),
        ]
    );
    assert!(report.findings()[0].message.contains("\"about forty\""));
    // Labels are right for an ordinal indicator: the fixture's police act.
}

#[test]
fn missing_value_actual_of_an_ended_period() {
    let mut p = programme();
    p.components[1].indicators[0].periods[2].actual = None;
    let report = check(p.clone());
    assert_found!(
        report,
        [(MissingValue, "/components/1/indicators/0/periods/2/actual")]
    );
    assert!(report.findings()[0].message.contains("2026-01-01"));

    // Without an as_of date, a period is only missing its actual when a later
    // one has one.
    let portfolio = portfolio_of(p.clone());
    let undated = validate::validate(
        &portfolio,
        &ssr_model::diagnostics::ValidationPolicy::default(),
    );
    assert!(undated.is_empty(), "{undated}");
    p.components[1].indicators[0].periods[1].actual = None;
    p.components[1].indicators[0].periods[2].actual = Some(num(125.0));
    let gap = validate::validate(&portfolio_of(p.clone()), &Default::default());
    assert_eq!(
        found(&gap),
        expect(&[(
            MissingValue,
            "/programmes/0/components/1/indicators/0/periods/1/actual"
        )])
    );

    p.components[1].indicators[0].periods[1].actual = Some(num(160.0));
    assert!(check(p).is_empty());
}

#[test]
fn direction_conflict_every_target_against_the_direction() {
    let mut p = programme();
    p.components[0].indicators[0].direction = Some(ssr_model::model::Direction::Decrease);
    let report = check(p.clone());
    assert_found!(
        report,
        [
            (
                DirectionConflict,
                "/components/0/indicators/0/periods/0/target"
            ),
            (
                DirectionConflict,
                "/components/0/indicators/0/periods/1/target"
            ),
            (
                DirectionConflict,
                "/components/0/indicators/0/periods/2/target"
            ),
            (
                DirectionConflict,
                "/components/0/indicators/0/periods/3/target"
            ),
        ]
    );
    let m = &report.findings()[0].message;
    assert!(
        m.contains("42") && m.contains("38") && m.contains("decrease"),
        "{m}"
    );

    // No stated direction: nothing to contradict.
    p.components[0].indicators[0].direction = None;
    assert!(check(p).is_empty());
}

#[test]
fn direction_conflict_one_target() {
    let mut p = programme();
    p.components[1].indicators[0].periods[1].target = Some(num(210.0));
    assert_found!(
        check(p.clone()),
        [(
            DirectionConflict,
            "/components/1/indicators/0/periods/1/target"
        )]
    );
    // Holding the baseline is a "maintain" target, not a conflict.
    p.components[1].indicators[0].periods[1].target = Some(num(200.0));
    assert!(check(p).is_empty());
}

#[test]
fn period_overlap_sharing_a_day() {
    let mut p = programme();
    p.components[0].indicators[0].periods[1].start = d(2023, 12, 31);
    let report = check(p.clone());
    assert_found!(
        report,
        [(PeriodOverlap, "/components/0/indicators/0/periods/1/start")]
    );
    assert!(
        report.findings()[0]
            .message
            .contains("/programmes/0/components/0/indicators/0/periods/0")
    );
    p.components[0].indicators[0].periods[1].start = d(2024, 1, 1);
    assert!(check(p).is_empty());
}

#[test]
fn period_overlap_out_of_order_periods() {
    let mut p = programme();
    let periods = &mut p.components[1].indicators[0].periods;
    periods.reverse(); // 2025, 2024, 2023: in no order, no overlap
    assert!(check(p.clone()).is_empty());
    let periods = &mut p.components[1].indicators[0].periods;
    periods[0].start = d(2024, 7, 1); // 2024-07-01..2025-12-31 overlaps 2024 at index 1
    assert_found!(
        check(p),
        [(PeriodOverlap, "/components/1/indicators/0/periods/0/start")]
    );
}

#[test]
fn future_actual() {
    let mut p = programme();
    p.components[0].indicators[0].periods[3].actual = Some(num(56.0));
    let report = check(p.clone());
    assert_found!(
        report,
        [(FutureActual, "/components/0/indicators/0/periods/3/actual")]
    );
    assert_eq!(report.findings()[0].severity, Severity::Error);
    // Without as_of the check is not made.
    let undated = validate::validate(&portfolio_of(p.clone()), &Default::default());
    assert!(undated.is_empty(), "{undated}");
    // Later, the actual is in the past.
    let later = validate::validate(
        &portfolio_of(p),
        &ssr_model::diagnostics::ValidationPolicy::default().with_as_of(d(2027, 1, 1)),
    );
    assert!(later.is_empty(), "{later}");
}

#[test]
fn empty_name_everywhere_text_identifies() {
    let mut p = programme();
    p.name = String::new();
    p.stakeholders[2].name = "   ".into();
    p.components[1].name = String::new();
    p.components[0].indicators[1].title = "\t".into();
    p.objectives[0].statement = String::new();
    p.challenges[0].description = String::new();
    p.challenges[0].mitigations[0].action = String::new();
    let mut portfolio = portfolio_of(p);
    portfolio.name = Some(String::new());
    let report = validate::validate(&portfolio, &policy());
    assert_eq!(
        found(&report),
        expect(&[
            (EmptyName, "/name"),
            (EmptyName, "/programmes/0/challenges/0/description"),
            (EmptyName, "/programmes/0/challenges/0/mitigations/0/action"),
            (EmptyName, "/programmes/0/components/0/indicators/1/title"),
            (EmptyName, "/programmes/0/components/1/name"),
            (EmptyName, "/programmes/0/name"),
            (EmptyName, "/programmes/0/objectives/0/statement"),
            (EmptyName, "/programmes/0/stakeholders/2/name"),
        ])
    );
    assert!(report.findings()[7].message.contains("blank"));
    assert!(!report.is_valid());
}

#[test]
fn withdrawn_sector_code() {
    let mut p = programme();
    p.sectors[1].code = SectorCode::new(15162).unwrap().to_string();
    let report = check(p.clone());
    assert_found!(report, [(WithdrawnSectorCode, "/sectors/1/code")]);
    let f = &report.findings()[0];
    assert!(f.message.contains("15162"));
    assert!(f.help.as_deref().unwrap().contains("15160"));
    for code in [15120, 15140, 15161, 15163, 15164] {
        p.sectors[1].code = SectorCode::new(code).unwrap().to_string();
        assert_found!(check(p.clone()), [(WithdrawnSectorCode, "/sectors/1/code")]);
    }
    p.sectors[1].code = SectorCode::new(15160).unwrap().to_string();
    assert!(check(p).is_empty());
}

/// `s` with influence, interest and stance assessed, as the fixture's are.
fn assessed(s: Stakeholder) -> Stakeholder {
    s.with_influence(level(3))
        .with_interest(level(3))
        .with_stance(ssr_model::model::Stance::Supportive)
}

#[test]
fn unassessed_stakeholder() {
    let mut p = programme();
    p.stakeholders[2].interest = None;
    p.stakeholders[5].influence = None;
    p.stakeholders[5].stance = None;
    let report = check(p);
    assert_found!(
        report,
        [
            (UnassessedStakeholder, "/stakeholders/2"),
            (UnassessedStakeholder, "/stakeholders/5")
        ]
    );
    assert!(
        report
            .findings()
            .iter()
            .all(|f| f.severity == Severity::Advice)
    );
    assert!(report.findings()[0].message.contains("no interest"));
    assert!(
        report.findings()[1]
            .message
            .contains("no influence, stance")
    );
}

#[test]
fn no_civil_society() {
    let mut p = programme();
    p.stakeholders.remove(4);
    assert_found!(check(p.clone()), [(NoCivilSociety, "/stakeholders")]);
    p.stakeholders.push(assessed(Stakeholder::new(
        "Women of Lofa County",
        StakeholderKind::LocalCommunity,
    )));
    assert!(check(p).is_empty());
}

#[test]
fn no_oversight() {
    let mut p = programme();
    p.components[1].pillar = Pillar::Corrections;
    p.stakeholders[5].kind = StakeholderKind::LocalGovernment;
    p.stakeholders[5].roles = vec![Role::Beneficiary];
    assert_found!(check(p.clone()), [(NoOversight, "/components")]);
    // An oversight body among the stakeholders is enough.
    p.stakeholders[5].kind = StakeholderKind::OversightBody;
    assert!(check(p.clone()).is_empty());
    // So is the oversight role.
    p.stakeholders[5].kind = StakeholderKind::LocalGovernment;
    p.stakeholders[5].roles = vec![Role::Oversight];
    assert!(check(p.clone()).is_empty());
    // Or a justice component.
    p.stakeholders[5].roles = vec![Role::Beneficiary];
    p.components[1].pillar = Pillar::JusticeReform;
    assert!(check(p).is_empty());
}

#[test]
fn no_local_ownership() {
    let mut p = programme();
    p.stakeholders[0].roles = vec![Role::Beneficiary];
    p.stakeholders[1].roles = vec![Role::Beneficiary];
    // An international organisation implementing does not make it local.
    p.stakeholders[3].roles.push(Role::Implementing);
    assert_found!(check(p.clone()), [(NoLocalOwnership, "/stakeholders")]);
    p.stakeholders[4].roles.push(Role::Implementing); // national civil society
    assert!(check(p).is_empty());
}

#[test]
fn component_without_indicator() {
    let mut p = programme();
    p.components
        .push(Component::new("Vetting", Pillar::VettingAndAntiCorruption));
    let report = check(p.clone());
    assert_found!(
        report,
        [(ComponentWithoutIndicator, "/components/2/indicators")]
    );
    assert!(report.findings()[0].message.contains("\"Vetting\""));
    p.components[2].indicators.push(
        Indicator::new("Officers vetted", ResultLevel::Output, Measure::Unit)
            .with_baseline(ssr_model::model::Baseline::new(num(0.0)).with_date(d(2024, 1, 1)))
            .with_source(ssr_model::model::DataSource::new(
                ssr_model::model::SourceKind::AdministrativeData,
            ))
            .with_period(
                Period::new(d(2024, 1, 1), d(2024, 12, 31))
                    .with_target(num(500.0))
                    .with_actual(num(420.0)),
            ),
    );
    assert!(check(p).is_empty());
}

#[test]
fn indicator_without_baseline() {
    let mut p = programme();
    p.components[0].indicators[1].baseline = None;
    p.components[1].indicators[0]
        .baseline
        .as_mut()
        .unwrap()
        .value = None;
    assert_found!(
        check(p.clone()),
        [
            (
                IndicatorWithoutBaseline,
                "/components/0/indicators/1/baseline"
            ),
            (
                IndicatorWithoutBaseline,
                "/components/1/indicators/0/baseline/value"
            ),
        ]
    );
    p.components[0].indicators[1].baseline =
        Some(ssr_model::model::Baseline::new(Value::label("none")).with_date(d(2023, 1, 1)));
    p.components[1].indicators[0]
        .baseline
        .as_mut()
        .unwrap()
        .value = Some(num(200.0));
    assert!(check(p).is_empty());
}

#[test]
fn undated_baseline() {
    // A baseline value without its date: advice at the date's place.
    let mut p = programme();
    let title = p.components[0].indicators[1].title.clone();
    p.components[0].indicators[1]
        .baseline
        .as_mut()
        .unwrap()
        .date = None;
    let report = check(p.clone());
    assert_found!(
        report,
        [(UndatedBaseline, "/components/0/indicators/1/baseline/date")]
    );
    let f = &report.findings()[0];
    assert_eq!(f.severity, Severity::Advice);
    assert!(f.message.contains(&format!("{title:?}")), "{}", f.message);
    assert_eq!(UndatedBaseline.as_str(), "undated_baseline");
    // No baseline, or one without a value, is `indicator_without_baseline`
    // alone: there is nothing to date.
    p.components[0].indicators[1]
        .baseline
        .as_mut()
        .unwrap()
        .value = None;
    assert_found!(
        check(p.clone()),
        [(
            IndicatorWithoutBaseline,
            "/components/0/indicators/1/baseline/value"
        )]
    );
    // Dated: clean.
    p.components[0].indicators[1].baseline =
        Some(ssr_model::model::Baseline::new(num(10.0)).with_date(d(2023, 1, 1)));
    assert!(check(p).is_empty());
}

#[test]
fn unmitigated_resistance() {
    let mut p = programme();
    p.challenges[0].stakeholders.clear();
    let report = check(p.clone());
    assert_found!(report, [(UnmitigatedResistance, "/stakeholders/6")]);
    let m = &report.findings()[0].message;
    assert!(
        m.contains("Police union") && m.contains("resistant") && m.contains('4'),
        "{m}"
    );

    // A challenge that names it but plans nothing does not address it.
    let mut named = programme();
    named.challenges[0].mitigations.clear();
    named.challenges[0].likelihood = level(2);
    assert_found!(check(named), [(UnmitigatedResistance, "/stakeholders/6")]);

    // Low influence is not flagged.
    p.stakeholders[6].influence = Some(level(3));
    assert!(check(p.clone()).is_empty());
    // Blocking with high influence is.
    p.stakeholders[6].influence = Some(level(5));
    p.stakeholders[6].stance = Some(ssr_model::model::Stance::Blocking);
    assert_found!(check(p), [(UnmitigatedResistance, "/stakeholders/6")]);
}

#[test]
fn high_risk_without_mitigation() {
    let mut p = programme();
    p.challenges.push(
        ssr_model::Challenge::new(ChallengeKind::ResourceConstraints, "Budget cuts")
            .with_likelihood(level(5))
            .with_impact(level(3)),
    );
    let report = check(p.clone());
    assert_found!(
        report,
        [(HighRiskWithoutMitigation, "/challenges/1/mitigations")]
    );
    assert!(report.findings()[0].message.contains("15"));
    // Below the threshold.
    p.challenges[1].impact = level(2);
    p.challenges[1].likelihood = level(5); // 5 × 2 = 10
    assert!(check(p.clone()).is_empty());
    // A closed challenge needs no mitigation.
    p.challenges[1].likelihood = level(5);
    p.challenges[1].impact = level(5);
    p.challenges[1].status = ChallengeStatus::Closed;
    assert!(check(p).is_empty());
}

#[test]
fn single_funder() {
    let mut p = programme();
    p.stakeholders.remove(3);
    p.funding.remove(1);
    p.funding[0].share = Some(pct(100.0));
    let report = check(p.clone());
    assert_found!(report, [(SingleFunder, "/funding")]);
    assert_eq!(report.findings()[0].severity, Severity::Advice);
    assert!(report.is_valid());
    // A second source by role alone counts.
    p.stakeholders.push(assessed(
        Stakeholder::new("Ministry of Finance", StakeholderKind::NationalGovernment)
            .with_role(Role::Funding),
    ));
    assert!(check(p).is_empty());
}

#[test]
fn no_gender_dimension() {
    let mut p = programme();
    p.gender_marker = None;
    assert_found!(check(p.clone()), [(NoGenderDimension, "/gender_marker")]);
    p.gender_marker = Some(GenderMarker::NotTargeted);
    assert_found!(check(p.clone()), [(NoGenderDimension, "/gender_marker")]);
    // A sex-disaggregated indicator is a gender dimension.
    p.components[0].indicators[0].periods[0]
        .breakdowns
        .push(ssr_model::model::Breakdown::new("Sex", "female").with_actual(num(36.0)));
    assert!(check(p.clone()).is_empty());
    // So is a women's organisation.
    p.components[0].indicators[0].periods[0].breakdowns.clear();
    p.stakeholders.push(assessed(Stakeholder::new(
        "Women in Security Network",
        StakeholderKind::WomensOrganisation,
    )));
    assert!(check(p).is_empty());
}

#[test]
fn quantitative_only() {
    let mut p = programme();
    // The police act (ordinal) gives way to a count, an output like it.
    p.components[0].indicators[1] =
        Indicator::new("Officers trained", ResultLevel::Output, Measure::Unit)
            .with_baseline(ssr_model::model::Baseline::new(num(0.0)).with_date(d(2023, 1, 1)))
            .with_source(ssr_model::model::DataSource::new(
                ssr_model::model::SourceKind::AdministrativeData,
            ))
            .with_period(
                Period::new(d(2023, 1, 1), d(2023, 12, 31))
                    .with_target(num(500.0))
                    .with_actual(num(420.0)),
            );
    assert_found!(check(p.clone()), [(QuantitativeOnly, "/components")]);
    p.components[1].indicators.push(
        Indicator::new(
            "Oversight body's assessment",
            ResultLevel::Outcome,
            Measure::Qualitative,
        )
        .with_source(ssr_model::model::DataSource::new(
            ssr_model::model::SourceKind::OversightReport,
        ))
        .with_baseline(
            ssr_model::model::Baseline::new(Value::label("weak")).with_date(d(2023, 1, 1)),
        ),
    );
    assert!(check(p).is_empty());
}

#[test]
fn stale_data() {
    let mut p = programme();
    p.components[0].indicators[0].periods.pop(); // no 2026 period
    let policy = ssr_model::diagnostics::ValidationPolicy::default().with_as_of(d(2027, 6, 1));
    let report = validate::validate(&portfolio_of(p.clone()), &policy);
    // The latest actuals end 2025-12-31; the first in document order is named.
    assert_eq!(
        found(&report),
        expect(&[(
            StaleData,
            "/programmes/0/components/0/indicators/0/periods/2/actual"
        )])
    );
    let m = &report.findings()[0].message;
    assert!(
        m.contains("2025-12-31") && m.contains("517") && m.contains("365"),
        "{m}"
    );
    // A closed programme reports no more.
    p.phase = Phase::Closed;
    assert!(validate::validate(&portfolio_of(p), &policy).is_empty());
}

#[test]
fn stale_data_needs_an_as_of_date() {
    let mut p = programme();
    p.components[0].indicators[0].periods.pop();
    assert!(validate::validate(&portfolio_of(p), &Default::default()).is_empty());
}

#[test]
fn many_problems_are_all_reported_sorted() {
    let mut p = programme();
    p.name = String::new();
    p.stakeholders.remove(4);
    p.components[0].lead = Some(StakeholderId::from_external("nobody"));
    p.components[1].weight = Weight::new(0.0).unwrap();
    p.components[0].weight = Weight::new(0.0).unwrap();
    p.components[0].indicators[0].periods[3].actual = Some(num(56.0));
    let mut portfolio: Portfolio =
        portfolio_of(programme().with_id(ProgrammeId::from_external("first")));
    portfolio.programmes.push(p);
    let report = validate::validate(&portfolio, &policy());
    assert_eq!(
        found(&report),
        expect(&[
            (WeightInvalid, "/programmes/1/components"),
            // Member names alphabetically: "indicators" before "lead".
            (
                FutureActual,
                "/programmes/1/components/0/indicators/0/periods/3/actual"
            ),
            (DanglingReference, "/programmes/1/components/0/lead"),
            (EmptyName, "/programmes/1/name"),
            (NoCivilSociety, "/programmes/1/stakeholders"),
        ])
    );
    assert_eq!(report.first_error().map(|f| f.code), Some(WeightInvalid));
    assert_eq!(report.errors().count(), 4);
}
