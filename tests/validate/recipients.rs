//! Validation of where a programme works and of its money over time:
//! recipients (countries and regions with percentages), budgets by period
//! and transactions. The clean fixture broken in one place at a time.

use crate::validate_fixture;

use proptest::prelude::*;
use ssr_model::diagnostics::{Code, Severity};
use ssr_model::model::{
    Budget, Organisation, Party, Place, Recipient, StakeholderId, Transaction, TransactionType,
};
use ssr_model::{Country, Money, Programme, Region};
use validate_fixture::{check, d, found, pct, programme};

use Code::*;

fn at(rest: &str) -> String {
    format!("/programmes/0{rest}")
}

fn country(code: &str) -> Country {
    Country::new(code).unwrap()
}

fn region(code: u16) -> Region {
    Region::new(code).unwrap()
}

fn with_recipients(recipients: Vec<Recipient>) -> Programme {
    programme().with_recipients(recipients)
}

fn disbursement() -> Transaction {
    Transaction::new(
        TransactionType::Disbursement,
        d(2022, 3, 1),
        Money::parse("1000", "USD").unwrap(),
        d(2022, 3, 1),
    )
}

#[test]
fn the_fixture_has_one_country_without_a_percentage_and_is_clean() {
    let p = programme();
    assert_eq!(p.recipients.len(), 1);
    assert!(p.recipients[0].percentage.is_none());
    assert!(check(p).is_empty());
}

#[test]
fn no_recipient_is_an_error_at_the_list() {
    let report = check(with_recipients(vec![]));
    assert_eq!(found(&report), vec![(NoRecipient, at("/recipients"))]);
    assert_eq!(report.findings()[0].severity, Severity::Error);
    assert!(!report.is_valid());
}

#[test]
fn recipients_on_every_transaction_instead_of_the_programme_are_enough() {
    let on = disbursement().with_recipient(Place::Country(country("MLI")));
    let p = with_recipients(vec![])
        .with_transaction(on.clone())
        .with_transaction(on.clone());
    assert!(check(p).is_empty());
    // One transaction without a recipient leaves the money of that one
    // nowhere: the programme needs recipients again.
    let p = with_recipients(vec![])
        .with_transaction(on)
        .with_transaction(disbursement());
    assert_eq!(found(&check(p)), vec![(NoRecipient, at("/recipients"))]);
}

#[test]
fn a_regional_programme_validates() {
    let p = with_recipients(vec![Recipient::region(region(298))]);
    assert!(check(p).is_empty());
}

#[test]
fn country_and_region_percentages_sum_to_100_together() {
    let mali = |x| Recipient::country(country("MLI")).with_percentage(pct(x));
    let sahel = |x| Recipient::region(region(289)).with_percentage(pct(x));
    assert!(check(with_recipients(vec![mali(40.0), sahel(60.0)])).is_empty());

    let report = check(with_recipients(vec![mali(40.0), sahel(50.0)]));
    assert_eq!(found(&report), vec![(PercentageSum, at("/recipients"))]);
    let message = &report.findings()[0].message;
    assert!(
        message.contains("recipient percentages sum to 90"),
        "{message}"
    );

    let report = check(with_recipients(vec![
        mali(40.0),
        Recipient::region(region(289)),
    ]));
    assert_eq!(found(&report), vec![(PercentageSum, at("/recipients"))]);
    let message = &report.findings()[0].message;
    assert!(message.contains("1 of 2 recipients"), "{message}");

    // A single recipient may leave its percentage out; if stated, it is 100.
    assert_eq!(
        found(&check(with_recipients(vec![mali(60.0)]))),
        vec![(PercentageSum, at("/recipients"))]
    );
    assert!(check(with_recipients(vec![mali(100.0)])).is_empty());
}

