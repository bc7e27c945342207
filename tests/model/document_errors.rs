//! Bad documents give the specific error, with the JSON Pointer path of the
//! offending value, a line and column that point at it, and a message that
//! says what was expected and what was found.
//!
//! Each case starts from one hand-written valid document and changes one
//! snippet, so the expected path and line follow from the text below.

#![cfg(feature = "json")]

use std::io::{self, Read};

use ssr_model::document;
use ssr_model::document::{LoadError, ParseErrorKind, SCHEMA_VERSION};
use ssr_model::model::Level;

const VALID: &str = r#"{
  "schema_version": 1,
  "name": "Test portfolio",
  "programmes": [
    {
      "id": "6f1c2a3e-0000-4000-8000-000000000001",
      "name": "Police reform",
      "country": "LBR",
      "context": "peace_operation",
      "phase": "implementation",
      "planned_start": "2019-01-01",
      "planned_end": "2023-12-31",
      "budget": { "amount": "2500000.50", "currency": "USD" },
      "funding": [
        {
          "source": "6f1c2a3e-0000-4000-8000-000000000011",
          "amount": { "amount": "2500000.50", "currency": "EUR" },
          "share": 100
        }
      ],
      "sectors": [ { "code": 15132, "percentage": 100.0 } ],
      "stakeholders": [
        {
          "id": "6f1c2a3e-0000-4000-8000-000000000011",
          "name": "Bilateral donor",
          "kind": "bilateral_donor",
          "roles": ["funding"],
          "influence": 4,
          "interest": 3,
          "stance": "supportive"
        },
        {
          "id": "6f1c2a3e-0000-4000-8000-000000000012",
          "name": "Liberia National Police",
          "kind": "police",
          "influence": 5,
          "interest": 2,
          "stance": "resistant",
          "legitimate": true
        }
      ],
      "components": [
        {
          "id": "6f1c2a3e-0000-4000-8000-000000000021",
          "name": "Community policing",
          "pillar": "police_reform",
          "weight": 2,
          "lead": "6f1c2a3e-0000-4000-8000-000000000012",
          "indicators": [
            {
              "id": "6f1c2a3e-0000-4000-8000-000000000031",
              "title": "Public trust in the police",
              "level": "outcome",
              "measure": "percentage",
              "direction": "increase",
              "baseline": { "value": 38, "date": "2019-06-30" },
              "periods": [
                { "start": "2020-01-01", "end": "2020-12-31", "target": 45, "actual": 41.5 }
              ]
            }
          ]
        }
      ],
      "challenges": [
        {
          "id": "6f1c2a3e-0000-4000-8000-000000000041",
          "kind": "resistance_to_change",
          "description": "Senior officers oppose vetting",
          "likelihood": 4,
          "impact": 5,
          "status": "mitigating",
          "mitigations": [
            { "action": "Retirement package", "owner": "6f1c2a3e-0000-4000-8000-000000000012", "effectiveness": 0.5 }
          ]
        }
      ],
      "evaluations": [
        {
          "id": "6f1c2a3e-0000-4000-8000-000000000051",
          "evaluator": "Independent reviewer",
          "date": "2022-03-01",
          "scale": ["unsatisfactory", "satisfactory", "highly satisfactory"],
          "ratings": [
            { "criterion": "relevance", "rating": "highly satisfactory" },
            { "criterion": "impact", "rating": "satisfactory" }
          ]
        }
      ]
    }
  ]
}"#;

/// `VALID` with the one occurrence of `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    assert_eq!(VALID.matches(from).count(), 1, "{from:?} must occur once");
    VALID.replacen(from, to, 1)
}

/// The byte offset of a 1-based line and column (column 0: the line's start).
fn offset(doc: &str, line: usize, column: usize) -> usize {
    let line_start: usize = doc.split_inclusive('\n').take(line - 1).map(str::len).sum();
    line_start + column.saturating_sub(1)
}

/// 1-based line and column of the one occurrence of `needle` in `doc`.
fn locate(doc: &str, needle: &str) -> (usize, usize) {
    assert_eq!(doc.matches(needle).count(), 1, "{needle:?} must occur once");
    let at = doc.find(needle).unwrap();
    let line = doc[..at].matches('\n').count() + 1;
    let line_start = doc[..at].rfind('\n').map_or(0, |i| i + 1);
    (line, at - line_start + 1)
}

