//! The validation policy (levels, thresholds, as_of) and the report's API and
//! serialised forms.

use crate::validate_fixture;

use ssr_model::Challenge;
use ssr_model::diagnostics::{Code, CodeLevel, Severity, ValidationPolicy};
use ssr_model::model::{ChallengeKind, Direction, StakeholderId};
use ssr_model::validate::validate_programme;
use ssr_model::{Finding, Report, validate};
use validate_fixture::{check, d, found, level, num, pct, policy, portfolio_of, programme};

fn single_funder_programme() -> ssr_model::Programme {
    let mut p = programme();
    p.stakeholders.remove(3);
    p.funding.remove(1);
    p.funding[0].share = Some(pct(100.0));
    p
}

#[test]
fn defaults_are_the_documented_ones() {
    let p = ValidationPolicy::default();
    assert_eq!(p.as_of, None);
    assert!(p.levels.is_empty());
    assert_eq!(p.high_influence.get(), 4);
    assert_eq!(p.high_risk, 15);
    assert_eq!(p.stale_after_days, 365);
    assert_eq!(p.percentage_tolerance(), 0.01);
    assert_eq!(ValidationPolicy::new(), p);
    // An empty policy document is the default policy.
    #[cfg(feature = "json")]
    assert_eq!(serde_json::from_str::<ValidationPolicy>("{}").unwrap(), p);
    for code in Code::ALL {
        assert_eq!(p.severity(*code), Some(code.default_severity()));
    }
}

#[test]
fn raising_a_level_makes_the_document_invalid() {
    let base = check(single_funder_programme());
    assert!(base.is_valid());
    let strict = policy().with_level(Code::SingleFunder, CodeLevel::Error);
    let report = validate::validate(&portfolio_of(single_funder_programme()), &strict);
    assert!(!report.is_valid());
    assert_eq!(report.first_error().unwrap().code, Code::SingleFunder);
    assert_eq!(report.first_error().unwrap().severity, Severity::Error);
}

#[test]
fn lowering_a_level_makes_the_document_valid() {
    let mut p = programme();
    p.name = String::new();
    assert!(!check(p.clone()).is_valid());
    let lenient = policy().with_level(Code::EmptyName, CodeLevel::Warning);
    let report = validate::validate(&portfolio_of(p.clone()), &lenient);
    assert!(report.is_valid());
    assert_eq!(report.len(), 1);
    assert_eq!(report.findings()[0].severity, Severity::Warning);
    let advice = policy().with_level(Code::EmptyName, CodeLevel::Advice);
    let report = validate::validate(&portfolio_of(p), &advice);
    assert_eq!(report.findings()[0].severity, Severity::Advice);
}

#[test]
fn allow_drops_a_code_and_only_that_code() {
    let mut p = single_funder_programme();
    p.name = String::new();
    let report = check(p.clone());
    assert_eq!(report.len(), 2);
    let allow = policy().with_level(Code::SingleFunder, CodeLevel::Allow);
    let report = validate::validate(&portfolio_of(p), &allow);
    assert_eq!(
        found(&report),
        vec![(Code::EmptyName, "/programmes/0/name".to_owned())]
    );
}

#[test]
fn allowing_every_code_gives_an_empty_report() {
    let mut p = programme();
    p.name = String::new();
    p.components[0].indicators[0].direction = Some(Direction::Decrease);
    p.stakeholders.clear();
    let mut everything = policy();
    for code in Code::ALL {
        everything = everything.with_level(*code, CodeLevel::Allow);
    }
    assert!(validate::validate(&portfolio_of(p), &everything).is_empty());
}

#[test]
fn high_influence_threshold() {
    let mut p = programme();
    p.challenges[0].stakeholders.clear(); // the union (influence 4) is now unaddressed
    assert_eq!(
        check(p.clone())
            .of_code(Code::UnmitigatedResistance)
            .count(),
        1
    );
    let five = policy().with_high_influence(level(5));
    assert!(validate::validate(&portfolio_of(p.clone()), &five).is_empty());
    let three = policy().with_high_influence(level(3));
    p.stakeholders[6].influence = Some(level(3));
    assert_eq!(
        validate::validate(&portfolio_of(p), &three)
            .of_code(Code::UnmitigatedResistance)
            .count(),
        1
    );
}

