//! IATI bytes imported, validated and scored, with the filter and options
//! drawn from the input's first two bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ssr_model::document;
use ssr_model::interop::iati::{Filter, ImportOptions};
use ssr_model::Scorer;
use ssr_model::score::policy::ScoringPolicy;
use ssr_model::validate;
use ssr_model::diagnostics::ValidationPolicy;
use ssr_model::Country;
use ssr_model::model::Pillar;

const PREFIXES: [&str; 4] = ["152", "15210", "1", "99"];
const COUNTRIES: [&str; 4] = ["LBR", "MLI", "COL", "GBR"];
const LANGUAGES: [&str; 4] = ["en", "fr", "es", "xx"];

/// Options from two bytes: bit pairs pick a sector prefix, a country filter,
/// a language, a fallback country and a fallback pillar (each possibly none).
fn options(a: u8, b: u8) -> ImportOptions {
    let pick = |bits: u8, list: &[&'static str; 4]| list[usize::from(bits & 3)];
    let mut filter = Filter::new();
    if a & 0x80 != 0 {
        filter = filter
            .with_sector_prefix(pick(a, &PREFIXES))
            .expect("the listed prefixes are valid");
    }
    if a & 0x40 != 0 {
        let country = Country::new(pick(a >> 2, &COUNTRIES)).expect("listed countries exist");
        filter = filter.with_country(country);
    }
    if a & 0x20 != 0 {
        filter = filter.with_reporting_org("GB-GOV-1");
    }
    let mut options = ImportOptions::new().with_filter(filter);
    if b & 0x80 != 0 {
        options = options.with_language(pick(b, &LANGUAGES));
    }
    if b & 0x40 != 0 {
        let country = Country::new(pick(b >> 2, &COUNTRIES)).expect("listed countries exist");
        options = options.with_fallback_country(country);
    }
    if b & 0x20 != 0 {
        let pillars = Pillar::ALL;
        let pillar = pillars[usize::from(b & 0x1f) % pillars.len()];
        options = options.with_fallback_pillar(pillar);
    }
    options
}

fuzz_target!(|data: &[u8]| {
    let [a, b, xml @ ..] = data else {
        return;
    };
    let Ok(import) = options(*a, *b).import(xml) else {
        return;
    };
    let portfolio = import.portfolio;
    validate::validate(&portfolio, &ValidationPolicy::default());
    let mut policy = ScoringPolicy::default();
    policy.uncertainty.replications = 8;
    let scorer = Scorer::new(policy).expect("the default policy is valid");
    let card = scorer.scorecard(&portfolio);
    scorer.rank_uncertainty(&card);
    let saved = document::to_string(&portfolio).expect("an imported portfolio saves");
    let reloaded = document::from_str(&saved).expect("a saved import loads");
    assert_eq!(reloaded, portfolio, "an import round-trips");
});
