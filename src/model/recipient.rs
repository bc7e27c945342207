//! Recipients: the countries and regions a programme works in, each with an
//! optional share, as IATI's `recipient-country` and `recipient-region`
//! have them.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Country, Percentage, Region, UnlistedCode};

/// Where money or work goes: a country or a region, or a code on neither
/// codelist kept as its source wrote it.
///
/// In JSON, `{"country": "LBR"}`, `{"region": 298}` or `{"unlisted": "QZ"}`.
///
/// ```
/// use ssr_model::{Country, Region};
/// use ssr_model::model::Place;
///
/// let place = Place::from(Region::new(298)?);
/// assert_eq!(place.name(), "Africa, regional");
/// assert_eq!(place.country(), None);
/// assert_eq!(Place::from(Country::new("XKX")?).to_string(), "XKX");
/// // FromStr reads what Display writes.
/// assert_eq!("298".parse::<Place>()?, place);
/// assert_eq!("XKX".parse::<Place>()?, Place::from(Country::new("XKX")?));
/// assert!("Africa".parse::<Place>().is_err());
/// // A code on no codelist is kept as written; it has no name.
/// let kept = Place::from(ssr_model::model::UnlistedCode::new("QZ")?);
/// assert_eq!((kept.to_string().as_str(), kept.name()), ("QZ", "not on a codelist"));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Place {
    /// A country (IATI `recipient-country`).
    Country(Country),
    /// A region (IATI `recipient-region`, vocabulary 1).
    Region(Region),
    /// A code on neither the Country nor the Region codelist (IATI
    /// `recipient-country code="QZ"`), kept as written so that the money
    /// it names is not lost; the importer reports it (`iati_unknown_code`).
    Unlisted(UnlistedCode),
}

impl Place {
    /// The country, when the place is one.
    pub fn country(self) -> Option<Country> {
        match self {
            Place::Country(c) => Some(c),
            _ => None,
        }
    }

    /// The region, when the place is one.
    pub fn region(self) -> Option<Region> {
        match self {
            Place::Region(r) => Some(r),
            _ => None,
        }
    }

    /// The code as written, when the place is on no codelist.
    pub fn unlisted(self) -> Option<UnlistedCode> {
        match self {
            Place::Unlisted(code) => Some(code),
            _ => None,
        }
    }

    /// What kind of place: `country`, `region` or `unlisted`.
    pub fn kind(self) -> &'static str {
        match self {
            Place::Country(_) => "country",
            Place::Region(_) => "region",
            Place::Unlisted(_) => "unlisted",
        }
    }

    /// The English name of the country or region; `not on a codelist` for
    /// an unlisted code.
    pub fn name(self) -> &'static str {
        match self {
            Place::Country(c) => c.name(),
            Place::Region(r) => r.name(),
            Place::Unlisted(_) => "not on a codelist",
        }
    }
}

impl From<Country> for Place {
    fn from(country: Country) -> Self {
        Place::Country(country)
    }
}

impl From<Region> for Place {
    fn from(region: Region) -> Self {
        Place::Region(region)
    }
}

impl From<UnlistedCode> for Place {
    fn from(code: UnlistedCode) -> Self {
        Place::Unlisted(code)
    }
}

impl fmt::Display for Place {
    /// The code: alpha-3 for a country, the number for a region, an
    /// unlisted code as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Country(c) => c.fmt(f),
            Place::Region(r) => r.fmt(f),
            Place::Unlisted(code) => code.fmt(f),
        }
    }
}

impl std::str::FromStr for Place {
    type Err = super::ValueError;

    /// Reads what `Display` writes for a country (its alpha-3 code) or a
    /// region (its number). An unlisted code is not read back: as text it
    /// cannot be told from a mistyped one.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Country::new(s)
            .map(Place::Country)
            .or_else(|_| s.parse::<Region>().map(Place::Region))
            .map_err(|_| {
                super::ValueError::new(
                    "place",
                    "a country's ISO 3166-1 alpha-3 code or an IATI region code",
                    format!("{s:?}"),
                )
            })
    }
}