struct Parse {
    kind: ParseErrorKind,
    path: String,
    line: usize,
    column: usize,
    message: String,
    display: String,
}

fn parse_error(doc: &str) -> Parse {
    match document::from_str(doc) {
        Err(err @ LoadError::Parse { .. }) => {
            let display = err.to_string();
            let LoadError::Parse {
                kind,
                path,
                line,
                column,
                message,
                ..
            } = err
            else {
                unreachable!()
            };
            Parse {
                kind,
                path: path.as_str().to_owned(),
                line,
                column,
                message,
                display,
            }
        }
        Err(other) => panic!("expected a parse error, got {other:?}"),
        Ok(_) => panic!("expected a parse error, the document loaded"),
    }
}

impl Parse {
    /// The error is of `kind` at `path`, and its line and column fall on
    /// `needle` or, where the parser had to look further to finish the value,
    /// on the next token after it (possibly on the next line).
    fn assert_at(&self, kind: ParseErrorKind, path: &str, doc: &str, needle: &str) -> &Self {
        assert_eq!(self.kind, kind, "{}", self.display);
        assert_eq!(self.path, path, "{}", self.display);
        let (line, column) = locate(doc, needle);
        let start = offset(doc, line, column);
        let after = start + needle.len();
        let next_token = after + (doc.len() - after - doc[after..].trim_start().len());
        let reported = offset(doc, self.line, self.column);
        assert!(
            (start..=next_token).contains(&reported),
            "line {} column {} should fall on {needle:?} at line {line} column {column}, \
             or on the token after it: {}",
            self.line,
            self.column,
            self.display
        );
        // The displayed error repeats all of it, for people reading logs.
        assert!(self.display.contains(path), "{}", self.display);
        assert!(
            self.display
                .contains(&format!("line {}, column {}", self.line, self.column)),
            "{}",
            self.display
        );
        self
    }

    fn says(&self, fragments: &[&str]) -> &Self {
        for fragment in fragments {
            assert!(
                self.message.contains(fragment),
                "message should contain {fragment:?}: {}",
                self.message
            );
        }
        assert!(self.display.starts_with(&self.message), "{}", self.display);
        self
    }
}

const STAKEHOLDER_1: &str = "/programmes/0/stakeholders/1";

#[test]
fn the_base_document_is_valid() {
    let portfolio = document::from_str(VALID).unwrap();
    let p = &portfolio.programmes[0];
    assert_eq!(p.stakeholders.len(), 2);
    assert_eq!(p.stakeholders[1].influence.map(Level::get), Some(5));
    assert_eq!(p.evaluations[0].ratings().len(), 2);
}

// ---- wrong types and out-of-range values -----------------------------------

#[test]
fn wrong_type() {
    let doc = with(r#""influence": 5"#, r#""influence": "high""#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            &format!("{STAKEHOLDER_1}/influence"),
            &doc,
            r#""influence": "high""#,
        )
        .says(&["invalid type", "string \"high\"", "expected"]);
}

#[test]
fn level_out_of_range() {
    let doc = with(r#""influence": 5"#, r#""influence": 7"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            &format!("{STAKEHOLDER_1}/influence"),
            &doc,
            r#""influence": 7"#,
        )
        .says(&["level", "from 1 to 5", "found 7"]);

    let doc = with(r#""interest": 2"#, r#""interest": 0"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            &format!("{STAKEHOLDER_1}/interest"),
            &doc,
            r#""interest": 0"#,
        )
        .says(&["from 1 to 5", "found 0"]);
}

#[test]
fn level_beyond_its_integer_type() {
    let doc = with(r#""likelihood": 4"#, r#""likelihood": 300"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/challenges/0/likelihood",
            &doc,
            r#""likelihood": 300"#,
        )
        .says(&["300"]);
    let doc = with(r#""likelihood": 4"#, r#""likelihood": 4.5"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/challenges/0/likelihood",
            &doc,
            r#""likelihood": 4.5"#,
        )
        .says(&["4.5"]);
}

