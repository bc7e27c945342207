//! The composite's audit: coherence over the comparison and its findings,
//! outliers (hand-worked on a small vector), screening, and defaults that
//! move no score.

use ssr_model::Scorer;
use ssr_model::diagnostics::{Code, Pointer};
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::score::audit::{
    OutlierMethod, coherence_findings, excess_kurtosis, skewness, treat_column,
};
use ssr_model::score::coherence::Coherence;
use ssr_model::score::compare::{Dimension, NotRanked};
use ssr_model::score::policy::{
    CoherencePolicy, Imputation, OutlierPolicy, OutlierTreatment, ScoringPolicy,
};
use ssr_model::tables::{self, Values};

fn close(a: Option<f64>, b: f64, tol: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < tol)
}

fn portfolio() -> ssr_model::Portfolio {
    synthetic(
        &Synthetic::new(12)
            .with_components(2)
            .with_indicators(2)
            .with_periods(2),
    )
}

#[test]
fn coherence_is_that_of_the_ranked_normalised_dimensions() {
    for imputation in [Imputation::None, Imputation::Mean] {
        let mut policy = ScoringPolicy::default();
        policy.ranking.imputation = imputation;
        let card = Scorer::new(policy).unwrap().scorecard(&portfolio());
        let c = &card.comparison.audit.coherence;
        // The columns are the weighted dimensions (finance weighs 0).
        let weighted = [
            Dimension::Progress,
            Dimension::Evaluation,
            Dimension::Risk,
            Dimension::Resistance,
            Dimension::Inclusion,
        ];
        assert_eq!(c.dimensions, weighted);
        // The rows are the ranked programmes, in portfolio order; the
        // statistics are Coherence::of their normalised values and composite.
        let ranked: Vec<_> = card
            .comparison
            .rows
            .iter()
            .filter(|r| r.rank.is_some())
            .collect();
        assert_eq!(
            c.programmes,
            ranked.iter().map(|r| r.programme).collect::<Vec<_>>()
        );
        let columns: Vec<Vec<Option<f64>>> = weighted
            .iter()
            .map(|&d| ranked.iter().map(|r| r.normalised.get(d)).collect())
            .collect();
        let composite: Vec<Option<f64>> = ranked.iter().map(|r| r.composite).collect();
        assert_eq!(c.statistics, Coherence::of(&columns, &composite));
    }
}

#[test]
fn findings_follow_the_thresholds() {
    // Hand-made: a and b rise together (r > 0.99); c falls as the
    // composite rises. Alpha of a, b, c: variances 1.6667, 1.5833 and
    // 1.5833 (c = 3, 2.5, 1, 0: mean 1.625, Σd² = 5.6875, /3 = 1.8958);
    // whatever its value, a threshold of 1 catches it and −1e6 does not.
    let a = vec![Some(1.0), Some(2.0), Some(3.0), Some(4.0)];
    let b = vec![Some(1.1), Some(2.0), Some(3.1), Some(4.0)];
    let c = vec![Some(3.0), Some(2.5), Some(1.0), Some(0.0)];
    let composite = [Some(1.0), Some(2.0), Some(3.0), Some(4.0)];
    let stats = Coherence::of(&[a, b, c], &composite);
    let at = Pointer::root().member("coherence");
    let strict = CoherencePolicy::default();
    let found = coherence_findings(&stats, &["a", "b", "c"], &strict, &at);
    let codes: Vec<(Code, String)> = found.iter().map(|f| (f.code, f.path.to_string())).collect();
    assert!(codes.contains(&(
        Code::CompositeNegativeCorrelation,
        "/coherence/composite/2".to_owned()
    )));
    // Pairs in order (a, b), (a, c), (b, c): only the first is above 0.9.
    assert!(codes.contains(&(
        Code::DimensionsDoubleCounted,
        "/coherence/pairs/0".to_owned()
    )));
    assert_eq!(
        codes
            .iter()
            .filter(|(c, _)| *c == Code::DimensionsDoubleCounted)
            .count(),
        1
    );
    assert!(
        found
            .iter()
            .all(|f| f.code.family() == ssr_model::diagnostics::Family::Audit)
    );
    assert!(found[0].message.contains('c'));
    // Thresholds nothing reaches: no finding.
    let mut lax = CoherencePolicy::default();
    lax.min_composite_correlation = -1.0;
    lax.max_pair_correlation = 1.0;
    lax.min_alpha = -1e6;
    assert!(coherence_findings(&stats, &["a", "b", "c"], &lax, &at).is_empty());
    // A threshold alpha cannot reach: one low_cronbach_alpha finding.
    let mut demanding = lax;
    demanding.min_alpha = 1.0;
    let found = coherence_findings(&stats, &["a", "b", "c"], &demanding, &at);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, Code::LowCronbachAlpha);
    assert_eq!(found[0].path.to_string(), "/coherence/cronbach_alpha");
}

