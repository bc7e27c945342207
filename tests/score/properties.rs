//! Invariants of scoring, checked on generated portfolios.

use chrono::NaiveDate;
use proptest::prelude::*;
use ssr_model::Scorer;
use ssr_model::model::{Baseline, Direction, Finite, Measure, Pillar, ResultLevel, Weight};
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::compare::{Dimension, Normalisation, PortfolioAggregation};
use ssr_model::score::policy::{LevelPolicy, ScoringPolicy, TargetRule};
use ssr_model::score::programme::Aggregation;
use ssr_model::{Component, Country, Indicator, Period, Portfolio, Programme, Value};

fn means() -> impl Strategy<Value = Aggregation> {
    prop_oneof![
        Just(Aggregation::Arithmetic),
        Just(Aggregation::Geometric),
        Just(Aggregation::Harmonic),
        (-8.0f64..8.0).prop_map(Aggregation::Power),
        prop_oneof![
            Just(Aggregation::EXPONENT_LIMIT),
            Just(-Aggregation::EXPONENT_LIMIT)
        ]
        .prop_map(Aggregation::Power),
    ]
}

fn composite_methods() -> impl Strategy<Value = PortfolioAggregation> {
    prop_oneof![
        Just(PortfolioAggregation::Arithmetic),
        Just(PortfolioAggregation::Geometric),
        Just(PortfolioAggregation::Harmonic),
        Just(PortfolioAggregation::Power(2.0)),
        Just(PortfolioAggregation::Copeland),
    ]
}

fn bounded_normalisations() -> impl Strategy<Value = Normalisation> {
    prop_oneof![
        Just(Normalisation::MinMax),
        Just(Normalisation::Goalposts),
        Just(Normalisation::DistanceToTarget),
        Just(Normalisation::PercentileRank),
    ]
}

fn policy() -> impl Strategy<Value = ScoringPolicy> {
    (
        means(),
        means(),
        bounded_normalisations(),
        composite_methods(),
        prop::bool::ANY,
    )
        .prop_map(|(ind, comp, norm, method, same_period)| {
            let mut p = ScoringPolicy::default();
            p.indicators = LevelPolicy::new(ind);
            p.components = LevelPolicy::new(comp);
            p.comparison.normalisation = norm;
            p.comparison.method = method;
            if same_period {
                p.progress.target = TargetRule::SamePeriod;
            }
            p
        })
}

fn small_portfolio() -> impl Strategy<Value = Portfolio> {
    (1usize..12, 0usize..4, 0usize..4, 1usize..5, any::<u64>()).prop_map(|(n, c, i, k, seed)| {
        synthetic(
            &Synthetic::new(n)
                .with_components(c)
                .with_indicators(i)
                .with_periods(k)
                .with_seed(seed),
        )
    })
}

fn in_unit(x: f64) -> bool {
    (0.0..=1.0 + 1e-12).contains(&x)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn scores_are_in_bounds(portfolio in small_portfolio(), policy in policy()) {
        let scorer = Scorer::new(policy).unwrap();
        let card = scorer.scorecard(&portfolio);
        let n = portfolio.programmes.len();
        for p in &card.programmes {
            let s = &p.progress;
            prop_assert!(s.score.is_none_or(in_unit));
            prop_assert!(in_unit(s.coverage));
            let mut effective = 0.0;
            for c in &s.components {
                prop_assert!(c.score.is_none_or(in_unit));
                prop_assert!(in_unit(c.coverage) && in_unit(c.weight) && in_unit(c.effective_weight));
                for i in &c.indicators {
                    prop_assert!(i.capped.is_none_or(in_unit));
                    prop_assert!(i.expected.is_none_or(in_unit));
                    prop_assert!(i.shortfall >= 0.0 && i.shortfall <= 1.0);
                    effective += i.effective_weight;
                }
            }
            if s.score.is_some() {
                prop_assert!((effective - 1.0).abs() < 1e-9, "effective weights sum to {}", effective);
            }
            prop_assert!(p.risk.exposure.is_none_or(in_unit));
            for r in &p.risk.risks {
                prop_assert!((1..=25).contains(&r.inherent));
                prop_assert!(r.residual >= 0.0 && r.residual <= f64::from(r.inherent));
            }
            prop_assert!(p.stakeholders.resistance_exposure.is_none_or(in_unit));
            prop_assert!(p.stakeholders.inclusion.is_none_or(in_unit));
            if let Some(e) = &p.evaluation {
                prop_assert!(e.score.is_none_or(in_unit) && in_unit(e.coverage));
            }
        }
        for row in &card.comparison.rows {
            for d in Dimension::ALL {
                prop_assert!(row.normalised.get(d).is_none_or(|v| (0.0..=100.0).contains(&v)));
            }
            prop_assert!(row.rank.is_none_or(|r| r >= 1 && r as usize <= n));
            if card.comparison.method != PortfolioAggregation::Copeland {
                prop_assert!(row.composite.is_none_or(|v| (0.0..=100.0 + 1e-9).contains(&v)));
            }
        }
    }
}

