//! A code kept as its source wrote it because no codelist the crate knows
//! has it: e.g. a `recipient-country code="QZ"`. Kept, not dropped, so that
//! the money it names stays where the source sent it and a reader can see
//! the code and fix it.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::ValueError;

/// The longest code kept, in bytes (UTF-8). Codelist codes are a few
/// characters; longer text is not a code.
const CAPACITY: usize = 31;

const EXPECTED: &str = "a code of 1 to 31 bytes, without control characters or surrounding spaces";

/// A code on no codelist the crate knows, kept exactly as written (after
/// trimming the spaces around it), such as the recipient `QZ` in
/// [`Place::Unlisted`](super::Place::Unlisted).
///
/// The code is text of 1 to 31 bytes without control characters; it is
/// stored inline, so places stay `Copy`. Longer text is refused: it is not a
/// code. In JSON it is a string.
///
/// ```
/// use ssr_model::model::UnlistedCode;
///
/// let code = UnlistedCode::new(" QZ ")?;
/// assert_eq!(code.as_str(), "QZ");
/// assert_eq!(code.to_string(), "QZ");
/// assert!(UnlistedCode::new("").is_err());
/// assert!(UnlistedCode::new(&"X".repeat(32)).is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Clone, Copy)]
pub struct UnlistedCode {
    len: u8,
    bytes: [u8; CAPACITY],
}

impl UnlistedCode {
    /// Keeps `code`, trimmed of the spaces around it.
    ///
    /// # Errors
    ///
    /// When the trimmed code is empty, longer than 31 bytes or holds a
    /// control character.
    pub fn new(code: &str) -> Result<Self, ValueError> {
        let code = code.trim();
        let refuse = || ValueError::new("code", EXPECTED, format!("{code:?}"));
        if code.is_empty() || code.chars().any(char::is_control) {
            return Err(refuse());
        }
        let len = u8::try_from(code.len()).map_err(|_| refuse())?;
        let mut bytes = [0; CAPACITY];
        bytes
            .get_mut(..code.len())
            .ok_or_else(refuse)?
            .copy_from_slice(code.as_bytes());
        Ok(UnlistedCode { len, bytes })
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        // new copies a whole `&str`, so the bytes are valid UTF-8.
        std::str::from_utf8(bytes).unwrap_or_default()
    }
}

impl PartialEq for UnlistedCode {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for UnlistedCode {}

impl PartialOrd for UnlistedCode {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for UnlistedCode {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for UnlistedCode {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Display for UnlistedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for UnlistedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UnlistedCode({:?})", self.as_str())
    }
}

impl std::str::FromStr for UnlistedCode {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UnlistedCode::new(s)
    }
}

impl Serialize for UnlistedCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for UnlistedCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        UnlistedCode::new(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for UnlistedCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "UnlistedCode".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "ssr_model::UnlistedCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A code on no codelist the crate knows, kept as written (1 to 31 bytes).",
            "type": "string",
            "minLength": 1,
            "maxLength": 31
        })
    }
}
