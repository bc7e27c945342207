//! Properties of validation over arbitrary models: it never panics, adding
//! an unrelated valid entity never removes a finding, and findings come in
//! one deterministic order.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;
use ssr_model::diagnostics::{Code, CodeLevel, ValidationPolicy};
use ssr_model::model::*;
use ssr_model::*;
use ssr_model::{Finding, Report, validate};

// Ids come from small pools, so that duplicates and dangling references
// happen often.
fn stakeholder_id() -> impl Strategy<Value = StakeholderId> {
    (0..6u8).prop_map(|n| StakeholderId::from_external(&format!("s{n}")))
}
fn component_id() -> impl Strategy<Value = ComponentId> {
    (0..5u8).prop_map(|n| ComponentId::from_external(&format!("c{n}")))
}
fn objective_id() -> impl Strategy<Value = ObjectiveId> {
    (0..4u8).prop_map(|n| ObjectiveId::from_external(&format!("o{n}")))
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (2012i32..2030, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), Just("  ".to_owned()), "[a-z]{1,6}"]
}

fn value() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None),
        (-500.0f64..500.0).prop_map(|x| Value::number(x.round()).ok()),
        select(vec!["none", "draft", "adopted", "other"]).prop_map(|l| Some(Value::label(l))),
    ]
}

fn level() -> impl Strategy<Value = Level> {
    (1u8..=5).prop_map(|l| Level::new(l).unwrap())
}

fn weight() -> impl Strategy<Value = Weight> {
    (0u8..3).prop_map(|w| Weight::new(f64::from(w)).unwrap())
}

fn period() -> impl Strategy<Value = Period> {
    (date(), -60i64..500, value(), value(), any::<bool>()).prop_map(
        |(start, len, target, actual, sex)| {
            let end = if len >= 0 {
                start.checked_add_days(Days::new(len as u64)).unwrap()
            } else {
                start
                    .checked_sub_days(Days::new(len.unsigned_abs()))
                    .unwrap()
            };
            let mut p = Period::new(start, end);
            p.target = target;
            p.actual = actual;
            if sex {
                p = p.with_breakdown(Breakdown::new("sex", "female"));
            }
            p
        },
    )
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        (0..8u8).prop_map(|n| IndicatorId::from_external(&format!("i{n}"))),
        text(),
        select(vec![
            Measure::Unit,
            Measure::Percentage,
            Measure::Ordinal,
            Measure::Qualitative,
            Measure::Nominal,
        ]),
        proptest::option::of(select(vec![Direction::Increase, Direction::Decrease])),
        proptest::option::of((value(), proptest::option::of(date()))),
        proptest::collection::vec(period(), 0..5),
        weight(),
    )
        .prop_map(
            |(id, title, measure, direction, baseline, periods, weight)| {
                let mut i = Indicator::new(title, ResultLevel::Outcome, measure)
                    .with_id(id)
                    .with_weight(weight);
                i.direction = direction;
                i.baseline = baseline.map(|(value, date)| {
                    let mut b = Baseline::default();
                    b.value = value;
                    b.date = date;
                    b
                });
                i.periods = periods;
                i
            },
        )
}

fn component() -> impl Strategy<Value = Component> {
    (
        component_id(),
        text(),
        select(Pillar::ALL.to_vec()),
        weight(),
        proptest::collection::vec(objective_id(), 0..2),
        proptest::option::of(stakeholder_id()),
        proptest::collection::vec(indicator(), 0..4),
    )
        .prop_map(|(id, name, pillar, weight, objectives, lead, indicators)| {
            let mut c = Component::new(name, pillar).with_id(id).with_weight(weight);
            c.objectives = objectives;
            c.lead = lead;
            c.indicators = indicators;
            c
        })
}

const KINDS: [StakeholderKind; 8] = [
    StakeholderKind::NationalGovernment,
    StakeholderKind::Parliament,
    StakeholderKind::Police,
    StakeholderKind::BilateralDonor,
    StakeholderKind::InternationalOrganisation,
    StakeholderKind::CivilSociety,
    StakeholderKind::WomensOrganisation,
    StakeholderKind::Other,
];
const ROLES: [Role; 5] = [
    Role::Funding,
    Role::Accountable,
    Role::Implementing,
    Role::Oversight,
    Role::Beneficiary,
];
fn stakeholder() -> impl Strategy<Value = Stakeholder> {
    (
        stakeholder_id(),
        text(),
        select(KINDS.to_vec()),
        proptest::collection::vec(select(ROLES.to_vec()), 0..3),
        level(),
        select(Stance::ALL.to_vec()),
    )
        .prop_map(|(id, name, kind, roles, influence, stance)| {
            let mut s = Stakeholder::new(name, kind)
                .with_id(id)
                .with_influence(influence)
                .with_stance(stance);
            s.roles = roles;
            s
        })
}

