//! The embedded sample portfolio validates with no error-level finding.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use ssr_model::validate::{self, Severity, ValidationPolicy};

#[test]
#[ignore = "needs the sample portfolio from the samples branch"]
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
}
