//! Checks of the scoring policy as a whole.

use super::*;
use crate::Fraction;
use crate::score::{Aggregation, Normalisation, PortfolioAggregation};

#[test]
fn default_policy_is_valid() {
    assert_eq!(ScoringPolicy::default().check(), Ok(()));
}

#[test]
fn z_score_with_geometric_is_refused() {
    let mut p = ScoringPolicy::default();
    p.comparison.normalisation = Normalisation::ZScore;
    p.comparison.method = PortfolioAggregation::Geometric;
    assert!(p.check().is_err());
    p.comparison.method = PortfolioAggregation::Copeland;
    assert_eq!(p.check(), Ok(()));
    p.uncertainty.normalisations.push(Normalisation::ZScore);
    let err = p.check().unwrap_err().to_string();
    assert!(err.contains("/uncertainty/methods"), "{err}");
}

#[test]
fn every_problem_is_returned_at_once() {
    let mut p = ScoringPolicy::default();
    p.risk.high = 30.0;
    p.stakeholders.high_interest = 0;
    p.stakeholders.high_influence = 9;
    p.uncertainty.weight_noise = Fraction::ONE;
    let Err(PolicyError::Invalid { problems }) = p.check() else {
        panic!("expected the policy to be refused");
    };
    let paths: Vec<&str> = problems.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/risk",
            "/stakeholders/high_influence",
            "/stakeholders/high_interest",
            "/uncertainty/weight_noise"
        ]
    );
    assert!(
        problems
            .iter()
            .all(|f| f.code == crate::diagnostics::Code::PolicyInvalid)
    );
}

#[test]
fn out_of_range_values_are_refused() {
    let mut p = ScoringPolicy::default();
    p.risk.high = 30.0;
    assert!(p.check().is_err());
    let mut p = ScoringPolicy::default();
    p.stakeholders.high_interest = 0;
    assert!(p.check().is_err());
    let mut p = ScoringPolicy::default();
    p.progress.ceiling = Some(-1.0);
    assert!(p.check().is_err());
    let mut p = ScoringPolicy::default();
    p.components.method = Aggregation::Power(f64::NAN);
    assert!(p.check().is_err());
    let mut p = ScoringPolicy::default();
    p.uncertainty.weight_noise = Fraction::ONE;
    assert!(p.check().is_err());
}

#[cfg(feature = "json")]
#[test]
fn weights_and_fractions_are_refused_as_they_are_read() {
    for (text, path, bound) in [
        (
            r#"{"comparison": {"dimensions": {"risk": {"weight": 2e6}}}}"#,
            "/comparison/dimensions/risk/weight",
            "from 0 to 1e6",
        ),
        (
            r#"{"evaluation": {"weights": {"impact": -1}}}"#,
            "/evaluation/weights/impact",
            "from 0 to 1e6",
        ),
        (
            r#"{"status": {"tolerance": 1.5}}"#,
            "/status/tolerance",
            "from 0 to 1",
        ),
    ] {
        match ScoringPolicy::from_json(text).unwrap_err() {
            PolicyError::Parse { path: p, message } => {
                assert_eq!(p, path);
                assert!(message.contains(bound), "{message}");
            }
            other => panic!("{other}"),
        }
    }
    let p =
        ScoringPolicy::from_json(r#"{"comparison": {"dimensions": {"risk": {"weight": 1e6}}}}"#)
            .unwrap();
    assert_eq!(
        p.comparison.dimensions.risk.weight,
        crate::Weight::new(1e6).unwrap()
    );
}

#[test]
fn bounds_of_the_input_domain_are_named() {
    let mut p = ScoringPolicy::default();
    p.comparison.dimensions.inclusion.goalposts = Goalposts::new(-1e16, 1.0);
    let err = p.check().unwrap_err().to_string();
    assert!(err.contains("-1e15 to 1e15"), "{err}");
    let mut p = ScoringPolicy::default();
    p.comparison.dimensions.inclusion.target = Some(1e300);
    let err = p.check().unwrap_err().to_string();
    assert!(err.contains("-1e15 to 1e15"), "{err}");
    for (q, ok) in [(100.0, true), (-100.0, true), (100.5, false), (-1e6, false)] {
        let mut p = ScoringPolicy::default();
        p.indicators.method = Aggregation::Power(q);
        assert_eq!(p.check().is_ok(), ok, "{q}");
        if !ok {
            let err = p.check().unwrap_err().to_string();
            assert!(err.contains("1e-6 to 100"), "{err}");
        }
    }
}

#[cfg(feature = "json")]
#[test]
fn policy_round_trips_through_json() {
    let p = ScoringPolicy::default();
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(ScoringPolicy::from_json(&json).unwrap(), p);
    let err = ScoringPolicy::from_json(r#"{"status": {"tolerance": "x"}}"#).unwrap_err();
    match err {
        PolicyError::Parse { path, .. } => assert_eq!(path, "/status/tolerance"),
        other => panic!("{other}"),
    }
}
