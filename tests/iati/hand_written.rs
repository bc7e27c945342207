//! Hand-written IATI fixtures (tests/fixtures/iati), for a plain clone: a
//! region-only activity, several countries and regions with shares,
//! Kosovo, sectors and recipients on transactions, IATI 1.x codes. Expected
//! values are read off the XML by hand.
#![cfg(feature = "iati")]

use chrono::NaiveDate;
use ssr_model::diagnostics::Code;
use ssr_model::interop::iati;
use ssr_model::interop::iati::{Filter, Import, ImportOptions};
use ssr_model::model::{BudgetKind, BudgetStatus, Party, Pillar, Place, Role, TransactionType};
use ssr_model::{Country, Programme, Region};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/iati/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn import_with(name: &str, options: &ImportOptions) -> Import {
    options.import(fixture(name).as_bytes()).unwrap()
}

fn only(import: &Import) -> &Programme {
    assert_eq!(import.portfolio.programmes.len(), 1);
    &import.portfolio.programmes[0]
}

fn places(p: &Programme) -> Vec<(String, Option<f64>)> {
    p.recipients
        .iter()
        .map(|r| (r.place.to_string(), r.percentage.map(|x| x.get())))
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_region_only_activity_is_a_regional_programme() {
    let import = import_with("region-only.xml", &ImportOptions::new());
    let p = only(&import);
    assert_eq!(places(p), [("1030".to_owned(), Some(100.0))]);
    assert_eq!(
        p.regions().map(|r| r.name()).collect::<Vec<_>>(),
        ["Western Africa, regional"]
    );
    assert_eq!(p.single_country(), None);
    assert!(import.report.is_empty(), "{}", import.report);
    assert_eq!(p.components[0].pillar, Pillar::Ddr);
    assert_eq!(p.indicators().count(), 1);
    // One budget period and both transactions.
    assert_eq!(p.budgets.len(), 1);
    let b = &p.budgets[0];
    assert_eq!(
        (b.kind, b.status, b.start, b.end, b.value.to_string()),
        (
            BudgetKind::Original,
            Some(BudgetStatus::Committed),
            date(2020, 1, 1),
            date(2020, 12, 31),
            "400000 EUR".to_owned()
        )
    );
    let kinds: Vec<_> = p.transactions.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TransactionType::OutgoingCommitment,
            TransactionType::Disbursement
        ]
    );
    assert_eq!(p.transactions[1].value.to_string(), "150000 EUR");
    assert_eq!(p.transactions[1].value_date, date(2020, 6, 30));
    // The region filter keeps it; a country filter does not.
    let region = Filter::new().with_region(Region::new(1030).unwrap());
    let kept = import_with("region-only.xml", &ImportOptions::new().with_filter(region));
    assert_eq!(kept.portfolio.programmes.len(), 1);
    let country = Filter::new().with_country(Country::new("NGA").unwrap());
    let left = import_with(
        "region-only.xml",
        &ImportOptions::new().with_filter(country),
    );
    assert_eq!((left.portfolio.programmes.len(), left.filtered_out), (0, 1));
}

#[test]
fn several_countries_and_regions_keep_their_shares() {
    let import = import_with("multi-country.xml", &ImportOptions::new());
    let p = only(&import);
    assert_eq!(
        places(p),
        [
            ("AFG".to_owned(), Some(25.0)),
            ("ATG".to_owned(), Some(25.0)),
            ("489".to_owned(), Some(25.0)),
            ("289".to_owned(), Some(25.0)),
        ]
    );
    assert_eq!(p.single_country(), None);
    // Nothing is put in one country.
    assert_eq!(
        import.report.of_code(Code::IatiMultipleCountries).count(),
        0
    );
    // The revised budget replaces the original of the same period, in the
    // total; both periods are kept.
    assert_eq!(p.budget.unwrap().to_string(), "1200000 USD");
    let kinds: Vec<_> = p.budgets.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BudgetKind::Original, BudgetKind::Revised]);
    // --country matches any recipient.
    for code in ["AFG", "ATG"] {
        let filter = Filter::new().with_country(Country::new(code).unwrap());
        let kept = import_with(
            "multi-country.xml",
            &ImportOptions::new().with_filter(filter),
        );
        assert_eq!(kept.portfolio.programmes.len(), 1, "{code}");
    }
}

#[test]
fn kosovo_is_a_country() {
    let import = import_with("kosovo.xml", &ImportOptions::new());
    let p = only(&import);
    let kosovo = Country::from_alpha2("XK").unwrap();
    assert_eq!(p.single_country(), Some(kosovo));
    assert_eq!(kosovo.name(), "Kosovo");
    assert!(import.report.is_empty(), "{}", import.report);
    let filter = Filter::new().with_country(kosovo);
    let kept = import_with("kosovo.xml", &ImportOptions::new().with_filter(filter));
    assert_eq!(kept.portfolio.programmes.len(), 1);
}