/// An indicator as (baseline, target, actual, weight).
type IndicatorData = (f64, f64, f64, f64);
/// A component as (weight, indicators).
type ComponentData = (f64, Vec<IndicatorData>);

/// A programme of one component per entry; each indicator's direction
/// follows baseline → target.
fn programme(components: &[ComponentData]) -> Programme {
    let d = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    let mut p = Programme::new("generated", Country::new("LBR").unwrap());
    for (cw, indicators) in components {
        let mut c = Component::new("c", Pillar::Oversight).with_weight(Weight::new(*cw).unwrap());
        for &(b, t, a, w) in indicators {
            let direction = if t < b {
                Direction::Decrease
            } else {
                Direction::Increase
            };
            c = c.with_indicator(
                Indicator::new("i", ResultLevel::Outcome, Measure::Unit)
                    .with_direction(direction)
                    .with_weight(Weight::new(w).unwrap())
                    .with_baseline(Baseline::new(Value::number(b).unwrap()).with_date(d(2020, 1)))
                    .with_period(
                        Period::new(d(2021, 1), d(2021, 12)).with_actual(Value::number(a).unwrap()),
                    )
                    .with_period(
                        Period::new(d(2022, 1), d(2022, 12)).with_target(Value::number(t).unwrap()),
                    ),
            );
        }
        p = p.with_component(c);
    }
    p
}

fn indicator_data() -> impl Strategy<Value = IndicatorData> {
    (
        -100.0f64..100.0,
        -100.0f64..100.0,
        -150.0f64..150.0,
        0.0f64..5.0,
    )
}

