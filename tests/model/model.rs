//! The public constructors, setters and accessors of the model behave as
//! documented. Expected values come from the standards (ISO 3166-1, ISO 4217,
//! IATI codelists, OECD DAC) and from each pillar's documented DAC purpose
//! codes, not from the code's output.

use crate::common;

use std::collections::HashSet;

use chrono::NaiveDate;
use common::strategies::*;
use proptest::prelude::*;
use ssr_model::model::{
    Amount, Baseline, Breakdown, ChallengeId, ChallengeKind, ChallengeStatus, ComponentId, Context,
    DacCriterion, DataSource, Direction, EvaluationId, Finite, Fraction, Funding, GenderMarker,
    IndicatorId, Level, Measure, Mitigation, ObjectiveId, ObjectiveKind, OrdinalScale, Percentage,
    Phase, Pillar, ProgrammeId, ResultLevel, Role, Sector, SectorCode, SourceKind, StakeholderId,
    StakeholderKind, Stance, Weight,
};
use ssr_model::{
    Challenge, Component, Country, Currency, Evaluation, Indicator, Money, Objective, Period,
    Portfolio, Programme, Stakeholder, Value,
};
use uuid::Uuid;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// ---- Level ------------------------------------------------------------------

#[test]
fn level_accepts_exactly_one_to_five() {
    for v in 0..=u8::MAX {
        assert_eq!(Level::new(v).is_ok(), (1..=5).contains(&v), "{v}");
    }
    for v in 1..=5 {
        assert_eq!(Level::new(v).unwrap().get(), v);
        assert_eq!(u8::from(Level::try_from(v).unwrap()), v);
    }
    assert_eq!(Level::MIN.get(), 1);
    assert_eq!(Level::MID.get(), 3);
    assert_eq!(Level::MAX.get(), 5);
    assert!(Level::MIN < Level::MID && Level::MID < Level::MAX);
}

#[test]
fn level_text_form() {
    assert_eq!(" 4 ".parse::<Level>().unwrap().get(), 4);
    assert_eq!(Level::new(2).unwrap().to_string(), "2");
    for bad in ["", "0", "6", "-1", "4.0", "four", "256"] {
        assert!(bad.parse::<Level>().is_err(), "{bad:?}");
    }
}

#[test]
fn value_error_says_what_was_expected_and_found() {
    let err = Level::new(9).unwrap_err();
    assert_eq!(err.what(), "level");
    assert_eq!(err.found(), "9");
    assert!(err.expected().contains("1 to 5"));
    assert_eq!(
        err.to_string(),
        format!(
            "invalid {}: expected {}, found {}",
            err.what(),
            err.expected(),
            err.found()
        )
    );
    fn is_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
    is_error(&err);
}

// ---- Weight, Percentage, Fraction, Finite -------------------------------------

#[test]
fn weight_is_from_zero_to_its_limit() {
    for ok in [0.0, -0.0, f64::MIN_POSITIVE, 1.0, 2.5, 1e6] {
        assert_eq!(Weight::new(ok).unwrap().get(), ok, "{ok}");
    }
    for bad in [
        -f64::MIN_POSITIVE,
        -1.0,
        f64::MIN,
        1e6 + 1e-9,
        f64::MAX,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ] {
        let err = Weight::new(bad).unwrap_err();
        assert_eq!(err.what(), "weight", "{bad}");
        assert_eq!(err.expected(), "a number from 0 to 1e6", "{bad}");
    }
    assert_eq!(Weight::LIMIT, 1e6);
    assert_eq!(Weight::ONE.get(), 1.0);
    assert_eq!(Weight::default(), Weight::ONE);
    assert!(Weight::new(0.5).unwrap() < Weight::ONE);
}

#[test]
fn negative_zero_is_stored_as_zero() {
    // -0.0 == 0.0, so they must also print and serialise the same.
    assert!(Weight::new(-0.0).unwrap().get().is_sign_positive());
    assert!(Percentage::new(-0.0).unwrap().get().is_sign_positive());
    assert!(Fraction::new(-0.0).unwrap().get().is_sign_positive());
    assert!(Finite::new(-0.0).unwrap().get().is_sign_positive());
    assert_eq!(Finite::new(-0.0).unwrap().to_string(), "0");
}

#[test]
fn percentage_bounds_are_inclusive() {
    for ok in [0.0, 1e-300, 50.0, 99.999, 100.0] {
        assert_eq!(Percentage::new(ok).unwrap().get(), ok);
    }
    for bad in [
        100.0f64.next_up(),
        0.0f64.next_down(),
        120.0,
        -1.0,
        f64::NAN,
        f64::INFINITY,
    ] {
        assert_eq!(
            Percentage::new(bad).unwrap_err().what(),
            "percentage",
            "{bad}"
        );
    }
}

#[test]
fn fraction_bounds_are_inclusive() {
    for ok in [0.0, 0.5, 1.0] {
        assert_eq!(Fraction::new(ok).unwrap().get(), ok);
    }
    for bad in [
        1.0f64.next_up(),
        0.0f64.next_down(),
        1.5,
        f64::NAN,
        f64::NEG_INFINITY,
    ] {
        assert_eq!(Fraction::new(bad).unwrap_err().what(), "fraction", "{bad}");
    }
    assert_eq!(Fraction::ZERO.get(), 0.0);
    assert_eq!(Fraction::ONE.get(), 1.0);
}

#[test]
fn finite_is_within_plus_or_minus_its_limit() {
    for ok in [-1e15, -1.0, 0.0, f64::MIN_POSITIVE / 2.0, 1e15] {
        assert_eq!(Finite::new(ok).unwrap().get(), ok);
    }
    for bad in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN,
        1e15 + 0.25,
        -1.000_000_1e15,
    ] {
        let err = Finite::new(bad).unwrap_err();
        assert_eq!(err.what(), "number");
        assert_eq!(err.expected(), "a number from -1e15 to 1e15", "{bad}");
    }
    assert_eq!(Finite::LIMIT, 1e15);
}

#[test]
fn bounded_numbers_parse_their_text() {
    assert_eq!(" 2.5 ".parse::<Weight>().unwrap().get(), 2.5);
    assert_eq!("100".parse::<Percentage>().unwrap().get(), 100.0);
    assert_eq!("0.25".parse::<Fraction>().unwrap().get(), 0.25);
    assert_eq!("-1e3".parse::<Finite>().unwrap().get(), -1000.0);
    for bad in ["", "abc", "NaN", "inf", "-inf", "1,5"] {
        assert!(bad.parse::<Weight>().is_err(), "{bad}");
        assert!(bad.parse::<Finite>().is_err(), "{bad}");
    }
    assert!("-1".parse::<Weight>().is_err());
    assert!("100.5".parse::<Percentage>().is_err());
    assert!("2".parse::<Fraction>().is_err());
}

// ---- Value and OrdinalScale ----------------------------------------------------

#[test]
fn value_numbers_and_labels() {
    let n = Value::number(42.5).unwrap();
    assert_eq!(n.as_number(), Some(42.5));
    assert_eq!(n.as_label(), None);
    assert_eq!(n.to_string(), "42.5");
    let l = Value::label("adopted");
    assert_eq!(l.as_label(), Some("adopted"));
    assert_eq!(l.as_number(), None);
    assert_eq!(l.to_string(), "adopted");
    // A label that looks like a number stays a label.
    assert_eq!(Value::label("42").as_number(), None);
    assert_eq!(
        Value::from(Finite::new(1.0).unwrap()),
        Value::number(1.0).unwrap()
    );
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert!(Value::number(bad).is_err());
    }
}

