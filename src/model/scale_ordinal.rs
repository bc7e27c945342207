//! Ordered scales for qualitative and ordinal measures and for evaluation
//! ratings.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::ValueError;

/// An explicit ordered scale of labels, from worst to best.
///
/// Qualitative and ordinal values only become comparable (and scorable)
/// through such a scale; the crate never guesses an order from the words.
/// A scale has at least two distinct, non-empty labels.
///
/// ```
/// use ssr_model::OrdinalScale;
///
/// let scale = OrdinalScale::new(["none", "draft", "adopted", "implemented"])?;
/// assert_eq!(scale.position("adopted"), Some(2));
/// assert_eq!(scale.score("implemented"), Some(1.0));
/// assert_eq!(scale.score("draft"), Some(1.0 / 3.0));
/// assert!(OrdinalScale::new(["only one"]).is_err());
/// # Ok::<(), ssr_model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct OrdinalScale {
    levels: Vec<String>,
}

const EXPECTED: &str = "at least two distinct, non-empty labels";

impl OrdinalScale {
    /// Builds a scale from labels ordered worst to best.
    ///
    /// # Errors
    ///
    /// When there are fewer than two labels, or a label is empty or repeated.
    pub fn new<I, S>(levels: I) -> Result<Self, ValueError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let levels: Vec<String> = levels.into_iter().map(Into::into).collect();
        // A set, not pairwise comparison: a scale comes from documents, and
        // a long one must not take quadratic time to refuse or accept.
        let mut seen = HashSet::with_capacity(levels.len());
        let distinct = levels
            .iter()
            .all(|l| !l.trim().is_empty() && seen.insert(l.as_str()));
        if levels.len() >= 2 && distinct {
            Ok(OrdinalScale { levels })
        } else {
            Err(ValueError::new(
                "ordinal scale",
                EXPECTED,
                format!("{levels:?}"),
            ))
        }
    }

    /// The labels, worst first.
    pub fn levels(&self) -> &[String] {
        &self.levels
    }

    /// How many labels the scale has (always at least 2).
    pub fn len(&self) -> usize {
        self.levels.len()
    }

    /// Always `false`: a scale has at least two labels.
    pub fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }

    /// The zero-based position of `label`, or `None` when it is not on the scale.
    pub fn position(&self, label: &str) -> Option<usize> {
        self.levels.iter().position(|l| l == label)
    }

    /// `label` mapped linearly onto [0, 1]: the worst label is 0, the best 1.
    pub fn score(&self, label: &str) -> Option<f64> {
        let top = self.levels.len().checked_sub(1).filter(|&t| t > 0)?;
        self.position(label).map(|p| p as f64 / top as f64)
    }
}

impl TryFrom<Vec<String>> for OrdinalScale {
    type Error = ValueError;
    fn try_from(levels: Vec<String>) -> Result<Self, Self::Error> {
        OrdinalScale::new(levels)
    }
}

impl From<OrdinalScale> for Vec<String> {
    fn from(scale: OrdinalScale) -> Vec<String> {
        scale.levels
    }
}

impl fmt::Display for OrdinalScale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.levels.join(" < "))
    }
}
