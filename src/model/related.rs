//! Related activities (IATI `related-activity`): the parent, children,
//! siblings and co-funded activities an activity names.

use serde::{Deserialize, Serialize};

use super::{RelatedActivityType, ValueError};

/// An activity an activity names as related, by IATI identifier, with how
/// it is related.
///
/// ```
/// use ssr_model::model::{RelatedActivity, RelatedActivityType};
///
/// let parent = RelatedActivity::new("GB-GOV-1-300123", RelatedActivityType::new("1")?)?;
/// assert_eq!(parent.activity, "GB-GOV-1-300123");
/// assert!(RelatedActivity::new(" ", RelatedActivityType::new("1")?).is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RelatedActivity {
    /// The related activity's IATI identifier (`@ref`), as written.
    #[serde(deserialize_with = "super::iati_code::non_empty")]
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub activity: String,
    /// How it is related: parent (1), child (2), sibling (3), co-funded
    /// (4), third party (5), as written.
    #[serde(rename = "type")]
    pub kind: RelatedActivityType,
}

impl RelatedActivity {
    /// The activity `activity`, related as `kind`.
    ///
    /// # Errors
    ///
    /// When the trimmed identifier is empty.
    pub fn new(activity: &str, kind: RelatedActivityType) -> Result<Self, ValueError> {
        let activity = activity.trim();
        if activity.is_empty() {
            return Err(ValueError::new(
                "related activity",
                "an IATI activity identifier",
                "an empty text",
            ));
        }
        Ok(RelatedActivity {
            activity: activity.to_owned(),
            kind,
        })
    }
}