#[test]
fn ordinal_scale_needs_two_distinct_labels() {
    let empty: [&str; 0] = [];
    assert!(OrdinalScale::new(empty).is_err());
    assert!(OrdinalScale::new(["only"]).is_err());
    assert!(OrdinalScale::new(["a", "a"]).is_err());
    assert!(OrdinalScale::new(["a", ""]).is_err());
    assert!(OrdinalScale::new(["a", "  "]).is_err());
    assert!(OrdinalScale::new(["a", "b", "a"]).is_err());
    assert_eq!(
        OrdinalScale::new(["x"]).unwrap_err().what(),
        "ordinal scale"
    );
    // Labels are compared exactly: case matters.
    assert!(OrdinalScale::new(["low", "Low"]).is_ok());
}

#[test]
fn ordinal_scale_scores_linearly_from_worst_to_best() {
    let two = OrdinalScale::new(["no", "yes"]).unwrap();
    assert_eq!(two.score("no"), Some(0.0));
    assert_eq!(two.score("yes"), Some(1.0));

    let five = OrdinalScale::new(["none", "draft", "tabled", "adopted", "implemented"]).unwrap();
    assert_eq!(five.len(), 5);
    assert!(!five.is_empty());
    assert_eq!(five.levels()[0], "none");
    let expected = [0.0, 0.25, 0.5, 0.75, 1.0];
    for (label, want) in five.levels().iter().zip(expected) {
        assert_eq!(five.score(label), Some(want), "{label}");
    }
    assert_eq!(five.position("tabled"), Some(2));
    assert_eq!(five.position("Tabled"), None);
    assert_eq!(five.score("repealed"), None);
    assert_eq!(
        five.to_string(),
        "none < draft < tabled < adopted < implemented"
    );
}

proptest! {
    /// A place's code reads back as the same place, countries and regions
    /// alike (the codes cannot collide: letters against numbers).
    #[test]
    fn places_read_back_what_they_print(place in arb_place()) {
        prop_assert_eq!(place.to_string().parse::<ssr_model::model::Place>().ok(), Some(place));
    }
}

proptest! {
    #[test]
    fn ordinal_scores_are_ordered_and_in_range(scale in arb_ordinal_scale()) {
        let scores: Vec<f64> = scale.levels().iter().map(|l| scale.score(l).unwrap()).collect();
        prop_assert_eq!(scores[0], 0.0);
        prop_assert_eq!(*scores.last().unwrap(), 1.0);
        prop_assert!(scores.windows(2).all(|w| w[0] < w[1]));
        for (i, label) in scale.levels().iter().enumerate() {
            prop_assert_eq!(scale.position(label), Some(i));
        }
    }
}

// ---- Country, Currency, SectorCode ---------------------------------------------

#[test]
fn country_list_is_iatis_country_codelist() {
    // ISO 3166-1 assigns 249 codes; IATI's Country codelist adds XK Kosovo
    // and the withdrawn AN Netherlands Antilles (here XKX and ANT).
    let all: Vec<Country> = Country::all().collect();
    assert_eq!(all.len(), 251);
    assert!(
        all.windows(2).all(|w| w[0] < w[1]),
        "in code order, no repeats"
    );
    for c in &all {
        assert_eq!(c.as_str().len(), 3);
        assert!(c.as_str().bytes().all(|b| b.is_ascii_uppercase()));
        assert_eq!(Country::new(c.as_str()).unwrap(), *c);
        assert!(!c.name().is_empty(), "{c:?}");
    }
}

#[test]
fn kosovo_and_the_netherlands_antilles_are_countries_as_iati_has_them() {
    assert_eq!(Country::new("XKX").unwrap().name(), "Kosovo");
    assert_eq!(Country::new("XKX").unwrap().alpha2(), "XK");
    assert_eq!(Country::new("ANT").unwrap().alpha2(), "AN");
}

#[test]
fn case_study_countries() {
    for (code, name) in [
        ("LBR", "Liberia"),
        ("SLE", "Sierra Leone"),
        ("BIH", "Bosnia and Herzegovina"),
        ("TUN", "Tunisia"),
        ("COL", "Colombia"),
        ("MLI", "Mali"),
        ("ZAF", "South Africa"),
        ("SSD", "South Sudan"),
    ] {
        let c: Country = code.parse().unwrap();
        assert_eq!(c.name(), name);
        assert_eq!(c.to_string(), code);
        assert_eq!(format!("{c:?}"), format!("Country({code})"));
    }
}

#[test]
fn country_refuses_non_codes() {
    // LR is alpha-2 and 430 numeric; XKK and ANA are near misses of the
    // two codes IATI adds (XKX Kosovo, ANT Netherlands Antilles).
    for bad in [
        "XKK", "ANA", "lbr", "Lbr", "LR", "LBRA", "430", "", " LBR", "ÅLA",
    ] {
        let err = Country::new(bad).unwrap_err();
        assert_eq!(err.what(), "country code");
        assert_eq!(err.found(), format!("{bad:?}"));
    }
}

#[test]
fn currencies_are_iso_4217() {
    for (code, name) in [
        ("USD", "US Dollar"),
        ("EUR", "Euro"),
        ("GBP", "Pound Sterling"),
        ("CHF", "Swiss Franc"),
        ("XOF", "CFA Franc BCEAO"),
        ("LRD", "Liberian Dollar"),
        ("ZAR", "Rand"),
        ("CLF", "Unidad de Fomento"),
    ] {
        let c: Currency = code.parse().unwrap();
        assert_eq!(c.name(), name);
        assert_eq!(c.as_str(), code);
        assert_eq!(c.to_string(), code);
    }
    for code in CURRENCY_CODES {
        assert!(Currency::new(code).is_ok(), "{code}");
    }
    // Withdrawn with the euro, and not codes at all.
    for bad in ["DEM", "FRF", "usd", "US$", "$", "", "DOLLAR"] {
        assert_eq!(
            Currency::new(bad).unwrap_err().what(),
            "currency code",
            "{bad}"
        );
    }
}

#[test]
fn sector_codes_have_five_digits() {
    for ok in [10_000, 15_210, 99_999] {
        assert_eq!(SectorCode::new(ok).unwrap().get(), ok);
    }
    for bad in [0, 999, 9_999, 100_000, u32::MAX] {
        assert_eq!(SectorCode::new(bad).unwrap_err().what(), "sector code");
    }
    assert_eq!(" 15210 ".parse::<SectorCode>().unwrap().get(), 15210);
    assert_eq!(SectorCode::new(15132).unwrap().to_string(), "15132");
    for bad in ["", "15210.0", "abc", "-15210", "1521"] {
        assert!(bad.parse::<SectorCode>().is_err(), "{bad}");
    }
}

#[test]
fn security_sector_codes_are_dac_group_152() {
    let code = |c| SectorCode::new(c).unwrap();
    for c in [15210, 15220, 15230, 15240, 15250, 15261] {
        assert!(code(c).is_security(), "{c}");
    }
    // Justice (151) and education (111) are not in group 152.
    for c in [15130, 15132, 15113, 15160, 11110, 15300] {
        assert!(!code(c).is_security(), "{c}");
    }
    assert!(code(15210).has_prefix("152"));
    assert!(code(15210).has_prefix("1521"));
    assert!(code(15210).has_prefix(""));
    assert!(!code(15210).has_prefix("151"));
    assert!(!code(15210).has_prefix("152100"));
}

// ---- Amount and Money -------------------------------------------------------------

