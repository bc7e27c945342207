//! JSON Schemas of the types whose serde form is written by hand (feature
//! `schemars`), so the schema states the same ranges, patterns and code
//! lists the constructors enforce.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::iso_tables::{COUNTRIES, CURRENCIES};
use super::region::REGIONS;
use super::{
    Amount, Country, Currency, Finite, Fraction, Level, OrdinalScale, Percentage, Region,
    SectorCode, Weight,
};
use crate::Value;

/// Implements `JsonSchema` for `$ty` with a fixed schema.
macro_rules! schema {
    ($ty:ty, $name:literal, $schema:expr) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }

            fn schema_id() -> Cow<'static, str> {
                concat!("ssr_model::", $name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    };
}

schema!(
    Level,
    "Level",
    json_schema!({
        "description": "A position on a 1–5 scale.",
        "type": "integer",
        "minimum": 1,
        "maximum": 5
    })
);

schema!(
    Weight,
    "Weight",
    json_schema!({
        "description": "A relative weight: a number from 0 to 1e6.",
        "type": "number",
        "minimum": 0,
        "maximum": 1e6
    })
);

schema!(
    Percentage,
    "Percentage",
    json_schema!({
        "description": "A percentage from 0 to 100.",
        "type": "number",
        "minimum": 0,
        "maximum": 100
    })
);

schema!(
    Fraction,
    "Fraction",
    json_schema!({
        "description": "A share from 0 to 1.",
        "type": "number",
        "minimum": 0,
        "maximum": 1
    })
);

schema!(
    Finite,
    "Finite",
    json_schema!({
        "description": "A number from -1e15 to 1e15.",
        "type": "number",
        "minimum": -1e15,
        "maximum": 1e15
    })
);

schema!(
    SectorCode,
    "SectorCode",
    json_schema!({
        "description": "An OECD DAC 5-digit purpose code (IATI sector vocabulary 1), e.g. 15210.",
        "type": "integer",
        "minimum": 10000,
        "maximum": 99999
    })
);

schema!(
    OrdinalScale,
    "OrdinalScale",
    json_schema!({
        "description": "Labels ordered from worst to best: at least two, distinct, not blank.",
        "type": "array",
        "items": { "type": "string", "pattern": "\\S" },
        "minItems": 2,
        "uniqueItems": true
    })
);

schema!(
    Value,
    "Value",
    json_schema!({
        "description": "An indicator value: a finite number, or a label for qualitative, ordinal and nominal measures.",
        "type": ["number", "string"]
    })
);

/// Whole currency units an [`Amount`] can hold: `i64::MAX / 10⁴`.
const MAX_UNITS: i64 = i64::MAX / 10_000;

schema!(
    Amount,
    "Amount",
    json_schema!({
        "description": "An exact decimal amount of money with at most 4 decimal places, written as a string (\"1250000.50\"), from -922337203685477.5807 to 922337203685477.5807; whole numbers are also read as JSON integers.",
        "anyOf": [
            {
                "type": "string",
                // At most 15 whole digits (after leading zeros): the range
                // is a bound on the value, which a pattern states only
                // approximately; the loader checks it exactly.
                "pattern": "^\\s*[+-]?(?:0*[0-9]{1,15}(?:\\.[0-9]{0,4})?|\\.[0-9]{1,4})\\s*$"
            },
            { "type": "integer", "minimum": -MAX_UNITS, "maximum": MAX_UNITS }
        ]
    })
);

schema!(
    Country,
    "Country",
    json_schema!({
        "description": "A country on IATI's Country codelist, as its ISO 3166-1 alpha-3 code (XKX for Kosovo).",
        "type": "string",
        "enum": COUNTRIES.iter().map(|(code, ..)| *code).collect::<Vec<_>>()
    })
);

schema!(
    Currency,
    "Currency",
    json_schema!({
        "description": "A currency, as its ISO 4217 alphabetic code.",
        "type": "string",
        "enum": CURRENCIES.iter().map(|(code, ..)| *code).collect::<Vec<_>>()
    })
);

schema!(
    Region,
    "Region",
    json_schema!({
        "description": "A region, as its code on IATI's Region codelist (vocabulary 1, OECD DAC), e.g. 298 \"Africa, regional\".",
        "type": "integer",
        "enum": REGIONS.iter().map(|(code, _, _)| *code).collect::<Vec<_>>()
    })
);
