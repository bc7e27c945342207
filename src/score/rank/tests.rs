//! The rank Monte Carlo against its slow obvious twin, and against silent
//! fallbacks (a skipped replication leaving rank 0, an unknown pillar read as
//! pillar 0) that would bias ranks without any error.

use super::replication::{
    FixedComponent, FixedProgramme, PROGRESS, PillarMultipliers, pick, prepare,
};
use super::*;
use crate::score::aggregate::Kernel;
use crate::score::comparison::{composites, normalise_table, scalings, tied};
use crate::score::ranking::impute;
use crate::score::vocabulary::{Row, Weights};
use crate::score::{Dimension, Imputation, UncertaintyPolicy};

/// Each pillar's draw weighs that pillar's components and no other's
/// (the layout once mapped an unknown pillar to pillar 0).
#[test]
fn each_pillar_multiplier_weighs_its_own_components() {
    // The default component mean is arithmetic: the score is the
    // weighted mean of the component scores.
    let policy = ScoringPolicy::default();
    assert_eq!(
        policy.components.method,
        crate::score::Aggregation::Arithmetic
    );
    for (i, &p) in Pillar::ALL.iter().enumerate() {
        let q = Pillar::ALL[(i + 1) % Pillar::ALL.len()];
        let kernel = Kernel::prepare(
            policy.components.method,
            [(0.2, 1.0), (0.8, 1.0)].into_iter(),
            policy.zero_floor.get(),
        )
        .unwrap();
        let component = |s, pillar| FixedComponent {
            mapped: kernel.forward(s),
            weight: 1.0,
            pillar,
        };
        let programme = FixedProgramme {
            components: vec![component(0.2, p), component(0.8, q)],
            kernel,
        };
        let mut multipliers = PillarMultipliers([1.0; Pillar::ALL.len()]);
        assert!((programme.score(&multipliers).unwrap() - 0.5).abs() < 1e-12);
        multipliers.0[p.index()] = 0.0;
        assert_eq!(programme.score(&multipliers), Some(0.8), "{p}");
        multipliers.0[p.index()] = 3.0;
        assert!(
            (programme.score(&multipliers).unwrap() - 0.35).abs() < 1e-12,
            "{p}"
        );
    }
}

/// Every replication ranks every programme (a skipped replication once
/// left ranks of 0 in the tally).
#[test]
fn every_replication_is_tallied() {
    use crate::samples::{Synthetic, synthetic};
    let portfolio = synthetic(
        &Synthetic::new(6)
            .with_components(3)
            .with_indicators(2)
            .with_periods(3),
    );
    for (norms, methods) in [
        (
            vec![Normalisation::MinMax],
            vec![PortfolioAggregation::Arithmetic],
        ),
        (
            vec![Normalisation::Goalposts, Normalisation::PercentileRank],
            vec![
                PortfolioAggregation::Geometric,
                PortfolioAggregation::Copeland,
            ],
        ),
    ] {
        let mut policy = ScoringPolicy::default();
        policy.uncertainty.replications = 50;
        policy.uncertainty.normalisations = norms;
        policy.uncertainty.methods = methods;
        let scorer = crate::score::Scorer::new(policy).unwrap();
        let card = scorer.scorecard(&portfolio);
        let ranks = scorer.rank_uncertainty(&card);
        let n = ranks.programmes.len() as f64;
        assert!(n > 0.0);
        for s in &ranks.programmes {
            assert!(s.p05 >= 1.0 && s.mean >= 1.0 && s.p95 <= n, "{s:?}");
        }
    }
}

/// Competition ranks by a comparison sort, absent composites last.
fn sorted_ranks(composite: &[Option<f64>]) -> Vec<u32> {
    let n = composite.len() as u32;
    engine::sorted_competition(composite, tied)
        .into_iter()
        .map(|r| r.unwrap_or(n))
        .collect()
}