#[test]
fn high_risk_threshold() {
    let mut p = programme();
    p.challenges.push(
        Challenge::new(ChallengeKind::Corruption, "Procurement fraud")
            .with_likelihood(level(4))
            .with_impact(level(3)), // 12
    );
    assert!(check(p.clone()).is_empty());
    let twelve = policy().with_high_risk(12);
    let report = validate::validate(&portfolio_of(p), &twelve);
    assert_eq!(report.len(), 1);
    assert_eq!(report.findings()[0].code, Code::HighRiskWithoutMitigation);
}

#[test]
fn stale_after_days_threshold() {
    // As of 2026-01-01 the latest actual (2025-12-31) is one day old.
    let p = programme();
    let zero = policy().with_stale_after_days(0);
    let report = validate::validate(&portfolio_of(p.clone()), &zero);
    assert_eq!(report.len(), 1);
    assert_eq!(report.findings()[0].code, Code::StaleData);
    let one = policy().with_stale_after_days(1);
    assert!(validate::validate(&portfolio_of(p), &one).is_empty());
}

#[test]
fn percentage_tolerance_threshold() {
    let mut p = programme();
    p.sectors[1].percentage = Some(pct(39.5)); // sum 99.5
    assert_eq!(check(p.clone()).of_code(Code::PercentageSum).count(), 1);
    let loose = policy().with_percentage_tolerance(0.5).unwrap();
    assert!(validate::validate(&portfolio_of(p.clone()), &loose).is_empty());
    let tight = policy().with_percentage_tolerance(0.49).unwrap();
    assert_eq!(validate::validate(&portfolio_of(p), &tight).len(), 1);
    assert!(policy().with_percentage_tolerance(-1.0).is_err());
    assert!(policy().with_percentage_tolerance(f64::NAN).is_err());
    #[cfg(feature = "json")]
    assert!(serde_json::from_str::<ValidationPolicy>(r#"{"percentage_tolerance": -0.5}"#).is_err());
}

#[test]
fn as_of_moves_time_dependent_checks() {
    let mut p = programme();
    p.components[0].indicators[0].periods[3].actual = Some(num(56.0)); // 2026 period
    let as_of = |date| {
        let policy = ValidationPolicy::default().with_as_of(date);
        let report = validate::validate(&portfolio_of(p.clone()), &policy);
        report.iter().map(|f| f.code).collect::<Vec<_>>()
    };
    assert_eq!(as_of(d(2026, 1, 1)), vec![Code::FutureActual]);
    assert_eq!(as_of(d(2026, 12, 31)), Vec::<Code>::new());
    assert_eq!(as_of(d(2028, 1, 1)), vec![Code::StaleData]);
    // No as_of: time checks are skipped, the same report on any day.
    let undated = validate::validate(&portfolio_of(p), &ValidationPolicy::default());
    assert!(undated.is_empty());
}

#[cfg(feature = "json")]
#[test]
fn policy_documents() {
    let text = r#"{
        "as_of": "2025-06-30",
        "levels": {"no_gender_dimension": "error", "quantitative_only": "allow"},
        "high_influence": 3,
        "high_risk": 20,
        "stale_after_days": 730,
        "percentage_tolerance": 0.5
    }"#;
    let policy: ValidationPolicy = serde_json::from_str(text).unwrap();
    assert_eq!(policy.as_of, Some(d(2025, 6, 30)));
    assert_eq!(policy.level(Code::NoGenderDimension), CodeLevel::Error);
    assert_eq!(policy.severity(Code::QuantitativeOnly), None);
    assert_eq!(policy.level(Code::DateOrder), CodeLevel::Error);
    assert_eq!(policy.high_influence.get(), 3);
    assert_eq!(policy.high_risk, 20);
    assert_eq!(policy.stale_after_days, 730);
    assert_eq!(policy.percentage_tolerance(), 0.5);
    let back: ValidationPolicy =
        serde_json::from_str(&serde_json::to_string(&policy).unwrap()).unwrap();
    assert_eq!(back, policy);

    for bad in [
        r#"{"levels": {"single_funders": "allow"}}"#,
        r#"{"levels": {"single_funder": "ignore"}}"#,
        r#"{"high_influence": 6}"#,
        r#"{"as_of": "2025-13-01"}"#,
        r#"{"stale_days": 10}"#,
    ] {
        assert!(
            serde_json::from_str::<ValidationPolicy>(bad).is_err(),
            "{bad}"
        );
    }
}

#[cfg(feature = "json")]
#[test]
fn report_serialises_as_findings_list() {
    let mut p = programme();
    p.components[0].lead = Some(StakeholderId::from_external("nobody"));
    let report = check(p);
    let json: serde_json::Value = serde_json::to_value(&report).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f["code"], "dangling_reference");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["path"], "/programmes/0/components/0/lead");
    assert!(f["message"].as_str().unwrap().contains("no stakeholder"));
    assert!(f["help"].is_string());
    assert_eq!(json.as_object().unwrap().len(), 1);
    let back: Report = serde_json::from_value(json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn report_api() {
    let report: Report = [
        Finding::new(Code::SingleFunder, "/programmes/1/funding", "single"),
        Finding::new(Code::DateOrder, "/programmes/0/planned_end", "order"),
        Finding::new(Code::StaleData, "/programmes/0/components/0", "stale"),
        Finding::new(Code::DateOrder, "/programmes/10/planned_end", "order"),
    ]
    .into_iter()
    .collect();
    assert_eq!(report.len(), 4);
    assert!(!report.is_valid());
    assert_eq!(
        report.first_error().unwrap().path,
        "/programmes/0/planned_end"
    );
    assert_eq!(report.errors().count(), 2);
    assert_eq!(report.of_code(Code::DateOrder).count(), 2);
    assert_eq!(report.of_severity(Severity::Warning).count(), 1);
    assert_eq!(report.at_least(Severity::Warning).count(), 3);
    assert_eq!(report.count(Severity::Advice), 1);
    assert_eq!(report.worst(), Some(Severity::Error));
    assert_eq!(Report::new().worst(), None);
    assert!(Report::new().is_valid());

    let mut sorted = report.clone();
    sorted.sort();
    let paths: Vec<&str> = sorted.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/programmes/0/components/0",
            "/programmes/0/planned_end",
            "/programmes/1/funding",
            "/programmes/10/planned_end",
        ]
    );
    let mut extended = Report::new();
    extended.extend(report.clone());
    extended.push(Finding::new(Code::EmptyName, "/name", "empty"));
    assert_eq!(extended.len(), 5);
    assert_eq!(extended.into_findings().len(), 5);
}