/// A country or region a programme works in, with its share of the
/// programme when stated.
///
/// IATI: when there is more than one recipient, each has a percentage and
/// the percentages of all recipient countries and regions together add up
/// to 100. A single recipient may leave it out (it then has the whole).
///
/// In JSON, `{"country": "MLI", "percentage": 60}`, `{"region": 298}` or
/// `{"unlisted": "QZ", "percentage": 40}`.
///
/// ```
/// use ssr_model::{Country, Region};
/// use ssr_model::model::{Percentage, Recipient};
///
/// let mali = Recipient::country(Country::new("MLI")?).with_percentage(Percentage::new(60.0)?);
/// let africa = Recipient::region(Region::new(298)?).with_percentage(Percentage::new(40.0)?);
/// assert_eq!(mali.place.country().map(|c| c.name()), Some("Mali"));
/// assert_eq!(africa.percentage.map(|p| p.get()), Some(40.0));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RecipientRepr", into = "RecipientRepr")]
#[non_exhaustive]
pub struct Recipient {
    /// The country or region.
    pub place: Place,
    /// Its share of the programme, when stated.
    pub percentage: Option<Percentage>,
}

impl Recipient {
    /// A recipient with no stated share.
    pub fn new(place: impl Into<Place>) -> Self {
        Recipient {
            place: place.into(),
            percentage: None,
        }
    }

    /// A recipient country with no stated share.
    pub fn country(country: Country) -> Self {
        Recipient::new(country)
    }

    /// A recipient region with no stated share.
    pub fn region(region: Region) -> Self {
        Recipient::new(region)
    }
}

super::macros::opt_setters!(Recipient {
    with_percentage => percentage: Percentage,
});

/// The JSON form: one object with either member, so that a share sits beside
/// the code (`{"country": "MLI", "percentage": 60}`).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecipientRepr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<Country>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unlisted: Option<UnlistedCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    percentage: Option<Percentage>,
}

impl TryFrom<RecipientRepr> for Recipient {
    type Error = super::ValueError;
    fn try_from(repr: RecipientRepr) -> Result<Self, Self::Error> {
        let place = match (repr.country, repr.region, repr.unlisted) {
            (Some(c), None, None) => Place::Country(c),
            (None, Some(r), None) => Place::Region(r),
            (None, None, Some(u)) => Place::Unlisted(u),
            (c, r, u) => {
                return Err(super::ValueError::new(
                    "recipient",
                    "exactly one of `country`, `region` or `unlisted`",
                    match (c, r, u) {
                        (None, None, None) => "none",
                        _ => "several",
                    },
                ));
            }
        };
        Ok(Recipient {
            place,
            percentage: repr.percentage,
        })
    }
}

impl From<Recipient> for RecipientRepr {
    fn from(r: Recipient) -> Self {
        RecipientRepr {
            country: r.place.country(),
            region: r.place.region(),
            unlisted: r.place.unlisted(),
            percentage: r.percentage,
        }
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Recipient {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Recipient".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "ssr_model::Recipient".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let country = generator.subschema_for::<Country>();
        let region = generator.subschema_for::<Region>();
        let unlisted = generator.subschema_for::<UnlistedCode>();
        let percentage = generator.subschema_for::<Percentage>();
        schemars::json_schema!({
            "description": "A country or region a programme works in (or a code on neither codelist, kept as written), with its share when stated.",
            "type": "object",
            "properties": {
                "country": country,
                "region": region,
                "unlisted": unlisted,
                "percentage": percentage
            },
            "additionalProperties": false,
            "oneOf": [
                { "required": ["country"] },
                { "required": ["region"] },
                { "required": ["unlisted"] }
            ]
        })
    }
}

/// Reads a programme's `recipients`: a list of recipients or, as version-1
/// documents wrote it under the name `country`, one country code, which
/// becomes the single recipient with no stated share (the upgrade from
/// version 1, losslessly: version 1 had no shares).
pub(crate) fn deserialize_recipients<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<Recipient>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Vec<Recipient>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of recipients (or, in version 1, a country code)")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Country::new(v)
                .map(|c| vec![Recipient::country(c)])
                .map_err(E::custom)
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            Vec::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
        }
    }
    deserializer.deserialize_any(Visitor)
}
