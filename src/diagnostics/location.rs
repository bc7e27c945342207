//! Where a finding is: a JSON Pointer into the document (or a policy), a
//! place in an XML source file, or a line (and column) of a CSV file. All
//! are built here and nowhere else, and all print as the text users read.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::path::compare_pointers;

/// Where a [`Finding`](super::Finding) is.
///
/// Validation findings point into the document with a [`Pointer`], and
/// policy findings into the policy document the same way; IATI import
/// findings point into the source file with an [`XmlLocation`]; findings
/// about a CSV input (an exchange-rate table) name its line and column
/// with a [`CsvLocation`]. A
/// location prints, compares with strings and serialises as its text, so
/// JSON and CSV reports carry the same strings as before the type existed.
///
/// Locations order step by step, positions as numbers: `/programmes/2`
/// before `/programmes/10`, `iati-activity[2]` before `iati-activity[10]`,
/// and a location before the locations below it.
///
/// ```
/// use ssr_model::diagnostics::{Location, Pointer, XmlLocation};
///
/// let p = Location::from(Pointer::root().member("programmes").index(2));
/// assert_eq!(p, "/programmes/2");
/// assert_eq!(p.to_string(), "/programmes/2");
///
/// let activities = XmlLocation::root("iati-activities");
/// let second = Location::from(activities.child("iati-activity", 1));
/// let tenth = Location::from(activities.child("iati-activity", 9));
/// assert_eq!(second, "/iati-activities/iati-activity[2]");
/// assert!(second < tenth);
///
/// // Text is read back as the kind it names.
/// assert!(matches!(Location::from("/iati-activities/iati-activity[2]"), Location::Xml(_)));
/// assert!(matches!(Location::from("/programmes/2"), Location::Pointer(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Location {
    /// A JSON Pointer into the document.
    Pointer(Pointer),
    /// A place in an XML source file.
    Xml(XmlLocation),
    /// A line (and column) of a CSV file.
    Csv(CsvLocation),
}

impl Location {
    /// The location as text, as it prints.
    ///
    /// ```
    /// use ssr_model::diagnostics::Location;
    ///
    /// assert_eq!(Location::from("/programmes/0/name").as_str(), "/programmes/0/name");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            Location::Pointer(p) => p.as_str(),
            Location::Xml(x) => x.as_str(),
            Location::Csv(c) => c.as_str(),
        }
    }

    /// The source line, for a location in an XML file that knows it or in a
    /// CSV file.
    ///
    /// ```
    /// use ssr_model::diagnostics::{Location, XmlLocation};
    ///
    /// let at = Location::from(XmlLocation::root("iati-activities").with_line(3));
    /// assert_eq!(at.line(), Some(3));
    /// assert_eq!(Location::from("/programmes/0").line(), None);
    /// ```
    pub fn line(&self) -> Option<u64> {
        match self {
            Location::Pointer(_) => None,
            Location::Xml(x) => x.line,
            Location::Csv(c) => Some(c.line),
        }
    }

    /// This location inside the document at `outer`: a pointer relative to
    /// one programme placed under the portfolio, for instance. An XML or CSV
    /// location is returned as it is (it already names its place in its file).
    ///
    /// ```
    /// use ssr_model::diagnostics::{Location, Pointer};
    ///
    /// let inner = Location::from("/transactions/2/value");
    /// let outer = Pointer::root().member("programmes").index(0);
    /// assert_eq!(inner.within(&outer), "/programmes/0/transactions/2/value");
    /// ```
    #[must_use]
    pub fn within(self, outer: &Pointer) -> Location {
        match self {
            Location::Pointer(p) => Location::Pointer(Pointer {
                text: format!("{}{}", outer.text, p.text),
            }),
            other @ (Location::Xml(_) | Location::Csv(_)) => other,
        }
    }

    /// The rank of the kind, to order a pointer and an XML location with
    /// the same text.
    fn kind(&self) -> u8 {
        match self {
            Location::Pointer(_) => 0,
            Location::Xml(_) => 1,
            Location::Csv(_) => 2,
        }
    }
}

impl Default for Location {
    /// The document root, `""`.
    fn default() -> Self {
        Location::Pointer(Pointer::root())
    }
}

/// A JSON Pointer (RFC 6901) into the document, such as
/// `/programmes/0/components/2/weight`; the root is `""`.
///
/// ```
/// use ssr_model::diagnostics::Pointer;
///
/// let weight = Pointer::root().member("programmes").index(0).member("components").index(2).member("weight");
/// assert_eq!(weight.as_str(), "/programmes/0/components/2/weight");
/// assert_eq!(Pointer::root().as_str(), "");
/// assert_eq!(Pointer::root().member("a/b~c").as_str(), "/a~1b~0c");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Pointer {
    text: String,
}

impl Pointer {
    /// The whole document, `""`.
    pub fn root() -> Self {
        Pointer::default()
    }