#[test]
fn report_display() {
    let mut p = single_funder_programme();
    p.components[0].lead = Some(StakeholderId::from_external("nobody"));
    let text = check(p).to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(
            "error[dangling_reference] /programmes/0/components/0/lead: no stakeholder"
        ),
        "{text}"
    );
    assert!(lines[1].starts_with("  help: "), "{text}");
    assert!(
        lines[2].starts_with("advice[single_funder] /programmes/0/funding: "),
        "{text}"
    );
    assert_eq!(*lines.last().unwrap(), "1 error, 0 warnings, 1 advice");
    assert_eq!(Report::new().to_string(), "0 errors, 0 warnings, 0 advice");
}

#[test]
fn programme_entry_point_paths_start_at_the_programme() {
    let mut p = programme();
    p.components[0].lead = Some(StakeholderId::from_external("nobody"));
    let report = validate_programme(&p, &policy());
    assert_eq!(
        found(&report),
        vec![(Code::DanglingReference, "/components/0/lead".to_owned())]
    );
}

/// Severities and levels read and print as in a policy document, like every
/// other code of the crate.
#[test]
fn severities_and_levels_have_text_forms_equal_to_their_serde_names() {
    let severities = [
        (Severity::Advice, "advice"),
        (Severity::Warning, "warning"),
        (Severity::Error, "error"),
    ];
    for (severity, name) in severities {
        assert_eq!(severity.to_string(), name);
        assert_eq!(name.parse::<Severity>().unwrap(), severity);
        #[cfg(feature = "json")]
        assert_eq!(
            serde_json::to_string(&severity).unwrap(),
            format!("\"{name}\"")
        );
    }
    let levels = [
        (CodeLevel::Allow, "allow"),
        (CodeLevel::Advice, "advice"),
        (CodeLevel::Warning, "warning"),
        (CodeLevel::Error, "error"),
    ];
    for (level, name) in levels {
        assert_eq!(level.to_string(), name);
        assert_eq!(name.parse::<CodeLevel>().unwrap(), level);
        #[cfg(feature = "json")]
        assert_eq!(
            serde_json::to_string(&level).unwrap(),
            format!("\"{name}\"")
        );
    }
    let err = "fatal".parse::<Severity>().unwrap_err();
    assert!(err.to_string().contains("\"fatal\""), "{err}");
    assert!("Error".parse::<CodeLevel>().is_err());
}

