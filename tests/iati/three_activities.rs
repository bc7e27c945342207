//! The importer on the crate's own small fixture
//! (`tests/fixtures/iati/three-activities.xml`), so its
//! behaviour is covered in a plain clone without `../shared`. Every expected
//! value below is read off the fixture by hand.
#![cfg(feature = "iati")]

use crate::common::shared;

use ssr_model::Country;
use ssr_model::diagnostics::{Code, Severity};
use ssr_model::interop::iati;
use ssr_model::interop::iati::{Filter, ImportOptions};
use ssr_model::model::{Pillar, ResultLevel};

fn bytes() -> Vec<u8> {
    std::fs::read(shared::fixture("three-activities.xml")).unwrap()
}

fn import(options: &ImportOptions) -> iati::Import {
    options.import(&bytes()[..]).unwrap()
}

#[test]
fn every_activity_becomes_a_programme() {
    let import = import(&ImportOptions::new());
    assert_eq!(import.activities, 3);
    assert_eq!(import.filtered_out, 0);
    let ids: Vec<_> = import
        .portfolio
        .programmes
        .iter()
        .map(|p| p.external_id.as_deref().unwrap())
        .collect();
    assert_eq!(ids, ["XM-TEST-1", "XM-TEST-2", "XM-TEST-3"]);
    // XM-TEST-3 names no recipient: imported without one, with an error
    // naming it, at its element.
    assert!(import.portfolio.programmes[2].recipients.is_empty());
    let missing: Vec<_> = import.report.of_code(Code::IatiMissingCountry).collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].severity, Severity::Error);
    assert!(
        missing[0].message.contains("XM-TEST-3"),
        "{}",
        missing[0].message
    );
    assert!(
        missing[0]
            .path
            .as_str()
            .starts_with("/iati-activities/iati-activity[3]"),
        "{}",
        missing[0].path
    );
}

#[test]
fn the_first_activity_is_read_in_full() {
    let import = import(&ImportOptions::new());
    let p = &import.portfolio.programmes[0];
    assert_eq!(
        p.single_country().map(|c| c.to_string()).as_deref(),
        Some("LBR")
    );
    assert_eq!(p.name, "Community policing in Liberia");
    let pillars: Vec<Pillar> = p.components.iter().map(|c| c.pillar).collect();
    assert!(pillars.contains(&Pillar::PoliceReform), "{pillars:?}");
    assert!(pillars.contains(&Pillar::JusticeReform), "{pillars:?}");
    // XM-TEST appears twice (roles 1 and 3) and is merged into one stakeholder.
    assert_eq!(p.stakeholders.len(), 2);
    let donor = p
        .stakeholders
        .iter()
        .find(|s| s.name == "Test donor")
        .unwrap();
    assert_eq!(donor.roles.len(), 2);
    let indicator = p.indicators().next().unwrap();
    assert_eq!(indicator.title, "Public trust in the police");
    assert_eq!(indicator.level, ResultLevel::Outcome);
    let baseline = indicator.baseline.as_ref().unwrap();
    assert_eq!(baseline.value.as_ref().unwrap().as_number(), Some(38.0));
    let period = &indicator.periods[0];
    assert_eq!(period.target.as_ref().unwrap().as_number(), Some(45.0));
    assert_eq!(period.actual.as_ref().unwrap().as_number(), Some(41.0));
}

#[test]
fn filters_by_sector_country_and_reporting_org() {
    let by_sector =
        import(&ImportOptions::new().with_filter(Filter::new().with_sector_prefix("151").unwrap()));
    // XM-TEST-2 is health (12220); XM-TEST-3 passes the filter (with no
    // recipient).
    assert_eq!(by_sector.filtered_out, 1);
    assert_eq!(by_sector.portfolio.programmes.len(), 2);

    let by_country = import(
        &ImportOptions::new().with_filter(Filter::new().with_country(Country::new("SLE").unwrap())),
    );
    assert_eq!(by_country.portfolio.programmes.len(), 1);
    assert_eq!(
        by_country.portfolio.programmes[0]
            .single_country()
            .map(|c| c.to_string())
            .as_deref(),
        Some("SLE")
    );

    let by_org =
        import(&ImportOptions::new().with_filter(Filter::new().with_reporting_org("XM-TEST")));
    assert_eq!(by_org.filtered_out, 1);
}

#[test]
fn a_fallback_country_imports_the_activity_without_one() {
    let import = import(&ImportOptions::new().with_fallback_country(Country::new("MLI").unwrap()));
    assert_eq!(import.portfolio.programmes.len(), 3);
    assert_eq!(
        import.portfolio.programmes[2]
            .single_country()
            .map(|c| c.to_string())
            .as_deref(),
        Some("MLI")
    );
}

#[test]
fn a_non_numeric_actual_is_kept_with_a_finding() {
    let import = import(&ImportOptions::new().with_fallback_country(Country::new("MLI").unwrap()));
    let finding = import
        .report
        .of_code(Code::IatiNonNumericValue)
        .next()
        .unwrap();
    assert_eq!(
        finding.path,
        "/iati-activities/iati-activity[3]/result[1]/indicator[1]/period[1]/actual[1]/@value"
    );
    assert!(
        finding.message.starts_with("activity XM-TEST-3: "),
        "{}",
        finding.message
    );
    let indicator = import.portfolio.programmes[2].indicators().next().unwrap();
    assert_eq!(indicator.level, ResultLevel::Output);
    let actual = indicator.periods[0].actual.as_ref().unwrap();
    assert_eq!(actual.as_number(), None);
}

#[test]
fn the_import_round_trips_through_the_document() {
    let import = import(&ImportOptions::new());
    let json = ssr_model::document::to_string(&import.portfolio).unwrap();
    assert_eq!(
        ssr_model::document::from_str(&json).unwrap(),
        import.portfolio
    );
}