    /// The member `name` of this object (escaped as RFC 6901 asks).
    #[must_use]
    pub fn member(mut self, name: &str) -> Self {
        self.text.push('/');
        if name.contains(['~', '/']) {
            self.text
                .push_str(&name.replace('~', "~0").replace('/', "~1"));
        } else {
            self.text.push_str(name);
        }
        self
    }

    /// The element `index` (0-based) of this array.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.text.push('/');
        self.text.push_str(&index.to_string());
        self
    }

    /// A step whose name is not known (serde could not tell), `?`.
    #[cfg(feature = "json")]
    pub(crate) fn unknown(mut self) -> Self {
        self.text.push_str("/?");
        self
    }

    /// The pointer as text.
    ///
    /// ```
    /// use ssr_model::diagnostics::Pointer;
    ///
    /// assert_eq!(Pointer::root().member("name").as_str(), "/name");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The pointer as messages print it, the same in every error: the
    /// root, `""`, as `the document root`.
    ///
    /// ```
    /// use ssr_model::diagnostics::Pointer;
    ///
    /// assert_eq!(Pointer::root().in_words(), "the document root");
    /// assert_eq!(Pointer::root().member("as_of").in_words(), "/as_of");
    /// ```
    pub fn in_words(&self) -> &str {
        if self.text.is_empty() {
            "the document root"
        } else {
            &self.text
        }
    }

    /// Built from text the walk already escaped.
    pub(crate) fn from_escaped(text: String) -> Self {
        Pointer { text }
    }
}

impl From<Pointer> for String {
    fn from(p: Pointer) -> String {
        p.text
    }
}

/// A place in an XML source file: the element path with 1-based positions
/// (`/iati-activities/iati-activity[3]/result[1]`), optionally an attribute
/// (`…/baseline/@value`), and the line the element starts on.
///
/// The line is a reading aid (messages repeat it) and not part of the
/// location's identity: two locations with the same path are equal, and the
/// JSON form is the path alone.
///
/// ```
/// use ssr_model::diagnostics::XmlLocation;
///
/// let activity = XmlLocation::root("iati-activities").child("iati-activity", 2);
/// let value = activity.child("result", 0).child("indicator", 0).element("baseline").attribute("value");
/// assert_eq!(value.as_str(), "/iati-activities/iati-activity[3]/result[1]/indicator[1]/baseline/@value");
/// assert_eq!(value.clone().with_line(40), value);
/// ```
#[derive(Debug, Clone, Default)]
pub struct XmlLocation {
    text: String,
    line: Option<u64>,
}

impl XmlLocation {
    /// The root element `name`, `/name`.
    pub fn root(name: &str) -> Self {
        XmlLocation::default().element(name)
    }

    /// The file as a whole, `/`: for what concerns no element of it.
    ///
    /// ```
    /// use ssr_model::diagnostics::XmlLocation;
    ///
    /// assert_eq!(XmlLocation::file().as_str(), "/");
    /// ```
    pub fn file() -> Self {
        XmlLocation {
            text: "/".to_owned(),
            line: None,
        }
    }

    /// The `n`-th (0-based) child element called `name`, written with its
    /// 1-based position: `name[n + 1]`.
    #[must_use]
    pub fn child(&self, name: &str, n: usize) -> Self {
        XmlLocation {
            text: format!("{}/{name}[{}]", self.text, n.saturating_add(1)),
            line: None,
        }
    }

    /// The child element called `name`, written without a position (the
    /// first, or the kind of element in general).
    #[must_use]
    pub fn element(&self, name: &str) -> Self {
        XmlLocation {
            text: format!("{}/{name}", self.text),
            line: None,
        }
    }

    /// The attribute `name` of this element, `@name`.
    #[must_use]
    pub fn attribute(&self, name: &str) -> Self {
        XmlLocation {
            text: format!("{}/@{name}", self.text),
            line: None,
        }
    }

    /// Returns `self` with the line it starts on.
    #[must_use]
    pub fn with_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    /// The line, when known.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl PartialEq for XmlLocation {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for XmlLocation {}

impl std::hash::Hash for XmlLocation {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

/// A line of a CSV file, 1-based as editors number them (the header is
/// line 1), and the 1-based column when the problem is in one field.
///
/// ```
/// use ssr_model::diagnostics::{CsvLocation, Location};
///
/// let at = CsvLocation::line(3).with_column(2);
/// assert_eq!(at.as_str(), "line 3, column 2");
/// assert_eq!((at.line_number(), at.column()), (3, Some(2)));
/// // Text is read back as the kind it names; lines order as numbers.
/// assert_eq!(Location::from("line 3, column 2"), Location::Csv(at));
/// assert!(Location::from(CsvLocation::line(9)) < Location::from(CsvLocation::line(10)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CsvLocation {
    text: String,
    line: u64,
    column: Option<u64>,
}

impl CsvLocation {
    /// The whole line `line`.
    pub fn line(line: u64) -> Self {
        CsvLocation {
            text: format!("line {line}"),
            line,
            column: None,
        }
    }