/// The codes users and their reports rely on, by exactly their published
/// names (renaming one would break them): each exists,
/// and its serde form, `as_str`, `Display` and `FromStr` all use that name.
#[test]
fn the_required_codes_have_exactly_the_required_names() {
    const REQUIRED: [&str; 22] = [
        "date_order",
        "duplicate_id",
        "dangling_reference",
        "weight_invalid",
        "percentage_sum",
        "missing_value",
        "direction_conflict",
        "period_overlap",
        "future_actual",
        "empty_name",
        "withdrawn_sector_code",
        "no_civil_society",
        "no_oversight",
        "no_local_ownership",
        "component_without_indicator",
        "indicator_without_baseline",
        "unmitigated_resistance",
        "high_risk_without_mitigation",
        "single_funder",
        "no_gender_dimension",
        "quantitative_only",
        "stale_data",
    ];
    for name in REQUIRED {
        let code: Code = name.parse().unwrap();
        assert_eq!(code.as_str(), name);
        assert_eq!(code.to_string(), name);
        #[cfg(feature = "json")]
        {
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{name}\""));
            let back: Code = serde_json::from_str(&format!("\"{name}\"")).unwrap();
            assert_eq!(back, code);
        }
    }
    assert!(Code::ALL.len() >= REQUIRED.len());
}

#[test]
fn root_errors_say_the_document_root() {
    // The whole document is the wrong type: the pointer is the root, "",
    // which every error prints as `the document root`.
    let err = ssr_model::diagnostics::ValidationPolicy::from_json("42").unwrap_err();
    assert_eq!(err.path, "");
    assert!(
        err.to_string()
            .starts_with("cannot parse the validation policy at the document root: "),
        "{err}"
    );
    let err = ssr_model::score::policy::ScoringPolicy::from_json("42").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("cannot parse the scoring policy at the document root: "),
        "{err}"
    );
}