#[test]
fn the_scorecard_reports_coherence_findings() {
    let mut policy = ScoringPolicy::default();
    // Every known pair correlates above −1: each is flagged.
    policy.audit.coherence.max_pair_correlation = -1.0;
    let card = Scorer::new(policy).unwrap().scorecard(&portfolio());
    let c = &card.comparison.audit.coherence;
    let known = c
        .statistics
        .pairs
        .iter()
        .filter(|p| p.pearson.is_some_and(|r| r > -1.0))
        .count();
    let flagged: Vec<_> = card
        .comparison
        .audit
        .findings
        .iter()
        .filter(|f| f.code == Code::DimensionsDoubleCounted)
        .collect();
    assert_eq!(flagged.len(), known);
    assert!(known > 0);
    assert!(flagged.iter().all(|f| {
        f.path
            .as_str()
            .starts_with("/comparison/audit/coherence/statistics/pairs/")
    }));
}

#[test]
fn the_coherence_table_lists_every_statistic() {
    let card = Scorer::default().scorecard(&portfolio());
    let t = tables::coherence(&card);
    // 5 dimensions: 5 with the composite and 10 pairs, each Pearson and
    // Spearman, then alpha and the first component.
    assert_eq!(t.rows(), 2 * 5 + 2 * 10 + 2);
    let Some(Values::Float(values)) = t.column("value").map(|c| c.values()) else {
        unreachable!()
    };
    let alpha = values[t.rows() - 2];
    assert_eq!(
        alpha,
        card.comparison.audit.coherence.statistics.cronbach_alpha
    );
    let Some(Values::Integer(programmes)) = t.column("programmes").map(|c| c.values()) else {
        unreachable!()
    };
    let ranked = card
        .comparison
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .count();
    assert!(programmes.iter().all(|p| *p == Some(ranked as i64)));
}

#[test]
fn skewness_and_kurtosis_by_hand() {
    // 1, …, 9, 50: mean 9.5; deviations −8.5 … −0.5 and 40.5.
    // Σd² = 242.25 + 1640.25 = 1882.5, m2 = 188.25;
    // Σd³ = −1630.125 + 66430.125 = 64800, m3 = 6480;
    // g1 = 6480 / 188.25^1.5 = 2.50890; G1 = g1 · √90 / 8 = 2.97512.
    let x = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 50.0];
    let m2: f64 = 188.25;
    let g1 = 6480.0 / m2.powf(1.5);
    assert!(close(skewness(&x), g1 * 90f64.sqrt() / 8.0, 1e-12));
    assert!(close(skewness(&x), 2.975115, 1e-6));
    // Σd⁴ = 2702108.625 (= 2690420.0625 for 40.5 plus 11688.5625 below):
    // m4 = 270210.8625, g2 = m4/m2² − 3; G2 = (11 g2 + 6) · 9 / (8 · 7).
    let g2 = 270_210.862_5 / (m2 * m2) - 3.0;
    assert!(close(
        excess_kurtosis(&x),
        (11.0 * g2 + 6.0) * 9.0 / 56.0,
        1e-9
    ));
    assert!(close(excess_kurtosis(&x), 9.140407, 1e-6));
}

#[test]
fn winsorising_one_point_at_a_time() {
    let x = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 50.0];
    let mut policy = OutlierPolicy::default();
    policy.treatment = OutlierTreatment::Winsorise;
    // G1 = 2.98 > 2 and G2 = 9.14 > 3.5: it fails. The skew is positive,
    // so 50 becomes 9, the next value down: 1, …, 9, 9 has mean 5.4,
    // |G1| = 0.15 and G2 = −1.36, so it passes after one value.
    let t = treat_column(&x, &policy);
    assert!(t.failed && t.passes);
    assert_eq!(t.method, Some(OutlierMethod::Winsorised));
    let mut expected = x.to_vec();
    expected[9] = 9.0;
    assert_eq!(t.values, expected);
    // With no value allowed to change... the policy refuses 0; with the
    // treatment off, the column fails and is left alone.
    policy.treatment = OutlierTreatment::None;
    let t = treat_column(&x, &policy);
    assert!(t.failed && !t.passes && t.method.is_none());
    assert_eq!(t.values, x);
}

