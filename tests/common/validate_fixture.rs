//! A clean programme that validates with no finding at all under the default
//! policy as of 2026-01-01, for tests that break one thing at a time.
//!
//! Shared by the `validate` test binary and the `ssr` program's tests
//! (`#[path = "../common/validate_fixture.rs"] mod validate_fixture;`).

#![allow(dead_code)]

use chrono::NaiveDate;
use ssr_model::diagnostics::{Code, ValidationPolicy};
use ssr_model::model::{
    Baseline, ChallengeId, ChallengeKind, ComponentId, DacCriterion, DataSource, Direction,
    EvaluationId, Fraction, Funding, GenderMarker, IndicatorId, Level, Measure, Mitigation,
    ObjectiveId, ObjectiveKind, OrdinalScale, Percentage, Phase, Pillar, ProgrammeId, ResultLevel,
    Role, Sector, SectorCode, SourceKind, StakeholderId, StakeholderKind, Stance,
};
use ssr_model::{
    Challenge, Component, Country, Evaluation, Indicator, Money, Objective, Period, Portfolio,
    Programme, Stakeholder, Value,
};
use ssr_model::{Report, validate};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn num(x: f64) -> Value {
    Value::number(x).unwrap()
}

pub fn pct(x: f64) -> Percentage {
    Percentage::new(x).unwrap()
}

pub fn level(x: u8) -> Level {
    Level::new(x).unwrap()
}

/// The stakeholder id `name` of the fixture.
pub fn sid(name: &str) -> StakeholderId {
    StakeholderId::from_external(name)
}

pub const AS_OF: (i32, u32, u32) = (2026, 1, 1);

/// The default policy with `as_of` 2026-01-01.
pub fn policy() -> ValidationPolicy {
    ValidationPolicy::default().with_as_of(d(AS_OF.0, AS_OF.1, AS_OF.2))
}

fn year(y: i32, target: f64, actual: Option<f64>) -> Period {
    let p = Period::new(d(y, 1, 1), d(y, 12, 31)).with_target(num(target));
    match actual {
        Some(a) => p.with_actual(num(a)),
        None => p,
    }
}

