//! Messages for hostile input name the real problem, briefly: a byte-order
//! mark, an amount beyond the decimal range, an error at the root, a
//! subnormal number, a duplicate key.
#![cfg(feature = "json")]

use ssr_model::Money;
use ssr_model::diagnostics::ValidationPolicy;
use ssr_model::document;
use ssr_model::model::Amount;
use ssr_model::score::policy::ScoringPolicy;

#[test]
fn a_byte_order_mark_before_a_document_is_read_past() {
    let sample = document::to_string(&ssr_model::samples::portfolio()).unwrap();
    let with_mark = format!("\u{feff}{sample}");
    assert_eq!(
        document::from_str(&with_mark).unwrap(),
        document::from_str(&sample).unwrap()
    );
    // A broken document after the mark reports its own problem.
    let err = document::from_str("\u{feff}{\"schema_version\": 1, \"nmae\": 1}").unwrap_err();
    assert!(err.to_string().contains("unknown field `nmae`"), "{err}");
}

#[test]
fn a_byte_order_mark_before_a_policy_is_read_past() {
    let policy = ScoringPolicy::from_json("\u{feff}{\"explain\": 2}").unwrap();
    assert_eq!(policy.explain, 2);
}

#[test]
fn amounts_beyond_the_range_say_so() {
    for text in [
        "1000000000000000",
        "922337203685477.5808",
        "-99999999999999999999",
    ] {
        let err = text.parse::<Amount>().unwrap_err().to_string();
        assert!(err.contains("922337203685477.5807"), "{text}: {err}");
        assert!(!err.contains("decimal places"), "{text}: {err}");
    }
    assert_eq!(
        "922337203685477.5807"
            .parse::<Amount>()
            .unwrap()
            .to_string(),
        "922337203685477.5807"
    );
    // A JSON integer beyond the range, in a document.
    let err =
        serde_json::from_str::<Money>(r#"{"amount": 10000000000000000000, "currency": "USD"}"#)
            .unwrap_err()
            .to_string();
    assert!(err.contains("922337203685477.5807"), "{err}");
    // Too many decimals still say decimals.
    let err = "1.23456".parse::<Amount>().unwrap_err().to_string();
    assert!(err.contains("at most 4 decimal places"), "{err}");
}

#[test]
fn a_policy_error_at_the_root_says_the_document_root() {
    // The root prints the same in every error: documents, scoring and
    // validation policies.
    let err = ScoringPolicy::from_json(r#"{"explain": 1, "explain": 2}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains(" at the document root: "), "{err}");
    assert!(err.contains("duplicate field"), "{err}");
}

#[test]
fn echoed_numbers_are_short() {
    let err = ScoringPolicy::from_json(r#"{"zero_floor": -5e-324}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("-5e-324"), "{err}");
    assert!(err.len() < 200, "{} bytes: {err}", err.len());
}

#[test]
fn echoed_text_is_short() {
    let long = "9".repeat(10_000);
    let err = long.parse::<Amount>().unwrap_err().to_string();
    assert!(err.len() < 300, "{} bytes", err.len());
    assert!(err.contains("characters") || err.contains('e'), "{err}");
    let labels = format!("[\"{}\"]", "x".repeat(10_000));
    let err = serde_json::from_str::<ssr_model::model::OrdinalScale>(&labels)
        .unwrap_err()
        .to_string();
    assert!(err.len() < 300, "{} bytes: {err}", err.len());
}

#[test]
fn duplicate_codes_in_levels_are_refused() {
    let err = serde_json::from_str::<ValidationPolicy>(
        r#"{"levels": {"stale_data": "allow", "stale_data": "error"}}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("duplicate code `stale_data`"), "{err}");
    // Distinct codes still load.
    let policy: ValidationPolicy =
        serde_json::from_str(r#"{"levels": {"stale_data": "allow", "single_funder": "error"}}"#)
            .unwrap();
    assert_eq!(policy.levels.len(), 2);
}