#[test]
fn the_log_transform_of_coinr() {
    let x = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 50.0];
    let mut policy = OutlierPolicy::default();
    policy.treatment = OutlierTreatment::Log;
    // Positive skew: ln(x − min + 0.01 (max − min)) = ln(x − 1 + 0.49).
    let t = treat_column(&x, &policy);
    assert_eq!(t.method, Some(OutlierMethod::Log));
    for (after, before) in t.values.iter().zip(x) {
        assert!((after - (before - 0.51_f64).ln()).abs() < 1e-12);
    }
    // A negative skew is reflected, so the order is kept:
    // −ln(max − x + 0.01 (max − min)).
    let negative: Vec<f64> = x.iter().map(|v| -v).collect();
    let t = treat_column(&negative, &policy);
    for (after, before) in t.values.iter().zip(&negative) {
        assert!((after + (-1.0 - before + 0.49_f64).ln()).abs() < 1e-12);
    }
    assert!(t.values.windows(2).all(|w| w[0] > w[1]));
}

#[test]
fn screening_leaves_out_sparse_programmes_and_dimensions() {
    let portfolio = ssr_model::samples::portfolio();
    let plain = Scorer::default().scorecard(&portfolio);
    // Every weighted dimension known: a programme missing one is screened.
    let mut policy = ScoringPolicy::default();
    policy.audit.screening.min_programme_coverage = 1.0;
    let card = Scorer::new(policy).unwrap().scorecard(&portfolio);
    for (row, before) in card.comparison.rows.iter().zip(&plain.comparison.rows) {
        if before.rank.is_some() && !before.missing.is_empty() {
            assert_eq!(
                row.not_ranked,
                Some(NotRanked::LowDataCoverage),
                "{}",
                row.name
            );
        }
        if before.not_ranked.is_some() {
            assert_eq!(row.not_ranked, before.not_ranked);
        }
    }
    assert_eq!(
        NotRanked::LowDataCoverage.describe(),
        "data on too small a share of the dimensions (screened out by the policy)"
    );
    // Every admitted programme must have a dimension: those some lack
    // are left out of the composite, with a finding each.
    let mut policy = ScoringPolicy::default();
    policy.audit.screening.min_dimension_coverage = 1.0;
    let card = Scorer::new(policy).unwrap().scorecard(&portfolio);
    let audit = &card.comparison.audit;
    let sparse: Vec<Dimension> = Dimension::ALL
        .into_iter()
        .filter(|&d| plain.comparison.rows.iter().any(|r| r.missing.contains(&d)))
        .collect();
    assert!(!sparse.is_empty(), "the sample has a dimension some lack");
    let screened: Vec<Dimension> = audit.screened.iter().map(|s| s.dimension).collect();
    assert_eq!(screened, sparse);
    assert_eq!(
        audit
            .findings
            .iter()
            .filter(|f| f.code == Code::DimensionScreenedOut)
            .count(),
        sparse.len()
    );
    // The composite (equal weights, arithmetic) is the mean over the
    // dimensions kept: a screened one weighs 0, as finance does.
    let kept: Vec<Dimension> = [
        Dimension::Progress,
        Dimension::Evaluation,
        Dimension::Risk,
        Dimension::Resistance,
        Dimension::Inclusion,
    ]
    .into_iter()
    .filter(|d| !sparse.contains(d))
    .collect();
    for row in card.comparison.rows.iter().filter(|r| r.rank.is_some()) {
        assert!(row.missing.is_empty());
        let values: Vec<f64> = kept.iter().filter_map(|&d| row.normalised.get(d)).collect();
        assert_eq!(values.len(), kept.len());
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        assert!(close(row.composite, mean, 1e-9), "{}", row.name);
    }
    assert!(
        !audit
            .coherence
            .dimensions
            .iter()
            .any(|d| sparse.contains(d))
    );
    // The Monte Carlo composes the same dimensions: its nominal ranks are
    // the card's.
    let mut policy = ScoringPolicy::default();
    policy.audit.screening.min_dimension_coverage = 1.0;
    policy.uncertainty.replications = 20;
    let ranked = Scorer::new(policy).unwrap().rank(&portfolio);
    assert!(ranked.uncertainty.is_some());
}

#[test]
#[cfg(feature = "json")]
fn defaults_move_no_score() {
    let absent = ScoringPolicy::from_json("{}").unwrap();
    let off = ScoringPolicy::from_json(
        r#"{"audit": {
            "outliers": {"treatment": "none"},
            "screening": {"min_programme_coverage": 0, "min_dimension_coverage": 0}
        }}"#,
    )
    .unwrap();
    assert_eq!(absent, off);
    for portfolio in [ssr_model::samples::portfolio(), portfolio()] {
        let mut a = Scorer::new(absent.clone()).unwrap().rank(&portfolio);
        let b = Scorer::new(off.clone()).unwrap().rank(&portfolio);
        assert_eq!(a, b);
        // And the audit only adds: with coherence findings silenced, it
        // holds no treated value, no screened dimension, no finding.
        a.comparison.audit.findings.retain(|f| {
            !matches!(
                f.code,
                Code::CompositeNegativeCorrelation
                    | Code::DimensionsDoubleCounted
                    | Code::LowCronbachAlpha
            )
        });
        assert!(a.comparison.audit.outliers.is_empty());
        assert!(a.comparison.audit.screened.is_empty());
        assert!(a.comparison.audit.findings.is_empty());
    }
    // A policy written as JSON leaves the default audit out, so earlier
    // readers still read it.
    let json = serde_json::to_string(&absent).unwrap();
    assert!(!json.contains("audit"));
}

