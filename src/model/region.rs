//! Regions a programme can work in: IATI's Region codelist, vocabulary 1
//! (the OECD DAC regions), such as 298 "Africa, regional".

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::ValueError;

/// `(code, English name, withdrawn)` from IATI's Region codelist
/// (IATI/IATI-Codelists-NonEmbedded, `xml/Region.xml`, commit 7aeece7),
/// sorted by code; a test checks it against that file's text.
pub(crate) static REGIONS: &[(u16, &str, bool)] = &[
    (88, "States Ex-Yugoslavia unspecified", false),
    (89, "Europe, regional", false),
    (189, "North of Sahara, regional", false),
    (289, "South of Sahara, regional", false),
    (298, "Africa, regional", false),
    (380, "West Indies, regional", true),
    (389, "Caribbean & Central America, regional", false),
    (489, "South America, regional", false),
    (498, "America, regional", false),
    (589, "Middle East, regional", false),
    (619, "Central Asia, regional", false),
    (679, "South Asia, regional", false),
    (689, "South & Central Asia, regional", false),
    (789, "Far East Asia, regional", false),
    (798, "Asia, regional", false),
    (889, "Oceania, regional", false),
    (998, "Developing countries, unspecified", false),
    (1027, "Eastern Africa, regional", false),
    (1028, "Middle Africa, regional", false),
    (1029, "Southern Africa, regional", false),
    (1030, "Western Africa, regional", false),
    (1031, "Caribbean, regional", false),
    (1032, "Central America, regional", false),
    (1033, "Melanesia, regional", false),
    (1034, "Micronesia, regional", false),
    (1035, "Polynesia, regional", false),
];

const EXPECTED: &str = "a code of IATI's Region codelist (vocabulary 1, OECD DAC), such as 298";

/// A region, as its code on IATI's Region codelist, vocabulary 1 (the OECD
/// DAC regions): for programmes that work across a region rather than in
/// named countries.
///
/// Only codes on the codelist are accepted, withdrawn ones included (380
/// "West Indies, regional") so that older records load; validation flags
/// those. In JSON a region is its number.
///
/// ```
/// use ssr_model::Region;
///
/// let africa = Region::new(298)?;
/// assert_eq!(africa.name(), "Africa, regional");
/// assert_eq!("798".parse::<Region>()?.name(), "Asia, regional");
/// assert!(Region::new(297).is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct Region(u16);

fn entry(code: u16) -> Option<&'static (u16, &'static str, bool)> {
    REGIONS
        .binary_search_by_key(&code, |(c, _, _)| *c)
        .ok()
        .and_then(|i| REGIONS.get(i))
}

impl Region {
    /// Builds a region from its code.
    ///
    /// # Errors
    ///
    /// When `code` is not on IATI's Region codelist (vocabulary 1).
    pub fn new(code: u16) -> Result<Self, ValueError> {
        entry(code)
            .map(|_| Region(code))
            .ok_or_else(|| ValueError::new("region code", EXPECTED, code))
    }

    /// The code as a number.
    pub fn get(self) -> u16 {
        self.0
    }

    /// The English name the codelist gives.
    pub fn name(self) -> &'static str {
        entry(self.0).map_or("", |(_, name, _)| *name)
    }

    /// Whether the codelist marks the code as withdrawn.
    ///
    /// ```
    /// use ssr_model::Region;
    ///
    /// assert!(Region::new(380)?.is_withdrawn());
    /// assert!(!Region::new(298)?.is_withdrawn());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    pub fn is_withdrawn(self) -> bool {
        entry(self.0).is_some_and(|(_, _, withdrawn)| *withdrawn)
    }

    /// Every region on the codelist, in code order.
    pub fn all() -> impl Iterator<Item = Region> {
        REGIONS.iter().map(|(code, _, _)| Region(*code))
    }
}

impl TryFrom<u16> for Region {
    type Error = ValueError;
    fn try_from(value: u16) -> Result<Self, Self::Error> {
        Region::new(value)
    }
}

impl From<Region> for u16 {
    fn from(region: Region) -> u16 {
        region.0
    }
}

impl FromStr for Region {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<u16>()
            .map_err(|_| ValueError::new("region code", EXPECTED, format!("{s:?}")))
            .and_then(Region::new)
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_every_code_round_trips() {
        assert!(REGIONS.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, name, _) in REGIONS {
            let region = Region::new(*code).unwrap();
            assert_eq!(region.name(), *name);
            assert_eq!(region.to_string().parse::<Region>().unwrap(), region);
        }
    }
}
