//! The `locations` and `administrative_areas` tables: where an activity
//! works below the country, as it states it.

use crate::Programme;

use super::Kind::{Code, Float, Integer, Text};
use super::table::shared::*;
use super::table::{Cell, ColumnSpec as C, Table};

const LOCATION: C = C::new(
    "location",
    Integer,
    "the location's position in the programme's list, from 1",
);

pub(super) const LOCATIONS: &[C] = &[
    PROGRAMME_ID,
    LOCATION,
    C::new(
        "reference",
        Text,
        "the publisher's own reference for the location (`location/@ref`)",
    ),
    C::new("name", Text, "its name"),
    C::new(
        "latitude",
        Float,
        "degrees north (WGS 84) of its point; empty when it gives none (or an unreadable one)",
    ),
    C::new("longitude", Float, "degrees east (WGS 84) of its point"),
    C::new(
        "exactness",
        Code,
        "the IATI GeographicExactness code (1 exact, 2 approximate) as written",
    ),
    C::new(
        "administrative_areas",
        Integer,
        "number of administrative areas it names (administrative_areas table)",
    ),
];

pub(super) fn locations(t: &mut Table, p: &Programme) {
    for (n, l) in p.locations.iter().enumerate() {
        t.push([
            Cell::code(Some(p.id)),
            Cell::count(n + 1),
            Cell::text(l.reference.as_deref()),
            Cell::text(l.name.as_deref()),
            Cell::float(l.point.map(|x| x.latitude())),
            Cell::float(l.point.map(|x| x.longitude())),
            Cell::code(l.exactness.as_ref()),
            Cell::count(l.administrative.len()),
        ]);
    }
}

pub(super) const ADMINISTRATIVE_AREAS: &[C] = &[
    PROGRAMME_ID,
    LOCATION,
    C::new(
        "vocabulary",
        Code,
        "the IATI GeographicVocabulary of `code` (A1 GAUL, A2 UN SALB, A3 GADM, A4 ISO country, G1 GeoNames, G2 OpenStreetMap) as written",
    ),
    C::new(
        "level",
        Integer,
        "the administrative level (0 country, 1 first sub-national level, …), when stated",
    ),
    C::new("code", Code, "the area's code as written"),
];

pub(super) fn administrative_areas(t: &mut Table, p: &Programme) {
    for (n, l) in p.locations.iter().enumerate() {
        for a in &l.administrative {
            t.push([
                Cell::code(Some(p.id)),
                Cell::count(n + 1),
                Cell::code(Some(&a.vocabulary)),
                Cell::integer(a.level.map(i64::from)),
                Cell::Text(a.code.clone()),
            ]);
        }
    }
}