fn components() -> impl Strategy<Value = Vec<ComponentData>> {
    prop::collection::vec(
        (0.0f64..5.0, prop::collection::vec(indicator_data(), 1..5)),
        1..5,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn improving_an_actual_never_lowers_a_score(
        data in components(),
        which in any::<prop::sample::Index>(),
        step in 0.0f64..80.0,
        ind in means(),
        comp in means(),
        uncapped in prop::bool::ANY,
    ) {
        let mut policy = ScoringPolicy::default();
        policy.indicators = LevelPolicy::new(ind);
        policy.components = LevelPolicy::new(comp);
        if uncapped {
            policy.progress.ceiling = None;
        }
        let scorer = Scorer::new(policy).unwrap();
        let before = scorer.programme(&programme(&data));
        let flat: Vec<(usize, usize)> = data
            .iter()
            .enumerate()
            .flat_map(|(c, (_, inds))| (0..inds.len()).map(move |i| (c, i)))
            .collect();
        let (c, i) = flat[which.index(flat.len())];
        let mut better = data.clone();
        let (b, t, a, _) = &mut better[c].1[i];
        // Better is the way from baseline to target (up on a maintain target).
        *a += if *t < *b { -step } else { step };
        let after = scorer.programme(&programme(&better));
        let (before_i, after_i) = (
            &before.components[c].indicators[i],
            &after.components[c].indicators[i],
        );
        prop_assert!(after_i.capped.unwrap() >= before_i.capped.unwrap() - 1e-12);
        if let (Some(x), Some(y)) = (before.components[c].score, after.components[c].score) {
            prop_assert!(y >= x - 1e-12, "component score fell from {} to {}", x, y);
        }
        if let (Some(x), Some(y)) = (before.score, after.score) {
            prop_assert!(y >= x - 1e-12, "score fell from {} to {}", x, y);
        }
    }

    #[test]
    fn scaling_the_weights_of_a_level_changes_nothing(
        data in components(),
        factor in 0.01f64..100.0,
        ind in means(),
        comp in means(),
        level in 0usize..2,
    ) {
        let mut policy = ScoringPolicy::default();
        policy.indicators = LevelPolicy::new(ind);
        policy.components = LevelPolicy::new(comp);
        let scorer = Scorer::new(policy).unwrap();
        let scaled: Vec<_> = data
            .iter()
            .map(|(cw, inds)| {
                if level == 0 {
                    (*cw, inds.iter().map(|&(b, t, a, w)| (b, t, a, w * factor)).collect())
                } else {
                    (cw * factor, inds.clone())
                }
            })
            .collect();
        let x = scorer.programme(&programme(&data));
        let y = scorer.programme(&programme(&scaled));
        match (x.score, y.score) {
            (Some(x), Some(y)) => prop_assert!((x - y).abs() < 1e-9 * x.abs().max(1.0), "{} vs {}", x, y),
            (x, y) => prop_assert_eq!(x, y),
        }
        prop_assert!((x.coverage - y.coverage).abs() < 1e-9);
        for (a, b) in x.indicators().zip(y.indicators()) {
            prop_assert!((a.effective_weight - b.effective_weight).abs() < 1e-9);
        }
    }
}

/// Weights from the whole range a `Weight` allows, huge ones often.
fn any_weight() -> impl Strategy<Value = f64> {
    prop_oneof![0.0f64..5.0, 1e5f64..=Weight::LIMIT, Just(Weight::LIMIT)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn weights_of_any_size_give_bounded_scores_and_effective_weights_summing_to_one(
        data in prop::collection::vec(
            (any_weight(), prop::collection::vec((-100.0f64..100.0, -100.0f64..100.0, -150.0f64..150.0, any_weight()), 1..4)),
            1..4,
        ),
        ind in means(),
        comp in means(),
    ) {
        let mut policy = ScoringPolicy::default();
        policy.indicators = LevelPolicy::new(ind);
        policy.components = LevelPolicy::new(comp);
        let s = Scorer::new(policy).unwrap().programme(&programme(&data));
        prop_assert!(s.score.is_none_or(in_unit), "score {:?}", s.score);
        prop_assert!(in_unit(s.coverage), "coverage {}", s.coverage);
        let effective: f64 = s.indicators().map(|i| i.effective_weight).sum();
        let design: f64 = s.indicators().map(|i| i.weight).sum();
        for i in s.indicators() {
            prop_assert!(in_unit(i.weight) && in_unit(i.effective_weight) && in_unit(i.shortfall));
        }
        if s.score.is_some() {
            prop_assert!((effective - 1.0).abs() < 1e-9, "effective weights sum to {}", effective);
        }
        // A component whose indicators all weigh 0 passes its share to none.
        prop_assert!(design <= 1.0 + 1e-9, "design weights sum to {}", design);
    }
}

/// Any number a `Finite` allows (within ±10¹⁵), the extremes often.
fn any_finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        -100.0f64..100.0,
        Just(Finite::LIMIT),
        Just(-Finite::LIMIT),
        (prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO)
            .prop_filter("within the domain", |x| x.abs() <= Finite::LIMIT),
    ]
}

