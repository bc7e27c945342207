//! Policy markers and humanitarian scopes: what an activity says it
//! targets beyond its sectors.

use serde::{Deserialize, Serialize};

use super::macros::opt_setters;
use super::{
    HumanitarianScopeType, HumanitarianScopeVocabulary, PolicyMarkerVocabulary, PolicySignificance,
};

/// One policy marker of an activity (IATI `policy-marker`): a policy of a
/// vocabulary (for vocabulary 1, the OECD DAC markers: `1` gender
/// equality, `2` aid to environment, `3` participatory development/good
/// governance, `4` trade development, `5`–`8` the Rio markers, `9`
/// disability, `10` disaster risk reduction, `11` nutrition, `12`
/// reproductive, maternal, newborn and child health), with the significance
/// the activity gives it.
///
/// Every marker is kept, of any vocabulary and code; the gender marker
/// also stays in [`Programme::gender_marker`](crate::Programme::gender_marker).
///
/// ```
/// use ssr_model::model::{PolicyMarker, PolicySignificance};
///
/// let governance = PolicyMarker::new("3")?.with_significance(PolicySignificance::new("2")?);
/// assert_eq!(governance.vocabulary.as_str(), "1"); // no vocabulary given: the DAC markers
/// assert_eq!(governance.significance.as_ref().map(|s| s.as_str()), Some("2"));
/// assert!(PolicyMarker::new("").is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PolicyMarker {
    /// The vocabulary of `code`: 1 (OECD DAC CRS) when the source names
    /// none, as the standard says; left out of JSON when 1.
    #[serde(default, skip_serializing_if = "PolicyMarkerVocabulary::is_dac")]
    pub vocabulary: PolicyMarkerVocabulary,
    /// The marker's code as written.
    #[serde(deserialize_with = "super::iati_code::non_empty")]
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub code: String,
    /// How significant the policy is to the activity, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub significance: Option<PolicySignificance>,
    /// The marker's own description (a reporting organisation's marker
    /// names itself), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
}

impl PolicyMarker {
    /// A marker of the OECD DAC vocabulary (1), significance not stated.
    ///
    /// # Errors
    ///
    /// When the trimmed code is empty.
    pub fn new(code: &str) -> Result<Self, super::ValueError> {
        PolicyMarker::of(PolicyMarkerVocabulary::dac(), code)
    }

    /// A marker of any vocabulary, as written.
    ///
    /// # Errors
    ///
    /// When the trimmed code is empty.
    pub fn of(vocabulary: PolicyMarkerVocabulary, code: &str) -> Result<Self, super::ValueError> {
        let code = code.trim();
        if code.is_empty() {
            return Err(super::ValueError::new(
                "policy marker",
                "a policy marker code",
                "an empty text",
            ));
        }
        Ok(PolicyMarker {
            vocabulary,
            code: code.to_owned(),
            significance: None,
            narrative: None,
        })
    }

    /// Whether the marker is on the OECD DAC list (vocabulary 1, codes
    /// 1–12); a marker of another vocabulary counts as listed when its
    /// vocabulary is.
    pub fn is_listed(&self) -> bool {
        if self.vocabulary.is_dac() {
            self.code.parse::<u8>().is_ok_and(|c| (1..=12).contains(&c))
        } else {
            self.vocabulary.is_listed()
        }
    }
}

opt_setters!(PolicyMarker {
    with_significance => significance: PolicySignificance,
    with_narrative => narrative: String,
});

/// An emergency or appeal an activity responds to (IATI
/// `humanitarian-scope`): its type, the vocabulary of its code, the code,
/// and the description given.
///
/// ```
/// use ssr_model::model::{HumanitarianScope, HumanitarianScopeType, HumanitarianScopeVocabulary};
///
/// let quake = HumanitarianScope::new(
///     HumanitarianScopeType::new("1")?,
///     HumanitarianScopeVocabulary::new("1-2")?,
///     "EQ-2015-000048-NPL",
/// )?
/// .with_narrative("Nepal Earthquake April 2015");
/// assert_eq!(quake.code, "EQ-2015-000048-NPL");
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct HumanitarianScope {
    /// Emergency (1) or appeal (2), as written.
    #[serde(rename = "type")]
    pub kind: HumanitarianScopeType,
    /// The list `code` is on (GLIDE `1-2`, UN OCHA FTS `2-1`, `99`).
    pub vocabulary: HumanitarianScopeVocabulary,
    /// The URI of a reporting organisation's own vocabulary (99), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary_uri: Option<String>,
    /// The emergency's or appeal's code as written.
    #[serde(deserialize_with = "super::iati_code::non_empty")]
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub code: String,
    /// Its description, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<String>,
}

impl HumanitarianScope {
    /// A scope with no vocabulary URI or description.
    ///
    /// # Errors
    ///
    /// When the trimmed code is empty.
    pub fn new(
        kind: HumanitarianScopeType,
        vocabulary: HumanitarianScopeVocabulary,
        code: &str,
    ) -> Result<Self, super::ValueError> {
        let code = code.trim();
        if code.is_empty() {
            return Err(super::ValueError::new(
                "humanitarian scope",
                "an emergency or appeal code",
                "an empty text",
            ));
        }
        Ok(HumanitarianScope {
            kind,
            vocabulary,
            vocabulary_uri: None,
            code: code.to_owned(),
            narrative: None,
        })
    }
}

opt_setters!(HumanitarianScope {
    with_vocabulary_uri => vocabulary_uri: String,
    with_narrative => narrative: String,
});
