//! The results-chain codes, each raised on the clean fixture by one change:
//! objective links and cycles, objectives unmeasured or measured by outputs
//! alone, outcomes without outputs, missing sources, breakdowns that do
//! not add up or leave women's results unreported.

use crate::validate_fixture;

use ssr_model::Objective;
use ssr_model::diagnostics::{Code, Severity};
use ssr_model::model::{Breakdown, ObjectiveId, ObjectiveKind};
use ssr_model::validate;
use validate_fixture::{check, found, num, policy, portfolio_of, programme};

use Code::*;

fn at(rest: &str) -> String {
    format!("/programmes/0{rest}")
}

macro_rules! assert_found {
    ($report:expr, [$( ($code:expr, $path:expr) ),* $(,)?]) => {{
        let report = &$report;
        let expected: Vec<(Code, String)> = vec![$( ($code, at($path)) ),*];
        assert_eq!(found(report), expected, "\n{}", report);
    }};
}

#[test]
fn default_levels() {
    for (code, severity) in [
        (ObjectiveCycle, Severity::Error),
        (ObjectiveUnmeasured, Severity::Warning),
        (ObjectiveOutputOnly, Severity::Advice),
        (OutcomeWithoutOutputs, Severity::Advice),
        (MissingSource, Severity::Advice),
        (BreakdownSum, Severity::Warning),
        (BreakdownIncomplete, Severity::Advice),
    ] {
        assert_eq!(code.default_severity(), severity, "{code}");
        assert_eq!(code.as_str().parse::<Code>().unwrap(), code);
    }
}

#[test]
fn indicator_objectives_and_parents_must_resolve() {
    let mut p = programme();
    p.components[0].indicators[0]
        .objectives
        .push(ObjectiveId::from_external("missing"));
    p.objectives[0].parent = Some(ObjectiveId::from_external("missing parent"));
    // Naming an objective (even a missing one) replaces the component's:
    // the trust outcome no longer measures the fixture's objective, which
    // is left with the police act, an output.
    assert_found!(
        check(p),
        [
            (DanglingReference, "/components/0/indicators/0/objectives/0"),
            (ObjectiveOutputOnly, "/objectives/0"),
            (DanglingReference, "/objectives/0/parent"),
        ]
    );
}

#[test]
fn objective_cycle_is_reported_once_per_cycle() {
    let mut p = programme();
    let a = p.objectives[0].id;
    let b = Objective::new(ObjectiveKind::Oversight, "B").with_parent(a);
    p.objectives[0].parent = Some(b.id);
    // Both measured through the component, so only the cycle is found.
    p.components[0].objectives.push(b.id);
    p.objectives.push(b);
    // A self-loop is a cycle too.
    let c = Objective::new(ObjectiveKind::Trust, "C");
    let c = c.clone().with_parent(c.id);
    p.components[0].objectives.push(c.id);
    p.objectives.push(c);
    assert_found!(
        check(p),
        [
            (ObjectiveCycle, "/objectives/0/parent"),
            (ObjectiveCycle, "/objectives/2/parent"),
        ]
    );
}

#[test]
fn objective_unmeasured_and_measured_through_a_sub_objective() {
    let mut p = programme();
    let overall = Objective::new(ObjectiveKind::RuleOfLaw, "Overall");
    let overall_id = overall.id;
    p.objectives.push(overall);
    let report = check(p.clone());
    assert_found!(report, [(ObjectiveUnmeasured, "/objectives/1")]);
    assert!(report.findings()[0].message.contains("\"Overall\""));
    // The fixture's objective, measured at outcome, now serves it.
    p.objectives[0].parent = Some(overall_id);
    assert!(check(p).is_empty());
}

#[test]
fn objective_output_only() {
    let mut p = programme();
    let o = Objective::new(ObjectiveKind::Oversight, "Complaints handled");
    // The oversight component's only indicator (an output) measures it.
    p.components[1].objectives.push(o.id);
    p.objectives.push(o);
    assert_found!(check(p.clone()), [(ObjectiveOutputOnly, "/objectives/1")]);
    // An indicator naming its own objective measures it instead of its
    // component's: the community-policing outcome takes it over.
    let o = p.objectives[1].id;
    p.components[0].indicators[0].objectives.push(o);
    let report = check(p);
    assert_found!(report, [(ObjectiveOutputOnly, "/objectives/0")]);
}

