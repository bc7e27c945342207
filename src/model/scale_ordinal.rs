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
/// use ssr_model::model::OrdinalScale;
///
/// let scale = OrdinalScale::new(["none", "draft", "adopted", "implemented"])?;
/// assert_eq!(scale.position("adopted"), Some(2));
/// assert_eq!(scale.score("implemented"), Some(1.0));
/// assert_eq!(scale.score("draft"), Some(1.0 / 3.0));
/// assert!(OrdinalScale::new(["only one"]).is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct OrdinalScale {
    levels: Vec<String>,
    /// The positions of `levels` in label order, so finding a label takes
    /// logarithmic time: values are looked up once per period, and a long
    /// scale times many periods must not take quadratic time. Derived from
    /// `levels` alone, so equality and hashing are unchanged.
    by_label: Vec<usize>,
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
            let mut by_label: Vec<usize> = (0..levels.len()).collect();
            by_label.sort_unstable_by(|&a, &b| levels.get(a).cmp(&levels.get(b)));
            Ok(OrdinalScale { levels, by_label })
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
        let level = |i: usize| self.levels.get(i).map(String::as_str);
        let found = self
            .by_label
            .binary_search_by(|&i| level(i).cmp(&Some(label)))
            .ok()?;
        self.by_label.get(found).copied()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_matches_a_linear_search() {
        let labels = [
            "none",
            "draft",
            "adopted",
            "b",
            "a",
            "zz",
            "implemented",
            "Z",
        ];
        let scale = OrdinalScale::new(labels).unwrap();
        for label in labels.iter().chain(&["", "absent", "nonE", "zzz"]) {
            let oracle = labels.iter().position(|l| l == label);
            assert_eq!(scale.position(label), oracle, "{label:?}");
        }
    }
}
