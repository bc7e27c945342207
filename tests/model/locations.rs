//! Typed finding locations: numeric order, text round trips, and the order
//! against a slow step-by-step oracle.

use std::cmp::Ordering;

use proptest::prelude::*;
use ssr_model::diagnostics::{Code, Location, Pointer, XmlLocation};
use ssr_model::{Finding, Report};

#[test]
fn xml_positions_sort_as_numbers() {
    let activities = XmlLocation::root("iati-activities");
    let mut report = Report::new();
    for n in [9, 1, 10, 0] {
        let at = activities
            .child("iati-activity", n)
            .attribute("default-currency");
        report.push(Finding::new(Code::IatiUnknownCode, at, "unknown currency"));
    }
    report.sort();
    let paths: Vec<&str> = report.findings().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/iati-activities/iati-activity[1]/@default-currency",
            "/iati-activities/iati-activity[2]/@default-currency",
            "/iati-activities/iati-activity[10]/@default-currency",
            "/iati-activities/iati-activity[11]/@default-currency",
        ]
    );
}

#[test]
fn pointer_indices_sort_as_numbers() {
    let two = Location::from(Pointer::root().member("programmes").index(2));
    let ten = Location::from(Pointer::root().member("programmes").index(10));
    assert!(two < ten);
    let below = Location::from("/programmes/2/name");
    assert!(two < below);
    assert_eq!(two, "/programmes/2");
    assert_eq!("/programmes/10", ten);
}

#[test]
fn json_form_is_the_text() {
    let f = Finding::new(
        Code::IatiMissingValue,
        XmlLocation::root("iati-activities")
            .child("iati-activity", 2)
            .element("baseline")
            .attribute("value")
            .with_line(17),
        "baseline has no value",
    );
    let json = serde_json::to_value(&f).unwrap();
    assert_eq!(
        json["path"],
        "/iati-activities/iati-activity[3]/baseline/@value"
    );
    let back: Finding = serde_json::from_value(json).unwrap();
    // The line is not part of the JSON form, nor of the location's identity.
    assert_eq!(back, f);
    assert_eq!(f.path.line(), Some(17));
    assert_eq!(back.path.line(), None);
    assert!(matches!(back.path, Location::Xml(_)));
}

/// One step of a location as the oracle reads it: array indices and XML
/// positions as numbers.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Index(u64),
    Name(String, Option<u64>),
}

fn steps(text: &str) -> Vec<Step> {
    text.split('/')
        .skip(1)
        .map(|s| {
            if let Ok(i) = s.parse::<u64>() {
                return Step::Index(i);
            }
            if let Some((name, n)) = s.strip_suffix(']').and_then(|s| s.rsplit_once('['))
                && let Ok(n) = n.parse::<u64>()
            {
                return Step::Name(name.to_owned(), Some(n));
            }
            Step::Name(s.to_owned(), None)
        })
        .collect()
}

/// The slow order: step by step; a name with a position after the same
/// name without one is not needed, as names differ in their text first.
fn oracle(a: &Location, b: &Location) -> Ordering {
    let (x, y) = (steps(a.as_str()), steps(b.as_str()));
    for (s, t) in x.iter().zip(&y) {
        let o = match (s, t) {
            (Step::Name(n, Some(p)), Step::Name(m, Some(q))) if n == m => p.cmp(q),
            (Step::Name(n, p), Step::Name(m, q)) => {
                let text = |n: &str, p: &Option<u64>| match p {
                    Some(p) => format!("{n}[{p}]"),
                    None => n.to_owned(),
                };
                text(n, p).cmp(&text(m, q))
            }
            (s, t) => s.cmp(t),
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    x.len().cmp(&y.len())
}

fn location() -> impl Strategy<Value = Location> {
    let pointer = prop::collection::vec(
        prop_oneof![
            (0usize..30).prop_map(Err),
            prop::sample::select(vec!["programmes", "components", "name", "weight", "id"])
                .prop_map(Ok),
        ],
        0..5,
    )
    .prop_map(|steps| {
        let p = steps.into_iter().fold(Pointer::root(), |p, s| match s {
            Ok(name) => p.member(name),
            Err(i) => p.index(i),
        });
        Location::from(p)
    });
    let xml = (
        prop::collection::vec(
            (
                prop::sample::select(vec!["iati-activity", "result", "indicator", "period"]),
                prop::option::of(0usize..25),
            ),
            0..4,
        ),
        prop::option::of(prop::sample::select(vec!["value", "code", "iso-date"])),
    )
        .prop_map(|(steps, attribute)| {
            let mut x = XmlLocation::root("iati-activities");
            for (name, n) in steps {
                x = match n {
                    Some(n) => x.child(name, n),
                    None => x.element(name),
                };
            }
            if let Some(a) = attribute {
                x = x.attribute(a);
            }
            Location::from(x)
        });
    prop_oneof![pointer, xml]
}

proptest! {
    #[test]
    fn text_round_trips(at in location()) {
        let back = Location::from(at.to_string());
        prop_assert_eq!(&back, &at);
        prop_assert_eq!(
            std::mem::discriminant(&back),
            std::mem::discriminant(&at)
        );
        let json = serde_json::to_string(&at).unwrap();
        prop_assert_eq!(serde_json::from_str::<Location>(&json).unwrap(), at);
    }

    #[test]
    fn order_agrees_with_the_oracle(a in location(), b in location(), c in location()) {
        prop_assert_eq!(a.cmp(&b), oracle(&a, &b), "{} vs {}", a, b);
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        if a <= b && b <= c {
            prop_assert!(a <= c);
        }
        prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
    }
}
