//! What within a programme a row of the scores table is about: a
//! component, a result level, an objective or an indicator.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What within a programme a [`Row`](super::Row) is about.
///
/// ```
/// use ssr_model::score::SubjectKind;
/// use ssr_model::Scorer;
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// let rows = card.rows();
/// let objective = rows
///     .iter()
///     .filter_map(|r| r.subject.as_ref())
///     .find(|s| s.kind == SubjectKind::Objective)
///     .ok_or("an objective row")?;
/// // Objectives, components and indicators carry their id; levels do not.
/// assert!(objective.id.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Subject {
    /// A component, a result level, an objective or an indicator.
    pub kind: SubjectKind,
    /// Its id in the document (components, objectives, indicators).
    #[serde(default)]
    pub id: Option<Uuid>,
    /// Its name, level, statement or title.
    pub name: String,
}

/// The kinds of [`Subject`].
///
/// ```
/// use ssr_model::score::SubjectKind;
///
/// assert_eq!(SubjectKind::Objective.as_str(), "objective");
/// assert_eq!("level".parse::<SubjectKind>()?, SubjectKind::Level);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SubjectKind {
    /// A component (pillar of work).
    Component,
    /// A result level: output, outcome or impact.
    Level,
    /// An objective.
    Objective,
    /// An indicator (its breakdown rows).
    Indicator,
}

crate::model::names::names!(SubjectKind, "subject kind" {
    Component = "component",
    Level = "level",
    Objective = "objective",
    Indicator = "indicator",
});

/// A [`Subject`] borrowed from its [`Scorecard`](super::Scorecard).
///
/// ```
/// use ssr_model::Scorer;
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// let mut components = 0;
/// card.try_for_each_row(|r| {
///     if let Some(s) = r.subject {
///         assert_eq!(s.to_subject().name, s.name);
///         components += usize::from(s.kind == ssr_model::score::SubjectKind::Component);
///     }
///     Ok::<(), ()>(())
/// }).unwrap();
/// assert!(components > 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SubjectRef<'a> {
    /// A component, a result level, an objective or an indicator.
    pub kind: SubjectKind,
    /// Its id in the document, where it has one.
    pub id: Option<Uuid>,
    /// Its name, level, statement or title.
    pub name: &'a str,
}

impl SubjectRef<'_> {
    /// The owned subject.
    pub fn to_subject(&self) -> Subject {
        Subject {
            kind: self.kind,
            id: self.id,
            name: self.name.to_owned(),
        }
    }
}
