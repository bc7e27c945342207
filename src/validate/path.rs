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
pub(crate) fn compare_pointers(a: &str, b: &str) -> Ordering {
    let mut left = a.split('/');
    let mut right = b.split('/');
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => match compare_segments(x, y) {
                Ordering::Equal => {}
                other => return other,
            },
        }
    }
}

fn compare_segments(a: &str, b: &str) -> Ordering {
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
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
    }
}
