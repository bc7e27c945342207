//! Deterministic synthetic portfolios for benchmarks and scale tests.

use chrono::{Datelike, Days, NaiveDate};

use crate::{
    Amount, Baseline, Challenge, ChallengeId, ChallengeKind, Component, ComponentId, Context,
    Country, Currency, DacCriterion, Direction, Evaluation, EvaluationId, Fraction, Funding,
    Indicator, IndicatorId, Level, Measure, Mitigation, Money, OrdinalScale, Percentage, Period,
    Phase, Pillar, Portfolio, Programme, ProgrammeId, ResultLevel, Role, Sector, SectorCode,
    Stakeholder, StakeholderId, StakeholderKind, Stance, Value, Weight,
};

/// The size of a synthetic portfolio.
///
/// ```
/// use ssr_model::samples::{Synthetic, synthetic};
///
/// let p = synthetic(&Synthetic::new(10).with_components(2).with_indicators(3).with_periods(4));
/// assert_eq!(p.programmes.len(), 10);
/// assert_eq!(p.programmes[0].indicators().count(), 6);
/// assert_eq!(p, synthetic(&Synthetic::new(10).with_components(2).with_indicators(3).with_periods(4)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Synthetic {
    /// Number of programmes.
    pub programmes: usize,
    /// Components per programme.
    pub components: usize,
    /// Indicators per component.
    pub indicators: usize,
    /// Periods per indicator.
    pub periods: usize,
    /// Seed of the pseudo-random values.
    pub seed: u64,
}

impl Synthetic {
    /// `programmes` programmes of 8 components × 4 indicators × 8 periods, seed 0.
    pub fn new(programmes: usize) -> Self {
        Synthetic {
            programmes,
            components: 8,
            indicators: 4,
            periods: 8,
            seed: 0,
        }
    }

    /// Returns `self` with `n` components per programme.
    #[must_use]
    pub fn with_components(mut self, n: usize) -> Self {
        self.components = n;
        self
    }

    /// Returns `self` with `n` indicators per component.
    #[must_use]
    pub fn with_indicators(mut self, n: usize) -> Self {
        self.indicators = n;
        self
    }

    /// Returns `self` with `n` periods per indicator.
    #[must_use]
    pub fn with_periods(mut self, n: usize) -> Self {
        self.periods = n;
        self
    }

    /// Returns `self` with another seed.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
}

/// SplitMix64: tiny, fast and fully specified, so generated portfolios are
/// identical on every platform and release.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn level(&mut self) -> Level {
        Level::new(1 + self.below(5) as u8).unwrap_or(Level::MID)
    }

    fn pick<T: Copy>(&mut self, items: &[T], fallback: T) -> T {
        items
            .get(self.below(items.len()))
            .copied()
            .unwrap_or(fallback)
    }
}

fn number(x: f64) -> Option<Value> {
    // Rounded so the JSON text is of realistic length.
    Value::number((x * 100.0).round() / 100.0).ok()
}