/// Stakeholders, by index:
/// 0 ministry (national, accountable), 1 police (national, implementing,
/// lead of component 0), 2 and 3 donors (funding), 4 civil society,
/// 5 parliament (oversight), 6 police union (resistant, influence 4,
/// named by the mitigated challenge 0).
///
/// Components: 0 community policing (indicators: 0 trust, percentage,
/// increase, 2023–2026; 1 police act, ordinal, 2023), 1 oversight
/// (indicator 0 complaint backlog, unit, decrease, 2023–2025).
pub fn programme() -> Programme {
    let trust = Indicator::new(
        "Public trust in the police",
        ResultLevel::Outcome,
        Measure::Percentage,
    )
    .with_id(IndicatorId::from_external("trust"))
    .with_direction(Direction::Increase)
    .with_unit("% of respondents")
    .with_source(DataSource::new(SourceKind::Survey))
    .with_baseline(Baseline::new(num(38.0)).with_date(d(2022, 12, 31)))
    .with_period(year(2023, 42.0, Some(41.0)))
    .with_period(year(2024, 46.0, Some(45.0)))
    .with_period(year(2025, 50.0, Some(49.0)))
    .with_period(year(2026, 55.0, None));
    let scale = OrdinalScale::new(["none", "draft", "adopted", "implemented"]).unwrap();
    let act = Indicator::new("Police act", ResultLevel::Output, Measure::Ordinal)
        .with_id(IndicatorId::from_external("act"))
        .with_scale(scale.clone())
        .with_source(DataSource::new(SourceKind::AdministrativeData))
        .with_baseline(Baseline::new(Value::label("draft")).with_date(d(2022, 12, 31)))
        .with_period(
            Period::new(d(2023, 1, 1), d(2023, 12, 31))
                .with_target(Value::label("adopted"))
                .with_actual(Value::label("adopted")),
        );
    // An output, so that the oversight component's results chain starts
    // with what it delivers (no `outcome_without_outputs`).
    let backlog = Indicator::new(
        "Backlog of complaints against the police",
        ResultLevel::Output,
        Measure::Unit,
    )
    .with_id(IndicatorId::from_external("backlog"))
    .with_direction(Direction::Decrease)
    .with_source(DataSource::new(SourceKind::OversightReport))
    .with_baseline(Baseline::new(num(200.0)).with_date(d(2022, 12, 31)))
    .with_period(year(2023, 180.0, Some(190.0)))
    .with_period(year(2024, 150.0, Some(160.0)))
    .with_period(year(2025, 120.0, Some(125.0)));

    let objective = Objective::new(
        ObjectiveKind::Accountability,
        "The police answer to civilian oversight",
    )
    .with_id(ObjectiveId::from_external("accountability"));

    // Every stakeholder is assessed (influence and interest 3 unless set),
    // so the fixture raises no `unassessed_stakeholder`.
    let stakeholder = |name: &str, kind, role, stance| {
        Stakeholder::new(name, kind)
            .with_id(sid(name))
            .with_role(role)
            .with_influence(level(3))
            .with_interest(level(3))
            .with_stance(stance)
    };
    let union = stakeholder(
        "Police union",
        StakeholderKind::Other,
        Role::Beneficiary,
        Stance::Resistant,
    )
    .with_influence(level(4));

    let challenge = Challenge::new(
        ChallengeKind::ResistanceToChange,
        "The police union opposes vetting",
    )
    .with_id(ChallengeId::from_external("vetting"))
    .with_likelihood(level(4))
    .with_impact(level(4))
    .with_affects(ComponentId::from_external("policing"))
    .with_stakeholder(sid("Police union"))
    .with_mitigation(
        Mitigation::new("Negotiate a retirement package")
            .with_owner(sid("Ministry of Justice"))
            .with_effectiveness(Fraction::new(0.5).unwrap()),
    );

    let scale4 = OrdinalScale::new([
        "unsatisfactory",
        "partly satisfactory",
        "satisfactory",
        "highly satisfactory",
    ])
    .unwrap();
    let evaluation = Evaluation::new("Independent mid-term review", d(2025, 6, 30), scale4)
        .with_id(EvaluationId::from_external("mtr"))
        .with_rating(DacCriterion::Relevance, "satisfactory")
        .unwrap();

    Programme::new("Police and justice reform", Country::new("LBR").unwrap())
        .with_id(ProgrammeId::from_external("fixture"))
        .with_phase(Phase::Implementation)
        .with_planned_start(d(2023, 1, 1))
        .with_planned_end(d(2027, 12, 31))
        .with_actual_start(d(2023, 1, 1))
        .with_gender_marker(GenderMarker::Significant)
        .with_sector(Sector::new(SectorCode::new(15210).unwrap()).with_percentage(pct(60.0)))
        .with_sector(Sector::new(SectorCode::new(15130).unwrap()).with_percentage(pct(40.0)))
        .with_budget(Money::parse("5000000", "USD").unwrap())
        .with_funding(
            Funding::new(sid("Donor A"), Money::parse("3000000", "USD").unwrap())
                .with_share(pct(60.0)),
        )
        .with_funding(
            Funding::new(sid("Donor B"), Money::parse("2000000", "USD").unwrap())
                .with_share(pct(40.0)),
        )
        .with_objective(objective)
        .with_stakeholder(
            stakeholder(
                "Ministry of Justice",
                StakeholderKind::NationalGovernment,
                Role::Accountable,
                Stance::Supportive,
            )
            .with_influence(level(5)),
        )
        .with_stakeholder(stakeholder(
            "Liberia National Police",
            StakeholderKind::Police,
            Role::Implementing,
            Stance::Champion,
        ))
        .with_stakeholder(stakeholder(
            "Donor A",
            StakeholderKind::BilateralDonor,
            Role::Funding,
            Stance::Supportive,
        ))
        .with_stakeholder(stakeholder(
            "Donor B",
            StakeholderKind::InternationalOrganisation,
            Role::Funding,
            Stance::Supportive,
        ))
        .with_stakeholder(stakeholder(
            "Civil society coalition",
            StakeholderKind::CivilSociety,
            Role::Beneficiary,
            Stance::Supportive,
        ))
        .with_stakeholder(stakeholder(
            "Senate security committee",
            StakeholderKind::Parliament,
            Role::Oversight,
            Stance::Neutral,
        ))
        .with_stakeholder(union)
        .with_component(
            Component::new("Community policing", Pillar::PoliceReform)
                .with_id(ComponentId::from_external("policing"))
                .with_lead(sid("Liberia National Police"))
                .with_objective(ObjectiveId::from_external("accountability"))
                .with_indicator(trust)
                .with_indicator(act),
        )
        .with_component(
            Component::new("Independent complaints body", Pillar::Oversight)
                .with_id(ComponentId::from_external("oversight"))
                .with_indicator(backlog),
        )
        .with_challenge(challenge)
        .with_evaluation(evaluation)
}

pub fn portfolio_of(programme: Programme) -> Portfolio {
    Portfolio::new()
        .with_name("Fixture portfolio")
        .with_programme(programme)
}

/// Validates `programme` alone in a portfolio, under `policy()`.
pub fn check(programme: Programme) -> Report {
    validate::validate(&portfolio_of(programme), &policy())
}

/// The (code, path) of every finding, in report order.
pub fn found(report: &Report) -> Vec<(Code, String)> {
    report
        .findings()
        .iter()
        .map(|f| (f.code, f.path.to_string()))
        .collect()
}

/// `[(code, path)]` with owned paths, for comparing with [`found`].
pub fn expect(items: &[(Code, &str)]) -> Vec<(Code, String)> {
    items.iter().map(|(c, p)| (*c, (*p).to_owned())).collect()
}
