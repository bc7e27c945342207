//! Reference codes: ISO 3166-1 countries, ISO 4217 currencies and OECD DAC
//! purpose (sector) codes, each behind a newtype of our own so no other
//! crate's type appears in the public API.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueError;
use super::iso_tables::{COUNTRIES, CURRENCIES};

/// Three upper-case ASCII letters, or `None`.
fn alpha3(s: &str) -> Option<[u8; 3]> {
    let bytes: [u8; 3] = s.as_bytes().try_into().ok()?;
    bytes.iter().all(u8::is_ascii_uppercase).then_some(bytes)
}

/// An entry of a reference table: its code first, its name second.
trait Entry {
    fn code(&self) -> &'static str;
    fn name(&self) -> &'static str;
}

impl Entry for (&'static str, &'static str) {
    fn code(&self) -> &'static str {
        self.0
    }
    fn name(&self) -> &'static str {
        self.1
    }
}

impl Entry for (&'static str, &'static str, &'static str) {
    fn code(&self) -> &'static str {
        self.0
    }
    fn name(&self) -> &'static str {
        self.1
    }
}

fn lookup<T: Entry>(table: &'static [T], code: &[u8; 3]) -> Option<&'static T> {
    table
        .binary_search_by(|e| e.code().as_bytes().cmp(code.as_slice()))
        .ok()
        .and_then(|i| table.get(i))
}

/// For each two-letter code `XY`, at `26·(X − A) + (Y − A)`, the position of
/// its country in [`COUNTRIES`] plus one (0: no country), derived from the
/// table when the crate compiles.
#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an alpha-2 code of the crate's own table \
              that is not two upper-case letters stops the build"
)]
const ALPHA2_INDEX: [u16; 26 * 26] = {
    let mut index = [0u16; 26 * 26];
    let mut i = 0;
    while i < COUNTRIES.len() {
        let a2 = COUNTRIES[i].2.as_bytes();
        assert!(a2.len() == 2 && a2[0].is_ascii_uppercase() && a2[1].is_ascii_uppercase());
        let slot = (a2[0] - b'A') as usize * 26 + (a2[1] - b'A') as usize;
        assert!(index[slot] == 0, "two countries share an alpha-2 code");
        index[slot] = i as u16 + 1;
        i += 1;
    }
    index
};

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
                lookup($table, &self.0)
                    .map(Entry::name)
                    .expect("a checked code is in its table")
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
        COUNTRIES
            .iter()
            .filter_map(|(c, ..)| alpha3(c).map(Country))
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
        let &[x, y] = code.as_bytes() else {
            return None;
        };
        if !(x.is_ascii_uppercase() && y.is_ascii_uppercase()) {
            return None;
        }
        let slot = usize::from(x - b'A') * 26 + usize::from(y - b'A');
        let position = usize::from(*ALPHA2_INDEX.get(slot)?).checked_sub(1)?;
        COUNTRIES
            .get(position)
            .and_then(|(a3, ..)| alpha3(a3).map(Country))
    }

    /// The two-letter code IATI uses for the country.
    ///
    /// ```
    /// use ssr_model::Country;
    ///
    /// assert_eq!(Country::new("XKX")?.alpha2(), "XK");
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    #[expect(
        clippy::expect_used,
        reason = "a Country holds only codes of the crate's own table, whose every entry has an alpha-2 code"
    )]
    pub fn alpha2(&self) -> &'static str {
        // new (and deserialising, through it) accepts only codes listed in
        // the table, and every entry has its alpha-2 code beside it.
        lookup(COUNTRIES, &self.0)
            .map(|(_, _, a2)| *a2)
            .expect("a checked code is in its table")
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
    }

    #[test]
    fn alpha2_codes_are_unique_and_found_by_the_index() {
        let mut seen = std::collections::HashSet::new();
        for (a3, _, a2) in COUNTRIES {
            assert!(seen.insert(*a2), "{a2} twice");
            assert_eq!(
                Country::from_alpha2(a2).map(|c| c.to_string()).as_deref(),
                Some(*a3)
            );
        }
        // Every other pair of letters is no country.
        let letters = b'A'..=b'Z';
        let unused = letters
            .clone()
            .flat_map(|x| {
                letters
                    .clone()
                    .map(move |y| String::from_utf8(vec![x, y]).unwrap())
            })
            .filter(|c| !seen.contains(c.as_str()))
            .filter(|c| Country::from_alpha2(c).is_some())
            .count();
        assert_eq!(unused, 0);
        for bad in ["", "L", "LBR", "lr", "L1", "ÉL"] {
            assert_eq!(Country::from_alpha2(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn every_listed_code_round_trips() {
        for (code, name, _) in COUNTRIES {
            let c = Country::new(code).unwrap();
            assert_eq!(c.as_str(), *code);
            assert_eq!(c.name(), *name);
        }
        assert_eq!(Country::all().count(), COUNTRIES.len());
        for country in Country::all() {
            assert_eq!(Country::from_alpha2(country.alpha2()), Some(country));
        }
        for (code, _) in CURRENCIES {
            assert_eq!(Currency::new(code).unwrap().to_string(), *code);
        }
    }
}