/// Generates a synthetic portfolio: every programme complete (stakeholders,
/// objectives-free components with indicators, challenges with mitigations,
/// funding, an evaluation) with pseudo-random but plausible values. The same
/// [`Synthetic`] always yields the same portfolio.
///
/// ```
/// use ssr_model::samples::{Synthetic, synthetic};
/// use ssr_model::validate;
/// use ssr_model::diagnostics::ValidationPolicy;
///
/// let spec = Synthetic::new(3).with_components(2).with_indicators(2).with_periods(2);
/// let portfolio = synthetic(&spec);
/// assert_eq!(portfolio, synthetic(&spec)); // deterministic
/// assert_ne!(portfolio, synthetic(&spec.clone().with_seed(1))); // another seed, other values
/// assert_eq!(portfolio.programmes[0].indicators().count(), 2 * 2);
/// // Complete and consistent: no error-level finding.
/// assert!(validate::validate(&portfolio, &ValidationPolicy::default()).is_valid());
/// ```
#[expect(clippy::too_many_lines, reason = "sample data")]
pub fn synthetic(spec: &Synthetic) -> Portfolio {
    let countries: Vec<Country> = Country::all().collect();
    let fallback_country = countries.first().copied();
    let mut rng = Mix(spec.seed ^ 0x0053_5352_5F4D_4F44_u64);
    let mut portfolio = Portfolio::new().with_name(format!(
        "Synthetic portfolio ({} programmes, seed {})",
        spec.programmes, spec.seed
    ));
    let usd = Currency::new("USD").ok();
    let scale = OrdinalScale::new([
        "unsatisfactory",
        "partly satisfactory",
        "satisfactory",
        "highly satisfactory",
    ])
    .ok();
    for p in 0..spec.programmes {
        let Some(country) = countries
            .get(p % countries.len().max(1))
            .copied()
            .or(fallback_country)
        else {
            break;
        };
        let key = format!("synthetic/{}/{p}", spec.seed);
        let start = NaiveDate::from_ymd_opt(2015 + (p % 6) as i32, 1 + (p % 12) as u32, 1)
            .unwrap_or_default();
        let end = start.checked_add_days(Days::new(365 * 5)).unwrap_or(start);
        let mut programme = Programme::new(format!("Synthetic programme {p}"), country)
            .with_id(ProgrammeId::from_external(&key))
            .with_external_id(key.clone())
            .with_context(rng.pick(
                &[
                    Context::PeaceOperation,
                    Context::DevelopmentCooperation,
                    Context::MilitaryDiplomacy,
                    Context::CivilMilitaryOperation,
                ],
                Context::DevelopmentCooperation,
            ))
            .with_phase(Phase::Implementation)
            .with_planned_start(start)
            .with_planned_end(end)
            .with_actual_start(start);
        if let (Ok(code), Ok(all)) = (SectorCode::new(15210), Percentage::new(100.0)) {
            programme = programme.with_sector(Sector::new(code).with_percentage(all));
        }
        let kinds = [
            (StakeholderKind::NationalGovernment, Role::Accountable),
            (StakeholderKind::BilateralDonor, Role::Funding),
            (StakeholderKind::Police, Role::Implementing),
            (StakeholderKind::Parliament, Role::Oversight),
            (StakeholderKind::CivilSociety, Role::Beneficiary),
            (StakeholderKind::ArmedForces, Role::Beneficiary),
        ];
        let stances = [
            Stance::Champion,
            Stance::Supportive,
            Stance::Neutral,
            Stance::Resistant,
            Stance::Blocking,
        ];
        for (s, (kind, role)) in kinds.iter().enumerate() {
            programme = programme.with_stakeholder(
                Stakeholder::new(format!("Stakeholder {s} of programme {p}"), *kind)
                    .with_id(StakeholderId::from_external(&format!("{key}/s{s}")))
                    .with_role(*role)
                    .with_influence(rng.level())
                    .with_interest(rng.level())
                    .with_stance(rng.pick(&stances, Stance::Neutral))
                    .with_legitimate(rng.below(2) == 0)
                    .with_urgent(rng.below(3) == 0),
            );
        }
        if let (Some(usd), Ok(amount)) = (
            usd,
            Amount::from_units(1_000_000 + rng.below(20_000_000) as i64),
        ) {
            let donor = StakeholderId::from_external(&format!("{key}/s1"));
            programme = programme
                .with_budget(Money::new(amount, usd))
                .with_funding(Funding::new(donor, Money::new(amount, usd)));
        }
        for c in 0..spec.components {
            let pillar = Pillar::ALL
                .get(c % Pillar::ALL.len())
                .copied()
                .unwrap_or(Pillar::PoliceReform);
            let mut component = Component::new(format!("Component {c}"), pillar)
                .with_id(ComponentId::from_external(&format!("{key}/c{c}")))
                .with_weight(Weight::new(1.0 + rng.below(3) as f64).unwrap_or_default());
            for i in 0..spec.indicators {
                component = component.with_indicator(indicator(
                    &mut rng,
                    &format!("{key}/c{c}/i{i}"),
                    start,
                    spec.periods,
                ));
            }
            programme = programme.with_component(component);
        }
        for h in 0..3 {
            let mut challenge = Challenge::new(
                rng.pick(
                    &[
                        ChallengeKind::ResistanceToChange,
                        ChallengeKind::Corruption,
                        ChallengeKind::ResourceConstraints,
                        ChallengeKind::PoliticalInterference,
                    ],
                    ChallengeKind::Other,
                ),
                format!("Challenge {h}"),
            )
            .with_id(ChallengeId::from_external(&format!("{key}/h{h}")))
            .with_likelihood(rng.level())
            .with_impact(rng.level());
            if rng.below(4) != 0 {
                challenge = challenge.with_mitigation(
                    Mitigation::new("Mitigation")
                        .with_effectiveness(Fraction::new(rng.unit()).unwrap_or(Fraction::ZERO)),
                );
            }
            programme = programme.with_challenge(challenge);
        }
        if let Some(scale) = scale.clone() {
            let date = end.with_day(1).unwrap_or(end);
            let mut eval = Evaluation::new("Synthetic evaluator", date, scale.clone())
                .with_id(EvaluationId::from_external(&format!("{key}/e")));
            for criterion in DacCriterion::ALL {
                if let Some(label) = scale.levels().get(rng.below(scale.len())) {
                    let _ = eval.set_rating(criterion, &label.clone(), None);
                }
            }
            programme = programme.with_evaluation(eval);
        }
        portfolio = portfolio.with_programme(programme);
    }
    portfolio
}

fn indicator(rng: &mut Mix, key: &str, start: NaiveDate, periods: usize) -> Indicator {
    let decrease = rng.below(4) == 0;
    let baseline = 10.0 + 80.0 * rng.unit();
    let gain = (5.0 + 30.0 * rng.unit()) * if decrease { -1.0 } else { 1.0 };
    let mut ind = Indicator::new(
        format!("Indicator {key}"),
        if rng.below(2) == 0 {
            ResultLevel::Outcome
        } else {
            ResultLevel::Output
        },
        Measure::Unit,
    )
    .with_id(IndicatorId::from_external(key))
    .with_direction(if decrease {
        Direction::Decrease
    } else {
        Direction::Increase
    })
    .with_unit("units");
    if let Some(v) = number(baseline) {
        ind = ind.with_baseline(Baseline::new(v).with_date(start));
    }
    let n = periods.max(1) as f64;
    let mut from = start;
    for k in 0..periods {
        let to = from.checked_add_days(Days::new(182)).unwrap_or(from);
        let share = (k + 1) as f64 / n;
        let mut period = Period::new(from, to);
        if let Some(t) = number(baseline + gain * share) {
            period = period.with_target(t);
        }
        // Most periods report an actual, some lag, a few have none.
        if rng.below(10) != 0 {
            let achieved = share * (0.4 + 0.8 * rng.unit());
            if let Some(a) = number(baseline + gain * achieved) {
                period = period.with_actual(a);
            }
        }
        ind = ind.with_period(period);
        from = to.succ_opt().unwrap_or(to);
    }
    ind
}
