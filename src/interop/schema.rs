//! JSON Schemas (feature `schemars`) of the document format, the scorecard
//! and the two policies, generated from the types, so that tools in other
//! languages can validate documents before handing them over and read
//! results with a contract.
//!
//! The schema follows JSON Schema draft 2020-12 and states what loading
//! checks: required and unknown members (`additionalProperties: false`),
//! enums as their snake_case names, ids as UUIDs, dates as `YYYY-MM-DD`
//! (`format: date`), countries and currencies as enums of their ISO codes,
//! 1–5 levels, weights, percentages and fractions with their ranges,
//! amounts as decimal strings with at most four decimals, and ordinal scales
//! of at least two distinct labels. Rules that span several values (an
//! evaluation's ratings must be labels of its scale, each criterion rated
//! once) are beyond a schema: [`document::from_str`](crate::document::from_str)
//! still checks them.
//!
//! ```
//! let schema = ssr_model::interop::schema::document_schema();
//! let json = serde_json::to_value(&schema)?;
//! assert_eq!(json["required"], serde_json::json!(["schema_version"]));
//! assert_eq!(json["properties"]["schema_version"]["maximum"], ssr_model::document::SCHEMA_VERSION);
//! # Ok::<(), serde_json::Error>(())
//! ```

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::Programme;
use crate::document::SCHEMA_VERSION;

/// The `schema_version` member: 1 up to the version this crate writes.
struct SchemaVersion;

impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The version of the document format; this crate writes and reads up to the maximum.",
            "type": "integer",
            "minimum": 1,
            "maximum": SCHEMA_VERSION
        })
    }

    fn inline_schema() -> bool {
        true
    }
}

/// A portfolio document, as `ssr_model::document` reads and writes it.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "ssr-model portfolio document")]
#[allow(dead_code)] // only its schema is used
struct Document {
    /// The version of the document format.
    schema_version: SchemaVersion,
    /// A name for the portfolio.
    #[serde(default)]
    name: Option<String>,
    /// The programmes.
    #[serde(default)]
    programmes: Vec<Programme>,
}

/// The JSON Schema (draft 2020-12) of a portfolio document, for reading
/// (the form [`document::from_str`](crate::document::from_str) accepts).
///
/// Any JSON Schema validator can then check documents, e.g. the
/// `jsonschema` crate:
///
/// ```
/// use ssr_model::interop::schema::document_schema;
///
/// let schema = serde_json::to_value(document_schema())?;
/// assert_eq!(schema["title"], "ssr-model portfolio document");
/// let validator = jsonschema::options().build(&schema)?;
///
/// let sample = ssr_model::document::to_string(&ssr_model::samples::portfolio())?;
/// assert!(validator.is_valid(&serde_json::from_str(&sample)?));
/// let misspelt = serde_json::json!({"schema_version": 2, "programmes": [{"nmae": "x"}]});
/// assert!(!validator.is_valid(&misspelt));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn document_schema() -> Schema {
    SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<Document>()
}

/// The JSON Schema (draft 2020-12) of a [`Scorecard`](crate::score::Scorecard)
/// as the crate writes it (`ssr score --format json`).
///
/// ```
/// let schema = serde_json::to_value(ssr_model::interop::schema::scorecard_schema())?;
/// assert_eq!(schema["title"], "Scorecard");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn scorecard_schema() -> Schema {
    SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<crate::score::Scorecard>()
}

/// The JSON Schema (draft 2020-12) of a [`ScoringPolicy`](crate::score::ScoringPolicy)
/// file, as `ssr score --policy` reads it.
///
/// ```
/// use ssr_model::interop::schema::scoring_policy_schema;
/// use ssr_model::score::policy::ScoringPolicy;
///
/// let schema = serde_json::to_value(scoring_policy_schema())?;
/// let validator = jsonschema::options().build(&schema)?;
/// assert!(validator.is_valid(&serde_json::to_value(ScoringPolicy::default())?));
/// assert!(!validator.is_valid(&serde_json::json!({"progress": "capped"})));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn scoring_policy_schema() -> Schema {
    SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<crate::score::ScoringPolicy>()
}

/// The JSON Schema (draft 2020-12) of a
/// [`ValidationPolicy`](crate::validate::ValidationPolicy) file, as
/// `ssr validate --policy` reads it.
///
/// ```
/// use ssr_model::interop::schema::validation_policy_schema;
/// use ssr_model::diagnostics::ValidationPolicy;
///
/// let schema = serde_json::to_value(validation_policy_schema())?;
/// let validator = jsonschema::options().build(&schema)?;
/// assert!(validator.is_valid(&serde_json::to_value(ValidationPolicy::default())?));
/// assert!(!validator.is_valid(&serde_json::json!({"as_of": 2026})));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validation_policy_schema() -> Schema {
    SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<crate::validate::ValidationPolicy>()
}

/// [`document_schema`] as indented JSON text, as `ssr schema` prints it.
///
/// # Errors
///
/// Only if serialisation fails, which a schema does not cause.
///
/// # Examples
///
/// ```
/// let text = ssr_model::interop::schema::document_schema_string()?;
/// assert!(text.contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
/// let parsed: serde_json::Value = serde_json::from_str(&text)?;
/// assert_eq!(parsed, serde_json::to_value(ssr_model::interop::schema::document_schema())?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn document_schema_string() -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&document_schema())
}
