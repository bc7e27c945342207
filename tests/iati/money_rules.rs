//! Money rules on the hand-written fixtures in tests/fixtures/iati/money
//! (the working is in the README there), beyond the oracle's cell-by-cell
//! comparison: what the model keeps of a code on no codelist, and the
//! findings that say how much money no recipient accounts for.
#![cfg(feature = "iati")]

use ssr_model::Finding;
use ssr_model::diagnostics::Code;
use ssr_model::interop::iati;
use ssr_model::interop::iati::Import;
use ssr_model::model::{Place, UnlistedCode};
use ssr_model::tables::{Source, Table, TableName, Values};
use ssr_model::{Programme, Scorer};

fn import(name: &str) -> Import {
    let path = crate::common::shared::root()
        .join("tests/fixtures/iati/money")
        .join(name);
    iati::import_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn programme<'a>(import: &'a Import, external: &str) -> (usize, &'a Programme) {
    import
        .portfolio
        .programmes
        .iter()
        .enumerate()
        .find(|(_, p)| p.external_id.as_deref() == Some(external))
        .unwrap_or_else(|| panic!("no programme {external}"))
}

fn text(t: &Table, name: &str) -> Vec<Option<String>> {
    match t.column(name).map(|c| c.values()) {
        Some(Values::Text(v)) => v.iter().map(|x| x.map(str::to_owned)).collect(),
        other => panic!("column {name}: {other:?}"),
    }
}

fn flows(import: &Import) -> (Table, Vec<Finding>) {
    Source::new(&import.portfolio, &Scorer::default()).table(TableName::Flows)
}

/// R6: `recipient-country code="QZ" percentage="60"` is on neither the
/// Country nor the Region codelist. It stays on the programme as written,
/// a finding says so, and its 60 % of the 1,000 USD disbursement (600)
/// goes to it in the flows, beside Mali's 40 % (400).
#[test]
fn a_recipient_code_on_no_codelist_is_kept_as_written() {
    let import = import("recipients.xml");
    let (_, p) = programme(&import, "XM-MONEY-R6");
    let kept: Vec<(Place, Option<f64>)> = p
        .recipients
        .iter()
        .map(|r| (r.place, r.percentage.map(|x| x.get())))
        .collect();
    let qz = Place::Unlisted(UnlistedCode::new("QZ").unwrap());
    let mali = Place::Country(ssr_model::Country::new("MLI").unwrap());
    assert_eq!(kept, [(qz, Some(60.0)), (mali, Some(40.0))]);
    assert_eq!(qz.kind(), "unlisted");
    // R6 is the 6th activity; QZ its first recipient-country.
    let said: Vec<&Finding> = import
        .report
        .of_code(Code::IatiUnknownCode)
        .filter(|f| f.message.contains("\"QZ\""))
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0]
            .path
            .to_string()
            .starts_with("/iati-activities/iati-activity[6]/recipient-country[1]/@code"),
        "{}",
        said[0].path
    );
    assert!(
        said[0].message.contains("kept as written"),
        "{}",
        said[0].message
    );

    let (t, _) = flows(&import);
    let ids = text(&t, "external_id");
    let recipients = text(&t, "recipient");
    let kinds = text(&t, "recipient_kind");
    let amounts = match t.column("amount").map(|c| c.values()) {
        Some(Values::Money(v)) => v.clone(),
        other => panic!("amount: {other:?}"),
    };
    let r6: Vec<(Option<String>, Option<String>, Option<String>)> = (0..t.rows())
        .filter(|&i| ids[i].as_deref() == Some("XM-MONEY-R6"))
        .map(|i| {
            (
                recipients[i].clone(),
                kinds[i].clone(),
                amounts[i].map(|a| a.to_string()),
            )
        })
        .collect();
    let row =
        |r: &str, k: &str, a: &str| (Some(r.to_owned()), Some(k.to_owned()), Some(a.to_owned()));
    assert_eq!(
        r6,
        [row("QZ", "unlisted", "600"), row("MLI", "country", "400")]
    );
}

/// A code on no codelist survives the document: written as
/// `{"unlisted": "QZ"}` and read back the same.
#[cfg(feature = "json")]
#[test]
fn an_unlisted_recipient_round_trips_through_the_document() {
    let import = import("recipients.xml");
    let text = ssr_model::document::to_string(&import.portfolio).unwrap();
    assert!(
        text.contains(r#"{"unlisted":"QZ","percentage":60.0}"#),
        "{text}"
    );
    assert_eq!(
        ssr_model::document::from_str(&text).unwrap(),
        import.portfolio
    );
}

/// `unallocated_money`, one finding per programme with money no recipient
/// accounts for, in recipients.xml:
/// - R1: ML 40 % + region 289 40 % = 80 %: of 1,000 USD, 1,000 × 20 % =
///   200 unallocated, at the programme's recipients;
/// - R4: no activity recipient, transactions to SO (300) and 298 (200),
///   the third (500) names none: 500 unallocated, at that transaction;
/// - R7 (ML 50 %, NE without a percentage): the rest is unknown, not
///   unallocated, so no finding; every other activity's shares cover it.
#[test]
fn money_no_recipient_accounts_for_is_reported_per_programme() {
    let import = import("recipients.xml");
    let (_, found) = flows(&import);
    let mut unallocated: Vec<(String, &str)> = found
        .iter()
        .filter(|f| f.code == Code::UnallocatedMoney)
        .map(|f| (f.path.to_string(), f.message.as_str()))
        .collect();
    unallocated.sort();
    let (r1, _) = programme(&import, "XM-MONEY-R1");
    let (r4, _) = programme(&import, "XM-MONEY-R4");
    let mut want = vec![
        format!("/programmes/{r1}/recipients"),
        format!("/programmes/{r4}/transactions/2"),
    ];
    want.sort();
    assert_eq!(
        unallocated
            .iter()
            .map(|(p, _)| p.clone())
            .collect::<Vec<_>>(),
        want
    );
    let message = |path: &str| {
        unallocated
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, m)| *m)
            .unwrap()
    };
    let r1 = message(&format!("/programmes/{r1}/recipients"));
    assert!(
        r1.starts_with("200 USD of the programme's transactions goes to no recipient"),
        "{r1}"
    );
    assert!(r1.contains("sum to 80"), "{r1}");
    let r4 = message(&format!("/programmes/{r4}/transactions/2"));
    assert!(r4.starts_with("500 USD "), "{r4}");
    assert!(r4.contains("some transactions name none"), "{r4}");
    // The sector fixtures: one recipient each, no finding.
    let (_, found) = flows(&self::import("sectors.xml"));
    assert!(
        found.iter().all(|f| f.code != Code::UnallocatedMoney),
        "{found:?}"
    );
}