#[test]
fn amount_display_keeps_two_decimals_when_there_is_a_fraction() {
    for (input, shown) in [
        ("0", "0"),
        ("-0", "0"),
        ("-0.00", "0"),
        ("7", "7"),
        (" 7 ", "7"),
        ("+7", "7"),
        ("-5", "-5"),
        ("0.1", "0.10"),
        ("0.5", "0.50"),
        ("0.05", "0.05"),
        ("0.005", "0.005"),
        ("0.0005", "0.0005"),
        ("-0.0001", "-0.0001"),
        ("1.0000", "1"),
        ("1.2300", "1.23"),
        ("10.10", "10.10"),
        ("1250000.5", "1250000.50"),
        ("922337203685477.5807", "922337203685477.5807"),
        ("-922337203685477.5807", "-922337203685477.5807"),
    ] {
        let amount: Amount = input.parse().unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(amount.to_string(), shown, "{input:?}");
    }
}

#[test]
fn amount_refuses_what_is_not_an_exact_decimal() {
    for bad in [
        "",
        " ",
        "-",
        "+",
        ".",
        "1.23456",
        "0.00001",
        "1e3",
        "1E3",
        "1,000",
        "1 000",
        "1_000",
        "0x10",
        "--1",
        "+-1",
        "-+1",
        "\u{2212}1",
        "１２",
        "NaN",
        "inf",
        "1.2.3",
        "922337203685477.5808",
        "99999999999999999999",
    ] {
        let err = bad.parse::<Amount>().unwrap_err();
        assert_eq!(err.what(), "amount", "{bad:?}");
    }
}

#[test]
fn amount_arithmetic_and_order() {
    let a = |s: &str| s.parse::<Amount>().unwrap();
    assert_eq!(a("1.5"), a("1.50"));
    assert_eq!(a("1.5"), a("1.5000"));
    assert_eq!(a("0.25").checked_add(a("0.75")), Some(a("1")));
    assert_eq!(a("-2").checked_add(a("2")), Some(Amount::ZERO));
    let max = a("922337203685477.5807");
    assert_eq!(max.checked_add(a("0.0001")), None);
    assert_eq!(max.checked_add(Amount::ZERO), Some(max));
    assert!(a("-1") < Amount::ZERO && Amount::ZERO < a("0.0001") && a("0.0001") < a("1"));
    assert!(a("-0.0001").is_negative());
    assert!(!Amount::ZERO.is_negative() && !a("-0").is_negative());
    assert_eq!(Amount::default(), Amount::ZERO);
    assert_eq!(a("1250000.50").to_f64(), 1_250_000.5);
    assert_eq!(a("-0.0125").to_f64(), -0.0125);
}

#[test]
fn amount_from_whole_units() {
    assert_eq!(Amount::from_units(0).unwrap(), Amount::ZERO);
    assert_eq!(Amount::from_units(-3).unwrap().to_string(), "-3");
    // i64::MAX ten-thousandths is 922 337 203 685 477.5807 units.
    assert_eq!(
        Amount::from_units(922_337_203_685_477).unwrap().to_string(),
        "922337203685477"
    );
    assert!(Amount::from_units(922_337_203_685_478).is_err());
    assert!(Amount::from_units(i64::MIN).is_err());
}

proptest! {
    #[test]
    fn amount_sums_are_exact(a in -1_000_000_000i64..1_000_000_000, b in -1_000_000_000i64..1_000_000_000) {
        // Adding ten-thousandths as integers is the exact answer.
        let sum = amount_from_ten_thousandths(a).checked_add(amount_from_ten_thousandths(b));
        prop_assert_eq!(sum, Some(amount_from_ten_thousandths(a + b)));
    }
}

#[test]
fn money_from_text() {
    let m = Money::parse("2500000", "USD").unwrap();
    assert_eq!(m.amount, Amount::from_units(2_500_000).unwrap());
    assert_eq!(m.currency, Currency::new("USD").unwrap());
    assert_eq!(m.to_string(), "2500000 USD");
    assert_eq!(
        Money::parse("12.5", "EUR").unwrap().to_string(),
        "12.50 EUR"
    );
    assert_eq!(
        Money::parse("1", "usd").unwrap_err().what(),
        "currency code"
    );
    assert_eq!(Money::parse("1.23456", "USD").unwrap_err().what(), "amount");
    assert_eq!(
        Money::new(Amount::ZERO, Currency::new("JPY").unwrap()).to_string(),
        "0 JPY"
    );
}

// ---- Typed ids ------------------------------------------------------------------

#[test]
fn derived_ids_are_deterministic_version_5() {
    let a = ProgrammeId::from_external("GB-GOV-1-300123");
    assert_eq!(a, ProgrammeId::from_external("GB-GOV-1-300123"));
    assert_ne!(a, ProgrammeId::from_external("GB-GOV-1-300124"));
    assert_ne!(a, ProgrammeId::from_external("gb-gov-1-300123"));
    assert_eq!(a.as_uuid().get_version_num(), 5);
    assert_eq!(a.as_uuid().get_variant(), uuid::Variant::RFC4122);
    assert_eq!(
        ProgrammeId::from_external("").as_uuid().get_version_num(),
        5
    );
}

#[test]
fn derived_ids_are_stable_across_releases() {
    // Re-importing a source must give the ids it gave before. The derivation:
    // the v5 UUID of "urn:ssr-model" in the URL namespace, then the entity
    // kind, then the external identifier.
    let crate_ns = Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:ssr-model");
    let derive = |kind: &str, ext: &str| {
        Uuid::new_v5(&Uuid::new_v5(&crate_ns, kind.as_bytes()), ext.as_bytes())
    };
    let ext = "XM-DAC-41114-PROJECT-00012345";
    assert_eq!(
        *ProgrammeId::from_external(ext).as_uuid(),
        derive("programme", ext)
    );
    assert_eq!(
        *StakeholderId::from_external(ext).as_uuid(),
        derive("stakeholder", ext)
    );
    assert_eq!(
        *ComponentId::from_external(ext).as_uuid(),
        derive("component", ext)
    );
    assert_eq!(
        *ObjectiveId::from_external(ext).as_uuid(),
        derive("objective", ext)
    );
    assert_eq!(
        *ChallengeId::from_external(ext).as_uuid(),
        derive("challenge", ext)
    );
    assert_eq!(
        *IndicatorId::from_external(ext).as_uuid(),
        derive("indicator", ext)
    );
    assert_eq!(
        *EvaluationId::from_external(ext).as_uuid(),
        derive("evaluation", ext)
    );
}

#[test]
fn ids_of_different_kinds_never_collide() {
    let ext = "same-external-id";
    let uuids: HashSet<Uuid> = [
        *ProgrammeId::from_external(ext).as_uuid(),
        *StakeholderId::from_external(ext).as_uuid(),
        *ComponentId::from_external(ext).as_uuid(),
        *ObjectiveId::from_external(ext).as_uuid(),
        *ChallengeId::from_external(ext).as_uuid(),
        *IndicatorId::from_external(ext).as_uuid(),
        *EvaluationId::from_external(ext).as_uuid(),
    ]
    .into();
    assert_eq!(uuids.len(), 7);
}

#[test]
fn new_ids_are_random_version_4() {
    let ids: HashSet<StakeholderId> = (0..1000).map(|_| StakeholderId::new()).collect();
    assert_eq!(ids.len(), 1000);
    for id in ids.iter().take(10) {
        assert_eq!(id.as_uuid().get_version_num(), 4);
    }
    assert_eq!(ProgrammeId::new().as_uuid().get_version_num(), 4);
    assert_eq!(EvaluationId::new().as_uuid().get_version_num(), 4);
}