#[cfg(feature = "json")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// NaN and infinities would not survive JSON (serde_json writes them as
    /// null), so a scorecard that reads back equal holds finite numbers only.
    #[test]
    fn any_finite_input_gives_a_scorecard_that_reads_back_equal(
        programmes in prop::collection::vec(
            prop::collection::vec(
                (any_weight(), prop::collection::vec((any_finite(), any_finite(), any_finite(), any_weight()), 1..3)),
                1..3,
            ),
            1..4,
        ),
        policy in policy(),
        floor in prop::bool::ANY,
        ceiling in prop::bool::ANY,
        z in prop::bool::ANY,
    ) {
        let mut policy = policy;
        if !floor {
            policy.progress.floor = None;
        }
        if !ceiling {
            policy.progress.ceiling = None;
        }
        if z {
            policy.comparison.normalisation = Normalisation::ZScore;
            policy.comparison.method = PortfolioAggregation::Arithmetic;
        }
        policy.uncertainty.replications = 5;
        let scorer = Scorer::new(policy).unwrap();
        let mut portfolio = Portfolio::new();
        for data in &programmes {
            portfolio = portfolio.with_programme(programme(data));
        }
        let card = scorer.scorecard(&portfolio);
        let card = card.clone().with_uncertainty(scorer.rank_uncertainty(&card)).unwrap();
        let json = serde_json::to_string(&card).unwrap();
        let back: ssr_model::Scorecard = serde_json::from_str(&json).unwrap();
        prop_assert!(back == card, "the scorecard changed through JSON: {}", json);
    }
}

