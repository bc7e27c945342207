//! A document loaded, validated, scored, ranked, exported and reloaded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssr_model::document;
use ssr_model::tables::{self, Source, TableName};
use ssr_model::Scorer;
use ssr_model::score::policy::ScoringPolicy;
use ssr_model::validate;
use ssr_model::diagnostics::ValidationPolicy;

fuzz_target!(|data: &[u8]| {
    let Ok(portfolio) = document::from_slice(data) else {
        return;
    };
    let report = validate::validate(&portfolio, &ValidationPolicy::default());
    tables::write_csv(std::io::sink(), &tables::findings(&report)).expect("writing findings to a sink");
    let mut policy = ScoringPolicy::default();
    // Few replications: the fuzzer wants many inputs, not long ones.
    policy.uncertainty.replications = 8;
    let scorer = Scorer::new(policy).expect("the default policy is valid");
    let card = scorer.rank(&portfolio);
    serde_json::to_vec(&card).expect("a scorecard serialises");
    tables::write_scores_csv(std::io::sink(), &card, |_| true).expect("writing scores to a sink");
    let source = Source::new(&portfolio, &scorer).with_scorecard(&card);
    for name in TableName::ALL {
        source.write_csv(std::io::sink(), name).expect("writing a table to a sink");
    }
    let saved = document::to_string(&portfolio).expect("a loaded portfolio saves");
    let reloaded = document::from_str(&saved).expect("a saved document loads");
    assert_eq!(reloaded, portfolio, "the document round-trips");
});