#[test]
fn ids_wrap_and_print_uuids() {
    let uuid = Uuid::parse_str("67E55044-10B1-426F-9247-BB680E5FE0C8").unwrap();
    let id = ComponentId::from_uuid(uuid);
    assert_eq!(*id.as_uuid(), uuid);
    assert_eq!(Uuid::from(id), uuid);
    assert_eq!(id.to_string(), "67e55044-10b1-426f-9247-bb680e5fe0c8");
    assert_eq!(
        format!("{id:?}"),
        "ComponentId(67e55044-10b1-426f-9247-bb680e5fe0c8)"
    );
    // Upper case and simple forms are read too.
    assert_eq!(
        "67E55044-10B1-426F-9247-BB680E5FE0C8"
            .parse::<ComponentId>()
            .unwrap(),
        id
    );
    assert_eq!(
        "67e5504410b1426f9247bb680e5fe0c8"
            .parse::<ComponentId>()
            .unwrap(),
        id
    );
    let err = "police-1".parse::<ComponentId>().unwrap_err();
    assert_eq!(err.what(), "component id");
    assert_eq!(err.found(), "\"police-1\"");
}

// ---- IATI codes -----------------------------------------------------------------

#[test]
fn phases_follow_iati_activity_status() {
    let expected = [
        (Phase::Assessment, 1),
        (Phase::Design, 1),
        (Phase::Implementation, 2),
        (Phase::Review, 3),
        (Phase::Closed, 4),
        (Phase::Cancelled, 5),
        (Phase::Suspended, 6),
    ];
    assert_eq!(expected.len(), Phase::ALL.len());
    for (phase, code) in expected {
        assert_eq!(phase.iati_status(), code, "{phase:?}");
    }
    // Pipeline (1) reads as design; every other status as its one phase.
    assert_eq!(Phase::from_iati_status(1), Some(Phase::Design));
    for phase in Phase::ALL {
        let back = Phase::from_iati_status(phase.iati_status()).unwrap();
        assert_eq!(back.iati_status(), phase.iati_status());
        if phase != Phase::Assessment {
            assert_eq!(back, phase);
        }
    }
    for code in [0, 7, 9, u8::MAX] {
        assert_eq!(Phase::from_iati_status(code), None);
    }
}

#[test]
fn roles_follow_iati_organisation_role() {
    let expected = [
        (Role::Funding, Some(1)),
        (Role::Accountable, Some(2)),
        (Role::Extending, Some(3)),
        (Role::Implementing, Some(4)),
        (Role::Beneficiary, None),
        (Role::Oversight, None),
        (Role::Advisory, None),
    ];
    assert_eq!(expected.len(), Role::ALL.len());
    for (role, code) in expected {
        assert_eq!(role.iati_code(), code, "{role:?}");
        if let Some(code) = code {
            assert_eq!(Role::from_iati_code(code), Some(role));
        }
    }
    for code in [0, 5, 9] {
        assert_eq!(Role::from_iati_code(code), None);
    }
}

#[test]
fn result_levels_follow_iati_result_type() {
    for (level, code) in [
        (ResultLevel::Output, 1),
        (ResultLevel::Outcome, 2),
        (ResultLevel::Impact, 3),
    ] {
        assert_eq!(level.iati_code(), code);
        assert_eq!(ResultLevel::from_iati_code(code), Some(level));
    }
    // 9 is "other": no level.
    for code in [0, 4, 9] {
        assert_eq!(ResultLevel::from_iati_code(code), None);
    }
    // The results chain runs output → outcome → impact.
    assert!(
        ResultLevel::Output < ResultLevel::Outcome && ResultLevel::Outcome < ResultLevel::Impact
    );
}

#[test]
fn measures_follow_iati_indicator_measure() {
    for (measure, code, quantitative) in [
        (Measure::Unit, 1, true),
        (Measure::Percentage, 2, true),
        (Measure::Nominal, 3, false),
        (Measure::Ordinal, 4, false),
        (Measure::Qualitative, 5, false),
    ] {
        assert_eq!(measure.iati_code(), code);
        assert_eq!(Measure::from_iati_code(code), Some(measure));
        assert_eq!(measure.is_quantitative(), quantitative, "{measure:?}");
    }
    for code in [0, 6] {
        assert_eq!(Measure::from_iati_code(code), None);
    }
}

#[test]
fn gender_marker_follows_iati_policy_significance() {
    for (marker, code) in [
        (GenderMarker::NotTargeted, 0),
        (GenderMarker::Significant, 1),
        (GenderMarker::Principal, 2),
    ] {
        assert_eq!(marker.iati_code(), code);
        assert_eq!(GenderMarker::from_iati_code(code), Some(marker));
    }
    // 3 (most funding targeted) and 4 (explicit primary objective) are not
    // gender-marker values.
    assert_eq!(GenderMarker::from_iati_code(3), None);
    assert!(GenderMarker::NotTargeted < GenderMarker::Significant);
    assert!(GenderMarker::Significant < GenderMarker::Principal);
}

// ---- Pillars and DAC codes ---------------------------------------------------------

#[test]
fn every_design_dac_code_maps_onto_its_pillar() {
    // The DAC purpose codes of security-sector work, each read against the
    // pillar's description.
    let expected = [
        (15210, Pillar::SecuritySystemGovernance), // security system management and reform
        (15220, Pillar::CommunityEngagement),      // civilian peace-building, conflict prevention
        (15230, Pillar::CivilMilitaryCoordination), // international peacekeeping
        (15240, Pillar::Ddr),                      // reintegration and SALW control
        (15250, Pillar::MineAction),               // mine action
        (15261, Pillar::Ddr),                      // child soldiers
        (15130, Pillar::JusticeReform),            // legal and judicial development
        (15131, Pillar::JusticeReform),            // justice, law and order policy
        (15132, Pillar::PoliceReform),             // police
        (15137, Pillar::Corrections),              // prisons
        (15113, Pillar::VettingAndAntiCorruption), // anti-corruption
        (15150, Pillar::CommunityEngagement),      // democratic participation, civil society
        (15160, Pillar::HumanRightsAndGender),     // human rights
        (15170, Pillar::HumanRightsAndGender),     // women's rights organisations
        (15180, Pillar::HumanRightsAndGender),     // ending violence against women and girls
    ];
    assert_eq!(expected.len(), SECURITY_DAC_CODES.len());
    for (code, pillar) in expected {
        assert!(SECURITY_DAC_CODES.contains(&code));
        let sector = SectorCode::new(code).unwrap();
        assert_eq!(Pillar::from_dac_code(sector), Some(pillar), "{code}");
        assert!(
            pillar.dac_codes().contains(&code),
            "{pillar:?} lists {code}"
        );
    }
}

#[test]
fn codes_outside_the_ssr_map_have_no_pillar() {
    // Public sector policy, public finance, decentralisation, tax,
    // education, and the unallocated code.
    for code in [15110, 15111, 15112, 15114, 11110, 99810, 10000, 99999] {
        assert_eq!(
            Pillar::from_dac_code(SectorCode::new(code).unwrap()),
            None,
            "{code}"
        );
    }
}

