//! Builds a small SSR programme in code, writes it as a JSON document and
//! loads it back.
//!
//! Run with `cargo run --example build_programme`.

use chrono::NaiveDate;
use ssr_model::model::{
    Baseline, ChallengeKind, Context, DataSource, Direction, Fraction, Level, Measure, Mitigation,
    Phase, Pillar, ResultLevel, Role, SourceKind, StakeholderKind, Stance,
};
use ssr_model::{
    Challenge, Component, Country, Indicator, Money, Period, Portfolio, Programme, Stakeholder,
    Value, document,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("invalid date");

    let ministry = Stakeholder::new(
        "Ministry of Justice and Security",
        StakeholderKind::NationalGovernment,
    )
    .with_role(Role::Accountable)
    .with_influence(Level::new(5)?)
    .with_interest(Level::new(4)?)
    .with_stance(Stance::Supportive)
    .with_legitimate(true);
    let old_guard = Stakeholder::new("Senior police command", StakeholderKind::Police)
        .with_role(Role::Implementing)
        .with_influence(Level::new(4)?)
        .with_stance(Stance::Resistant);

    let complaints = Indicator::new(
        "Complaints against police resolved within 90 days",
        ResultLevel::Outcome,
        Measure::Percentage,
    )
    .with_direction(Direction::Increase)
    .with_unit("% of complaints")
    .with_source(DataSource::new(SourceKind::OversightReport))
    .with_baseline(Baseline::new(Value::number(22.0)?).with_date(date(2021, 12, 31)?))
    .with_period(
        Period::new(date(2022, 1, 1)?, date(2022, 12, 31)?)
            .with_target(Value::number(35.0)?)
            .with_actual(Value::number(31.0)?),
    );

    let programme = Programme::new("Police accountability programme", Country::new("TUN")?)
        .with_context(Context::DevelopmentCooperation)
        .with_phase(Phase::Implementation)
        .with_planned_start(date(2022, 1, 1)?)
        .with_planned_end(date(2025, 12, 31)?)
        .with_budget(Money::parse("4200000", "EUR")?)
        .with_challenge(
            Challenge::new(
                ChallengeKind::ResistanceToChange,
                "Command resists external complaints handling",
            )
            .with_likelihood(Level::new(4)?)
            .with_impact(Level::new(4)?)
            .with_stakeholder(old_guard.id)
            .with_mitigation(
                Mitigation::new("Joint review board chaired by the ministry")
                    .with_owner(ministry.id)
                    .with_effectiveness(Fraction::new(0.5)?),
            ),
        )
        .with_stakeholder(ministry)
        .with_stakeholder(old_guard)
        .with_component(
            Component::new("Complaints and discipline", Pillar::Oversight)
                .with_indicator(complaints),
        );

    let portfolio = Portfolio::new().with_programme(programme);
    let json = document::to_string_pretty(&portfolio)?;
    println!("{json}");

    let loaded = document::from_str(&json)?;
    assert_eq!(loaded, portfolio, "the round trip is lossless");
    eprintln!("round trip ok: {} programme(s)", loaded.programmes.len());
    Ok(())
}