#[test]
fn percentage_out_of_range() {
    let doc = with(r#""percentage": 100.0"#, r#""percentage": 120"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/sectors/0/percentage",
            &doc,
            r#""percentage": 120"#,
        )
        .says(&["percentage", "from 0 to 100", "found 120"]);

    let doc = with(r#""share": 100"#, r#""share": -0.5"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/funding/0/share",
            &doc,
            r#""share": -0.5"#,
        )
        .says(&["percentage", "found -0.5"]);
}

#[test]
fn negative_weight() {
    let doc = with(r#""weight": 2"#, r#""weight": -1"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/components/0/weight",
            &doc,
            r#""weight": -1"#,
        )
        .says(&["weight", "from 0 to 1e6", "found -1"]);
}

#[test]
fn value_beyond_its_limit() {
    let doc = with(r#""actual": 41.5"#, r#""actual": -2e15"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/components/0/indicators/0/periods/0/actual",
            &doc,
            r#""actual": -2e15"#,
        )
        .says(&["number", "from -1e15 to 1e15", "found -2000000000000000"]);
}

#[test]
fn weight_beyond_its_limit() {
    let doc = with(r#""weight": 2"#, r#""weight": 2e6"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/components/0/weight",
            &doc,
            r#""weight": 2e6"#,
        )
        .says(&["weight", "from 0 to 1e6", "found 2000000"]);
}

#[test]
fn fraction_out_of_range() {
    let doc = with(r#""effectiveness": 0.5"#, r#""effectiveness": 1.5"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/challenges/0/mitigations/0/effectiveness",
            &doc,
            r#""effectiveness": 1.5"#,
        )
        .says(&["fraction", "from 0 to 1", "found 1.5"]);
}

#[test]
fn sector_code_without_five_digits() {
    // Kept as written (a code on no list is never dropped), and reported
    // by validation rather than refused by the loader.
    let doc = with(r#""code": 15132"#, r#""code": 1513"#);
    let portfolio = document::from_str(&doc).unwrap();
    assert_eq!(portfolio.programmes[0].sectors[0].code, "1513");
    let report = ssr_model::validate::validate(&portfolio, &Default::default());
    let found: Vec<(&str, &str)> = report
        .findings()
        .iter()
        .filter(|f| f.code.as_str() == "unknown_sector_code")
        .map(|f| (f.path.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "/programmes/0/sectors/0/code",
            "sector code \"1513\" of vocabulary 1 is not a 5-digit DAC purpose code"
        )]
    );
    let empty = with(r#""code": 15132"#, r#""code": "  ""#);
    parse_error(&empty).says(&["sector code is empty"]);
}

#[test]
fn ordinal_scale_of_one_label() {
    let doc = with(
        r#""scale": ["unsatisfactory", "satisfactory", "highly satisfactory"]"#,
        r#""scale": ["satisfactory"]"#,
    );
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/evaluations/0/scale",
            &doc,
            r#""scale": ["satisfactory"]"#,
        )
        .says(&["ordinal scale", "at least two", "satisfactory"]);
}

// ---- unknown fields, misspelt variants and codes -------------------------

#[test]
fn unknown_field_is_named() {
    let doc = with(
        r#""legitimate": true"#,
        r#""legitimate": true, "nmae": "x""#,
    );
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            &format!("{STAKEHOLDER_1}/nmae"),
            &doc,
            r#""nmae""#,
        )
        .says(&["unknown field `nmae`", "expected one of", "`name`"]);
}

#[test]
fn unknown_field_at_the_top_level() {
    let doc = with(
        r#""name": "Test portfolio","#,
        r#""title": "Test portfolio","#,
    );
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/title",
            &doc,
            r#""title": "Test portfolio""#,
        )
        .says(&["unknown field `title`", "`name`"]);
}

