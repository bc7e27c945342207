//! Codes of IATI codelists that a funding analyst filters by (flow type,
//! finance type, tied status, …), each kept as its source wrote it.
//!
//! Every type here is a code of one IATI 2.03 codelist, held as text: a
//! code on the list and a code on no list are both kept (never dropped),
//! and [`is_listed`](FlowType::is_listed) tells them apart, so that an
//! importer can report the unknown code and a reader can still filter by
//! it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::ValueError;

/// Declares a code of one IATI codelist: a trimmed, non-empty text kept
/// verbatim, with the codes of the codelist to tell listed from unlisted.
macro_rules! iati_code {
    (
        $(#[$doc:meta])*
        $name:ident, $what:literal, $list:literal, [$($code:literal),* $(,)?]
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The codes of the codelist (IATI 2.03), in the list's order.
            pub const LISTED: &'static [&'static str] = &[$($code),*];

            /// The code, trimmed of the spaces around it.
            ///
            /// # Errors
            ///
            /// When the trimmed text is empty or holds a control character.
            pub fn new(code: &str) -> Result<Self, ValueError> {
                let code = code.trim();
                if code.is_empty() || code.chars().any(char::is_control) {
                    return Err(ValueError::new(
                        $what,
                        concat!("a code of the IATI ", $list, " codelist"),
                        format!("{code:?}"),
                    ));
                }
                Ok($name(code.to_owned()))
            }

            /// The code as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Whether the code is on the codelist; an unlisted code is
            /// kept as written all the same.
            pub fn is_listed(&self) -> bool {
                Self::LISTED.contains(&self.0.as_str())
            }
        }

        impl FromStr for $name {
            type Err = ValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = ValueError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                $name::new(&value)
            }
        }

        impl From<$name> for String {
            fn from(code: $name) -> String {
                code.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        #[cfg(feature = "schemars")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "description": concat!(
                        "A code of the IATI ", $list,
                        " codelist, kept as written (codes on no codelist too)."
                    ),
                    "type": "string",
                    "minLength": 1
                })
            }
        }
    };
}

iati_code!(
    /// An IATI FlowType code: the kind of official flow (`10` ODA, `20`
    /// OOF, `21` non-export-credit OOF, `30` private development finance,
    /// …); activity `default-flow-type`, transaction `flow-type`.
    ///
    /// ```
    /// use ssr_model::model::FlowType;
    ///
    /// let oda: FlowType = "10".parse()?;
    /// assert!(oda.is_listed());
    /// let odd = FlowType::new(" 99 ")?;
    /// assert_eq!(odd.as_str(), "99"); // kept as written, though on no codelist
    /// assert!(!odd.is_listed());
    /// assert!(FlowType::new("").is_err());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    FlowType, "flow type", "FlowType",
    ["10", "20", "21", "22", "30", "35", "36", "37", "40", "50"]
);

iati_code!(
    /// An IATI FinanceType code: the financial instrument (`110` standard
    /// grant, `421` standard loan, `1100` guarantees, …; withdrawn codes
    /// count as listed, as older files use them); activity
    /// `default-finance-type`, transaction `finance-type`.
    ///
    /// ```
    /// use ssr_model::model::FinanceType;
    ///
    /// assert!(FinanceType::new("110")?.is_listed());
    /// assert!(!FinanceType::new("GRANT")?.is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    FinanceType, "finance type", "FinanceType",
    [
        "1", "2", "3", "4", "110", "111", "210", "211", "310", "311", "410", "411", "412",
        "413", "414", "421", "422", "423", "424", "425", "431", "432", "433", "451", "452",
        "453", "510", "511", "512", "520", "530", "610", "611", "612", "613", "614", "615",
        "616", "617", "618", "620", "621", "622", "623", "624", "625", "626", "627", "630",
        "631", "632", "633", "634", "635", "636", "637", "638", "639", "710", "711", "712",
        "810", "811", "910", "911", "912", "913", "1100",
    ]
);

iati_code!(
    /// An IATI TiedStatus code: `3` partially tied, `4` tied, `5` untied;
    /// activity `default-tied-status`, transaction `tied-status`.
    ///
    /// ```
    /// use ssr_model::model::TiedStatus;
    ///
    /// assert!(TiedStatus::new("5")?.is_listed());
    /// assert!(!TiedStatus::new("1")?.is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    TiedStatus, "tied status", "TiedStatus", ["3", "4", "5"]
);

iati_code!(
    /// An IATI CollaborationType code: `1` bilateral, `2` multilateral
    /// (inflows), `3` bilateral core contributions to NGOs, `4`
    /// multilateral outflows, `6` private sector outflows, `7` bilateral
    /// ex-post reporting on NGOs' activities funded through core
    /// contributions, `8` bilateral triangular co-operation; activity
    /// `collaboration-type`.
    ///
    /// ```
    /// use ssr_model::model::CollaborationType;
    ///
    /// assert!(CollaborationType::new("1")?.is_listed());
    /// assert!(!CollaborationType::new("5")?.is_listed()); // not on the list, kept all the same
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    CollaborationType, "collaboration type", "CollaborationType",
    ["1", "2", "3", "4", "6", "7", "8"]
);

iati_code!(
    /// An IATI OrganisationType code (`10` government, `21` international
    /// NGO, `40` multilateral, …): here the reporting organisation's
    /// `@type`.
    ///
    /// ```
    /// use ssr_model::model::OrganisationType;
    ///
    /// assert!(OrganisationType::new("10")?.is_listed());
    /// assert!(!OrganisationType::new("Government")?.is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    OrganisationType, "organisation type", "OrganisationType",
    [
        "10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73",
        "80", "90",
    ]
);

