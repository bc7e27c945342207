//! Round trips of the document format and of the text forms of codes, and
//! robustness of loading against arbitrary and corrupted input.

#![cfg(feature = "json")]

use crate::common;

use std::fmt::{Debug, Display};
use std::str::FromStr;

use common::strategies::*;
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use ssr_model::document;
use ssr_model::document::LoadError;
use ssr_model::model::{
    Amount, ChallengeId, ComponentId, EvaluationId, Finite, Fraction, IndicatorId, Level,
    ObjectiveId, Percentage, ProgrammeId, SectorCode, StakeholderId, Weight,
};
use ssr_model::{Country, Currency, Portfolio};

/// A value survives `serde_json` both ways, and its JSON text is stable.
fn json_round_trip<T>(value: &T) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let text = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&text)
        .map_err(|e| TestCaseError::fail(format!("{e} while reading back {text}")))?;
    prop_assert_eq!(&back, value, "{}", text);
    prop_assert_eq!(serde_json::to_string(&back).unwrap(), text);
    Ok(())
}

fn text_round_trip<T>(value: &T) -> Result<(), TestCaseError>
where
    T: Display + FromStr + PartialEq + Debug,
    T::Err: Display,
{
    let text = value.to_string();
    let back: T = text
        .parse()
        .map_err(|e: T::Err| TestCaseError::fail(format!("{e} while parsing {text:?}")))?;
    prop_assert_eq!(&back, value, "{}", text);
    Ok(())
}

/// Loading must return, never panic; a panic fails the property.
fn load_does_not_panic(bytes: &[u8]) {
    match document::from_slice(bytes) {
        Ok(_) => {}
        Err(LoadError::Parse { line, .. }) => assert!(line >= 1),
        Err(other) => {
            // Only a version error is possible from a slice (no I/O).
            assert!(
                matches!(other, LoadError::UnsupportedVersion { .. }),
                "{other}"
            );
        }
    }
}