#[test]
fn unknown_field_names_are_escaped_in_the_pointer() {
    // RFC 6901: "~" is written "~0" and "/" is written "~1".
    let doc = with(r#""name": "Test portfolio","#, r#""a/b~c": 1,"#);
    parse_error(&doc)
        .assert_at(ParseErrorKind::Data, "/a~1b~0c", &doc, r#""a/b~c""#)
        .says(&["unknown field `a/b~c`"]);
}

#[test]
fn unknown_field_in_money() {
    let doc = with(
        r#""budget": { "amount": "2500000.50", "currency": "USD" }"#,
        r#""budget": { "amount": "2500000.50", "currency": "USD", "usd": 1 }"#,
    );
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/budget/usd",
            &doc,
            r#""usd""#,
        )
        .says(&["unknown field `usd`"]);
}

#[test]
fn misspelt_enum_variant() {
    let doc = with(r#""kind": "police""#, r#""kind": "polise""#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            &format!("{STAKEHOLDER_1}/kind"),
            &doc,
            r#""kind": "polise""#,
        )
        .says(&["unknown variant `polise`", "expected one of", "`police`"]);

    // Variants are snake_case: the Rust spelling is not accepted.
    let doc = with(
        r#""pillar": "police_reform""#,
        r#""pillar": "PoliceReform""#,
    );
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/components/0/pillar",
            &doc,
            r#""pillar": "PoliceReform""#,
        )
        .says(&["unknown variant `PoliceReform`", "`police_reform`"]);
}

