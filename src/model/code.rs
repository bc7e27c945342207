//! Reference codes: ISO 3166-1 countries, ISO 4217 currencies and OECD DAC
//! purpose (sector) codes, each behind a newtype of our own so no other
//! crate's type appears in the public API.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueError;
use super::country_alpha2::ALPHA2_TO_ALPHA3;
use super::iso_tables::{COUNTRIES, CURRENCIES};

/// Three upper-case ASCII letters, or `None`.
fn alpha3(s: &str) -> Option<[u8; 3]> {
    let bytes: [u8; 3] = s.as_bytes().try_into().ok()?;
    bytes.iter().all(u8::is_ascii_uppercase).then_some(bytes)
}

fn lookup(table: &'static [(&'static str, &'static str)], code: &[u8; 3]) -> Option<&'static str> {
    table
        .binary_search_by(|(c, _)| c.as_bytes().cmp(code.as_slice()))
        .ok()
        .and_then(|i| table.get(i))
        .map(|(_, name)| *name)
}

macro_rules! iso_code {
    (
        $(#[$meta:meta])*
        $name:ident, $table:ident, $what:literal, $expected:literal
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name([u8; 3]);

        impl $name {
            /// Builds the code from its three upper-case letters.
            ///
            /// # Errors
            ///
            #[doc = concat!("When `code` is not ", $expected, ".")]
            pub fn new(code: &str) -> Result<Self, ValueError> {
                alpha3(code)
                    .filter(|c| lookup($table, c).is_some())
                    .map($name)
                    .ok_or_else(|| ValueError::new($what, $expected, format!("{code:?}")))
            }

            /// The three-letter code.
            pub fn as_str(&self) -> &str {
                // new (and deserialising, through it) accepts only codes of
                // ASCII upper-case letters listed in the table.
                std::str::from_utf8(&self.0).expect("a checked code is ASCII")
            }

            /// The English name the standard gives.
            pub fn name(&self) -> &'static str {
                // new (and deserialising, through it) accepts only codes
                // listed in the table.
                lookup($table, &self.0).expect("a checked code is in its table")
            }
        }

        impl FromStr for $name {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::new(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = String::deserialize(deserializer)?;
                $name::new(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

iso_code!(
    /// A country, as its ISO 3166-1 alpha-3 code: every country on IATI's
    /// Country codelist.
    ///
    /// IATI's list is ISO 3166-1 plus two codes: Kosovo, IATI "XK", is
    /// written "XKX" here (the user-assigned alpha-3 code the EU and others
    /// use), and the withdrawn Netherlands Antilles, IATI "AN", is "ANT"
    /// (ISO 3166-3). [`Country::from_alpha2`] reads IATI's two-letter codes.
    ///
    /// ```
    /// use ssr_model::Country;
    ///
    /// let liberia: Country = "LBR".parse()?;
    /// assert_eq!(liberia.name(), "Liberia");
    /// assert_eq!(Country::new("XKX")?.name(), "Kosovo");
    /// assert!(Country::new("XXX").is_err());
    /// assert!(Country::new("lbr").is_err());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    Country, COUNTRIES, "country code", "an ISO 3166-1 alpha-3 code such as \"LBR\" (or \"XKX\" for Kosovo)"
);

iso_code!(
    /// A currency, as its ISO 4217 alphabetic code.
    ///
    /// ```
    /// use ssr_model::Currency;
    ///
    /// let usd: Currency = "USD".parse()?;
    /// assert_eq!(usd.name(), "US Dollar");
    /// assert!(Currency::new("US$").is_err());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    Currency, CURRENCIES, "currency code", "an ISO 4217 code such as \"USD\""
);

impl Country {
    /// Every country on IATI's Country codelist (ISO 3166-1 plus Kosovo and
    /// the Netherlands Antilles), in alpha-3 code order.
    pub fn all() -> impl Iterator<Item = Country> {
        COUNTRIES.iter().filter_map(|(c, _)| alpha3(c).map(Country))
    }

    /// The country for a two-letter code of IATI's Country codelist (ISO
    /// 3166-1 alpha-2, plus "XK" Kosovo and "AN" Netherlands Antilles).
    ///
    /// ```
    /// use ssr_model::Country;
    ///
    /// assert_eq!(Country::from_alpha2("LR").map(|c| c.to_string()), Some("LBR".to_string()));
    /// assert_eq!(Country::from_alpha2("XK").map(|c| c.name()), Some("Kosovo"));
    /// assert_eq!(Country::from_alpha2("lr"), None);
    /// ```
    pub fn from_alpha2(code: &str) -> Option<Country> {
        ALPHA2_TO_ALPHA3
            .binary_search_by(|(a2, _)| a2.cmp(&code))
            .ok()
            .and_then(|i| ALPHA2_TO_ALPHA3.get(i))
            .and_then(|(_, a3)| Country::new(a3).ok())
    }

    /// The two-letter code IATI uses for the country.
    ///
    /// ```
    /// use ssr_model::Country;
    ///
    /// assert_eq!(Country::new("XKX")?.alpha2(), "XK");
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    #[allow(
        clippy::expect_used,
        reason = "the tables are the crate's own data; a unit test checks every entry"
    )]
    pub fn alpha2(&self) -> &'static str {
        ALPHA2_TO_ALPHA3
            .iter()
            .find(|(_, a3)| a3.as_bytes() == self.0.as_slice())
            .map(|(a2, _)| *a2)
            .expect("every alpha-3 code has an alpha-2 code: checked by the test every_country_has_an_alpha2_code")
    }
}

/// An OECD DAC 5-digit purpose code (IATI sector vocabulary 1), e.g. 15210
/// "Security system management and reform".
///
/// Any 5-digit code is accepted, including codes the DAC has withdrawn, so
/// that old records load and validation can flag them.
///
/// ```
/// use ssr_model::model::SectorCode;
///
/// let ssr: SectorCode = "15210".parse()?;
/// assert_eq!(ssr.get(), 15210);
/// assert!(ssr.is_security());
/// assert!(SectorCode::new(999).is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct SectorCode(u32);

impl SectorCode {
    /// Builds a sector code.
    ///
    /// # Errors
    ///
    /// When `code` does not have exactly five digits.
    pub fn new(code: u32) -> Result<Self, ValueError> {
        if (10_000..=99_999).contains(&code) {
            Ok(SectorCode(code))
        } else {
            Err(ValueError::new(
                "sector code",
                "a 5-digit DAC purpose code",
                code,
            ))
        }
    }

    /// The code as a number.
    pub fn get(self) -> u32 {
        self.0
    }

    /// Whether the code is in DAC group 152, conflict, peace and security.
    pub fn is_security(self) -> bool {
        self.0 / 100 == 152
    }

    /// Whether the code starts with the decimal digits of `prefix`, e.g. `"152"`.
    pub fn has_prefix(self, prefix: &str) -> bool {
        self.0.to_string().starts_with(prefix)
    }
}

impl TryFrom<u32> for SectorCode {
    type Error = ValueError;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        SectorCode::new(value)
    }
}

impl From<SectorCode> for u32 {
    fn from(code: SectorCode) -> u32 {
        code.0
    }
}

impl FromStr for SectorCode {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<u32>()
            .map_err(|_| {
                ValueError::new(
                    "sector code",
                    "a 5-digit DAC purpose code",
                    format!("{s:?}"),
                )
            })
            .and_then(SectorCode::new)
    }
}

impl fmt::Display for SectorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(CURRENCIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ALPHA2_TO_ALPHA3.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn every_country_has_an_alpha2_code() {
        for (a3, _) in COUNTRIES {
            assert!(ALPHA2_TO_ALPHA3.iter().any(|(_, b)| b == a3), "{a3}");
        }
    }

    #[test]
    fn every_listed_code_round_trips() {
        for (code, name) in COUNTRIES {
            let c = Country::new(code).unwrap();
            assert_eq!(c.as_str(), *code);
            assert_eq!(c.name(), *name);
        }
        assert_eq!(Country::all().count(), COUNTRIES.len());
        for country in Country::all() {
            assert_eq!(Country::from_alpha2(country.alpha2()), Some(country));
        }
        assert_eq!(ALPHA2_TO_ALPHA3.len(), COUNTRIES.len());
        for (code, _) in CURRENCIES {
            assert_eq!(Currency::new(code).unwrap().to_string(), *code);
        }
    }
}
