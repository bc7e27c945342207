//! How money is given: the flow type, finance type, aid types and tied
//! status an activity sets as its defaults and a transaction may override,
//! and the organisation that reports the activity.

use serde::{Deserialize, Serialize};

use super::macros::opt_setters;
use super::{AidTypeVocabulary, FinanceType, FlowType, OrganisationType, TiedStatus};

/// An aid type of one vocabulary (IATI `default-aid-type` or
/// `transaction/aid-type`): the code as written in its vocabulary.
///
/// ```
/// use ssr_model::model::{AidType, AidTypeVocabulary};
///
/// let project = AidType::new("C01")?;
/// assert_eq!(project.vocabulary, AidTypeVocabulary::dac());
/// assert!(project.is_listed());
/// let earmarked = AidType::of(AidTypeVocabulary::new("2")?, "A")?;
/// assert!(!earmarked.is_listed()); // not an earmarking category: kept, but unlisted
/// assert!(AidType::new(" ").is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AidType {
    /// The vocabulary of `code`: vocabulary 1 (OECD DAC aid types) when the
    /// source names none, as the standard says; left out of JSON when 1.
    #[serde(default, skip_serializing_if = "AidTypeVocabulary::is_dac")]
    pub vocabulary: AidTypeVocabulary,
    /// The code as written (`C01`, `B02`, …); codes on no list are kept.
    #[serde(deserialize_with = "super::iati_code::non_empty")]
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub code: String,
}

/// The DAC aid types (vocabulary 1) and the earmarking categories
/// (vocabulary 2), to tell listed codes from others.
const DAC_AID_TYPES: &[&str] = &[
    "A01", "A02", "B01", "B02", "B021", "B022", "B03", "B031", "B032", "B033", "B04", "C01", "D01",
    "D02", "E01", "E02", "F01", "G01", "H01", "H02", "H03", "H04", "H05",
];
const EARMARKING_CATEGORIES: &[&str] = &["1", "2", "3", "4"];

impl AidType {
    /// An OECD DAC aid type (vocabulary 1).
    ///
    /// # Errors
    ///
    /// When the trimmed code is empty.
    pub fn new(code: &str) -> Result<Self, super::ValueError> {
        AidType::of(AidTypeVocabulary::dac(), code)
    }

    /// A code of any aid type vocabulary, as written.
    ///
    /// # Errors
    ///
    /// When the trimmed code is empty.
    pub fn of(vocabulary: AidTypeVocabulary, code: &str) -> Result<Self, super::ValueError> {
        let code = code.trim();
        if code.is_empty() {
            return Err(super::ValueError::new(
                "aid type",
                "an aid type code",
                "an empty text",
            ));
        }
        Ok(AidType {
            vocabulary,
            code: code.to_owned(),
        })
    }

    /// Whether the code is on its vocabulary's codelist (checked for the
    /// DAC aid types and the earmarking categories; codes of other
    /// vocabularies count as listed when the vocabulary is).
    pub fn is_listed(&self) -> bool {
        match self.vocabulary.as_str() {
            "1" => DAC_AID_TYPES.contains(&self.code.as_str()),
            "2" => EARMARKING_CATEGORIES.contains(&self.code.as_str()),
            _ => self.vocabulary.is_listed(),
        }
    }
}