#[test]
fn bad_country_code() {
    for bad in ["XXX", "lbr", "LR", "LBRA", ""] {
        let doc = with(r#""country": "LBR""#, &format!(r#""country": "{bad}""#));
        parse_error(&doc)
            .assert_at(
                ParseErrorKind::Data,
                "/programmes/0/country",
                &doc,
                &format!(r#""country": "{bad}""#),
            )
            .says(&[
                "country code",
                "ISO 3166-1 alpha-3",
                &format!("found \"{bad}\""),
            ]);
    }
}

#[test]
fn bad_currency() {
    let doc = with(r#""currency": "USD""#, r#""currency": "US$""#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/budget/currency",
            &doc,
            r#""currency": "US$""#,
        )
        .says(&["currency code", "ISO 4217", "found \"US$\""]);

    let doc = with(r#""currency": "EUR""#, r#""currency": "eur""#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/funding/0/amount/currency",
            &doc,
            r#""currency": "eur""#,
        )
        .says(&["ISO 4217", "found \"eur\""]);
}

#[test]
fn bad_date() {
    // 2021 is not a leap year.
    let doc = with(
        r#""planned_start": "2019-01-01""#,
        r#""planned_start": "2021-02-29""#,
    );
    parse_error(&doc).assert_at(
        ParseErrorKind::Data,
        "/programmes/0/planned_start",
        &doc,
        r#""planned_start": "2021-02-29""#,
    );

    // A date in another format.
    let doc = with(r#""date": "2022-03-01""#, r#""date": "01/03/2022""#);
    parse_error(&doc).assert_at(
        ParseErrorKind::Data,
        "/programmes/0/evaluations/0/date",
        &doc,
        r#""date": "01/03/2022""#,
    );

    // A date-time where a date is expected.
    let doc = with(
        r#""date": "2019-06-30""#,
        r#""date": "2019-06-30T00:00:00Z""#,
    );
    parse_error(&doc).assert_at(
        ParseErrorKind::Data,
        "/programmes/0/components/0/indicators/0/baseline/date",
        &doc,
        r#""date": "2019-06-30T00:00:00Z""#,
    );
}

#[test]
fn bad_date_messages_say_what_was_found_and_expected() {
    let doc = with(
        r#""planned_start": "2019-01-01""#,
        r#""planned_start": "2021-02-29""#,
    );
    parse_error(&doc).says(&["2021-02-29", "YYYY-MM-DD"]);
    let doc = with(
        r#""planned_start": "2019-01-01""#,
        r#""planned_start": "01/02/2019""#,
    );
    parse_error(&doc).says(&["01/02/2019", "YYYY-MM-DD"]);
}

#[test]
fn bad_id() {
    let doc = with(
        r#""lead": "6f1c2a3e-0000-4000-8000-000000000012""#,
        r#""lead": "police-1""#,
    );
    parse_error(&doc).assert_at(
        ParseErrorKind::Data,
        "/programmes/0/components/0/lead",
        &doc,
        r#""lead": "police-1""#,
    );
}

// ---- numbers JSON cannot or must not carry --------------------------------

#[test]
fn nan_is_not_json() {
    let doc = with(r#""actual": 41.5"#, r#""actual": NaN"#);
    let err = parse_error(&doc);
    err.assert_at(
        ParseErrorKind::Syntax,
        "/programmes/0/components/0/indicators/0/periods/0/actual",
        &doc,
        r#""actual": NaN"#,
    )
    .says(&["expected value"]);
}

#[test]
fn number_too_large_for_a_float() {
    let doc = with(r#""actual": 41.5"#, r#""actual": 1e400"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Syntax,
            "/programmes/0/components/0/indicators/0/periods/0/actual",
            &doc,
            r#""actual": 1e400"#,
        )
        .says(&["number out of range"]);

    let doc = with(r#""weight": 2"#, r#""weight": -1e999"#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Syntax,
            "/programmes/0/components/0/weight",
            &doc,
            r#""weight": -1e999"#,
        )
        .says(&["number out of range"]);
}

#[test]
fn money_as_a_float_is_refused() {
    let doc = with(
        r#""amount": "2500000.50", "currency": "USD""#,
        r#""amount": 2500000.5, "currency": "USD""#,
    );
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/budget/amount",
            &doc,
            r#""amount": 2500000.5"#,
        )
        .says(&["floating point", "2500000.5", "decimal number"]);
}

#[test]
fn money_with_too_many_decimals_or_too_large() {
    let doc = with(
        r#""amount": "2500000.50", "currency": "USD""#,
        r#""amount": "2500000.12345", "currency": "USD""#,
    );
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/budget/amount",
            &doc,
            r#""amount": "2500000.12345""#,
        )
        .says(&["amount", "at most 4 decimal places", "2500000.12345"]);

    // An integer amount is accepted in JSON, but not one beyond the range.
    let doc = with(
        r#""amount": "2500000.50", "currency": "USD""#,
        r#""amount": 18446744073709551615, "currency": "USD""#,
    );
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/budget/amount",
            &doc,
            r#""amount": 18446744073709551615"#,
        )
        .says(&["amount", "18446744073709551615"]);
}

// ---- evaluations --------------------------------------------------------

fn evaluation_lines(doc: &str) -> std::ops::RangeInclusive<usize> {
    let (first, _) = locate(doc, r#""evaluator""#);
    let (last, _) = locate(doc, r#""criterion": "impact""#);
    // The check runs once the whole evaluation is read: the position is its
    // closing brace or the token after it.
    first..=last + 3
}

#[test]
fn rating_not_on_the_scale() {
    let doc = with(r#""rating": "satisfactory""#, r#""rating": "excellent""#);
    let err = parse_error(&doc);
    assert_eq!(err.kind, ParseErrorKind::Data);
    assert_eq!(err.path, "/programmes/0/evaluations/0");
    assert!(
        evaluation_lines(&doc).contains(&err.line),
        "{}",
        err.display
    );
    err.says(&["rating", "scale", "\"excellent\""]);
}

#[test]
fn duplicate_rating() {
    let doc = with(r#""criterion": "impact""#, r#""criterion": "relevance""#);
    let err = parse_error(&doc);
    assert_eq!(err.kind, ParseErrorKind::Data);
    assert_eq!(err.path, "/programmes/0/evaluations/0");
    let (first, _) = locate(&doc, r#""evaluator""#);
    assert!((first..=first + 8).contains(&err.line), "{}", err.display);
    err.says(&["at most once", "relevance"]);
}

// ---- structure ------------------------------------------------------------

#[test]
fn missing_required_field() {
    let doc = with(r#""kind": "police","#, "");
    let err = parse_error(&doc);
    assert_eq!(err.kind, ParseErrorKind::Data);
    assert_eq!(err.path, STAKEHOLDER_1);
    err.says(&["missing field `kind`"]);
}

#[test]
fn stakeholder_analysis_attributes_may_be_absent() {
    // Influence, interest and stance are judgements: absent means unknown.
    let doc = with(r#""influence": 5,"#, "");
    let doc = doc.replacen(r#""stance": "resistant","#, "", 1);
    let portfolio = document::from_str(&doc).unwrap();
    let s = &portfolio.programmes[0].stakeholders[1];
    assert_eq!((s.influence, s.stance), (None, None));
    assert_eq!(s.interest.map(Level::get), Some(2));
}

#[test]
fn duplicate_field() {
    // The path is the object's: serde reports duplicates for the object.
    let doc = with(
        r#""name": "Police reform","#,
        r#""name": "Police reform", "name": "Again","#,
    );
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0",
            &doc,
            r#""name": "Again""#,
        )
        .says(&["duplicate field `name`"]);
}

#[test]
fn wrong_shape_of_a_collection() {
    let doc = with(r#""roles": ["funding"]"#, r#""roles": "funding""#);
    parse_error(&doc)
        .assert_at(
            ParseErrorKind::Data,
            "/programmes/0/stakeholders/0/roles",
            &doc,
            r#""roles": "funding""#,
        )
        .says(&["invalid type", "string \"funding\"", "sequence"]);
}

#[test]
fn value_of_the_wrong_shape() {
    let doc = with(r#""target": 45"#, r#""target": {"value": 45}"#);
    let err = parse_error(&doc);
    assert_eq!(err.kind, ParseErrorKind::Data);
    assert_eq!(
        err.path,
        "/programmes/0/components/0/indicators/0/periods/0/target"
    );
    err.says(&["invalid type: map", "a finite number or a label string"]);
}

#[test]
fn a_document_that_is_not_an_object() {
    for doc in ["null", "1", "\"portfolio\"", "true"] {
        let err = parse_error(doc);
        assert_eq!(err.kind, ParseErrorKind::Data, "{doc}");
        assert_eq!(err.path, "", "{doc}");
        assert_eq!(err.line, 1);
        assert!(err.display.contains("the document root"), "{}", err.display);
        err.says(&["invalid type"]);
    }
}

#[test]
fn a_document_that_is_not_an_object_names_no_internal_type() {
    // The message is for the document's author, who never saw our Rust types.
    for doc in ["[]", "null", "1"] {
        let err = parse_error(doc);
        assert!(!err.message.contains("DocumentIn"), "{}", err.message);
        assert!(err.message.contains("JSON object"), "{}", err.message);
    }
}

// ---- schema versions ------------------------------------------------------

#[test]
fn newer_schema_version() {
    let doc = with(r#""schema_version": 1"#, r#""schema_version": 6"#);
    let err = document::from_str(&doc).unwrap_err();
    assert!(
        matches!(err, LoadError::UnsupportedVersion { found: 6, supported, .. } if supported == SCHEMA_VERSION),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("schema_version 6"), "{message}");
    assert!(message.contains("upgrade"), "{message}");
}

#[test]
fn newer_schema_version_with_fields_this_version_does_not_know() {
    // A newer version's new fields must not hide the real reason.
    let doc = with(
        r#""schema_version": 1"#,
        r#""schema_version": 6, "currency_rates": {"EUR": "1.08"}"#,
    );
    let doc = doc.replacen(
        r#""legitimate": true"#,
        r#""legitimate": true, "salience": "high""#,
        1,
    );
    let err = document::from_str(&doc).unwrap_err();
    assert!(
        matches!(err, LoadError::UnsupportedVersion { found: 6, .. }),
        "{err:?}"
    );

    // Also when the version comes last.
    let doc = r#"{"programmes": [], "future": true, "schema_version": 7}"#;
    let err = document::from_str(doc).unwrap_err();
    assert!(
        matches!(err, LoadError::UnsupportedVersion { found: 7, .. }),
        "{err:?}"
    );

    // And for versions beyond u32.
    let doc = r#"{"schema_version": 18446744073709551615}"#;
    let err = document::from_str(doc).unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::UnsupportedVersion {
                found: u64::MAX,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn missing_schema_version() {
    let doc = with("\"schema_version\": 1,\n", "");
    let err = parse_error(&doc);
    assert_eq!(err.kind, ParseErrorKind::Data);
    assert_eq!(err.path, "");
    err.says(&["missing field `schema_version`"]);
    assert!(err.display.contains("the document root"), "{}", err.display);
}

#[test]
fn schema_version_zero() {
    let doc = with(r#""schema_version": 1"#, r#""schema_version": 0"#);
    let err = document::from_str(&doc).unwrap_err();
    assert!(
        matches!(err, LoadError::UnsupportedVersion { found: 0, .. }),
        "{err:?}"
    );
    // Version 0 never existed: upgrading the crate would not help.
    let message = err.to_string();
    assert!(message.contains("schema_version 0"), "{message}");
    assert!(!message.contains("upgrade"), "{message}");
}

#[test]
fn schema_version_of_the_wrong_type() {
    for (bad, found) in [
        ("\"1\"", "string \"1\""),
        ("1.0", "1"),
        ("-1", "-1"),
        ("null", "null"),
    ] {
        let doc = with(
            r#""schema_version": 1"#,
            &format!(r#""schema_version": {bad}"#),
        );
        parse_error(&doc)
            .assert_at(
                ParseErrorKind::Data,
                "/schema_version",
                &doc,
                &format!(r#""schema_version": {bad}"#),
            )
            .says(&["invalid", found]);
    }
}

// ---- not a document at all --------------------------------------------------

#[test]
fn truncated_file() {
    let (line, _) = locate(VALID, r#""interest": 2"#);
    let cut: String = VALID.lines().take(line).collect::<Vec<_>>().join("\n");
    let err = parse_error(&cut);
    assert_eq!(err.kind, ParseErrorKind::Truncated, "{}", err.display);
    assert_eq!(err.line, line, "{}", err.display);
    err.says(&["EOF while parsing"]);

    // Cut in the middle of a string, a keyword and an object. (A cut in the
    // middle of a number leaves a shorter, complete number, whose own check
    // may fail first: that error is just as specific.)
    for cut in [
        &VALID[..VALID.find("Liberia National").unwrap() + 3],
        &VALID[..VALID.find("true").unwrap() + 2],
        &VALID[..VALID.find(r#""budget": {"#).unwrap() + 12],
    ] {
        let err = parse_error(cut);
        assert_eq!(err.kind, ParseErrorKind::Truncated, "{}", err.display);
        assert_eq!(err.line, cut.lines().count(), "{}", err.display);
    }
}

#[test]
fn truncated_before_the_version_is_read() {
    let err = parse_error("{\"schema_ver");
    assert_eq!(err.kind, ParseErrorKind::Truncated);
    assert_eq!((err.line, err.column), (1, 12));
}

#[test]
fn not_json_at_all() {
    for text in [
        "hello world",
        "<?xml version=\"1.0\"?><iati-activities/>",
        "schema_version: 1\n",
    ] {
        let err = parse_error(text);
        assert_eq!(err.kind, ParseErrorKind::Syntax, "{}", err.display);
        assert_eq!((err.line, err.column), (1, 1), "{}", err.display);
        assert_eq!(err.path, "");
        err.says(&["expected value"]);
    }
}

#[test]
fn trailing_garbage() {
    let doc = format!("{VALID}\n{{}}");
    let err = parse_error(&doc);
    assert_eq!(err.kind, ParseErrorKind::Syntax, "{}", err.display);
    assert_eq!(err.path, "");
    assert_eq!(err.line, VALID.lines().count() + 1, "{}", err.display);
    assert_eq!(err.column, 1, "{}", err.display);
    err.says(&["trailing characters"]);

    // Trailing whitespace is fine.
    assert!(document::from_str(&format!("{VALID}\n\n  \t")).is_ok());
}

#[test]
fn empty_input() {
    for text in ["", "   ", "\n\n"] {
        let err = parse_error(text);
        assert_eq!(
            err.kind,
            ParseErrorKind::Truncated,
            "{text:?}: {}",
            err.display
        );
        assert_eq!(err.path, "");
        assert_eq!(err.line, text.matches('\n').count() + 1, "{}", err.display);
        err.says(&["EOF while parsing a value"]);
    }
}

#[test]
fn invalid_utf8() {
    let mut bytes = VALID.as_bytes().to_vec();
    let at = VALID.find("Liberia").unwrap();
    bytes[at] = 0xff;
    match document::from_slice(&bytes).unwrap_err() {
        LoadError::Parse {
            kind,
            path,
            message,
            ..
        } => {
            assert_eq!(kind, ParseErrorKind::Syntax);
            assert_eq!(path.as_str(), format!("{STAKEHOLDER_1}/name"));
            assert!(message.to_lowercase().contains("unicode"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

// ---- reading ------------------------------------------------------------------

struct FailingReader;

impl Read for FailingReader {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "disk on fire",
        ))
    }
}

#[test]
fn reader_io_error() {
    let err = document::from_reader(FailingReader).unwrap_err();
    let LoadError::Io(io) = &err else {
        panic!("expected an I/O error, got {err:?}")
    };
    assert_eq!(io.kind(), io::ErrorKind::PermissionDenied);
    assert_eq!(err.to_string(), "cannot read the document: disk on fire");
    let source = std::error::Error::source(&err).expect("the I/O error is the source");
    assert_eq!(source.to_string(), "disk on fire");
}

#[test]
fn reader_that_fails_midway() {
    // Half a document, then an error: the error wins over the truncation.
    let half = VALID.as_bytes()[..VALID.len() / 2].to_vec();
    let err = document::from_reader(half.as_slice().chain(FailingReader)).unwrap_err();
    assert!(matches!(err, LoadError::Io(_)), "{err:?}");
}

#[test]
fn reader_reports_parse_errors_like_from_str() {
    let doc = with(r#""influence": 5"#, r#""influence": 7"#);
    let from_reader = document::from_reader(doc.as_bytes()).unwrap_err();
    let from_str = document::from_str(&doc).unwrap_err();
    assert_eq!(from_reader.to_string(), from_str.to_string());
}

#[test]
fn load_error_is_a_shareable_error() {
    fn assert_bounds<E: std::error::Error + Send + Sync + 'static>() {}
    assert_bounds::<LoadError>();
    assert_bounds::<document::SaveError>();
    // And converts into the usual boxed error.
    let boxed: Box<dyn std::error::Error + Send + Sync> =
        document::from_str("").unwrap_err().into();
    assert!(boxed.to_string().contains("EOF"));
}

#[test]
fn wrong_type_for_a_level_says_what_a_level_is() {
    let doc = with(r#""influence": 5"#, r#""influence": "high""#);
    parse_error(&doc).says(&["an integer from 1 to 5"]);
}

#[test]
fn a_document_is_an_object_not_an_array() {
    // serde's derived structs accept arrays of fields; documents must not.
    for text in ["[1]", "\n  [1, null, []]", "\"text\"", "42", "null"] {
        match ssr_model::document::from_str(text) {
            Err(LoadError::Parse {
                kind,
                path,
                message,
                ..
            }) => {
                assert_eq!(kind, ParseErrorKind::Data, "{text}");
                assert_eq!(path, "", "{text}");
                assert!(
                    message.contains("expected a portfolio document"),
                    "{message}"
                );
            }
            other => panic!("{text}: expected a parse error, got {other:?}"),
        }
    }
    match ssr_model::document::from_str("\n  [1]") {
        Err(LoadError::Parse { line, column, .. }) => assert_eq!((line, column), (2, 3)),
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn text_that_is_not_json_is_a_syntax_error() {
    // Words starting like the literal null are not it.
    for doc in ["not json", "nothing", "nil"] {
        let err = parse_error(doc);
        assert_eq!(err.kind, ParseErrorKind::Syntax, "{doc}: {}", err.display);
        assert!(
            !err.message.contains("invalid type"),
            "{doc}: {}",
            err.message
        );
        assert_eq!((err.line, err.column.min(1)), (1, 1), "{doc}");
    }
    // The literals themselves are well-formed JSON of the wrong type.
    for doc in ["null", "true", "false"] {
        let err = parse_error(doc);
        assert_eq!(err.kind, ParseErrorKind::Data, "{doc}");
        assert!(
            err.message.contains("invalid type"),
            "{doc}: {}",
            err.message
        );
    }
}