fn challenge() -> impl Strategy<Value = Challenge> {
    (
        (0..4u8).prop_map(|n| ChallengeId::from_external(&format!("h{n}"))),
        text(),
        level(),
        level(),
        select(vec![
            ChallengeStatus::Open,
            ChallengeStatus::Closed,
            ChallengeStatus::Mitigating,
        ]),
        proptest::collection::vec((text(), proptest::option::of(stakeholder_id())), 0..2),
        proptest::collection::vec(component_id(), 0..2),
        proptest::collection::vec(stakeholder_id(), 0..2),
    )
        .prop_map(
            |(id, description, likelihood, impact, status, mitigations, affects, stakeholders)| {
                let mut c = Challenge::new(ChallengeKind::ResistanceToChange, description)
                    .with_id(id)
                    .with_likelihood(likelihood)
                    .with_impact(impact)
                    .with_status(status);
                for (action, owner) in mitigations {
                    let mut m = Mitigation::new(action);
                    m.owner = owner;
                    c = c.with_mitigation(m);
                }
                c.affects = affects;
                c.stakeholders = stakeholders;
                c
            },
        )
}

fn sector() -> impl Strategy<Value = Sector> {
    (
        select(vec![15210u32, 15130, 15132, 15162, 15120, 15220]),
        proptest::option::of(0u8..=100),
    )
        .prop_map(|(code, pct)| {
            let mut s = Sector::new(SectorCode::new(code).unwrap());
            s.percentage = pct.map(|p| Percentage::new(f64::from(p)).unwrap());
            s
        })
}

fn funding() -> impl Strategy<Value = Funding> {
    (stakeholder_id(), proptest::option::of(0u8..=100)).prop_map(|(source, share)| {
        let mut f = Funding::new(source, Money::parse("1000", "USD").unwrap());
        f.share = share.map(|p| Percentage::new(f64::from(p)).unwrap());
        f
    })
}