iati_code!(
    /// An IATI AidTypeVocabulary code: `1` OECD DAC aid type, `2`
    /// earmarking category, `3` earmarking modality, `4` cash and voucher
    /// modalities. A `default-aid-type` or `aid-type` without a vocabulary
    /// is of vocabulary 1, as the standard says.
    ///
    /// ```
    /// use ssr_model::model::AidTypeVocabulary;
    ///
    /// assert_eq!(AidTypeVocabulary::dac().as_str(), "1");
    /// assert!(!AidTypeVocabulary::new("99")?.is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    AidTypeVocabulary, "aid type vocabulary", "AidTypeVocabulary", ["1", "2", "3", "4"]
);

iati_code!(
    /// An IATI PolicyMarkerVocabulary code: `1` OECD DAC CRS, `99`
    /// reporting organisation. A `policy-marker` without a vocabulary is of
    /// vocabulary 1, as the standard says.
    ///
    /// ```
    /// use ssr_model::model::PolicyMarkerVocabulary;
    ///
    /// assert!(PolicyMarkerVocabulary::dac().is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    PolicyMarkerVocabulary, "policy marker vocabulary", "PolicyMarkerVocabulary", ["1", "99"]
);

iati_code!(
    /// An IATI PolicySignificance code: `0` not targeted, `1` significant
    /// objective, `2` principal objective, `3` principal objective and in
    /// support of an action programme, `4` explicit primary objective.
    ///
    /// ```
    /// use ssr_model::model::PolicySignificance;
    ///
    /// assert!(PolicySignificance::new("2")?.is_listed());
    /// assert!(!PolicySignificance::new("9")?.is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    PolicySignificance, "policy significance", "PolicySignificance", ["0", "1", "2", "3", "4"]
);

iati_code!(
    /// An IATI HumanitarianScopeType code: `1` emergency, `2` appeal.
    ///
    /// ```
    /// use ssr_model::model::HumanitarianScopeType;
    ///
    /// assert!(HumanitarianScopeType::new("1")?.is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    HumanitarianScopeType, "humanitarian scope type", "HumanitarianScopeType", ["1", "2"]
);

iati_code!(
    /// An IATI HumanitarianScopeVocabulary code: `1-2` GLIDE, `2-1`
    /// humanitarian plan (UN OCHA FTS), `99` reporting organisation.
    ///
    /// ```
    /// use ssr_model::model::HumanitarianScopeVocabulary;
    ///
    /// assert!(HumanitarianScopeVocabulary::new("1-2")?.is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    HumanitarianScopeVocabulary, "humanitarian scope vocabulary", "HumanitarianScopeVocabulary",
    ["1-2", "2-1", "99"]
);

iati_code!(
    /// An IATI GeographicVocabulary code, the list of administrative areas
    /// a `location/administrative` code is on: `A1` Global Administrative
    /// Unit Layers, `A2` UN Second Administrative Level Boundaries, `A3`
    /// GADM, `A4` ISO country, `G1` GeoNames, `G2` OpenStreetMap.
    ///
    /// ```
    /// use ssr_model::model::GeographicVocabulary;
    ///
    /// assert!(GeographicVocabulary::new("G1")?.is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    GeographicVocabulary, "geographic vocabulary", "GeographicVocabulary",
    ["A1", "A2", "A3", "A4", "G1", "G2"]
);

iati_code!(
    /// An IATI GeographicExactness code: `1` exact, `2` approximate.
    ///
    /// ```
    /// use ssr_model::model::GeographicExactness;
    ///
    /// assert!(GeographicExactness::new("2")?.is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    GeographicExactness, "geographic exactness", "GeographicExactness", ["1", "2"]
);

iati_code!(
    /// An IATI RelatedActivityType code: `1` parent, `2` child, `3`
    /// sibling, `4` co-funded, `5` third party.
    ///
    /// ```
    /// use ssr_model::model::RelatedActivityType;
    ///
    /// assert!(RelatedActivityType::new("1")?.is_listed());
    /// assert!(!RelatedActivityType::new("6")?.is_listed());
    /// # Ok::<(), ssr_model::model::ValueError>(())
    /// ```
    RelatedActivityType, "related activity type", "RelatedActivityType",
    ["1", "2", "3", "4", "5"]
);

impl AidTypeVocabulary {
    /// Vocabulary 1, the OECD DAC aid types: the vocabulary of an aid type
    /// that names none.
    #[must_use]
    pub fn dac() -> Self {
        AidTypeVocabulary("1".to_owned())
    }

    /// Whether this is vocabulary 1, for skipping it in JSON.
    pub(crate) fn is_dac(&self) -> bool {
        self.0 == "1"
    }
}

impl Default for AidTypeVocabulary {
    fn default() -> Self {
        AidTypeVocabulary::dac()
    }
}

impl PolicyMarkerVocabulary {
    /// Vocabulary 1, the OECD DAC CRS markers: the vocabulary of a policy
    /// marker that names none.
    #[must_use]
    pub fn dac() -> Self {
        PolicyMarkerVocabulary("1".to_owned())
    }

    /// Whether this is vocabulary 1, for skipping it in JSON.
    pub(crate) fn is_dac(&self) -> bool {
        self.0 == "1"
    }
}

impl Default for PolicyMarkerVocabulary {
    fn default() -> Self {
        PolicyMarkerVocabulary::dac()
    }
}

/// A code field as text, refusing empty text, so that a document cannot
/// hold what the checked constructors refuse.
pub(crate) fn non_empty<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(serde::de::Error::custom("a code is empty"))
    } else {
        Ok(trimmed.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_as_text() {
        let code: FlowType = serde_json::from_str(r#"" 10 ""#).unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), r#""10""#);
        assert!(serde_json::from_str::<TiedStatus>(r#""""#).is_err());
        assert!(FlowType::new("1\u{7}").is_err());
    }
}
