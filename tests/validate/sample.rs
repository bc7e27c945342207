//! The embedded sample portfolio validates with no error-level finding.

use chrono::NaiveDate;
use ssr_model::diagnostics::{Severity, ValidationPolicy};
use ssr_model::validate;

#[test]
fn sample_portfolio_has_no_error() {
    let portfolio = ssr_model::samples::portfolio();
    assert!(
        portfolio.programmes.len() >= 7,
        "{} programmes",
        portfolio.programmes.len()
    );
    let policy =
        ValidationPolicy::default().with_as_of(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    let report = validate::validate(&portfolio, &policy);
    assert!(report.is_valid(), "{report}");
    // The sample is meant to read like real programmes, some with warnings
    // (e.g. a single funder), so the report is not empty.
    assert!(report.at_least(Severity::Advice).count() > 0, "{report}");

    // Exactly the weaknesses the samples module documents, each in its
    // documented programme (by index in the portfolio), and nothing else.
    let documented: &[(&str, usize)] = &[
        ("objective_output_only", 0),   // Liberia (ownership)
        ("objective_output_only", 1),   // Sierra Leone (reintegration)
        ("no_gender_dimension", 2),     // Bosnia and Herzegovina
        ("unmitigated_resistance", 3),  // Tunisia
        ("breakdown_sum", 3),           // Tunisia (sex of 120 trainees unrecorded)
        ("quantitative_only", 4),       // Colombia
        ("missing_value", 5),           // Mali (suspended; 2022-23 not measured)
        ("outcome_without_outputs", 5), // Mali (output monitoring stopped)
        ("single_funder", 6),           // South Africa
    ];
    for finding in report.findings() {
        let index: usize = finding
            .path
            .as_str()
            .split('/')
            .nth(2)
            .and_then(|i| i.parse().ok())
            .unwrap();
        assert!(
            documented.contains(&(finding.code.as_str(), index)),
            "undocumented finding: {finding}"
        );
    }
    for (code, index) in documented {
        assert!(
            report.findings().iter().any(|f| f.code.as_str() == *code
                && f.path
                    .as_str()
                    .starts_with(&format!("/programmes/{index}/"))),
            "documented weakness {code} missing from programme {index}"
        );
    }
}