fn ranking_policy(replications: usize, seed: u64) -> impl Strategy<Value = ScoringPolicy> {
    (bounded_normalisations(), composite_methods()).prop_map(move |(norm, method)| {
        let mut p = ScoringPolicy::default();
        p.comparison.normalisation = norm;
        p.comparison.method = method;
        p.uncertainty.replications = replications;
        p.uncertainty.seed = seed;
        p.uncertainty
            .normalisations
            .push(Normalisation::DistanceToTarget);
        p.uncertainty.methods.push(PortfolioAggregation::Copeland);
        p
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn permuting_programmes_permutes_ranks_only(
        (portfolio, order) in (2usize..10, any::<u64>()).prop_flat_map(|(n, seed)| {
            let p = synthetic(&Synthetic::new(n).with_components(3).with_indicators(2).with_periods(3).with_seed(seed));
            let order: Vec<usize> = (0..n).collect();
            (Just(p), Just(order).prop_shuffle())
        }),
        policy in ranking_policy(60, 7),
    ) {
        let scorer = Scorer::new(policy).unwrap();
        let mut permuted = portfolio.clone();
        permuted.programmes = order.iter().map(|&i| portfolio.programmes[i].clone()).collect();
        let a = scorer.scorecard(&portfolio);
        let b = scorer.scorecard(&permuted);
        let ua = scorer.rank_uncertainty(&a);
        let ub = scorer.rank_uncertainty(&b);
        for (k, &i) in order.iter().enumerate() {
            prop_assert_eq!(&b.comparison.rows[k], &a.comparison.rows[i]);
            prop_assert_eq!(&b.programmes[k], &a.programmes[i]);
            let id = portfolio.programmes[i].id;
            prop_assert_eq!(ua.get(id), ub.get(id));
        }
    }

    #[test]
    fn same_seed_same_statistics(portfolio in small_portfolio(), policy in ranking_policy(50, 11)) {
        let scorer = Scorer::new(policy).unwrap();
        let card = scorer.scorecard(&portfolio);
        let a = scorer.rank_uncertainty(&card);
        let b = scorer.rank_uncertainty(&card);
        prop_assert_eq!(&a, &b);
        // And through serialisation, to the bit.
        #[cfg(feature = "json")]
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// With no weight noise and only the policy's own normalisation and
    /// method to draw, every replication is the nominal ranking.
    #[test]
    fn a_noise_free_monte_carlo_gives_the_nominal_ranks(
        portfolio in small_portfolio(),
        policy in policy(),
        z in prop::bool::ANY,
    ) {
        let mut policy = policy;
        if z {
            policy.comparison.normalisation = Normalisation::ZScore;
            policy.comparison.method = PortfolioAggregation::Arithmetic;
        }
        policy.uncertainty.replications = 3;
        policy.uncertainty.weight_noise = ssr_model::model::Fraction::ZERO;
        policy.uncertainty.normalisations = vec![policy.comparison.normalisation];
        policy.uncertainty.methods = vec![policy.comparison.method];
        let scorer = Scorer::new(policy).unwrap();
        let card = scorer.scorecard(&portfolio);
        let ranks = scorer.rank_uncertainty(&card);
        prop_assert_eq!(
            ranks.programmes.len(),
            card.comparison.rows.iter().filter(|r| r.rank.is_some()).count()
        );
        for s in &ranks.programmes {
            let nominal = f64::from(s.nominal);
            prop_assert_eq!((s.p05, s.median, s.p95, s.sd), (nominal, nominal, nominal, 0.0), "{}", s.name);
        }
    }
}

#[test]
fn different_seeds_agree_within_sampling_error() {
    let portfolio = synthetic(
        &Synthetic::new(15)
            .with_components(4)
            .with_indicators(3)
            .with_periods(4),
    );
    let run = |seed| {
        let mut policy = ScoringPolicy::default();
        policy.uncertainty.replications = 2000;
        policy.uncertainty.seed = seed;
        let scorer = Scorer::new(policy).unwrap();
        scorer.rank_uncertainty(&scorer.scorecard(&portfolio))
    };
    let (a, b) = (run(1), run(2));
    assert_ne!(
        a.programmes, b.programmes,
        "different seeds should draw differently"
    );
    for (x, y) in a.programmes.iter().zip(&b.programmes) {
        assert_eq!(x.programme, y.programme);
        assert_eq!(x.nominal, y.nominal);
        // Means of 2000 draws: the standard error of their difference is
        // sqrt(sd_a² + sd_b²)/sqrt(2000); allow five of them.
        let se = ((x.sd * x.sd + y.sd * y.sd) / 2000.0).sqrt();
        assert!(
            (x.mean - y.mean).abs() <= 5.0 * se + 1e-12,
            "{}: means {} and {} differ by more than 5 standard errors ({se})",
            x.name,
            x.mean,
            y.mean
        );
        assert!(x.p05 <= x.median && x.median <= x.p95);
    }
}

proptest! {
    /// Every mean's `Display` reads back through `FromStr`, any exponent
    /// within the limit included; an exponent beyond it is refused.
    #[test]
    fn aggregations_read_back_what_they_print(
        p in -Aggregation::EXPONENT_LIMIT..=Aggregation::EXPONENT_LIMIT,
        beyond in 100.000_001f64..1e300,
        sign in prop_oneof![Just(1.0), Just(-1.0)],
    ) {
        for mean in [Aggregation::Arithmetic, Aggregation::Geometric, Aggregation::Harmonic, Aggregation::Power(p)] {
            prop_assert_eq!(mean.to_string().parse::<Aggregation>().ok(), Some(mean));
        }
        let methods = [
            PortfolioAggregation::Arithmetic,
            PortfolioAggregation::Geometric,
            PortfolioAggregation::Harmonic,
            PortfolioAggregation::Power(p),
            PortfolioAggregation::Copeland,
        ];
        for method in methods {
            prop_assert_eq!(method.to_string().parse::<PortfolioAggregation>().ok(), Some(method));
        }
        let too_far = Aggregation::Power(sign * beyond).to_string();
        prop_assert!(too_far.parse::<Aggregation>().is_err(), "{}", too_far);
        prop_assert!(too_far.parse::<PortfolioAggregation>().is_err(), "{}", too_far);
    }
}

#[test]
fn aggregation_names_are_refused_unless_exact() {
    for bad in [
        "",
        "Arithmetic",
        "power",
        "power ",
        "power x",
        "power NaN",
        "power inf",
        "copeland",
    ] {
        assert!(bad.parse::<Aggregation>().is_err(), "{bad:?}");
    }
    assert!("mean".parse::<PortfolioAggregation>().is_err());
}
