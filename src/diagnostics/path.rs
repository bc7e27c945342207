//! JSON Pointer paths, built on the stack while walking the model and only
//! turned into text when a finding is emitted, so a clean document costs no
//! path allocation at all.

use std::cmp::Ordering;
use std::fmt::Write as _;

/// One step of a path.
#[derive(Clone, Copy)]
enum Step {
    Root,
    Member(&'static str),
    Index(usize),
}

/// A position in the document: a step and the position it was taken from.
#[derive(Clone, Copy)]
pub(crate) struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Step,
}

impl At<'static> {
    /// The document root, `""`.
    pub(crate) const ROOT: At<'static> = At {
        parent: None,
        step: Step::Root,
    };
}

impl<'a> At<'a> {
    /// The member `name` of this object.
    pub(crate) fn member(&'a self, name: &'static str) -> At<'a> {
        At {
            parent: Some(self),
            step: Step::Member(name),
        }
    }

    /// The element `index` of this array.
    pub(crate) fn index(&'a self, index: usize) -> At<'a> {
        At {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    /// The path as a JSON Pointer (RFC 6901). Member names are the model's
    /// field names, which never need `~` escapes.
    pub(crate) fn pointer(&self) -> super::Pointer {
        let mut out = String::with_capacity(64);
        self.write(&mut out);
        super::Pointer::from_escaped(out)
    }

    fn write(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(out);
        }
        match self.step {
            Step::Root => {}
            Step::Member(name) => {
                out.push('/');
                out.push_str(name);
            }
            Step::Index(i) => {
                let _ = write!(out, "/{i}");
            }
        }
    }
}

/// Compares two JSON Pointers segment by segment: array indices as numbers,
/// member names as text, a pointer before the pointers below it.
///
/// Only the segment holding the first differing byte decides, so the common
/// prefix (most of a path, in a sorted report) is compared as plain bytes.
pub(crate) fn compare_pointers(a: &str, b: &str) -> Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let common = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    if common == x.len() && common == y.len() {
        return Ordering::Equal;
    }
    let prefix = x.get(..common).unwrap_or_default();
    let start = prefix.iter().rposition(|&c| c == b'/').map_or(0, |i| i + 1);
    // When the two segments are equal, one pointer ends where the other goes
    // on below it: the shorter comes first.
    compare_segments(segment_at(x, start), segment_at(y, start)).then_with(|| x.len().cmp(&y.len()))
}

/// The segment of `pointer` that starts at byte `start`.
fn segment_at(pointer: &[u8], start: usize) -> &[u8] {
    let rest = pointer.get(start..).unwrap_or_default();
    let end = rest.iter().position(|&c| c == b'/').unwrap_or(rest.len());
    rest.get(..end).unwrap_or_default()
}

fn compare_segments(a: &[u8], b: &[u8]) -> Ordering {
    match (numeric(a), numeric(b)) {
        (true, true) => compare_numbers(a, b),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => match (positioned(a), positioned(b)) {
            // XML steps of the same element, `iati-activity[2]` before
            // `iati-activity[10]`: by 1-based position, as numbers.
            (Some((na, pa)), Some((nb, pb))) if na == nb => compare_numbers(pa, pb),
            _ => a.cmp(b),
        },
    }
}

fn numeric(s: &[u8]) -> bool {
    !s.is_empty() && s.iter().all(u8::is_ascii_digit)
}

/// Decimal digits without leading zeros: the shorter is the smaller; equal
/// lengths compare as text. Equal only when the text is equal.
fn compare_numbers(a: &[u8], b: &[u8]) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// An XML location step `name[N]` as its name and position digits.
fn positioned(segment: &[u8]) -> Option<(&[u8], &[u8])> {
    let inner = segment.strip_suffix(b"]")?;
    let open = inner.iter().rposition(|&c| c == b'[')?;
    let (name, position) = (inner.get(..open)?, inner.get(open + 1..)?);
    numeric(position).then_some((name, position))
}

/// Parses `text` as one JSON object of type `T` with nothing after it; a
/// failure gives the JSON Pointer of the offending value (`""` for the
/// whole text) and serde's message. Policies are read through this.
#[cfg(feature = "json")]
pub(crate) fn from_json_at<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<T, (super::Pointer, String)> {
    // A byte-order mark is not JSON; editors on Windows write one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let de = &mut serde_json::Deserializer::from_str(text);
    // A document is an object: serde would read a struct from `[]` too.
    let super::object::Object(value) = serde_path_to_error::deserialize(&mut *de)
        .map_err(|e| (pointer(e.path()), e.inner().to_string()))?;
    de.end()
        .map_err(|e| (super::Pointer::root(), e.to_string()))?;
    Ok(value)
}

