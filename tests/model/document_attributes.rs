//! The analyst's attributes (document version 5) in the JSON document:
//! the JSON a programme with each of them writes, written out by hand; the
//! round trip; values the types refuse; and the invariants of the
//! transaction override (`AidClassification::over`).

#![cfg(feature = "json")]

use crate::common::strategies_attributes::{arb_classification, arb_point};

use proptest::prelude::*;
use serde_json::{Value, json};
use ssr_model::document;
use ssr_model::model::{
    AdministrativeArea, AidClassification, AidType, AidTypeVocabulary, CollaborationType,
    FinanceType, FlowType, GeographicExactness, GeographicVocabulary, HumanitarianScope,
    HumanitarianScopeType, HumanitarianScopeVocabulary, Location, OrganisationType, Point,
    PolicyMarker, PolicyMarkerVocabulary, PolicySignificance, ProgrammeId, RelatedActivity,
    RelatedActivityType, ReportingOrg, TiedStatus, Transaction, TransactionType,
};
use ssr_model::{Country, Money, Portfolio, Programme};

fn programme() -> Programme {
    let day = chrono::NaiveDate::from_ymd_opt(2021, 6, 30).unwrap();
    let money = Money::parse("120000", "EUR").unwrap();
    let tx = Transaction::new(TransactionType::Disbursement, day, money, day)
        .with_classification(
            AidClassification::new()
                .with_finance_type(FinanceType::new("421").unwrap())
                .with_aid_type(AidType::of(AidTypeVocabulary::new("2").unwrap(), "1").unwrap()),
        )
        .with_humanitarian(false);
    Programme::new("Police reform", Country::new("LBR").unwrap())
        .with_id(ProgrammeId::from_external("XM-ATTR-1"))
        .with_reporting_org(
            ReportingOrg::new()
                .with_reference("XM-ATTR")
                .with_kind(OrganisationType::new("10").unwrap())
                .with_name("Attribute donor"),
        )
        .with_default_classification(
            AidClassification::new()
                .with_flow_type(FlowType::new("10").unwrap())
                .with_finance_type(FinanceType::new("110").unwrap())
                .with_aid_type(AidType::new("C01").unwrap())
                .with_tied_status(TiedStatus::new("5").unwrap()),
        )
        .with_collaboration_type(CollaborationType::new("1").unwrap())
        .with_humanitarian(true)
        .with_humanitarian_scope(
            HumanitarianScope::new(
                HumanitarianScopeType::new("1").unwrap(),
                HumanitarianScopeVocabulary::new("1-2").unwrap(),
                "EP-2014-000041-LBR",
            )
            .unwrap(),
        )
        .with_policy_marker(
            PolicyMarker::new("3")
                .unwrap()
                .with_significance(PolicySignificance::new("1").unwrap()),
        )
        .with_policy_marker(
            PolicyMarker::of(PolicyMarkerVocabulary::new("99").unwrap(), "OVERSIGHT")
                .unwrap()
                .with_narrative("Civilian oversight"),
        )
        .with_location(
            Location::new()
                .with_name("Monrovia")
                .with_administrative(
                    AdministrativeArea::new(GeographicVocabulary::new("A4").unwrap(), "LR")
                        .unwrap()
                        .with_level(0),
                )
                .with_point(Point::new(6.3106, -10.8047).unwrap())
                .with_exactness(GeographicExactness::new("1").unwrap()),
        )
        .with_related_activity(
            RelatedActivity::new("XM-ATTR-PARENT", RelatedActivityType::new("1").unwrap()).unwrap(),
        )
        .with_transaction(tx)
}

