//! The summary of findings by code and severity: counts that add up to the
//! findings, the first examples of each group in order, groups most serious
//! then largest first.

use proptest::prelude::*;
use ssr_model::Finding;
use ssr_model::diagnostics::{Code, Severity, Summary};

/// A few codes, each at any severity (a policy may move one).
fn finding() -> impl Strategy<Value = Finding> {
    let codes = prop::sample::select(vec![
        Code::EmptyName,
        Code::SingleFunder,
        Code::IatiMissingCountry,
        Code::NoExchangeRate,
    ]);
    let severities =
        prop::sample::select(vec![Severity::Advice, Severity::Warning, Severity::Error]);
    (codes, severities, 0..1000_usize).prop_map(|(code, severity, n)| {
        Finding::new(code, format!("/programmes/{n}"), format!("finding {n}"))
            .with_severity(severity)
    })
}

proptest! {
    #[test]
    fn counts_add_up_and_examples_are_the_first_of_each_group(
        findings in prop::collection::vec(finding(), 0..60),
        examples in 0..4_usize,
    ) {
        let summary = Summary::new(&findings, examples);
        prop_assert_eq!(summary.total(), findings.len());
        for severity in [Severity::Advice, Severity::Warning, Severity::Error] {
            let by_hand = findings.iter().filter(|f| f.severity == severity).count();
            prop_assert_eq!(summary.count(severity), by_hand);
        }
        for group in &summary.groups {
            let of_group: Vec<&Finding> = findings
                .iter()
                .filter(|f| f.code == group.code && f.severity == group.severity)
                .collect();
            prop_assert_eq!(group.count, of_group.len());
            let first: Vec<&Finding> = of_group.into_iter().take(examples).collect();
            let shown: Vec<&Finding> = group.examples.iter().collect();
            prop_assert_eq!(shown, first);
            prop_assert_eq!(group.more(), group.count - group.examples.len());
        }
        // Most serious first, then the largest group.
        for pair in summary.groups.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert!(a.severity > b.severity || (a.severity == b.severity && a.count >= b.count));
        }
    }
}

#[test]
fn a_flood_of_advice_follows_the_one_error() {
    // 378 advice of one code and one error: two groups, the error first.
    let mut findings: Vec<Finding> = (0..378)
        .map(|n| {
            Finding::new(
                Code::IatiNotImported,
                format!("/iati-activities/iati-activity[{n}]"),
                "not imported",
            )
        })
        .collect();
    findings.push(Finding::new(Code::EmptyName, "/programmes/0/name", "empty"));
    let summary = Summary::new(&findings, Summary::EXAMPLES);
    assert_eq!(summary.groups.len(), 2);
    assert_eq!(summary.groups[0].code, Code::EmptyName);
    assert_eq!(summary.groups[1].count, 378);
    assert_eq!(summary.groups[1].more(), 378 - Summary::EXAMPLES);
    assert_eq!(summary.counts(), "1 error, 0 warnings, 378 advice");
    assert_eq!(summary.by_code(), "empty_name 1, iati_not_imported 378");
    assert!(Summary::new(&[], 3).is_empty());
}