/// A serde_path_to_error path as a JSON Pointer (RFC 6901).
#[cfg(feature = "json")]
pub(crate) fn pointer(path: &serde_path_to_error::Path) -> super::Pointer {
    use serde_path_to_error::Segment;
    path.iter()
        .fold(super::Pointer::root(), |out, segment| match segment {
            Segment::Seq { index } => out.index(*index),
            Segment::Map { key } | Segment::Enum { variant: key } => out.member(key),
            Segment::Unknown => out.unknown(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_positions_sort_as_numbers() {
        let a = "/iati-activities/iati-activity[2]/result[1]";
        let b = "/iati-activities/iati-activity[10]/result[1]";
        assert_eq!(compare_pointers(a, b), Ordering::Less);
        assert_eq!(compare_pointers(b, a), Ordering::Greater);
        let c = "/iati-activities/iati-activity[10]/result[9]/@value";
        let d = "/iati-activities/iati-activity[10]/result[11]";
        assert_eq!(compare_pointers(c, d), Ordering::Less);
        // Different elements still sort by name.
        let e = "/iati-activities/iati-activity[3]/budget[9]";
        let f = "/iati-activities/iati-activity[3]/result[1]";
        assert_eq!(compare_pointers(e, f), Ordering::Less);
        assert_eq!(compare_pointers(a, a), Ordering::Equal);
    }

    #[test]
    fn builds_pointers() {
        let root = At::ROOT;
        let programmes = root.member("programmes");
        let p = programmes.index(2);
        let components = p.member("components");
        let c = components.index(0);
        let name = c.member("name");
        assert_eq!(name.pointer().as_str(), "/programmes/2/components/0/name");
        assert_eq!(root.pointer().as_str(), "");
    }

    #[test]
    fn orders_indices_numerically() {
        assert_eq!(
            compare_pointers("/programmes/2", "/programmes/10"),
            Ordering::Less
        );
        assert_eq!(
            compare_pointers("/programmes/2", "/programmes/2/name"),
            Ordering::Less
        );
        assert_eq!(
            compare_pointers("/programmes/2/funding", "/programmes/2/components/3"),
            Ordering::Greater
        );
        assert_eq!(compare_pointers("/a/01", "/a/1"), Ordering::Greater);
        assert_eq!(compare_pointers("/a/7", "/a/7"), Ordering::Equal);
        assert_eq!(compare_pointers("", "/name"), Ordering::Less);
        assert_eq!(compare_pointers("/name", "/programmes/0"), Ordering::Less);
        assert_eq!(compare_pointers("/p/1/b", "/p/12/a"), Ordering::Less);
        assert_eq!(compare_pointers("/p/19", "/p/2"), Ordering::Greater);
        assert_eq!(compare_pointers("/p/ab", "/p/a"), Ordering::Greater);
        assert_eq!(compare_pointers("/p/a/x", "/p/ab"), Ordering::Less);
    }

    /// The fast comparison agrees with a plain segment-by-segment one.
    #[test]
    fn agrees_with_segment_by_segment() {
        fn slow(a: &str, b: &str) -> Ordering {
            let mut l = a.split('/');
            let mut r = b.split('/');
            loop {
                match (l.next(), r.next()) {
                    (None, None) => return Ordering::Equal,
                    (None, Some(_)) => return Ordering::Less,
                    (Some(_), None) => return Ordering::Greater,
                    (Some(x), Some(y)) => match compare_segments(x.as_bytes(), y.as_bytes()) {
                        Ordering::Equal => {}
                        o => return o,
                    },
                }
            }
        }
        let parts = ["", "a", "ab", "b", "0", "1", "2", "10", "12", "19", "100"];
        let mut paths = vec![String::new()];
        for x in parts {
            paths.push(format!("/{x}"));
            for y in parts {
                paths.push(format!("/{x}/{y}"));
                for z in ["1", "a"] {
                    paths.push(format!("/{x}/{y}/{z}"));
                }
            }
        }
        for a in &paths {
            for b in &paths {
                assert_eq!(compare_pointers(a, b), slow(a, b), "{a:?} vs {b:?}");
            }
        }
    }
}
