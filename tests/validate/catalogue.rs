//! The catalogue: every code has a family, a default level and an example,
//! the catalogue page's table agrees with them, and where the embedded
//! sample or the crate's own IATI fixtures raise a code, its example is a
//! message the crate really writes.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use ssr_model::Report;
use ssr_model::diagnostics::ValidationPolicy;
use ssr_model::diagnostics::{Code, Family};
use ssr_model::validate;

const TABLE: &str = include_str!("../../src/diagnostics/catalogue/mod.rs");

#[test]
fn every_code_has_family_level_and_example_in_the_table() {
    for &code in Code::ALL {
        let example = code.example();
        assert!(!example.trim().is_empty(), "{code} has no example");
        assert_eq!(
            code.family() == Family::Import,
            code.as_str().starts_with("iati_"),
            "{code}"
        );
        let row = format!(
            "//! | [`{code}`](#{code}) | {} | {} | ",
            code.family(),
            code.default_severity()
        );
        let line = TABLE
            .lines()
            .find(|l| l.starts_with(&row))
            .unwrap_or_else(|| panic!("no catalogue row {row:?}"));
        let shown = example.replace('|', "\\|");
        assert!(
            line.ends_with(&format!(" | {shown} |")),
            "{code}: the table's example is not Code::example: {line}"
        );
    }
}

/// The messages the sample (assessed on 2026-01-01) and the IATI fixtures
/// raise, by code: import reports and the validation of what was imported.
fn messages() -> BTreeMap<Code, BTreeSet<String>> {
    let policy =
        ValidationPolicy::default().with_as_of(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
    #[cfg_attr(
        not(feature = "iati"),
        expect(unused_mut, reason = "the IATI fixtures' reports join it")
    )]
    let mut reports: Vec<Report> = vec![validate::validate(
        &ssr_model::samples::portfolio(),
        &policy,
    )];
    #[cfg(feature = "iati")]
    for file in [
        "tests/fixtures/iati/three-activities.xml",
        "tests/fixtures/iati/kosovo.xml",
        "tests/fixtures/iati/legacy-codes.xml",
        "tests/fixtures/iati/multi-country.xml",
        "tests/fixtures/iati/region-only.xml",
        "tests/fixtures/iati/transaction-level.xml",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let import = ssr_model::interop::iati::import_path(&path).unwrap();
        reports.push(validate::validate(&import.portfolio, &policy));
        reports.push(import.report);
    }
    let mut by_code: BTreeMap<Code, BTreeSet<String>> = BTreeMap::new();
    for f in reports.iter().flat_map(Report::findings) {
        by_code.entry(f.code).or_default().insert(f.message.clone());
    }
    by_code
}

/// The codes whose example is a message of the sample or the fixtures. The
/// others' examples are messages of the crate's tests for that code (see
/// `validate_codes`, `validate_results`, `iati_*`), whose inputs are built
/// in those tests; `iati_multiple_countries` is retired.
const TRIGGERED_HERE: &[Code] = &[
    Code::PercentageSum,
    Code::MissingValue,
    Code::NoRecipient,
    Code::NoCivilSociety,
    Code::NoOversight,
    Code::NoLocalOwnership,
    Code::ComponentWithoutIndicator,
    Code::IndicatorWithoutBaseline,
    Code::UnmitigatedResistance,
    Code::UnassessedStakeholder,
    Code::SingleFunder,
    Code::NoGenderDimension,
    Code::QuantitativeOnly,
    Code::StaleData,
    Code::ObjectiveOutputOnly,
    Code::OutcomeWithoutOutputs,
    Code::MissingSource,
    Code::BreakdownSum,
    Code::IatiNonNumericValue,
    Code::IatiMissingCountry,
    Code::IatiLegacyCode,
];

#[test]
fn examples_are_messages_the_crate_writes() {
    let by_code = messages();
    for &code in TRIGGERED_HERE {
        if code.family() == Family::Import && !cfg!(feature = "iati") {
            continue;
        }
        let seen = by_code
            .get(&code)
            .unwrap_or_else(|| panic!("{code} is raised by no input here"));
        assert!(
            seen.contains(code.example()),
            "{code}: example {:?} is not among {seen:#?}",
            code.example()
        );
    }
}