#[test]
fn recipient_shares_use_the_policy_tolerance() {
    let third = |code: &str, x| Recipient::country(country(code)).with_percentage(pct(x));
    let p = with_recipients(vec![
        third("MLI", 33.33),
        third("NER", 33.33),
        third("BFA", 33.33),
    ]);
    assert!(check(p).is_empty(), "99.99 is within 0.01 of 100");
    let p = with_recipients(vec![
        third("MLI", 33.33),
        third("NER", 33.33),
        third("BFA", 33.32),
    ]);
    assert_eq!(found(&check(p)), vec![(PercentageSum, at("/recipients"))]);
}

#[test]
fn withdrawn_recipient_codes_are_flagged_where_they_are() {
    let p = with_recipients(vec![
        Recipient::country(country("LBR")).with_percentage(pct(50.0)),
        Recipient::region(region(380)).with_percentage(pct(25.0)),
        Recipient::country(country("ANT")).with_percentage(pct(25.0)),
    ]);
    let report = check(p);
    assert_eq!(
        found(&report),
        vec![
            (WithdrawnRecipientCode, at("/recipients/1/region")),
            (WithdrawnRecipientCode, at("/recipients/2/country")),
        ]
    );
    assert!(report.findings()[0].message.contains("West Indies"));
}

#[test]
fn kosovo_is_a_recipient_like_any_country() {
    let p = with_recipients(vec![Recipient::country(country("XKX"))]);
    assert!(check(p).is_empty());
}

#[test]
fn a_budget_period_that_ends_before_it_starts() {
    let usd = Money::parse("5000", "USD").unwrap();
    let good = Budget::new(d(2022, 1, 1), d(2022, 12, 31), usd, d(2022, 1, 1));
    let bad = Budget::new(d(2022, 12, 31), d(2022, 1, 1), usd, d(2022, 1, 1));
    let p = programme().with_budget_period(good).with_budget_period(bad);
    assert_eq!(found(&check(p)), vec![(DateOrder, at("/budgets/1/end"))]);
}

#[test]
fn transaction_parties_must_be_stakeholders_of_the_programme() {
    let known = programme().stakeholders[0].id;
    let ok = disbursement()
        .with_provider(Party::Stakeholder(known))
        .with_receiver(Party::from(Organisation::new().with_name("A contractor")));
    assert!(check(programme().with_transaction(ok)).is_empty());

    let dangling = disbursement()
        .with_provider(Party::Stakeholder(known))
        .with_receiver(Party::Stakeholder(StakeholderId::from_external("nobody")));
    assert_eq!(
        found(&check(programme().with_transaction(dangling))),
        vec![(
            DanglingReference,
            at("/transactions/0/receiver/stakeholder")
        )]
    );
}

proptest! {
    /// Any split of 100 points (in hundredths) between up to six
    /// recipients validates; taking one hundredth or more off the last
    /// share beyond the tolerance does not.
    #[test]
    fn splits_of_100_validate(cuts in prop::collection::vec(1u32..10_000, 0..5)) {
        let mut cuts = cuts;
        cuts.sort_unstable();
        cuts.dedup();
        let mut bounds = vec![0u32];
        bounds.extend(cuts);
        bounds.push(10_000);
        let codes = ["MLI", "NER", "BFA", "TCD", "MRT", "SEN"];
        let recipients: Vec<Recipient> = bounds
            .windows(2)
            .zip(codes)
            .map(|(w, code)| {
                Recipient::country(country(code)).with_percentage(pct(f64::from(w[1] - w[0]) / 100.0))
            })
            .collect();
        prop_assert!(check(with_recipients(recipients.clone())).is_empty());
        let mut short = recipients;
        let last = short.last_mut().unwrap();
        let reduced = last.percentage.unwrap().get() - 0.02;
        prop_assume!(reduced >= 0.0);
        *last = Recipient::new(last.place).with_percentage(pct(reduced));
        prop_assert_eq!(
            found(&check(with_recipients(short))),
            vec![(PercentageSum, at("/recipients"))]
        );
    }
}