#[test]
fn every_pillar_reports_under_a_design_dac_code() {
    // Unclassified work has no DAC code by definition.
    assert!(Pillar::Unclassified.dac_codes().is_empty());
    for pillar in Pillar::ALL
        .into_iter()
        .filter(|p| *p != Pillar::Unclassified)
    {
        let codes = pillar.dac_codes();
        assert!(!codes.is_empty(), "{pillar:?}");
        for code in codes {
            assert!(SECURITY_DAC_CODES.contains(code), "{pillar:?}: {code}");
        }
        // The pillar's reporting code reads back as a pillar that lists it.
        let back = Pillar::from_dac_code(SectorCode::new(codes[0]).unwrap()).unwrap();
        assert!(back.dac_codes().contains(&codes[0]));
    }
    // Pillars without a code of their own report under 15210.
    for pillar in [
        Pillar::DefenceInstitutionBuilding,
        Pillar::MilitaryProfessionalisation,
        Pillar::Oversight,
        Pillar::IntelligenceReform,
        Pillar::Restructuring,
        Pillar::TechnologyIntegration,
        Pillar::CrossBorderCooperation,
    ] {
        assert_eq!(pillar.dac_codes(), &[15210], "{pillar:?}");
    }
}

#[test]
fn oversight_pillars() {
    let oversight: Vec<Pillar> = Pillar::ALL
        .into_iter()
        .filter(|p| p.is_oversight())
        .collect();
    assert_eq!(oversight, [Pillar::JusticeReform, Pillar::Oversight]);
}

// ---- Stakeholders ------------------------------------------------------------------

#[test]
fn stakeholder_kind_helpers() {
    use StakeholderKind as K;
    let international = [
        K::InternationalOrganisation,
        K::BilateralDonor,
        K::InternationalNgo,
        K::Other,
    ];
    let civil = [
        K::CivilSociety,
        K::WomensOrganisation,
        K::LocalCommunity,
        K::Academia,
        K::Media,
    ];
    let oversight = [K::Parliament, K::Judiciary, K::OversightBody];
    for kind in StakeholderKind::ALL {
        assert_eq!(
            kind.is_national(),
            !international.contains(&kind),
            "{kind:?}"
        );
        assert_eq!(kind.is_civil_society(), civil.contains(&kind), "{kind:?}");
        assert_eq!(kind.is_oversight(), oversight.contains(&kind), "{kind:?}");
    }
    // Every civil-society and oversight kind is national.
    assert!(civil.iter().chain(&oversight).all(|k| k.is_national()));
}

