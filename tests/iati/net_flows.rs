#![cfg(feature = "iati")]

//! Flows net of transfers inside the portfolio, and the money the flows
//! leave without a recipient, against the independent oracle
//! (`tests/common/money_scan.rs`: its own XML scan, written from the IATI
//! 2.03 standard): on the hand-written fixtures in a plain clone, and on
//! every real file in ../shared/data/iati when it is there.
//!
//! Net: a transaction whose counterpart activity (the provider's for
//! incoming money, types 1, 5, 6, 10, 11, 13; the receiver's for the rest)
//! is another activity of the same file is left out, whole and SSR part.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ssr_model::Scorer;
use ssr_model::diagnostics::Code;
use ssr_model::interop::iati;
use ssr_model::tables;

use crate::common::iati_scan;
use crate::common::money_left_out;
use crate::common::money_scan::{self, Codelists, Ratio, SsrCodes};
use crate::money_oracle::against_the_crate::{crate_flows, differences};
use crate::money_oracle::{fixture_dir, real_files};

fn fixtures() -> Vec<(String, PathBuf)> {
    iati_scan::xml_files(&fixture_dir())
        .into_iter()
        .map(|p| (p.file_name().unwrap().display().to_string(), p))
        .collect()
}

/// Whole and SSR net flows per activity × recipient × year × currency ×
/// type equal the oracle's to the cent on every file; returns how many
/// cells were compared and how many transactions net flows left out.
fn net_comparison(files: &[(String, PathBuf)]) -> (usize, usize) {
    let codes = Codelists::load();
    let mut failures = Vec::new();
    let (mut compared, mut transfers) = (0, 0);
    for (name, path) in files {
        let activities = money_scan::read_path(path);
        let flows = money_scan::flows(&activities, &SsrCodes::default(), &codes);
        let ours = crate_flows(path, Some("ssr_amount"), true);
        failures.extend(differences(name, &ours, &flows.net, &|_| true, true));
        compared += flows.net.len();
        transfers += money_left_out::internal_transfers(&activities);
    }
    assert!(compared > 0);
    assert!(
        failures.is_empty(),
        "{} of {compared} net cells differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    (compared, transfers)
}

/// The crate's `unallocated_money` findings for the file, as (activity,
/// currency) → amount, read off the finding's message (`"200 USD, 5.50
/// EUR of the programme's transactions goes to no recipient …"`) and the
/// programme its path names; programmes sharing an identifier add up.
fn crate_unallocated(path: &std::path::Path) -> BTreeMap<(String, String), Ratio> {
    let import = iati::import_path(path).unwrap();
    let (_, findings) = tables::flows(&import.portfolio, &Scorer::default());
    let mut out: BTreeMap<(String, String), Ratio> = BTreeMap::new();
    for f in findings.iter().filter(|f| f.code == Code::UnallocatedMoney) {
        let index: usize = f
            .path
            .as_str()
            .strip_prefix("/programmes/")
            .and_then(|rest| rest.split('/').next())
            .and_then(|i| i.parse().ok())
            .unwrap_or_else(|| panic!("path {}", f.path.as_str()));
        let activity = import.portfolio.programmes[index]
            .external_id
            .clone()
            .unwrap_or_default();
        let (amounts, _) = f.message.split_once(" of the programme's").unwrap();
        for part in amounts.split(", ") {
            let (amount, currency) = part.rsplit_once(' ').unwrap();
            let slot = out
                .entry((activity.clone(), currency.to_owned()))
                .or_insert(Ratio::ZERO);
            *slot = slot.add(Ratio::parse(amount).unwrap());
        }
    }
    out
}

/// The money left without a recipient, per activity and currency, equals
/// the oracle's within a cent (the crate rounds each part to the
/// ten-thousandth).
fn unallocated_comparison(files: &[(String, PathBuf)]) -> usize {
    let codes = Codelists::load();
    let mut failures = Vec::new();
    let mut compared = 0;
    for (name, path) in files {
        let flows = money_scan::flows(&money_scan::read_path(path), &SsrCodes::default(), &codes);
        let want = money_left_out::unallocated(&flows.gross);
        let got = crate_unallocated(path);
        let keys: std::collections::BTreeSet<_> = want.keys().chain(got.keys()).collect();
        for k in keys {
            let (w, g) = (want.get(k), got.get(k));
            let agree = match (w, g) {
                (Some(w), Some(g)) => (w.to_f64() - g.to_f64()).abs() <= 0.005,
                _ => false,
            };
            if !agree {
                failures.push(format!("{name}: {k:?}: oracle {w:?}, crate {g:?}"));
            }
            compared += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {compared} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    compared
}

/// chain.xml (donor → intermediary → implementer) makes net differ from
/// gross: its four transfers are left out.
#[test]
fn net_flows_equal_the_oracle_on_the_fixtures() {
    let (compared, transfers) = net_comparison(&fixtures());
    assert!(compared > 0);
    assert_eq!(transfers, 4);
}

/// recipients.xml leaves money unallocated (percentages under 100, no
/// recipient, a transaction naming none among transactions that do).
#[test]
fn money_left_without_a_recipient_agrees_with_the_oracle_on_the_fixtures() {
    assert!(unallocated_comparison(&fixtures()) > 0);
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn net_flows_equal_the_oracle_on_every_real_file() {
    crate::common::shared::require();
    let files = real_files().unwrap();
    assert!(!files.is_empty());
    let (cells, transfers) = net_comparison(&files);
    eprintln!("{cells} net cells equal the oracle's; {transfers} internal transfers left out");
}

#[test]
#[ignore = "needs the shared IATI data: set SSR_SHARED_DATA or put ../shared beside the clone"]
fn money_left_without_a_recipient_agrees_with_the_oracle_on_every_real_file() {
    crate::common::shared::require();
    let files = real_files().unwrap();
    assert!(!files.is_empty());
    let compared = unallocated_comparison(&files);
    eprintln!("{compared} (activity, currency) amounts without a recipient agree");
}