    /// Returns `self` narrowed to the 1-based column `column`.
    #[must_use]
    pub fn with_column(self, column: u64) -> Self {
        CsvLocation {
            text: format!("line {}, column {column}", self.line),
            line: self.line,
            column: Some(column),
        }
    }

    /// The 1-based line.
    pub fn line_number(&self) -> u64 {
        self.line
    }

    /// The 1-based column, when the problem is in one field.
    pub fn column(&self) -> Option<u64> {
        self.column
    }

    /// The location as text: `line 3` or `line 3, column 2`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Reads `line N` or `line N, column M`.
    fn parse(text: &str) -> Option<CsvLocation> {
        let rest = text.strip_prefix("line ")?;
        let (line, column) = match rest.split_once(", column ") {
            Some((line, column)) => (line, Some(column)),
            None => (rest, None),
        };
        let digits = |t: &str| {
            (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse::<u64>().ok())
                .flatten()
        };
        let at = CsvLocation::line(digits(line)?);
        match column {
            Some(c) => Some(at.with_column(digits(c)?)),
            None => Some(at),
        }
    }
}

/// Whether `text` is an XML location: `/` (a whole source file), a path
/// from the IATI root element `iati-activities`, or a path with a step with
/// a 1-based position (`name[3]`) or an attribute (`@name`). Pointers into
/// the document have none of these: their member names are the model's
/// field names, and no field is called `""` or `iati-activities`.
fn is_xml(text: &str) -> bool {
    text == "/"
        || text == "/iati-activities"
        || text.starts_with("/iati-activities/")
        || text.split('/').any(|step| {
            step.starts_with('@')
                || step.strip_suffix(']').is_some_and(|s| {
                    s.rsplit_once('[').is_some_and(|(name, n)| {
                        !name.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
                    })
                })
        })
}

impl From<String> for Location {
    /// Reads text as the kind of location it names: a CSV location for
    /// `line N` or `line N, column M`; an XML location for `/`,
    /// for a path from `iati-activities`, or with a positioned step
    /// (`name[3]`) or an attribute (`@name`); else a JSON Pointer.
    fn from(text: String) -> Self {
        if let Some(csv) = CsvLocation::parse(&text) {
            Location::Csv(csv)
        } else if is_xml(&text) {
            Location::Xml(XmlLocation { text, line: None })
        } else {
            Location::Pointer(Pointer { text })
        }
    }
}

impl From<&str> for Location {
    fn from(text: &str) -> Self {
        Location::from(text.to_owned())
    }
}

impl From<&String> for Location {
    fn from(text: &String) -> Self {
        Location::from(text.clone())
    }
}

impl From<Pointer> for Location {
    fn from(p: Pointer) -> Self {
        Location::Pointer(p)
    }
}

impl From<CsvLocation> for Location {
    fn from(c: CsvLocation) -> Self {
        Location::Csv(c)
    }
}

impl From<XmlLocation> for Location {
    fn from(x: XmlLocation) -> Self {
        Location::Xml(x)
    }
}

impl From<&XmlLocation> for Location {
    fn from(x: &XmlLocation) -> Self {
        Location::Xml(x.clone())
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Display for XmlLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for Location {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Pointer {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Pointer {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<str> for Location {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Location {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Location {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Location> for str {
    fn eq(&self, other: &Location) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Location> for &str {
    fn eq(&self, other: &Location) -> bool {
        *self == other.as_str()
    }
}

impl Ord for Location {
    /// Step by step, positions and indices as numbers (see [`Location`]).
    fn cmp(&self, other: &Self) -> Ordering {
        if let (Location::Csv(a), Location::Csv(b)) = (self, other) {
            return (a.line, a.column).cmp(&(b.line, b.column));
        }
        compare_pointers(self.as_str(), other.as_str()).then_with(|| self.kind().cmp(&other.kind()))
    }
}

impl PartialOrd for Location {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Location {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Location::from)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Location {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Location".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }

    fn inline_schema() -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_read_from_text() {
        for xml in [
            "/iati-activities/iati-activity[1]",
            "/iati-activities/iati-activity[12]/@default-currency",
            "/a/@b",
        ] {
            assert!(matches!(Location::from(xml), Location::Xml(_)), "{xml}");
        }
        for pointer in ["", "/programmes/0", "/a[b]", "/a[]", "/[1]", "/a[1x]"] {
            assert!(
                matches!(Location::from(pointer), Location::Pointer(_)),
                "{pointer}"
            );
        }
    }

    #[test]
    fn xml_steps_are_built_in_one_place() {
        let root = XmlLocation::root("iati-activities");
        assert_eq!(root.as_str(), "/iati-activities");
        let a = root.child("iati-activity", 0);
        assert_eq!(a.as_str(), "/iati-activities/iati-activity[1]");
        assert_eq!(
            a.element("value").attribute("currency").as_str(),
            "/iati-activities/iati-activity[1]/value/@currency"
        );
    }
}
