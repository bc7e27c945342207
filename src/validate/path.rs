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
    pub(crate) fn pointer(&self) -> String {
        let mut out = String::with_capacity(64);
        self.write(&mut out);
        out
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
    let numeric = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    match (numeric(a), numeric(b)) {
        // Decimal digits without leading zeros: the shorter is the smaller;
        // equal lengths compare as text. Equal only when the text is equal.
        (true, true) => a.len().cmp(&b.len()).then_with(|| a.cmp(b)),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_pointers() {
        let root = At::ROOT;
        let programmes = root.member("programmes");
        let p = programmes.index(2);
        let components = p.member("components");
        let c = components.index(0);
        let name = c.member("name");
        assert_eq!(name.pointer(), "/programmes/2/components/0/name");
        assert_eq!(root.pointer(), "");
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