/// How money is given: IATI's flow type, finance type, aid types and tied
/// status.
///
/// A programme holds its activity's defaults (`default-flow-type`,
/// `default-finance-type`, `default-aid-type`, `default-tied-status`); a
/// transaction holds what it states itself (`flow-type`, `finance-type`,
/// `aid-type`, `tied-status`), which overrides the default.
/// [`AidClassification::over`] gives the effective classification: each
/// attribute the transaction states, else the programme's; aid types by
/// vocabulary (a transaction's aid types of one vocabulary replace the
/// programme's of that vocabulary, and the programme's others stay).
/// Nothing stated is `None` (unknown), never a default.
///
/// ```
/// use ssr_model::model::{AidClassification, AidType, AidTypeVocabulary, FinanceType, FlowType};
///
/// let defaults = AidClassification::new()
///     .with_flow_type(FlowType::new("10")?)
///     .with_finance_type(FinanceType::new("110")?)
///     .with_aid_type(AidType::new("C01")?)
///     .with_aid_type(AidType::of(AidTypeVocabulary::new("2")?, "3")?);
/// let own = AidClassification::new()
///     .with_finance_type(FinanceType::new("421")?)
///     .with_aid_type(AidType::new("B02")?);
/// let effective = own.over(&defaults);
/// assert_eq!(effective.flow_type.as_ref().map(|c| c.as_str()), Some("10")); // the default
/// assert_eq!(effective.finance_type.as_ref().map(|c| c.as_str()), Some("421")); // the override
/// let aid: Vec<_> = effective.aid_types.iter().map(|a| (a.vocabulary.as_str(), a.code.as_str())).collect();
/// assert_eq!(aid, [("1", "B02"), ("2", "3")]);
/// assert!(effective.tied_status.is_none()); // nobody stated it: unknown
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AidClassification {
    /// The flow type (ODA, OOF, …), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_type: Option<FlowType>,
    /// The finance type (grant, loan, …), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finance_type: Option<FinanceType>,
    /// The aid types, of one or more vocabularies, as stated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aid_types: Vec<AidType>,
    /// The tied status, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tied_status: Option<TiedStatus>,
}

impl AidClassification {
    /// A classification stating nothing.
    pub fn new() -> Self {
        AidClassification::default()
    }

    /// Whether it states nothing at all.
    ///
    /// ```
    /// use ssr_model::model::AidClassification;
    ///
    /// assert!(AidClassification::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        *self == AidClassification::default()
    }

    /// Returns `self` with `aid_type` appended to its aid types.
    #[must_use]
    pub fn with_aid_type(mut self, aid_type: AidType) -> Self {
        self.aid_types.push(aid_type);
        self
    }

    /// The effective classification of a transaction stating `self`, in a
    /// programme whose defaults are `defaults` (see the type's docs).
    #[must_use]
    pub fn over(&self, defaults: &AidClassification) -> AidClassification {
        let mut aid_types = self.aid_types.clone();
        aid_types.extend(
            defaults
                .aid_types
                .iter()
                .filter(|d| !self.aid_types.iter().any(|a| a.vocabulary == d.vocabulary))
                .cloned(),
        );
        AidClassification {
            flow_type: self
                .flow_type
                .clone()
                .or_else(|| defaults.flow_type.clone()),
            finance_type: (self.finance_type.clone()).or_else(|| defaults.finance_type.clone()),
            aid_types,
            tied_status: (self.tied_status.clone()).or_else(|| defaults.tied_status.clone()),
        }
    }
}

opt_setters!(AidClassification {
    with_flow_type => flow_type: FlowType,
    with_finance_type => finance_type: FinanceType,
    with_tied_status => tied_status: TiedStatus,
});

/// The organisation that reports an activity (IATI `reporting-org`): its
/// identifier, type and name, each when given.
///
/// ```
/// use ssr_model::model::{OrganisationType, ReportingOrg};
///
/// let fcdo = ReportingOrg::new()
///     .with_reference("GB-GOV-1")
///     .with_kind(OrganisationType::new("10")?)
///     .with_name("UK - Foreign, Commonwealth and Development Office");
/// assert_eq!(fcdo.reference.as_deref(), Some("GB-GOV-1"));
/// assert!(ReportingOrg::new().is_empty());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ReportingOrg {
    /// The IATI organisation identifier (`@ref`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The IATI OrganisationType (`@type`), when given.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<OrganisationType>,
    /// The name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl ReportingOrg {
    /// A reporting organisation with nothing known yet.
    pub fn new() -> Self {
        ReportingOrg::default()
    }

    /// Whether nothing about it is known.
    pub fn is_empty(&self) -> bool {
        *self == ReportingOrg::default()
    }
}

opt_setters!(ReportingOrg {
    with_reference => reference: String,
    with_kind => kind: OrganisationType,
    with_name => name: String,
});