#[test]
fn stances() {
    for stance in Stance::ALL {
        assert_eq!(
            stance.is_opposed(),
            matches!(stance, Stance::Resistant | Stance::Blocking)
        );
    }
    // Ordered from most to least supportive.
    assert!(Stance::ALL.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn stakeholder_defaults_and_setters() {
    let s = Stakeholder::new("Ministry of Defence", StakeholderKind::NationalGovernment);
    assert_eq!(s.name, "Ministry of Defence");
    assert_eq!(s.kind, StakeholderKind::NationalGovernment);
    // Unknown until someone assesses them, never a middle value.
    assert_eq!((s.influence, s.interest, s.stance), (None, None, None));
    assert!(!s.is_assessed() && !s.is_opposed());
    assert!(!s.legitimate && !s.urgent);
    assert!(s.roles.is_empty() && s.reference.is_none());
    assert_eq!(s.id.as_uuid().get_version_num(), 4);
    assert_ne!(
        s.id,
        Stakeholder::new("Ministry of Defence", StakeholderKind::NationalGovernment).id
    );

    let id = StakeholderId::from_external("GB-GOV-1");
    let s = s
        .with_id(id)
        .with_name("MoD")
        .with_kind(StakeholderKind::ArmedForces)
        .with_role(Role::Accountable)
        .with_role(Role::Implementing)
        .with_influence(Level::MAX)
        .with_interest(Level::MIN)
        .with_stance(Stance::Blocking)
        .with_legitimate(true)
        .with_urgent(true)
        .with_reference("GB-GOV-1");
    assert_eq!(s.id, id);
    assert_eq!(s.name, "MoD");
    assert_eq!(s.kind, StakeholderKind::ArmedForces);
    assert_eq!(s.roles, [Role::Accountable, Role::Implementing]);
    assert!(s.has_role(Role::Implementing) && !s.has_role(Role::Funding));
    assert_eq!(
        (s.influence, s.interest),
        (Some(Level::MAX), Some(Level::MIN))
    );
    assert_eq!(s.stance, Some(Stance::Blocking));
    assert!(s.is_assessed() && s.is_opposed());
    assert!(s.legitimate && s.urgent);
    assert_eq!(s.reference.as_deref(), Some("GB-GOV-1"));
}

// ---- Components, challenges, objectives ---------------------------------------

#[test]
fn component_defaults_and_setters() {
    let c = Component::new("Community policing", Pillar::PoliceReform);
    assert_eq!(c.weight, Weight::ONE);
    assert!(c.objectives.is_empty() && c.lead.is_none() && c.indicators.is_empty());
    let lead = StakeholderId::from_external("police");
    let objective = ObjectiveId::from_external("trust");
    let c = c
        .with_id(ComponentId::from_external("c"))
        .with_name("Policing")
        .with_pillar(Pillar::Oversight)
        .with_weight(Weight::new(2.0).unwrap())
        .with_lead(lead)
        .with_objective(objective)
        .with_indicator(Indicator::new(
            "Trust",
            ResultLevel::Outcome,
            Measure::Percentage,
        ));
    assert_eq!(c.id, ComponentId::from_external("c"));
    assert_eq!(c.name, "Policing");
    assert_eq!(c.pillar, Pillar::Oversight);
    assert_eq!(c.weight.get(), 2.0);
    assert_eq!(c.lead, Some(lead));
    assert_eq!(c.objectives, [objective]);
    assert_eq!(c.indicators.len(), 1);
}

#[test]
fn challenge_and_mitigation_defaults_and_setters() {
    let c = Challenge::new(
        ChallengeKind::ResistanceToChange,
        "Senior officers oppose vetting",
    );
    assert_eq!(c.status, ChallengeStatus::Open);
    assert_eq!((c.likelihood, c.impact), (Level::MID, Level::MID));
    assert!(c.mitigations.is_empty() && c.affects.is_empty() && c.stakeholders.is_empty());

    let m = Mitigation::new("Retirement package");
    assert_eq!(m.effectiveness, Fraction::ZERO);
    assert!(m.owner.is_none());
    let owner = StakeholderId::from_external("mod");
    let m = m
        .with_owner(owner)
        .with_effectiveness(Fraction::new(0.6).unwrap());
    assert_eq!(m.owner, Some(owner));
    assert_eq!(m.effectiveness.get(), 0.6);

    let component = ComponentId::from_external("vetting");
    let c = c
        .with_id(ChallengeId::from_external("h"))
        .with_likelihood(Level::new(4).unwrap())
        .with_impact(Level::MAX)
        .with_status(ChallengeStatus::Mitigating)
        .with_mitigation(m.clone())
        .with_affects(component)
        .with_stakeholder(owner);
    assert_eq!(c.id, ChallengeId::from_external("h"));
    assert_eq!(c.likelihood.get() * c.impact.get(), 20);
    assert_eq!(c.status, ChallengeStatus::Mitigating);
    assert_eq!(c.mitigations, [m]);
    assert_eq!(c.affects, [component]);
    assert_eq!(c.stakeholders, [owner]);
}

#[test]
fn objective_constructor() {
    let o = Objective::new(
        ObjectiveKind::CivilianControl,
        "Parliament approves the defence budget",
    );
    assert_eq!(o.kind, ObjectiveKind::CivilianControl);
    assert_eq!(o.statement, "Parliament approves the defence budget");
    let id = ObjectiveId::from_external("o");
    assert_eq!(o.with_id(id).id, id);
}

// ---- Indicators --------------------------------------------------------------------

#[test]
fn indicator_defaults_and_setters() {
    let i = Indicator::new(
        "Public trust in the police",
        ResultLevel::Impact,
        Measure::Percentage,
    );
    assert_eq!(i.title, "Public trust in the police");
    assert_eq!(
        (i.level, i.measure),
        (ResultLevel::Impact, Measure::Percentage)
    );
    assert_eq!(i.weight, Weight::ONE);
    assert!(i.direction.is_none() && i.unit.is_none() && i.scale.is_none());
    assert!(
        i.baseline.is_none() && i.periods.is_empty() && i.source.is_none() && i.reference.is_none()
    );

    let scale = OrdinalScale::new(["low", "high"]).unwrap();
    let i = i
        .with_id(IndicatorId::from_external("i"))
        .with_title("Trust")
        .with_level(ResultLevel::Outcome)
        .with_measure(Measure::Ordinal)
        .with_direction(Direction::Decrease)
        .with_unit("% of respondents")
        .with_scale(scale.clone())
        .with_baseline(Baseline::new(Value::label("low")))
        .with_period(Period::new(day(2020, 1, 1), day(2020, 12, 31)))
        .with_period(Period::new(day(2021, 1, 1), day(2021, 12, 31)))
        .with_source(DataSource::new(SourceKind::Survey).with_description("Afrobarometer round 8"))
        .with_weight(Weight::new(3.0).unwrap())
        .with_reference("IND-1");
    assert_eq!(i.id, IndicatorId::from_external("i"));
    assert_eq!(i.title, "Trust");
    assert_eq!(
        (i.level, i.measure),
        (ResultLevel::Outcome, Measure::Ordinal)
    );
    assert_eq!(i.direction, Some(Direction::Decrease));
    assert_eq!(i.unit.as_deref(), Some("% of respondents"));
    assert_eq!(i.scale, Some(scale));
    assert_eq!(i.periods.len(), 2);
    assert_eq!(i.periods[1].start, day(2021, 1, 1));
    let source = i.source.unwrap();
    assert_eq!(source.kind, SourceKind::Survey);
    assert_eq!(source.description.as_deref(), Some("Afrobarometer round 8"));
    assert_eq!(i.weight.get(), 3.0);
    assert_eq!(i.reference.as_deref(), Some("IND-1"));
}

#[test]
fn baseline_period_and_breakdown() {
    let b = Baseline::new(Value::number(38.0).unwrap());
    assert_eq!(b.value, Some(Value::number(38.0).unwrap()));
    assert!(b.date.is_none() && b.comment.is_none());
    let b = b
        .with_date(day(2019, 6, 30))
        .with_comment("household survey");
    assert_eq!(b.date, Some(day(2019, 6, 30)));
    assert_eq!(b.comment.as_deref(), Some("household survey"));
    let empty = Baseline::default();
    assert!(empty.value.is_none() && empty.date.is_none());
    assert_eq!(
        empty.with_value(Value::label("none")).value,
        Some(Value::label("none"))
    );

    let p = Period::new(day(2021, 1, 1), day(2021, 12, 31));
    assert!(
        p.target.is_none() && p.actual.is_none() && p.comment.is_none() && p.breakdowns.is_empty()
    );
    let female = Breakdown::new("sex", "female")
        .with_target(Value::number(30.0).unwrap())
        .with_actual(Value::number(22.0).unwrap());
    assert_eq!(
        (female.dimension.as_str(), female.category.as_str()),
        ("sex", "female")
    );
    let p = p
        .with_target(Value::number(50.0).unwrap())
        .with_actual(Value::number(44.0).unwrap())
        .with_comment("recruitment lagged")
        .with_breakdown(female.clone())
        .with_breakdown(Breakdown::new("sex", "male"));
    assert_eq!(p.target.as_ref().and_then(Value::as_number), Some(50.0));
    assert_eq!(p.actual.as_ref().and_then(Value::as_number), Some(44.0));
    assert_eq!(p.comment.as_deref(), Some("recruitment lagged"));
    assert_eq!(p.breakdowns.len(), 2);
    assert_eq!(p.breakdowns[0], female);
    assert!(p.breakdowns[1].target.is_none());
}

// ---- Evaluations ---------------------------------------------------------------------

fn four_point() -> OrdinalScale {
    OrdinalScale::new([
        "unsatisfactory",
        "partly satisfactory",
        "satisfactory",
        "highly satisfactory",
    ])
    .unwrap()
}

#[test]
fn dac_criteria_in_oecd_order() {
    let names: Vec<String> = DacCriterion::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(
        names,
        [
            "relevance",
            "coherence",
            "effectiveness",
            "efficiency",
            "impact",
            "sustainability"
        ]
    );
}

#[test]
fn evaluation_ratings_are_labels_of_its_scale() {
    let e = Evaluation::new("Independent review", day(2022, 3, 1), four_point());
    assert!(e.ratings().is_empty());
    assert_eq!(e.scale(), &four_point());
    assert_eq!(e.evaluator, "Independent review");
    assert_eq!(e.date, day(2022, 3, 1));
    assert!(e.summary.is_none());
    let err = e
        .clone()
        .with_rating(DacCriterion::Impact, "excellent")
        .unwrap_err();
    assert_eq!(err.what(), "rating");
    assert_eq!(err.found(), "\"excellent\"");
    // Labels are matched exactly.
    assert!(
        e.clone()
            .with_rating(DacCriterion::Impact, "Satisfactory")
            .is_err()
    );

    let e = e
        .with_rating(DacCriterion::Relevance, "highly satisfactory")
        .unwrap()
        .with_rating(DacCriterion::Efficiency, "unsatisfactory")
        .unwrap()
        .with_rating(DacCriterion::Sustainability, "partly satisfactory")
        .unwrap();
    let rated: Vec<DacCriterion> = e.ratings().iter().map(|r| r.criterion).collect();
    assert_eq!(
        rated,
        [
            DacCriterion::Relevance,
            DacCriterion::Efficiency,
            DacCriterion::Sustainability
        ]
    );
    assert_eq!(
        e.rating(DacCriterion::Relevance),
        Some("highly satisfactory")
    );
    assert_eq!(e.rating(DacCriterion::Coherence), None);
    // Positions 3, 0 and 1 of a four-point scale.
    assert_eq!(e.score(DacCriterion::Relevance), Some(1.0));
    assert_eq!(e.score(DacCriterion::Efficiency), Some(0.0));
    assert_eq!(e.score(DacCriterion::Sustainability), Some(1.0 / 3.0));
    assert_eq!(e.score(DacCriterion::Impact), None);
}

#[test]
fn with_rating_replaces_an_earlier_rating() {
    let e = Evaluation::new("Review", day(2022, 3, 1), four_point())
        .with_rating(DacCriterion::Impact, "unsatisfactory")
        .unwrap()
        .with_rating(DacCriterion::Coherence, "satisfactory")
        .unwrap()
        .with_rating(DacCriterion::Impact, "satisfactory")
        .unwrap();
    assert_eq!(e.ratings().len(), 2);
    assert_eq!(e.rating(DacCriterion::Impact), Some("satisfactory"));
    assert_eq!(
        e.ratings()
            .iter()
            .filter(|r| r.criterion == DacCriterion::Impact)
            .count(),
        1
    );
    // A failed re-rating leaves the earlier one in place.
    let mut e = e;
    assert!(e.set_rating(DacCriterion::Impact, "superb", None).is_err());
    assert_eq!(e.rating(DacCriterion::Impact), Some("satisfactory"));
    e.set_rating(
        DacCriterion::Impact,
        "highly satisfactory",
        Some("exceeded targets".into()),
    )
    .unwrap();
    let impact = e
        .ratings()
        .iter()
        .find(|r| r.criterion == DacCriterion::Impact)
        .unwrap();
    assert_eq!(impact.rating, "highly satisfactory");
    assert_eq!(impact.comment.as_deref(), Some("exceeded targets"));
    assert_eq!(e.ratings().len(), 2);
}

#[test]
fn evaluation_setters() {
    let id = EvaluationId::from_external("e");
    let e = Evaluation::new("Review", day(2022, 3, 1), four_point())
        .with_id(id)
        .with_summary("Relevant but not yet sustainable");
    assert_eq!(e.id, id);
    assert_eq!(
        e.summary.as_deref(),
        Some("Relevant but not yet sustainable")
    );
}

proptest! {
    #[test]
    fn rating_every_criterion_keeps_one_rating_each(
        scale in arb_ordinal_scale(),
        picks in proptest::collection::vec((arb_dac_criterion(), any::<prop::sample::Index>()), 0..20),
    ) {
        let mut e = Evaluation::new("x", day(2022, 1, 1), scale.clone());
        let mut last = std::collections::HashMap::new();
        for (criterion, pick) in picks {
            let label = pick.get(scale.levels()).clone();
            e.set_rating(criterion, &label, None).unwrap();
            last.insert(criterion, label);
        }
        prop_assert_eq!(e.ratings().len(), last.len());
        for (criterion, label) in last {
            prop_assert_eq!(e.rating(criterion), Some(label.as_str()));
            prop_assert_eq!(e.score(criterion), scale.score(&label));
        }
    }
}

// ---- Programmes and portfolios ---------------------------------------------------

#[test]
fn programme_defaults() {
    let p = Programme::new("Police reform", Country::new("LBR").unwrap());
    assert_eq!(p.name, "Police reform");
    assert_eq!(p.single_country().map(|c| c.name()), Some("Liberia"));
    assert_eq!(p.phase, Phase::Implementation);
    assert_eq!(p.context, Context::DevelopmentCooperation);
    assert_eq!(p.id.as_uuid().get_version_num(), 4);
    assert!(p.external_id.is_none() && p.description.is_none() && p.budget.is_none());
    assert!(p.gender_marker.is_none());
    assert!(p.planned_start.is_none() && p.planned_end.is_none());
    assert!(p.actual_start.is_none() && p.actual_end.is_none());
    assert!(p.funding.is_empty() && p.sectors.is_empty() && p.objectives.is_empty());
    assert!(p.components.is_empty() && p.stakeholders.is_empty());
    assert!(p.challenges.is_empty() && p.evaluations.is_empty());
    assert_eq!((p.start(), p.end()), (None, None));
    assert_eq!(p.indicators().count(), 0);
}

#[test]
fn programme_dates_prefer_actual_over_planned() {
    let p = Programme::new("x", Country::new("MLI").unwrap())
        .with_planned_start(day(2019, 1, 1))
        .with_planned_end(day(2022, 12, 31));
    assert_eq!(
        (p.start(), p.end()),
        (Some(day(2019, 1, 1)), Some(day(2022, 12, 31)))
    );
    let p = p.with_actual_start(day(2019, 4, 1));
    assert_eq!(
        (p.start(), p.end()),
        (Some(day(2019, 4, 1)), Some(day(2022, 12, 31)))
    );
    let p = p.with_actual_end(day(2023, 6, 30));
    assert_eq!(
        (p.start(), p.end()),
        (Some(day(2019, 4, 1)), Some(day(2023, 6, 30)))
    );
    let only_actual =
        Programme::new("y", Country::new("MLI").unwrap()).with_actual_end(day(2020, 1, 1));
    assert_eq!(
        (only_actual.start(), only_actual.end()),
        (None, Some(day(2020, 1, 1)))
    );
}

#[test]
fn programme_setters_and_lookups() {
    let donor = Stakeholder::new("Donor", StakeholderKind::BilateralDonor);
    let police = Stakeholder::new("Police", StakeholderKind::Police);
    let indicator = |t: &str| Indicator::new(t, ResultLevel::Output, Measure::Unit);
    let money = Money::parse("1500000", "EUR").unwrap();
    let p = Programme::new("x", Country::new("COL").unwrap())
        .with_id(ProgrammeId::from_external("CO-1"))
        .with_name("Colombia")
        .with_country(Country::new("TUN").unwrap())
        .with_context(Context::PeaceOperation)
        .with_phase(Phase::Review)
        .with_external_id("CO-1")
        .with_description("d")
        .with_budget(money)
        .with_gender_marker(GenderMarker::Principal)
        .with_funding(Funding::new(donor.id, money).with_share(Percentage::new(100.0).unwrap()))
        .with_sector(
            Sector::new(SectorCode::new(15132).unwrap())
                .with_percentage(Percentage::new(100.0).unwrap()),
        )
        .with_objective(Objective::new(ObjectiveKind::Trust, "Trust"))
        .with_component(
            Component::new("a", Pillar::PoliceReform)
                .with_indicator(indicator("a1"))
                .with_indicator(indicator("a2")),
        )
        .with_component(Component::new("b", Pillar::Oversight))
        .with_component(Component::new("c", Pillar::JusticeReform).with_indicator(indicator("c1")))
        .with_stakeholder(donor.clone())
        .with_stakeholder(police.clone())
        .with_challenge(Challenge::new(ChallengeKind::Corruption, "c"))
        .with_evaluation(Evaluation::new("e", day(2022, 1, 1), four_point()));
    assert_eq!(p.id, ProgrammeId::from_external("CO-1"));
    assert_eq!(p.name, "Colombia");
    assert_eq!(
        p.single_country().map(|c| c.to_string()).as_deref(),
        Some("TUN")
    );
    assert_eq!(
        (p.context, p.phase),
        (Context::PeaceOperation, Phase::Review)
    );
    assert_eq!(p.external_id.as_deref(), Some("CO-1"));
    assert_eq!(p.description.as_deref(), Some("d"));
    assert_eq!(p.budget, Some(money));
    assert_eq!(p.gender_marker, Some(GenderMarker::Principal));
    assert_eq!(p.funding[0].source, donor.id);
    assert_eq!(p.funding[0].share.map(Percentage::get), Some(100.0));
    assert_eq!(p.sectors[0].percentage.map(Percentage::get), Some(100.0));
    assert_eq!(
        (p.objectives.len(), p.challenges.len(), p.evaluations.len()),
        (1, 1, 1)
    );
    assert_eq!(p.stakeholder(police.id), Some(&police));
    assert_eq!(p.stakeholder(StakeholderId::new()), None);
    let titles: Vec<&str> = p.indicators().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["a1", "a2", "c1"]);
}

#[test]
fn funding_and_sector_defaults() {
    let source = StakeholderId::from_external("donor");
    let f = Funding::new(source, Money::parse("1500000", "EUR").unwrap());
    assert_eq!(f.source, source);
    assert!(f.share.is_none());
    let s = Sector::new(SectorCode::new(15210).unwrap());
    assert!(s.percentage.is_none());
}

#[test]
fn portfolio_defaults_and_setters() {
    let p = Portfolio::new();
    assert!(p.name.is_none() && p.programmes.is_empty());
    assert_eq!(p, Portfolio::default());
    let p = p
        .with_name("West Africa SSR")
        .with_programme(Programme::new("a", Country::new("LBR").unwrap()))
        .with_programme(Programme::new("b", Country::new("SLE").unwrap()));
    assert_eq!(p.name.as_deref(), Some("West Africa SSR"));
    let names: Vec<&str> = p.programmes.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["a", "b"]);
}