/// The members version 5 adds, as the format's docs describe them: codes
/// as strings, vocabulary 1 left out, nothing unstated written.
#[test]
fn attributes_are_written_as_documented_and_read_back() {
    let portfolio = Portfolio::new().with_programme(programme());
    let text = document::to_string(&portfolio).unwrap();
    let written: Value = serde_json::from_str(&text).unwrap();
    let p = &written["programmes"][0];
    assert_eq!(
        p["reporting_org"],
        json!({"reference": "XM-ATTR", "type": "10", "name": "Attribute donor"})
    );
    assert_eq!(
        p["default_classification"],
        json!({"flow_type": "10", "finance_type": "110", "aid_types": [{"code": "C01"}], "tied_status": "5"})
    );
    assert_eq!(p["collaboration_type"], json!("1"));
    assert_eq!(p["humanitarian"], json!(true));
    assert_eq!(
        p["humanitarian_scopes"],
        json!([{"type": "1", "vocabulary": "1-2", "code": "EP-2014-000041-LBR"}])
    );
    assert_eq!(
        p["policy_markers"],
        json!([
            {"code": "3", "significance": "1"},
            {"vocabulary": "99", "code": "OVERSIGHT", "narrative": "Civilian oversight"}
        ])
    );
    assert_eq!(
        p["locations"],
        json!([{
            "name": "Monrovia",
            "administrative": [{"vocabulary": "A4", "level": 0, "code": "LR"}],
            "point": {"latitude": 6.3106, "longitude": -10.8047},
            "exactness": "1"
        }])
    );
    assert_eq!(
        p["related_activities"],
        json!([{"activity": "XM-ATTR-PARENT", "type": "1"}])
    );
    let t = &p["transactions"][0];
    assert_eq!(
        t["classification"],
        json!({"finance_type": "421", "aid_types": [{"vocabulary": "2", "code": "1"}]})
    );
    assert_eq!(t["humanitarian"], json!(false));
    assert_eq!(document::from_str(&text).unwrap(), portfolio);
}

/// What the constructors refuse, a document cannot hold either.
#[test]
fn refused_values_are_refused_in_documents_too() {
    let portfolio = Portfolio::new().with_programme(programme());
    let good = document::to_string(&portfolio).unwrap();
    for (from, to) in [
        (r#""latitude":6.3106"#, r#""latitude":90.5"#),
        (r#""longitude":-10.8047"#, r#""longitude":-181"#),
        (r#""flow_type":"10""#, r#""flow_type":"  ""#),
        (r#""activity":"XM-ATTR-PARENT""#, r#""activity":"""#),
        (r#""code":"C01""#, r#""code":" ""#),
        (r#""humanitarian":true"#, r#""humanitarian":"yes""#),
        (r#""type":"1"}]"#, r#""type":"1","extra":1}]"#),
    ] {
        assert!(good.contains(from), "{from}");
        let bad = good.replacen(from, to, 1);
        assert!(document::from_str(&bad).is_err(), "accepted {to}");
    }
}

proptest! {
    /// The override rule: a transaction stating nothing takes every
    /// default; over no defaults, a transaction's classification is its
    /// own; each attribute it states wins; aid types of a vocabulary it
    /// states are its own, the others the defaults'; applying twice
    /// changes nothing.
    #[test]
    fn overrides_take_each_stated_attribute(own in arb_classification(), defaults in arb_classification()) {
        prop_assert_eq!(AidClassification::new().over(&defaults), defaults.clone());
        prop_assert_eq!(own.over(&AidClassification::new()), own.clone());
        let e = own.over(&defaults);
        prop_assert_eq!(e.flow_type.clone(), own.flow_type.clone().or(defaults.flow_type.clone()));
        prop_assert_eq!(e.finance_type.clone(), own.finance_type.clone().or(defaults.finance_type.clone()));
        prop_assert_eq!(e.tied_status.clone(), own.tied_status.clone().or(defaults.tied_status.clone()));
        for a in &e.aid_types {
            let stated = own.aid_types.iter().any(|o| o.vocabulary == a.vocabulary);
            let from = if stated { &own.aid_types } else { &defaults.aid_types };
            prop_assert!(from.contains(a), "{:?}", a);
        }
        for d in &defaults.aid_types {
            let stated = own.aid_types.iter().any(|o| o.vocabulary == d.vocabulary);
            prop_assert_eq!(e.aid_types.contains(d), !stated || own.aid_types.contains(d));
        }
        prop_assert_eq!(own.over(&e), e.clone());
    }

    /// Points round-trip through JSON exactly, the bounds included.
    #[test]
    fn points_round_trip(point in arb_point()) {
        let text = serde_json::to_string(&point).unwrap();
        prop_assert_eq!(serde_json::from_str::<Point>(&text).unwrap(), point);
    }
}
