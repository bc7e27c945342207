//! Sectors: what a programme's (or a transaction's) money is for, as a code
//! of a sector vocabulary with an optional share, as IATI's `sector` has
//! them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::macros::opt_setters;
use super::{Percentage, SectorCode, ValueError};

/// The classification a sector code belongs to (IATI SectorVocabulary).
///
/// Written as the IATI code: `1` and `2` are the OECD DAC lists; any other
/// vocabulary is kept verbatim, so nothing a publisher wrote is lost.
///
/// ```
/// use ssr_model::model::SectorVocabulary;
///
/// let dac: SectorVocabulary = "1".parse()?;
/// assert_eq!(dac, SectorVocabulary::Dac);
/// assert_eq!("2".parse::<SectorVocabulary>()?, SectorVocabulary::DacCategory);
/// assert_eq!("99".parse::<SectorVocabulary>()?.to_string(), "99");
/// assert!("".parse::<SectorVocabulary>().is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[non_exhaustive]
pub enum SectorVocabulary {
    /// Vocabulary 1: OECD DAC 5-digit purpose codes (IATI 1.x `DAC`), the
    /// default when a sector names no vocabulary.
    #[default]
    Dac,
    /// Vocabulary 2: OECD DAC 3-digit sector categories (IATI 1.x `DAC-3`).
    DacCategory,
    /// Any other vocabulary, by its code as written (e.g. `99`, `COFOG`).
    Other(String),
}

impl SectorVocabulary {
    /// Whether this is vocabulary 1, the DAC purpose codes.
    pub fn is_dac(&self) -> bool {
        *self == SectorVocabulary::Dac
    }
}

impl FromStr for SectorVocabulary {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "" => Err(ValueError::new(
                "sector vocabulary",
                "an IATI SectorVocabulary code",
                "an empty text",
            )),
            "1" => Ok(SectorVocabulary::Dac),
            "2" => Ok(SectorVocabulary::DacCategory),
            other => Ok(SectorVocabulary::Other(other.to_owned())),
        }
    }
}

impl TryFrom<String> for SectorVocabulary {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<SectorVocabulary> for String {
    fn from(v: SectorVocabulary) -> String {
        v.to_string()
    }
}

impl fmt::Display for SectorVocabulary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SectorVocabulary::Dac => f.write_str("1"),
            SectorVocabulary::DacCategory => f.write_str("2"),
            SectorVocabulary::Other(code) => f.write_str(code),
        }
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for SectorVocabulary {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SectorVocabulary".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An IATI SectorVocabulary code: 1 DAC 5-digit purpose codes, 2 DAC 3-digit categories, others verbatim.",
            "type": "string",
            "minLength": 1
        })
    }
}

/// A sector a programme or transaction reports against, with its share.
///
/// The code is kept as written in its vocabulary, so that codes on no
/// codelist are kept and reported rather than dropped;
/// [`Sector::dac_code`] reads a vocabulary-1 code as a DAC purpose code.
///
/// ```
/// use ssr_model::{Country, Programme};
/// use ssr_model::model::{Percentage, Sector, SectorCode, SectorVocabulary};
///
/// let p = Programme::new("Justice and security", Country::new("SLE")?)
///     .with_sector(Sector::new(SectorCode::new(15210)?).with_percentage(Percentage::new(60.0)?))
///     .with_sector(Sector::new(SectorCode::new(15130)?).with_percentage(Percentage::new(40.0)?))
///     .with_sector(Sector::of(SectorVocabulary::DacCategory, "152"));
/// let dac: f64 = p.sectors.iter().filter(|s| s.vocabulary.is_dac())
///     .filter_map(|s| s.percentage).map(|s| s.get()).sum();
/// assert_eq!(dac, 100.0); // IATI requires the shares of a vocabulary to sum to 100
/// assert_eq!(p.sectors[2].dac_code(), None);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Sector {
    /// The vocabulary of `code`; vocabulary 1 (DAC purpose codes) when
    /// left out.
    #[serde(default, skip_serializing_if = "SectorVocabulary::is_dac")]
    pub vocabulary: SectorVocabulary,
    /// The code as written. Version-2 documents wrote a DAC purpose code as
    /// a number; it is read as its text.
    #[serde(deserialize_with = "code_text")]
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub code: String,
    /// Its share of the money; IATI requires the shares of one vocabulary
    /// to sum to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentage: Option<Percentage>,
}

impl Sector {
    /// A DAC purpose code (vocabulary 1) with no stated share.
    pub fn new(code: SectorCode) -> Self {
        Sector::of(SectorVocabulary::Dac, code.to_string())
    }

    /// A code of any vocabulary, as written, with no stated share.
    pub fn of(vocabulary: SectorVocabulary, code: impl Into<String>) -> Self {
        Sector {
            vocabulary,
            code: code.into(),
            percentage: None,
        }
    }

    /// The DAC purpose code, when the sector is of vocabulary 1 and its
    /// code has five digits.
    ///
    /// ```
    /// use ssr_model::model::{Sector, SectorVocabulary};
    ///
    /// assert_eq!(Sector::of(SectorVocabulary::Dac, "15210").dac_code().map(|c| c.get()), Some(15210));
    /// assert_eq!(Sector::of(SectorVocabulary::Dac, "1521X").dac_code(), None);
    /// ```
    pub fn dac_code(&self) -> Option<SectorCode> {
        if self.vocabulary.is_dac() {
            self.code.parse().ok()
        } else {
            None
        }
    }
}

impl From<SectorCode> for Sector {
    fn from(code: SectorCode) -> Self {
        Sector::new(code)
    }
}

opt_setters!(Sector {
    with_percentage => percentage: Percentage,
});

/// A sector code as text, read from text or (as version 2 wrote DAC
/// purpose codes) from a number.
fn code_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a sector code (text, or in version 2 a number)")
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            if v.trim().is_empty() {
                Err(E::custom("a sector code is empty"))
            } else {
                Ok(v.to_owned())
            }
        }
    }
    deserializer.deserialize_any(Visitor)
}

/// A transaction's sectors: a list, or (as version 2 wrote it, under the
/// name `sector`) one DAC purpose code.
pub(crate) fn deserialize_sectors<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Sector>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Vec<Sector>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of sectors (or, in version 2, one DAC purpose code)")
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            let code = u32::try_from(v).map_err(E::custom)?;
            SectorCode::new(code)
                .map(|c| vec![Sector::new(c)])
                .map_err(E::custom)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            Vec::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
        }
    }
    deserializer.deserialize_any(Visitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_2_sectors_read_as_text() {
        let s: Sector = serde_json::from_str(r#"{"code": 15210, "percentage": 40}"#).unwrap();
        assert_eq!(s.vocabulary, SectorVocabulary::Dac);
        assert_eq!(s.code, "15210");
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"code":"15210","percentage":40.0}"#);
        let other: Sector = serde_json::from_str(r#"{"vocabulary": "99", "code": "A.1"}"#).unwrap();
        assert_eq!(other.vocabulary, SectorVocabulary::Other("99".into()));
        assert!(serde_json::from_str::<Sector>(r#"{"code": ""}"#).is_err());
    }
}