/// The slow obvious twin of the engine: the loop this crate ran before
/// (one stream read in order, a comparison sort per replication, each
/// programme's ranks sorted for the statistics).
fn sequential(
    cards: &[ProgrammeCard],
    comparison: &Comparison,
    policy: &ScoringPolicy,
) -> Vec<[f64; 5]> {
    use rand_core::SeedableRng;
    let u = &policy.uncertainty;
    let weights = dimension_weights(policy);
    let ranked: Vec<usize> = (0..comparison.rows.len())
        .filter(|&i| comparison.rows[i].rank.is_some())
        .collect();
    let chosen: Vec<&ProgrammeCard> = ranked.iter().map(|&i| &cards[i]).collect();
    let raw: Vec<Row> = ranked
        .iter()
        .map(|&i| comparison.rows[i].raw.to_map())
        .collect();
    let fixed = prepare(&chosen, &raw, policy);
    let n = raw.len();
    let progress_scaling = scalings(policy)[PROGRESS];
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(u.seed);
    let mut columns = vec![Vec::new(); n];
    for _ in 0..u.replications {
        let norm_u = engine::unit(&mut rng);
        let method_u = engine::unit(&mut rng);
        let mut mult = PillarMultipliers([1.0; Pillar::ALL.len()]);
        for m in &mut mult.0 {
            *m = 1.0 + u.weight_noise.get() * (2.0 * engine::unit(&mut rng) - 1.0);
        }
        let mut dims = Weights::default();
        for d in Dimension::ALL {
            let w = weights[d];
            dims[d] = if w > 0.0 {
                w * (1.0 + u.weight_noise.get() * (2.0 * engine::unit(&mut rng) - 1.0))
            } else {
                0.0
            };
        }
        let norm = *pick(u.normalisations.iter(), norm_u);
        let method = *pick(u.methods.iter(), method_u);
        let progress: Vec<Option<f64>> = fixed
            .programmes
            .iter()
            .map(|f| f.as_ref().and_then(|f| f.score(&mult)))
            .collect();
        let progress = norm.apply(&progress, &progress_scaling);
        let mut table = normalise_table(&raw, norm, &scalings(policy), Some(PROGRESS));
        for (t, p) in table.iter_mut().zip(&progress) {
            t[PROGRESS] = *p;
        }
        impute(
            &mut table,
            &weights,
            policy.ranking.imputation,
            &mut Vec::new(),
        );
        let mut composite = vec![None; n];
        composites(
            &table,
            &dims,
            method,
            100.0 * policy.zero_floor.get(),
            &mut composite,
        );
        let ranks = sorted_ranks(&composite);
        for (c, r) in columns.iter_mut().zip(ranks) {
            c.push(r);
        }
    }
    columns
        .into_iter()
        .map(|mut c| {
            c.sort();
            engine::summarise(c.into_iter(), u.replications)
        })
        .collect()
}

/// The engine gives the old loop's statistics bit for bit, on one
/// thread or several, with either tally layout, for every method.
#[test]
fn the_engine_reproduces_the_sequential_loop_bit_for_bit() {
    use crate::samples::{Synthetic, synthetic};
    let portfolio = synthetic(
        &Synthetic::new(40)
            .with_components(3)
            .with_indicators(2)
            .with_periods(3),
    );
    // Gaps for the imputation to fill: every third programme has no
    // evaluation, every fifth no scored result (ranked all the same,
    // with the results threshold at 0 below).
    let mut portfolio = portfolio;
    for (i, p) in portfolio.programmes.iter_mut().enumerate() {
        if i % 3 == 0 {
            p.evaluations.clear();
        }
        if i % 5 == 1 {
            p.components.clear();
        }
    }
    for (reps, norms, methods) in [
        (
            200,
            UncertaintyPolicy::default().normalisations,
            UncertaintyPolicy::default().methods,
        ),
        (
            30,
            vec![Normalisation::ZScore, Normalisation::DistanceToTarget],
            vec![
                PortfolioAggregation::Copeland,
                PortfolioAggregation::Arithmetic,
            ],
        ),
        (
            50,
            vec![
                Normalisation::DistanceToTarget,
                Normalisation::PercentileRank,
            ],
            vec![
                PortfolioAggregation::Harmonic,
                PortfolioAggregation::Power(0.5),
            ],
        ),
    ] {
        for imputation in Imputation::ALL {
            let mut policy = ScoringPolicy::default();
            policy.uncertainty.replications = reps;
            policy.uncertainty.seed = 11;
            policy.uncertainty.normalisations = norms.clone();
            policy.uncertainty.methods = methods.clone();
            policy.ranking.imputation = imputation;
            policy.ranking.min_results_coverage = 0.0;
            let scorer = crate::score::Scorer::new(policy.clone()).unwrap();
            let card = scorer.scorecard(&portfolio);
            if imputation != Imputation::None {
                // The case must exercise the imputation.
                for d in [Dimension::Evaluation, Dimension::Progress] {
                    let imputed = |r: &crate::score::ComparisonRow| r.imputed.contains(&d);
                    assert!(card.comparison.rows.iter().any(imputed), "{d}");
                }
            }
            let expected = sequential(&card.programmes, &card.comparison, &policy);
            for threads in [1, 3] {
                let got = scorer.clone().with_threads(threads).rank_uncertainty(&card);
                assert_eq!(got.programmes.len(), expected.len());
                for (s, e) in got.programmes.iter().zip(&expected) {
                    assert_eq!(
                        [s.mean, s.median, s.p05, s.p95, s.sd],
                        *e,
                        "{reps} reps, {threads} threads, {imputation} imputation"
                    );
                }
            }
        }
    }
}

#[test]
fn unit_draws_are_in_range() {
    use rand_core::SeedableRng;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    for _ in 0..1000 {
        let u = engine::unit(&mut rng);
        assert!((0.0..1.0).contains(&u));
    }
    assert_eq!(pick([1, 2, 3].into_iter(), 0.999_999), 3);
    assert_eq!(pick([1, 2, 3].into_iter(), 0.0), 1);
    assert_eq!(pick([1, 2, 3].into_iter(), 0.5), 2);
}
