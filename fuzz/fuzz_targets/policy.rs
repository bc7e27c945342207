//! Both policies: a scoring policy and a validation policy parsed from the
//! same bytes, round-tripped, and applied to a small portfolio.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssr_model::samples::{Synthetic, synthetic};
use ssr_model::Scorer;
use ssr_model::score::policy::ScoringPolicy;
use ssr_model::validate;
use ssr_model::diagnostics::ValidationPolicy;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let portfolio = synthetic(&Synthetic::new(3).with_components(2).with_indicators(2));
    if let Ok(mut policy) = ScoringPolicy::from_json(text) {
        let json = serde_json::to_string(&policy).expect("a policy serialises");
        let again = ScoringPolicy::from_json(&json).expect("a saved policy loads");
        assert_eq!(again, policy, "the scoring policy round-trips");
        // Few replications: the fuzzer wants many inputs, not long ones.
        policy.uncertainty.replications = policy.uncertainty.replications.min(8);
        let scorer = Scorer::new(policy).expect("a checked policy makes a scorer");
        let card = scorer.scorecard(&portfolio);
        scorer.rank_uncertainty(&card);
    }
    if let Ok(policy) = serde_json::from_str::<ValidationPolicy>(text) {
        let json = serde_json::to_string(&policy).expect("a policy serialises");
        let again: ValidationPolicy = serde_json::from_str(&json).expect("a saved policy loads");
        assert_eq!(again, policy, "the validation policy round-trips");
        validate::validate(&portfolio, &policy);
    }
});