#[test]
fn outcome_without_outputs() {
    let mut p = programme();
    // The police act (an output) read as an outcome.
    p.components[0].indicators[1].level = ssr_model::model::ResultLevel::Outcome;
    assert_found!(
        check(p),
        [(OutcomeWithoutOutputs, "/components/0/indicators")]
    );
}

#[test]
fn missing_source() {
    let mut p = programme();
    p.components[1].indicators[0].source = None;
    assert_found!(
        check(p),
        [(MissingSource, "/components/1/indicators/0/source")]
    );
}

fn sex(category: &str, target: Option<f64>, actual: Option<f64>) -> Breakdown {
    let mut b = Breakdown::new("sex", category);
    if let Some(t) = target {
        b = b.with_target(num(t));
    }
    if let Some(a) = actual {
        b = b.with_actual(num(a));
    }
    b
}

#[test]
fn breakdown_sum_on_counts() {
    // Backlog 2023: target 180, actual 190.
    let mut p = programme();
    p.components[1].indicators[0].periods[0].breakdowns = vec![
        sex("female", Some(80.0), Some(100.0)),
        sex("male", Some(100.0), Some(80.0)),
    ];
    // Targets 180 = 180; actuals 180 ≠ 190.
    let report = check(p.clone());
    assert_found!(
        report,
        [(
            BreakdownSum,
            "/components/1/indicators/0/periods/0/breakdowns"
        )]
    );
    assert!(report.findings()[0].message.contains("actuals by sex"));
    assert!(report.findings()[0].message.contains("180"));
    // Within the tolerance (1% of 190 = 1.9): 188.5 passes.
    p.components[1].indicators[0].periods[0].breakdowns[1].actual = Some(num(88.5));
    assert!(check(p.clone()).is_empty());
    p.components[1].indicators[0].periods[0].breakdowns[1].actual = Some(num(80.0));
    // Declared overlapping by the policy or the breakdown: not summed.
    let by_policy = policy().with_non_additive_dimension("SEX");
    assert!(validate::validate(&portfolio_of(p.clone()), &by_policy).is_empty());
    p.components[1].indicators[0].periods[0].breakdowns[0].additive = Some(false);
    assert!(check(p.clone()).is_empty());
    // A category without a number leaves the sum unknown.
    p.components[1].indicators[0].periods[0].breakdowns[0] = sex("female", Some(80.0), None);
    assert!(check(p.clone()).is_empty());
    // One category alone is an "of which" figure.
    p.components[1].indicators[0].periods[0].breakdowns = vec![sex("female", None, Some(30.0))];
    assert!(check(p).is_empty());
}

#[test]
fn breakdown_sum_on_percentages_only_when_declared_additive() {
    // Trust 2023: target 42, actual 41; rates for women and men do not add.
    let mut p = programme();
    p.components[0].indicators[0].periods[0].breakdowns = vec![
        sex("female", Some(40.0), Some(39.0)),
        sex("male", Some(44.0), Some(43.0)),
    ];
    assert!(check(p.clone()).is_empty());
    p.components[0].indicators[0].periods[0].breakdowns[0].additive = Some(true);
    assert_found!(
        check(p),
        [
            (
                BreakdownSum,
                "/components/0/indicators/0/periods/0/breakdowns"
            ),
            (
                BreakdownSum,
                "/components/0/indicators/0/periods/0/breakdowns"
            ),
        ]
    );
}

#[test]
fn breakdown_incomplete() {
    let mut p = programme();
    // Trust 2023 has an actual; a target for women and no actual by sex.
    p.components[0].indicators[0].periods[0].breakdowns = vec![sex("female", Some(40.0), None)];
    // Trust 2026 has no actual yet: nothing to report by sex either.
    p.components[0].indicators[0].periods[3].breakdowns = vec![sex("female", Some(53.0), None)];
    assert_found!(
        check(p.clone()),
        [(
            BreakdownIncomplete,
            "/components/0/indicators/0/periods/0/breakdowns"
        )]
    );
    p.components[0].indicators[0].periods[0].breakdowns[0].actual = Some(num(39.0));
    assert!(check(p).is_empty());
}
