//! Dates in documents: chrono's own text form (`YYYY-MM-DD`, with a sign
//! for years beyond 0–9999), but with an error that says what was found and
//! what a date looks like; chrono's says only "input is out of range".

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueError;

fn parse(text: &str) -> Result<NaiveDate, ValueError> {
    text.parse()
        .map_err(|_| ValueError::new("date", "a calendar date as YYYY-MM-DD", format!("{text:?}")))
}

pub(crate) fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    date.serialize(serializer)
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(serde::de::Error::custom)
}

/// The same for optional dates.
pub(crate) mod option {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        date.serialize(serializer)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| parse(&text).map_err(serde::de::Error::custom))
            .transpose()
    }
}