fn programme() -> impl Strategy<Value = Programme> {
    (
        (
            (0..3u8).prop_map(|n| ProgrammeId::from_external(&format!("p{n}"))),
            text(),
            select(vec![
                Phase::Implementation,
                Phase::Closed,
                Phase::Design,
                Phase::Suspended,
            ]),
            proptest::option::of(date()),
            proptest::option::of(date()),
            proptest::option::of(date()),
            proptest::option::of(date()),
            proptest::option::of(select(vec![
                GenderMarker::NotTargeted,
                GenderMarker::Significant,
            ])),
        ),
        (
            proptest::collection::vec(sector(), 0..3),
            proptest::collection::vec(funding(), 0..3),
            proptest::collection::vec(
                (
                    objective_id(),
                    text(),
                    select(vec![
                        ObjectiveKind::Accountability,
                        ObjectiveKind::GenderEquality,
                    ]),
                ),
                0..3,
            ),
            proptest::collection::vec(stakeholder(), 0..5),
            proptest::collection::vec(component(), 0..4),
            proptest::collection::vec(challenge(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, name, phase, ps, pe, as_, ae, gender),
                (sectors, funding, objectives, stakeholders, components, challenges),
            )| {
                let mut p = Programme::new(name, Country::new("LBR").unwrap())
                    .with_id(id)
                    .with_phase(phase);
                p.planned_start = ps;
                p.planned_end = pe;
                p.actual_start = as_;
                p.actual_end = ae;
                p.gender_marker = gender;
                p.sectors = sectors;
                p.funding = funding;
                p.objectives = objectives
                    .into_iter()
                    .map(|(id, statement, kind)| Objective::new(kind, statement).with_id(id))
                    .collect();
                p.stakeholders = stakeholders;
                p.components = components;
                p.challenges = challenges;
                p
            },
        )
}

fn portfolio() -> impl Strategy<Value = Portfolio> {
    (
        proptest::option::of(text()),
        proptest::collection::vec(programme(), 0..4),
    )
        .prop_map(|(name, programmes)| {
            let mut p = Portfolio::new();
            p.name = name;
            p.programmes = programmes;
            p
        })
}

fn policy() -> impl Strategy<Value = ValidationPolicy> {
    (
        proptest::option::of(date()),
        proptest::collection::btree_map(
            select(Code::ALL.to_vec()),
            select(vec![
                CodeLevel::Allow,
                CodeLevel::Advice,
                CodeLevel::Warning,
                CodeLevel::Error,
            ]),
            0..4,
        ),
        level(),
        0u8..30,
        0u32..1000,
        0.0f64..5.0,
    )
        .prop_map(|(as_of, levels, influence, risk, days, tolerance)| {
            let mut p = ValidationPolicy::default()
                .with_high_influence(influence)
                .with_high_risk(risk)
                .with_stale_after_days(days)
                .with_percentage_tolerance(tolerance)
                .unwrap();
            p.as_of = as_of;
            p.levels = levels;
            p
        })
}

/// Whether every finding of `old` is also in `new`.
fn contained(old: &Report, new: &Report) -> Result<(), TestCaseError> {
    for f in old {
        prop_assert!(new.findings().contains(f), "lost {f}\nnew report:\n{new}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_is_sorted(portfolio in portfolio(), policy in policy()) {
        let report = validate::validate(&portfolio, &policy);
        prop_assert!(report.findings().is_sorted());
        // Every finding obeys the policy.
        for f in &report {
            prop_assert_eq!(Some(f.severity), policy.severity(f.code));
            prop_assert!(f.path.as_str().starts_with('/') || f.path.as_str().is_empty());
            prop_assert!(!f.message.is_empty());
        }
    }

    #[test]
    fn deterministic_order(portfolio in portfolio(), policy in policy(), seed in any::<u64>()) {
        let report = validate::validate(&portfolio, &policy);
        prop_assert_eq!(&validate::validate(&portfolio, &policy), &report);
        // Any permutation of the findings sorts back to the same report:
        // the order is total.
        let mut shuffled = report.clone().into_findings();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut resorted: Report = shuffled.into_iter().collect();
        resorted.sort();
        prop_assert_eq!(resorted, report);
    }

    #[test]
    fn adding_an_unrelated_programme_keeps_every_finding(
        portfolio in portfolio(), extra in programme(), policy in policy()
    ) {
        let before = validate::validate(&portfolio, &policy);
        let mut bigger = portfolio.clone();
        bigger.programmes.push(extra.with_id(ProgrammeId::from_external("unrelated")));
        contained(&before, &validate::validate(&bigger, &policy))?;
    }

    #[test]
    fn adding_unrelated_entities_keeps_every_finding(
        portfolio in portfolio(), policy in policy(), which in 0usize..4, name in "[a-z]{1,8}"
    ) {
        prop_assume!(!portfolio.programmes.is_empty());
        let before = validate::validate(&portfolio, &policy);
        let mut bigger = portfolio.clone();
        let p = &mut bigger.programmes[which % portfolio.programmes.len()];
        // A neutral stakeholder, an objective and an evaluation with fresh
        // ids that nothing refers to.
        p.stakeholders.push(
            Stakeholder::new(name.clone(), StakeholderKind::Other).with_id(StakeholderId::from_external("fresh")),
        );
        p.objectives.push(
            Objective::new(ObjectiveKind::Accountability, name.clone()).with_id(ObjectiveId::from_external("fresh")),
        );
        let scale = OrdinalScale::new(["poor", "good"]).unwrap();
        p.evaluations.push(
            Evaluation::new(name, NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(), scale)
                .with_id(EvaluationId::from_external("fresh")),
        );
        contained(&before, &validate::validate(&bigger, &policy))?;
    }

    #[test]
    fn programme_findings_match_the_programme_entry_point(portfolio in portfolio(), policy in policy()) {
        let report = validate::validate(&portfolio, &policy);
        for (i, programme) in portfolio.programmes.iter().enumerate() {
            let prefix = format!("/programmes/{i}");
            let within: Vec<Finding> = report
                .iter()
                .filter(|f| f.path == prefix || f.path.as_str().starts_with(&format!("{prefix}/")))
                // Programme ids are a portfolio-wide check.
                .filter(|f| f.path != format!("{prefix}/id"))
                .cloned()
                .collect();
            let alone: Vec<Finding> = validate::validate_programme(programme, &policy)
                .into_iter()
                .map(|mut f| {
                    f.path = format!("{prefix}{}", f.path).into();
                    f.message = f.message.replace(" /", &format!(" {prefix}/"));
                    f
                })
                .collect();
            prop_assert_eq!(within, alone);
        }
    }
}
