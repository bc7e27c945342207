//! Tests that would fail if a silent fallback (a default that hides a bug
//! and biases results without any error) came back: an unknown pillar read as pillar 0, a replication skipped leaving
//! rank 0 in the tally, and an element of the IATI tree answering "" or
//! line 0. (A sample programme that fails to build and is dropped is caught
//! by `samples::try_portfolio_builds_all_seven_and_portfolio_agrees`.)

use ssr_model::Scorer;
use ssr_model::model::Pillar;
use ssr_model::score::compare::Dimension;
use ssr_model::score::policy::ScoringPolicy;

/// Tables indexed by pillar or dimension rely on `index()` being the
/// position in `ALL`: a fallback to 0 would give two variants one slot.
#[test]
fn indices_are_positions_in_all() {
    for (i, p) in Pillar::ALL.iter().enumerate() {
        assert_eq!(p.index(), i, "{p}");
    }
    for (i, d) in Dimension::ALL.iter().enumerate() {
        assert_eq!(d.index(), i, "{d}");
    }
}

/// Every replication ranks every ranked programme: no statistic can fall
/// below rank 1 or above the number ranked, whichever way the tally is kept
/// (a matrix when replications ≤ programmes, counts otherwise).
#[test]
fn no_replication_leaves_a_zero_rank() {
    let portfolio = ssr_model::samples::portfolio();
    for replications in [1, 3, 200] {
        let mut policy = ScoringPolicy::default();
        policy.uncertainty.replications = replications;
        let scorer = Scorer::new(policy).unwrap();
        let card = scorer.scorecard(&portfolio);
        let ranks = scorer.rank_uncertainty(&card);
        let n = ranks.programmes.len() as f64;
        assert!(n >= 2.0, "the sample ranks several programmes");
        for s in &ranks.programmes {
            assert!(
                1.0 <= s.p05 && s.p05 <= s.median && s.median <= s.p95 && s.p95 <= n,
                "{replications} replications: {s:?}"
            );
            assert!((1.0..=n).contains(&s.mean), "{replications}: {s:?}");
        }
        // The mean ranks of n programmes ranked in every replication, with
        // ties sharing the best rank, sum to at most 1 + 2 + … + n; a
        // skipped replication (rank 0) would pull the sum down to below n.
        let sum: f64 = ranks.programmes.iter().map(|s| s.mean).sum();
        assert!(sum >= n && sum <= n * (n + 1.0) / 2.0, "{sum}");
    }
}

/// Import findings name the element's real line (an element answering line
/// 0 or no name would show here).
#[cfg(feature = "iati")]
#[test]
fn import_findings_carry_the_elements_line() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03">
 <iati-activity default-currency="USD">
  <iati-identifier>XM-LINE-1</iati-identifier>
  <title><narrative>Lines</narrative></title>
  <recipient-country code="LR"/>
  <participating-org ref="XM-ORG">
   <narrative>No role</narrative>
  </participating-org>
 </iati-activity>
</iati-activities>
"#;
    let import = ssr_model::interop::iati::import(xml.as_bytes()).unwrap();
    let f = import
        .report
        .findings()
        .iter()
        .find(|f| f.path.as_str().ends_with("/participating-org[1]/@role"))
        .unwrap_or_else(|| panic!("{}", import.report));
    assert_eq!(f.path.line(), Some(7), "{f}");
    assert!(f.message.ends_with("(line 7)"), "{f}");
    assert!(f.message.contains("XM-LINE-1"), "{f}");
}