#[test]
fn sectors_and_recipients_on_transactions() {
    let import = import_with("transaction-level.xml", &ImportOptions::new());
    let p = only(&import);
    // No activity-level recipient: the transactions' places, once each.
    assert_eq!(
        places(p),
        [("298".to_owned(), None), ("MLI".to_owned(), None)]
    );
    let finding = import
        .report
        .of_code(Code::IatiMissingCountry)
        .next()
        .unwrap();
    assert_eq!(finding.severity, ssr_model::diagnostics::Severity::Advice);
    // Each transaction keeps its own sector and recipient.
    let per_tx: Vec<(u32, String)> = p
        .transactions
        .iter()
        .map(|t| {
            let [only] = t.sectors.as_slice() else {
                panic!("one sector each: {:?}", t.sectors)
            };
            (
                only.dac_code().unwrap().get(),
                t.recipient.unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        per_tx,
        [
            (15220, "298".to_owned()),
            (15220, "298".to_owned()),
            (15210, "MLI".to_owned()),
            (15210, "MLI".to_owned()),
        ]
    );
    assert!(matches!(
        p.transactions[0].recipient,
        Some(Place::Region(_))
    ));
    // The activity states no sector of its own; its transactions' sectors
    // (once each) make its components.
    assert!(p.sectors.is_empty());
    assert_eq!(
        p.components.iter().map(|c| c.pillar).collect::<Vec<_>>(),
        [
            Pillar::CommunityEngagement,
            Pillar::SecuritySystemGovernance
        ]
    );
    let region = Filter::new().with_region(Region::new(298).unwrap());
    let kept = import_with(
        "transaction-level.xml",
        &ImportOptions::new().with_filter(region),
    );
    assert_eq!(kept.portfolio.programmes.len(), 1);
}

#[test]
fn iati_1_codes_are_read_as_their_2_03_codes() {
    let import = import_with("legacy-codes.xml", &ImportOptions::new());
    let p = only(&import);
    let kinds: Vec<_> = p.transactions.iter().map(|t| t.kind).collect();
    assert_eq!(
        kinds,
        [
            TransactionType::OutgoingCommitment,
            TransactionType::Disbursement,
            TransactionType::Expenditure,
            TransactionType::IncomingFunds,
        ]
    );
    // Vocabulary "DAC" is the DAC 5-digit list.
    assert_eq!(p.sectors[0].dac_code().unwrap().get(), 15132);
    assert_eq!(p.components[0].pillar, Pillar::PoliceReform);
    assert_eq!(
        (p.actual_start, p.planned_end),
        (Some(date(2018, 4, 1)), Some(date(2019, 3, 31)))
    );
    let donor = p
        .stakeholders
        .iter()
        .find(|s| s.name == "Example donor")
        .unwrap();
    assert!(donor.has_role(Role::Funding));
    let police = p
        .stakeholders
        .iter()
        .find(|s| s.name == "Local police foundation")
        .unwrap();
    assert!(police.has_role(Role::Implementing));
    // The incoming funds' provider is the donor stakeholder.
    assert_eq!(
        p.transactions[3].provider,
        Some(Party::Stakeholder(donor.id))
    );
    // Text directly in elements (1.x) is read as the narrative.
    assert_eq!(p.name, "Police training, legacy codes");
    // Each 1.x code is an advice finding: 4 transaction types, 2 roles, 2
    // date types, 1 sector vocabulary.
    assert_eq!(import.report.of_code(Code::IatiLegacyCode).count(), 9);
    // A date-time without a zone is read as written.
    let activity = iati::activities(fixture("legacy-codes.xml").as_bytes())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(
        activity.last_updated.map(|t| t.to_string()).as_deref(),
        Some("2019-07-01 00:00:00")
    );
}

#[test]
fn results_without_an_ssr_sector_are_unclassified() {
    let xml = r#"<iati-activities version="2.03"><iati-activity>
      <iati-identifier>XM-EX-EDU</iati-identifier>
      <title><narrative>Schools</narrative></title>
      <recipient-country code="LR"/>
      <sector code="11220"/>
      <result type="1"><indicator measure="1"><title><narrative>Schools built</narrative></title></indicator></result>
    </iati-activity></iati-activities>"#;
    let import = iati::import(xml.as_bytes()).unwrap();
    let p = only(&import);
    assert_eq!(p.components.len(), 1);
    assert_eq!(p.components[0].pillar, Pillar::Unclassified);
    assert_eq!(p.components[0].name, "DAC 11220");
    assert_eq!(p.indicators().count(), 1);
    let finding = import
        .report
        .of_code(Code::IatiNoSsrComponent)
        .next()
        .unwrap();
    assert_eq!(finding.severity, ssr_model::diagnostics::Severity::Advice);
    // The override pillar replaces `unclassified`.
    let options = ImportOptions::new().with_fallback_pillar(Pillar::JusticeReform);
    let p = options.import(xml.as_bytes()).unwrap().portfolio.programmes[0].clone();
    assert_eq!(p.components[0].pillar, Pillar::JusticeReform);
}