#[test]
fn breakdown_tolerance_is_a_share_refused_out_of_range() {
    use ssr_model::diagnostics::ValidationPolicy;
    for text in [
        r#"{"breakdown_tolerance": -0.1}"#,
        r#"{"breakdown_tolerance": 1.5}"#,
    ] {
        let err = ValidationPolicy::from_json(text).unwrap_err();
        assert_eq!(err.path, "/breakdown_tolerance");
        assert!(err.message.contains("from 0 to 1"), "{err}");
        assert!(!err.message.contains("percentage"), "{err}");
    }
    let p = ValidationPolicy::from_json(r#"{"breakdown_tolerance": 0.05}"#).unwrap();
    assert_eq!(p.breakdown_tolerance.get(), 0.05);
    // A policy written before the field was bounded reads the same.
    let p = ValidationPolicy::from_json(r#"{"breakdown_tolerance": 0.01}"#).unwrap();
    assert_eq!(p, ValidationPolicy::default());
    // The percentage tolerance says what it is.
    let err = ValidationPolicy::new()
        .with_percentage_tolerance(-1.0)
        .unwrap_err();
    assert!(err.to_string().contains("percentage"), "{err}");
}

#[test]
fn scoring_fractions_are_refused_as_they_are_read() {
    use ssr_model::score::policy::{PolicyError, ScoringPolicy};
    for (text, path) in [
        (r#"{"zero_floor": -0.5}"#, "/zero_floor"),
        (r#"{"zero_floor": 2}"#, "/zero_floor"),
        (
            r#"{"uncertainty": {"weight_noise": -0.1}}"#,
            "/uncertainty/weight_noise",
        ),
        (
            r#"{"uncertainty": {"weight_noise": 7}}"#,
            "/uncertainty/weight_noise",
        ),
    ] {
        match ScoringPolicy::from_json(text).unwrap_err() {
            PolicyError::Parse { path: p, message } => {
                assert_eq!(p, path);
                assert!(message.contains("from 0 to 1"), "{message}");
            }
            other => panic!("{other}"),
        }
    }
    // 1 is a fraction but not a usable floor or noise: the check says so.
    for text in [
        r#"{"zero_floor": 1}"#,
        r#"{"uncertainty": {"weight_noise": 1}}"#,
    ] {
        let err = ScoringPolicy::from_json(text).unwrap_err().to_string();
        assert!(err.contains("up to (not including) 1"), "{err}");
    }
    // The JSON shape is unchanged: the defaults write the same numbers.
    let json = serde_json::to_value(ScoringPolicy::default()).unwrap();
    assert_eq!(json["zero_floor"], 0.01);
    assert_eq!(json["uncertainty"]["weight_noise"], 0.25);
}

#[test]
fn policy_documents_are_json_objects() {
    use ssr_model::score::policy::{PolicyError, ScoringPolicy};
    // serde reads a struct from an array too (its fields in order), so `[]`
    // would be the default policy: a document that is not an object is
    // refused, with the whole document as the location.
    for text in ["[]", "[{}]", " [] ", "[\"2026-01-01\"]", "null", "\"{}\""] {
        let err = ValidationPolicy::from_json(text).unwrap_err();
        assert_eq!(err.path, "", "{text}: {err}");
        assert!(err.message.contains("object"), "{text}: {err}");
        match ScoringPolicy::from_json(text).unwrap_err() {
            PolicyError::Parse { path, message } => {
                assert_eq!(path, "", "{text}: {message}");
                assert!(message.contains("object"), "{text}: {message}");
            }
            other => panic!("{text}: {other}"),
        }
    }
    // A part of the scoring policy is an object too.
    for (text, at) in [
        (r#"{"progress": []}"#, "/progress"),
        (r#"{"uncertainty": [100]}"#, "/uncertainty"),
        (r#"{"risk": []}"#, "/risk"),
    ] {
        match ScoringPolicy::from_json(text).unwrap_err() {
            PolicyError::Parse { path, message } => {
                assert_eq!(path, at, "{text}: {message}");
                assert!(message.contains("object"), "{text}: {message}");
            }
            other => panic!("{text}: {other}"),
        }
    }
    // Objects still read as before.
    assert_eq!(
        ValidationPolicy::from_json("{}").unwrap(),
        ValidationPolicy::default()
    );
    assert_eq!(
        ScoringPolicy::from_json(" {} ").unwrap(),
        ScoringPolicy::default()
    );
}

#[test]
fn high_risk_is_a_risk_score_from_1_to_25() {
    for text in [
        r#"{"high_risk": 0}"#,
        r#"{"high_risk": 26}"#,
        r#"{"high_risk": 255}"#,
    ] {
        let err = ValidationPolicy::from_json(text).unwrap_err();
        assert_eq!(err.path, "/high_risk", "{text}: {err}");
        assert!(err.message.contains("1 to 25"), "{text}: {err}");
    }
    for risk in [1u8, 15, 25] {
        let p = ValidationPolicy::from_json(&format!(r#"{{"high_risk": {risk}}}"#)).unwrap();
        assert_eq!(p.high_risk, risk);
    }
}