// ---- The strategies' enum lists are complete -------------------------------------

#[test]
fn strategy_enum_lists_have_no_repeats() {
    fn distinct<T: std::fmt::Debug + PartialEq>(items: &[T]) {
        for (i, a) in items.iter().enumerate() {
            assert!(!items[..i].contains(a), "{a:?} repeated");
        }
    }
    distinct(&StakeholderKind::ALL);
    distinct(&Role::ALL);
    distinct(&Stance::ALL);
    distinct(&Pillar::ALL);
    distinct(&ChallengeKind::ALL);
    distinct(&ChallengeStatus::ALL);
    distinct(&ObjectiveKind::ALL);
    distinct(&ResultLevel::ALL);
    distinct(&Measure::ALL);
    distinct(&Direction::ALL);
    distinct(&SourceKind::ALL);
    distinct(&DacCriterion::ALL);
    distinct(&Context::ALL);
    distinct(&Phase::ALL);
    distinct(&GenderMarker::ALL);
}

// ---- Serde forms that the document format documents ---------------------------------

#[cfg(feature = "json")]
mod json {
    use super::*;
    use serde_json::json;
    use std::str::FromStr;

    #[test]
    fn enums_are_snake_case_strings() {
        assert_eq!(
            json!(StakeholderKind::InternationalNgo),
            json!("international_ngo")
        );
        assert_eq!(
            json!(StakeholderKind::WomensOrganisation),
            json!("womens_organisation")
        );
        assert_eq!(json!(Pillar::Ddr), json!("ddr"));
        assert_eq!(
            json!(Pillar::VettingAndAntiCorruption),
            json!("vetting_and_anti_corruption")
        );
        assert_eq!(
            json!(ChallengeKind::EthnoPoliticalDivision),
            json!("ethno_political_division")
        );
        assert_eq!(json!(Context::PeaceOperation), json!("peace_operation"));
        assert_eq!(
            json!(SourceKind::AdministrativeData),
            json!("administrative_data")
        );
        assert_eq!(json!(GenderMarker::NotTargeted), json!("not_targeted"));
        for criterion in DacCriterion::ALL {
            assert_eq!(json!(criterion), json!(criterion.to_string()));
        }
    }

