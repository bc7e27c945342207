use std::fmt;

/// A value that breaks the invariant of the type it was meant to become.
///
/// Returned by every checked constructor and `FromStr` in [`crate::model`], and
/// used by deserialisation, so that a document can never smuggle in a value the
/// constructors would refuse.
///
/// ```
/// use ssr_model::Level;
///
/// let err = Level::new(7).unwrap_err();
/// assert_eq!(err.to_string(), "invalid level: expected an integer from 1 to 5, found 7");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    what: &'static str,
    expected: &'static str,
    found: String,
}

impl ValueError {
    pub(crate) fn new(
        what: &'static str,
        expected: &'static str,
        found: impl fmt::Display,
    ) -> Self {
        ValueError {
            what,
            expected,
            found: found.to_string(),
        }
    }

    /// The kind of value that was being built, e.g. `"level"` or `"country code"`.
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// What a valid value looks like.
    pub fn expected(&self) -> &'static str {
        self.expected
    }

    /// The offending input, as text.
    pub fn found(&self) -> &str {
        &self.found
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid {}: expected {}, found {}",
            self.what, self.expected, self.found
        )
    }
}

impl std::error::Error for ValueError {}
