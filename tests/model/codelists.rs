//! The embedded country and region tables against IATI's own codelists,
//! copied unedited into tests/fixtures/iati-codelists from
//! IATI/IATI-Codelists-NonEmbedded (xml/Country.xml, xml/Region.xml,
//! commit 7aeece773c60afa0265eb95e988d5e61e96d8482).

use std::collections::BTreeMap;

use ssr_model::{Country, Region};

/// `code → (name, withdrawn)` for every `codelist-item`, read by plain text
/// search (no XML library), so the check does not share code with the crate.
fn items(file: &str) -> BTreeMap<String, (String, bool)> {
    let path = format!(
        "{}/tests/fixtures/iati-codelists/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = BTreeMap::new();
    // `<codelist-items>` opens the list; each `<codelist-item>` or
    // `<codelist-item status=…>` one entry.
    for chunk in text.split("<codelist-item").skip(1) {
        if chunk.starts_with('s') {
            continue;
        }
        let (attributes, body) = chunk.split_once('>').unwrap();
        let between = |open: &str, close: &str| {
            let start = body.find(open).unwrap() + open.len();
            let end = start + body[start..].find(close).unwrap();
            body[start..end].trim().to_owned()
        };
        let code = between("<code>", "</code>");
        let name = between("<narrative>", "</narrative>").replace("&amp;", "&");
        let withdrawn = attributes.contains(r#"status="withdrawn""#);
        assert!(out.insert(code, (name, withdrawn)).is_none());
    }
    out
}

#[test]
fn countries_are_exactly_iatis_country_codelist() {
    let list = items("Country.xml");
    assert_eq!(list.len(), 251, "codelist items");
    for code in list.keys() {
        let country = Country::from_alpha2(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(country.alpha2(), code);
    }
    assert_eq!(Country::all().count(), list.len());
    assert_eq!(Country::from_alpha2("XK").unwrap().as_str(), "XKX");
    assert_eq!(list["XK"].0, Country::new("XKX").unwrap().name());
}

#[test]
fn regions_are_exactly_iatis_region_codelist_with_its_names() {
    let list = items("Region.xml");
    let ours: BTreeMap<String, (String, bool)> = Region::all()
        .map(|r| (r.get().to_string(), (r.name().to_owned(), r.is_withdrawn())))
        .collect();
    assert_eq!(ours, list);
    for code in ["298", "679", "798", "998"] {
        assert!(list.contains_key(code), "{code}");
    }
}