    #[test]
    fn scales_codes_and_ids_are_plain_values() {
        assert_eq!(json!(Level::MAX), json!(5));
        assert_eq!(json!(Weight::new(2.5).unwrap()), json!(2.5));
        assert_eq!(json!(Country::new("BIH").unwrap()), json!("BIH"));
        assert_eq!(json!(SectorCode::new(15210).unwrap()), json!(15210));
        assert_eq!(
            json!(OrdinalScale::new(["low", "high"]).unwrap()),
            json!(["low", "high"])
        );
        let uuid = "67e55044-10b1-426f-9247-bb680e5fe0c8";
        assert_eq!(json!(ProgrammeId::from_str(uuid).unwrap()), json!(uuid));
        assert_eq!(json!(Value::number(3.0).unwrap()), json!(3.0));
        assert_eq!(json!(Value::label("3")), json!("3"));
    }

    #[test]
    fn money_is_a_decimal_string_and_a_currency() {
        let m = Money::parse("1250000.5", "USD").unwrap();
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"amount":"1250000.50","currency":"USD"}"#
        );
        // Integer amounts are read too; floats never.
        let m: Money = serde_json::from_str(r#"{"amount": 5, "currency": "USD"}"#).unwrap();
        assert_eq!(m.amount, Amount::from_units(5).unwrap());
        let m: Money = serde_json::from_str(r#"{"amount": -5, "currency": "USD"}"#).unwrap();
        assert_eq!(m.amount, Amount::from_units(-5).unwrap());
        assert!(serde_json::from_str::<Amount>("5.0").is_err());
        assert!(serde_json::from_str::<Amount>("5.5").is_err());
        assert!(serde_json::from_str::<Amount>("1000000000000000").is_err());
        assert!(serde_json::from_str::<Amount>("18446744073709551615").is_err());
        assert!(serde_json::from_str::<Amount>("null").is_err());
    }

    #[test]
    fn values_read_numbers_as_numbers_and_strings_as_labels() {
        let v: Value = serde_json::from_str("3").unwrap();
        assert_eq!(v.as_number(), Some(3.0));
        let v: Value = serde_json::from_str("-3").unwrap();
        assert_eq!(v.as_number(), Some(-3.0));
        let v: Value = serde_json::from_str("2.5e2").unwrap();
        assert_eq!(v.as_number(), Some(250.0));
        let v: Value = serde_json::from_str("\"3\"").unwrap();
        assert_eq!(v.as_label(), Some("3"));
        for bad in ["true", "null", "[]", "{}"] {
            assert!(serde_json::from_str::<Value>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn invariants_hold_on_deserialisation() {
        assert!(serde_json::from_str::<Level>("0").is_err());
        assert!(serde_json::from_str::<Level>("6").is_err());
        assert!(serde_json::from_str::<Weight>("-1").is_err());
        assert!(serde_json::from_str::<Percentage>("100.5").is_err());
        assert!(serde_json::from_str::<Fraction>("1.5").is_err());
        assert!(serde_json::from_str::<Country>("\"XXX\"").is_err());
        assert!(serde_json::from_str::<Currency>("\"usd\"").is_err());
        assert!(serde_json::from_str::<SectorCode>("999").is_err());
        assert!(serde_json::from_str::<OrdinalScale>(r#"["a"]"#).is_err());
        assert!(serde_json::from_str::<OrdinalScale>(r#"["a", "a"]"#).is_err());
    }

    #[test]
    fn evaluation_json_checks_its_ratings() {
        let base = |ratings: &str| {
            format!(
                r#"{{"id": "67e55044-10b1-426f-9247-bb680e5fe0c8", "evaluator": "x", "date": "2022-03-01",
                    "scale": ["low", "high"]{ratings}}}"#
            )
        };
        let e: Evaluation = serde_json::from_str(&base("")).unwrap();
        assert!(e.ratings().is_empty());
        let e: Evaluation = serde_json::from_str(&base(
            r#", "ratings": [{"criterion": "impact", "rating": "high", "comment": "c"}]"#,
        ))
        .unwrap();
        assert_eq!(e.rating(DacCriterion::Impact), Some("high"));
        assert_eq!(e.ratings()[0].comment.as_deref(), Some("c"));
        let off_scale = base(r#", "ratings": [{"criterion": "impact", "rating": "medium"}]"#);
        assert!(serde_json::from_str::<Evaluation>(&off_scale).is_err());
        let twice = base(
            r#", "ratings": [{"criterion": "impact", "rating": "high"}, {"criterion": "impact", "rating": "low"}]"#,
        );
        let err = serde_json::from_str::<Evaluation>(&twice).unwrap_err();
        assert!(err.to_string().contains("at most once"), "{err}");
        let unknown = base(r#", "grade": "A""#);
        assert!(serde_json::from_str::<Evaluation>(&unknown).is_err());
    }

    #[test]
    fn default_weights_and_empty_lists_are_left_out() {
        let c = Component::new("c", Pillar::PoliceReform).with_id(ComponentId::from_external("c"));
        let v = json!(c);
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["id", "name", "pillar"]);
        let v = json!(c.with_weight(Weight::new(2.0).unwrap()));
        assert_eq!(v["weight"], json!(2.0));
        // And they read back as their defaults.
        let c: Component = serde_json::from_value(json!({
            "id": "67e55044-10b1-426f-9247-bb680e5fe0c8", "name": "c", "pillar": "oversight"
        }))
        .unwrap();
        assert_eq!(c.weight, Weight::ONE);
        assert!(c.indicators.is_empty());
    }
}
