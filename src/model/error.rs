use std::fmt;

/// A value that breaks the invariant of the type it was meant to become.
///
/// Returned by every checked constructor and `FromStr` in [`crate::model`], and
/// used by deserialisation, so that a document can never smuggle in a value the
/// constructors would refuse.
///
/// ```
/// use ssr_model::model::Level;
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
            found: echo(found),
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

/// How many characters of an offending value a message repeats.
const ECHO_CHARS: usize = 40;

/// An offending value as a message repeats it: short values whole; a long
/// number (`5e-324` displays as 324 digits) in exponent form; other long
/// text cut to its first [`ECHO_CHARS`] characters with the length noted,
/// so a message stays readable, and small, whatever the input.
pub(crate) fn echo(found: impl fmt::Display) -> String {
    echo_within(found, ECHO_CHARS)
}

/// As [`echo`], keeping up to `max` characters.
pub(crate) fn echo_within(found: impl fmt::Display, max: usize) -> String {
    let text = found.to_string();
    let length = text.chars().count();
    if length <= max {
        return text;
    }
    if let Ok(x) = text.parse::<f64>() {
        return format!("{x:e}");
    }
    let head: String = text.chars().take(max).collect();
    format!("{head}… ({length} characters)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoes_are_short() {
        assert_eq!(echo(7), "7");
        assert_eq!(echo(5e-324), "5e-324");
        assert_eq!(echo(1e300), "1e300");
        assert_eq!(echo(-2.5e-300), "-2.5e-300");
        let long = echo(format!("{:?}", "x".repeat(1000)));
        assert!(
            long.starts_with("\"xxx") && long.ends_with("… (1002 characters)"),
            "{long}"
        );
        assert!(long.chars().count() < 70);
    }
}
