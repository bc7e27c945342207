//! The JSON Schema of the document format accepts what the crate writes and
//! rejects what it refuses to read.
#![cfg(feature = "schemars")]

use jsonschema::Validator;
use serde_json::{Value, json};
use ssr_model::interop::schema::document_schema;
use ssr_model::samples::{Synthetic, synthetic};

fn validator() -> Validator {
    let schema = serde_json::to_value(document_schema()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is itself a valid JSON Schema")
}

fn synthetic_document() -> Value {
    let portfolio = synthetic(
        &Synthetic::new(3)
            .with_components(2)
            .with_indicators(2)
            .with_periods(2),
    );
    serde_json::from_str(&ssr_model::document::to_string(&portfolio).unwrap()).unwrap()
}

fn errors(v: &Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn accepts_synthetic_and_sample_documents() {
    let v = validator();
    let doc = synthetic_document();
    assert_eq!(errors(&v, &doc), Vec::<String>::new());
    let sample = ssr_model::document::to_string(&ssr_model::samples::portfolio()).unwrap();
    let sample: Value = serde_json::from_str(&sample).unwrap();
    assert_eq!(errors(&v, &sample), Vec::<String>::new());
    assert!(v.is_valid(&json!({"schema_version": 1})));
}

/// Applies `edit` to a copy of the synthetic document and expects the
/// schema to reject it, and the crate's loader to refuse it too.
fn rejected(what: &str, edit: impl FnOnce(&mut Value)) {
    let v = validator();
    let mut doc = synthetic_document();
    edit(&mut doc);
    assert!(!v.is_valid(&doc), "schema accepted {what}");
    assert!(
        ssr_model::document::from_str(&doc.to_string()).is_err(),
        "loader accepted {what}: the schema is stricter than the format"
    );
}

#[test]
fn rejects_bad_documents() {
    rejected("a missing schema_version", |d| {
        d.as_object_mut().unwrap().remove("schema_version");
    });
    rejected("a future schema_version", |d| {
        d["schema_version"] = json!(6)
    });
    rejected("an unknown top-level member", |d| d["extra"] = json!(1));
    rejected("a misspelt programme field", |d| {
        let p = d["programmes"][0].as_object_mut().unwrap();
        let name = p.remove("name").unwrap();
        p.insert("nmae".into(), name);
    });
    rejected("an unknown country", |d| {
        d["programmes"][0]["recipients"][0]["country"] = json!("XXX")
    });
    rejected("a lower-case country", |d| {
        d["programmes"][0]["recipients"][0]["country"] = json!("lbr")
    });
    rejected("an unknown region", |d| {
        d["programmes"][0]["recipients"] = json!([{"region": 297}])
    });
    rejected("a recipient with both a country and a region", |d| {
        d["programmes"][0]["recipients"] = json!([{"country": "MLI", "region": 298}])
    });
    rejected("a recipient percentage over 100", |d| {
        d["programmes"][0]["recipients"] = json!([{"country": "MLI", "percentage": 101}])
    });
    rejected("an unknown phase", |d| {
        d["programmes"][0]["phase"] = json!("ongoing")
    });
    rejected("an id that is not a UUID", |d| {
        d["programmes"][0]["id"] = json!("p-1")
    });
    rejected("a date that is not a date", |d| {
        d["programmes"][0]["planned_start"] = json!("2020-02-30");
    });
    rejected("a float amount", |d| {
        d["programmes"][0]["budget"]["amount"] = json!(12.5);
    });
    rejected("an amount with five decimals", |d| {
        d["programmes"][0]["budget"]["amount"] = json!("12.12345");
    });
    rejected("an unknown currency", |d| {
        d["programmes"][0]["budget"]["currency"] = json!("EURO");
    });
    rejected("a level of 6", |d| {
        d["programmes"][0]["stakeholders"][0]["influence"] = json!(6)
    });
    rejected("a negative weight", |d| {
        d["programmes"][0]["components"][0]["weight"] = json!(-1)
    });
    rejected("a percentage above 100", |d| {
        d["programmes"][0]["sectors"][0]["percentage"] = json!(120);
    });
    // A sector code is kept as written (validation reports one on no
    // list), but never empty.
    rejected("an empty sector code", |d| {
        d["programmes"][0]["sectors"][0]["code"] = json!("")
    });
    rejected("a mitigation effectiveness above 1", |d| {
        d["programmes"][0]["challenges"][0]["mitigations"] =
            json!([{"action": "x", "effectiveness": 1.5}]);
    });
    rejected("an ordinal scale of one label", |d| {
        d["programmes"][0]["evaluations"][0]["scale"] = json!(["only"]);
    });
    rejected("an ordinal scale with a repeated label", |d| {
        d["programmes"][0]["evaluations"][0]["scale"] = json!(["a", "a"]);
    });
    rejected("an indicator value that is an object", |d| {
        let ind = &mut d["programmes"][0]["components"][0]["indicators"][0];
        ind["periods"][0]["target"] = json!({"value": 3});
    });
    rejected("a wrong result level", |d| {
        d["programmes"][0]["components"][0]["indicators"][0]["level"] = json!("result");
    });
}

#[test]
fn schema_is_stable_json() {
    let a = ssr_model::interop::schema::document_schema_string().unwrap();
    let b = ssr_model::interop::schema::document_schema_string().unwrap();
    assert_eq!(a, b);
    let v: Value = serde_json::from_str(&a).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(v["additionalProperties"], false);
}

fn validator_for(schema: schemars::Schema) -> Validator {
    let schema = serde_json::to_value(schema).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is itself a valid JSON Schema")
}

#[test]
fn scorecard_schema_accepts_scorecards_and_rejects_others() {
    use ssr_model::Scorer;
    use ssr_model::score::uncertainty::RankUncertainty;
    let v = validator_for(ssr_model::interop::schema::scorecard_schema());
    let scorer = Scorer::default();
    for portfolio in [
        ssr_model::samples::portfolio(),
        synthetic(&Synthetic::new(5)),
    ] {
        let card = scorer.scorecard(&portfolio);
        let uncertainty: RankUncertainty = scorer.rank_uncertainty(&card);
        let card = card.with_uncertainty(uncertainty).unwrap();
        let json = serde_json::to_value(&card).unwrap();
        assert_eq!(errors(&v, &json), Vec::<String>::new());
        // A scorecard without its programmes is not a scorecard.
        let mut broken = json.clone();
        broken.as_object_mut().unwrap().remove("programmes");
        assert!(!errors(&v, &broken).is_empty());
    }
}

#[test]
fn policy_schemas_accept_the_defaults_and_reject_unknown_members() {
    use ssr_model::interop::schema::{scoring_policy_schema, validation_policy_schema};
    let cases = [
        (
            validator_for(scoring_policy_schema()),
            serde_json::to_value(ssr_model::score::policy::ScoringPolicy::default()).unwrap(),
        ),
        (
            validator_for(validation_policy_schema()),
            serde_json::to_value(ssr_model::diagnostics::ValidationPolicy::default()).unwrap(),
        ),
    ];
    for (v, default) in cases {
        assert_eq!(errors(&v, &default), Vec::<String>::new());
        assert_eq!(errors(&v, &json!({})), Vec::<String>::new());
        assert!(!errors(&v, &json!({"no_such_setting": 1})).is_empty());
    }
}

#[test]
fn the_policy_schema_covers_the_sensitivity_section() {
    use ssr_model::interop::schema::scoring_policy_schema;
    use ssr_model::score::policy::{ScoringPolicy, SensitivityFactor, SensitivityPolicy};
    let v = validator_for(scoring_policy_schema());
    let mut policy = ScoringPolicy::default();
    let mut sensitivity = SensitivityPolicy::standard(&policy);
    sensitivity.factors.push(SensitivityFactor::LevelWeight {
        level: ssr_model::model::ResultLevel::Outcome,
        low: 0.5,
        high: 2.0,
    });
    sensitivity
        .factors
        .push(SensitivityFactor::OnTrackTolerance {
            low: 0.05,
            high: 0.25,
        });
    sensitivity.factors.push(SensitivityFactor::Imputation {
        options: vec![ssr_model::score::policy::Imputation::Mean],
    });
    policy.sensitivity = Some(sensitivity);
    let json = serde_json::to_value(&policy).unwrap();
    assert_eq!(errors(&v, &json), Vec::<String>::new());
    // A factor of no known kind, or a member a kind does not have, is refused.
    for bad in [
        json!({"sensitivity": {"factors": [{"factor": "weights", "low": 0, "high": 1}]}}),
        json!({"sensitivity": {"factors": [{"factor": "on_track_tolerance", "low": 0, "high": 0.2, "x": 1}]}}),
        json!({"sensitivity": {"sample": 10}}),
    ] {
        assert!(!errors(&v, &bad).is_empty(), "{bad}");
    }
}