#[test]
#[cfg(feature = "json")]
fn the_policy_refuses_bad_thresholds_and_log_beside_goalposts() {
    let err = ScoringPolicy::from_json(
        r#"{"audit": {"coherence": {"max_pair_correlation": 1.5},
                      "screening": {"min_dimension_coverage": -0.1},
                      "outliers": {"max_winsorised": 0}}}"#,
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("/audit/coherence/max_pair_correlation"),
        "{text}"
    );
    assert!(
        text.contains("/audit/screening/min_dimension_coverage"),
        "{text}"
    );
    assert!(text.contains("/audit/outliers/max_winsorised"), "{text}");
    // The default Monte Carlo draws goalposts: a log transform is refused.
    let err =
        ScoringPolicy::from_json(r#"{"audit": {"outliers": {"treatment": "log"}}}"#).unwrap_err();
    assert!(err.to_string().contains("/audit/outliers/treatment"));
    let ok = ScoringPolicy::from_json(
        r#"{"audit": {"outliers": {"treatment": "winsorise_then_log"}},
            "uncertainty": {"normalisations": ["min_max", "percentile_rank"]}}"#,
    );
    assert!(ok.is_ok());
}

#[test]
#[cfg(feature = "schemars")]
fn the_policy_schema_covers_the_audit() {
    let schema = serde_json::to_value(ssr_model::interop::schema::scoring_policy_schema()).unwrap();
    let validator = jsonschema::options().build(&schema).unwrap();
    let full = serde_json::json!({"audit": {
        "coherence": {"min_composite_correlation": 0.1, "max_pair_correlation": 0.8, "min_alpha": 0.6},
        "outliers": {"treatment": "winsorise_then_log", "max_skewness": 2, "max_kurtosis": 3.5, "max_winsorised": 3},
        "screening": {"min_programme_coverage": 0.5, "min_dimension_coverage": 0.6}
    }});
    assert!(validator.is_valid(&full));
    assert!(
        !validator.is_valid(&serde_json::json!({"audit": {"outliers": {"treatment": "trim"}}}))
    );
    assert!(
        !validator.is_valid(&serde_json::json!({"audit": {"screening": {"min_coverage": 0.5}}}))
    );
    // What the schema accepts, the policy reads.
    let policy: ScoringPolicy = serde_json::from_value(full).unwrap();
    assert_eq!(
        policy.audit.outliers.treatment,
        OutlierTreatment::WinsoriseThenLog
    );
    assert_eq!(policy.audit.screening.min_dimension_coverage, 0.6);
}

/// With no noise and the comparison's own normalisation and method, every
/// Monte Carlo replication is the nominal ranking: so the replications
/// compose the dimensions the comparison composed (screening) and
/// normalise the values it normalised (the sample's inclusion, winsorised).
#[test]
fn the_monte_carlo_sees_the_treated_and_screened_comparison() {
    use ssr_model::score::compare::{Normalisation, PortfolioAggregation};
    let portfolio = ssr_model::samples::portfolio();
    let mut policy = ScoringPolicy::default();
    policy.uncertainty.replications = 5;
    policy.uncertainty.weight_noise = ssr_model::model::Fraction::new(0.0).unwrap();
    policy.uncertainty.normalisations = vec![Normalisation::MinMax];
    policy.uncertainty.methods = vec![PortfolioAggregation::Arithmetic];
    let mut treated = policy.clone();
    treated.audit.outliers.treatment = OutlierTreatment::Winsorise;
    let mut screened = policy;
    screened.audit.screening.min_dimension_coverage = 1.0;
    for (policy, what) in [(treated, "outliers"), (screened, "screening")] {
        let card = Scorer::new(policy).unwrap().rank(&portfolio);
        let audit = &card.comparison.audit;
        assert!(
            !audit.outliers.is_empty() || !audit.screened.is_empty(),
            "{what}"
        );
        let u = card.uncertainty.as_ref().unwrap();
        for s in &u.programmes {
            let nominal = f64::from(s.nominal);
            assert_eq!((s.p05, s.p95), (nominal, nominal), "{what}: {}", s.name);
        }
    }
}