/// A small valid document to corrupt.
fn valid_document() -> String {
    let portfolio = ssr_model::samples::synthetic(
        &ssr_model::samples::Synthetic::new(1)
            .with_components(2)
            .with_indicators(1)
            .with_periods(2),
    );
    document::to_string_pretty(&portfolio).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    // ---- the whole document -------------------------------------------------

    #[test]
    fn document_model_json_model(portfolio in arb_portfolio()) {
        let text = document::to_string(&portfolio).unwrap();
        let back = document::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, portfolio);
    }

    #[test]
    fn document_json_model_json_is_byte_identical(portfolio in arb_portfolio()) {
        let first = document::to_string(&portfolio).unwrap();
        let second = document::to_string(&document::from_str(&first).unwrap()).unwrap();
        prop_assert_eq!(second, first);
    }

    #[test]
    fn pretty_document_json_model_json_is_byte_identical(portfolio in arb_portfolio()) {
        let first = document::to_string_pretty(&portfolio).unwrap();
        let back = document::from_str(&first).unwrap();
        prop_assert_eq!(&back, &portfolio);
        prop_assert_eq!(document::to_string_pretty(&back).unwrap(), first);
    }

    #[test]
    fn compact_and_pretty_documents_load_alike(portfolio in arb_portfolio()) {
        let compact = document::from_str(&document::to_string(&portfolio).unwrap()).unwrap();
        let pretty = document::from_str(&document::to_string_pretty(&portfolio).unwrap()).unwrap();
        prop_assert_eq!(compact, pretty);
    }

    #[test]
    fn writer_and_reader_round_trip(portfolio in consistent_portfolio()) {
        let mut bytes = Vec::new();
        document::to_writer_pretty(&mut bytes, &portfolio).unwrap();
        prop_assert_eq!(&bytes, &document::to_string_pretty(&portfolio).unwrap().into_bytes());
        let back = document::from_reader(bytes.as_slice()).unwrap();
        prop_assert_eq!(back, portfolio);
    }

    #[test]
    fn documents_declare_the_schema_version(portfolio in arb_portfolio()) {
        let text = document::to_string(&portfolio).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&json["schema_version"], &serde_json::json!(document::SCHEMA_VERSION));
    }

    // ---- each model type on its own ----------------------------------------

    #[test]
    fn scales_round_trip(
        level in arb_level(),
        weight in arb_weight(),
        percentage in arb_percentage(),
        fraction in arb_fraction(),
        finite in arb_finite(),
        value in arb_value(),
        scale in arb_ordinal_scale(),
    ) {
        json_round_trip(&level)?;
        json_round_trip(&weight)?;
        json_round_trip(&percentage)?;
        json_round_trip(&fraction)?;
        json_round_trip(&finite)?;
        json_round_trip(&value)?;
        json_round_trip(&scale)?;
    }

    #[test]
    fn codes_and_money_round_trip(
        country in arb_country(),
        currency in arb_currency(),
        sector in arb_sector_code(),
        amount in arb_amount(),
        money in arb_money(),
    ) {
        json_round_trip(&country)?;
        json_round_trip(&currency)?;
        json_round_trip(&sector)?;
        json_round_trip(&amount)?;
        json_round_trip(&money)?;
    }

    #[test]
    fn ids_round_trip(
        p in arb_programme_id(),
        s in arb_stakeholder_id(),
        c in arb_component_id(),
        o in arb_objective_id(),
        h in arb_challenge_id(),
        i in arb_indicator_id(),
        e in arb_evaluation_id(),
    ) {
        json_round_trip(&p)?;
        json_round_trip(&s)?;
        json_round_trip(&c)?;
        json_round_trip(&o)?;
        json_round_trip(&h)?;
        json_round_trip(&i)?;
        json_round_trip(&e)?;
    }

    #[test]
    fn enums_round_trip(
        a in arb_stakeholder_kind(),
        b in arb_role(),
        c in arb_stance(),
        d in arb_pillar(),
        e in arb_challenge_kind(),
        f in arb_challenge_status(),
        g in arb_objective_kind(),
        h in arb_result_level(),
        i in arb_measure(),
        j in arb_direction(),
        k in arb_source_kind(),
        l in arb_dac_criterion(),
        (m, n, o) in (arb_context(), arb_phase(), arb_gender_marker()),
    ) {
        json_round_trip(&a)?;
        json_round_trip(&b)?;
        json_round_trip(&c)?;
        json_round_trip(&d)?;
        json_round_trip(&e)?;
        json_round_trip(&f)?;
        json_round_trip(&g)?;
        json_round_trip(&h)?;
        json_round_trip(&i)?;
        json_round_trip(&j)?;
        json_round_trip(&k)?;
        json_round_trip(&l)?;
        json_round_trip(&m)?;
        json_round_trip(&n)?;
        json_round_trip(&o)?;
    }

    #[test]
    fn indicator_parts_round_trip(
        baseline in arb_baseline(),
        breakdown in arb_breakdown(),
        period in arb_period(),
        source in arb_data_source(),
        indicator in arb_indicator(),
    ) {
        json_round_trip(&baseline)?;
        json_round_trip(&breakdown)?;
        json_round_trip(&period)?;
        json_round_trip(&source)?;
        json_round_trip(&indicator)?;
    }

    #[test]
    fn programme_parts_round_trip(
        objective in arb_objective(),
        stakeholder in arb_stakeholder(),
        component in arb_component(),
        mitigation in arb_mitigation(),
        challenge in arb_challenge(),
        evaluation in arb_evaluation(),
        (funding, sector) in (arb_funding(), arb_sector()),
    ) {
        json_round_trip(&objective)?;
        json_round_trip(&stakeholder)?;
        json_round_trip(&component)?;
        json_round_trip(&mitigation)?;
        json_round_trip(&challenge)?;
        json_round_trip(&evaluation)?;
        json_round_trip(&funding)?;
        json_round_trip(&sector)?;
    }

    #[test]
    fn programmes_and_portfolios_round_trip(programme in arb_programme(), consistent in consistent_programme()) {
        json_round_trip(&programme)?;
        json_round_trip(&consistent)?;
    }

    // ---- text forms --------------------------------------------------------

    #[test]
    fn codes_display_and_parse(
        country in arb_country(),
        currency in arb_currency(),
        sector in arb_sector_code(),
        level in arb_level(),
        amount in arb_amount(),
    ) {
        text_round_trip(&country)?;
        text_round_trip(&currency)?;
        text_round_trip(&sector)?;
        text_round_trip(&level)?;
        text_round_trip(&amount)?;
    }

    #[test]
    fn numbers_display_and_parse(
        weight in arb_weight(),
        percentage in arb_percentage(),
        fraction in arb_fraction(),
        finite in arb_finite(),
    ) {
        text_round_trip(&weight)?;
        text_round_trip(&percentage)?;
        text_round_trip(&fraction)?;
        text_round_trip(&finite)?;
    }

    #[test]
    fn ids_display_and_parse(
        p in arb_programme_id(),
        s in arb_stakeholder_id(),
        c in arb_component_id(),
        o in arb_objective_id(),
        h in arb_challenge_id(),
        i in arb_indicator_id(),
        e in arb_evaluation_id(),
    ) {
        text_round_trip(&p)?;
        text_round_trip(&s)?;
        text_round_trip(&c)?;
        text_round_trip(&o)?;
        text_round_trip(&h)?;
        text_round_trip(&i)?;
        text_round_trip(&e)?;
        // The text form is the canonical lower-case hyphenated UUID.
        prop_assert_eq!(p.to_string(), p.as_uuid().hyphenated().to_string());
        prop_assert_eq!(p.to_string().len(), 36);
    }

    #[test]
    fn amount_text_is_canonical(raw in (i64::MIN + 1)..=i64::MAX) {
        let amount = amount_from_ten_thousandths(raw);
        let text = amount.to_string();
        // At most four decimals, and either none or at least two.
        if let Some((_, frac)) = text.split_once('.') {
            prop_assert!((2..=4).contains(&frac.len()), "{}", text);
        }
        prop_assert_eq!(text.starts_with('-'), raw < 0);
        prop_assert_eq!(amount.is_negative(), raw < 0);
        // Amounts order as their raw values do.
        prop_assert_eq!(amount.cmp(&Amount::ZERO), raw.cmp(&0));
    }

    // ---- robustness --------------------------------------------------------

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load_does_not_panic(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,256}") {
        load_does_not_panic(text.as_bytes());
    }

    #[test]
    fn json_shaped_text_never_panics(
        text in "\\{\"schema_version\": ?(-?[0-9]{1,3}|1e9|1\\.0|null)(, ?\"(name|programmes|x)\": ?(\\[\\]|\\{\\}|\"[a-z]*\"|[0-9]+|\\[\\{\\}\\]))*\\}",
    ) {
        load_does_not_panic(text.as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn truncated_documents_never_panic(cut in any::<prop::sample::Index>()) {
        let doc = valid_document();
        let bytes = doc.as_bytes();
        let at = cut.index(bytes.len());
        load_does_not_panic(&bytes[..at]);
        // Every proper prefix of a document that ends with its closing brace
        // is incomplete, so it must be refused.
        prop_assert!(document::from_slice(&bytes[..at]).is_err());
    }

    #[test]
    fn flipped_bytes_never_panic(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = valid_document().into_bytes();
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        load_does_not_panic(&bytes);
    }

    #[test]
    fn deleted_spans_never_panic(start in any::<prop::sample::Index>(), len in 1usize..64) {
        let mut bytes = valid_document().into_bytes();
        let from = start.index(bytes.len());
        let to = (from + len).min(bytes.len());
        bytes.drain(from..to);
        load_does_not_panic(&bytes);
    }

    #[test]
    fn inserted_bytes_never_panic(
        at in any::<prop::sample::Index>(),
        insert in "[\\[\\]{}\",:0-9a-z\\\\ -]{1,8}",
    ) {
        let mut bytes = valid_document().into_bytes();
        let i = at.index(bytes.len());
        bytes.splice(i..i, insert.bytes());
        load_does_not_panic(&bytes);
    }

    #[test]
    fn duplicated_spans_never_panic(start in any::<prop::sample::Index>(), len in 1usize..128) {
        let mut bytes = valid_document().into_bytes();
        let from = start.index(bytes.len());
        let to = (from + len).min(bytes.len());
        let span = bytes[from..to].to_vec();
        bytes.splice(to..to, span);
        load_does_not_panic(&bytes);
    }
}

#[test]
fn the_valid_document_used_for_corruption_loads() {
    // Otherwise the corruption properties above would test nothing.
    let doc = valid_document();
    let portfolio: Portfolio = document::from_str(&doc).unwrap();
    assert_eq!(portfolio.programmes.len(), 1);
    assert_eq!(portfolio.programmes[0].components.len(), 2);
}

#[test]
fn the_embedded_and_synthetic_samples_round_trip() {
    for portfolio in [
        ssr_model::samples::portfolio(),
        ssr_model::samples::synthetic(&ssr_model::samples::Synthetic::new(20)),
    ] {
        let compact = document::to_string(&portfolio).unwrap();
        assert_eq!(document::from_str(&compact).unwrap(), portfolio);
        let pretty = document::to_string_pretty(&portfolio).unwrap();
        assert_eq!(document::from_str(&pretty).unwrap(), portfolio);
        assert_eq!(
            document::to_string(&document::from_str(&compact).unwrap()).unwrap(),
            compact
        );
    }
}

#[test]
fn every_text_form_rejects_what_it_cannot_represent() {
    // The inverse direction of the Display/FromStr properties: text that is
    // not a canonical form must not parse into a value.
    assert!(Country::from_str("lbr").is_err());
    assert!(Currency::from_str("usd").is_err());
    assert!(SectorCode::from_str("1521").is_err());
    assert!(Level::from_str("6").is_err());
    assert!(Amount::from_str("1.00001").is_err());
    assert!(Weight::from_str("-1").is_err());
    assert!(Percentage::from_str("101").is_err());
    assert!(Fraction::from_str("1.01").is_err());
    assert!(Finite::from_str("inf").is_err());
    assert!(Finite::from_str("NaN").is_err());
    for bad in ["", "not-a-uuid", "123e4567-e89b-12d3-a456-42661417400"] {
        assert!(ProgrammeId::from_str(bad).is_err());
        assert!(StakeholderId::from_str(bad).is_err());
        assert!(ComponentId::from_str(bad).is_err());
        assert!(ObjectiveId::from_str(bad).is_err());
        assert!(ChallengeId::from_str(bad).is_err());
        assert!(IndicatorId::from_str(bad).is_err());
        assert!(EvaluationId::from_str(bad).is_err());
    }
}

#[test]
fn floats_read_back_exactly() {
    // serde_json's default float parser misreads these by one ULP; the
    // document format must not (it needs serde_json's float_roundtrip).
    for x in [-3.0839457509452754e26_f64, -4.038712069128769e141] {
        let text = serde_json::to_string(&x).unwrap();
        let back: f64 = serde_json::from_str(&text).unwrap();
        assert_eq!(back.to_bits(), x.to_bits(), "{text}");
        // Beyond ±10¹⁵: no indicator value.
        assert!(serde_json::from_str::<ssr_model::Value>(&text).is_err());
    }
    for x in [
        2.2250738585072014e-308,
        0.1 + 0.2,
        1e15,
        -999_999_999_999_999.9,
        f64::MIN_POSITIVE,
        5e-324,
    ] {
        let value = ssr_model::Value::number(x).unwrap();
        let text = serde_json::to_string(&value).unwrap();
        let back: ssr_model::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            back.as_number().map(f64::to_bits),
            Some(x.to_bits()),
            "{text}"
        );
    }
}
