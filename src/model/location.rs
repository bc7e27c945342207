//! Sub-national locations of an activity (IATI `location`): where the work
//! happens, by name, administrative area and point.

use serde::{Deserialize, Serialize};

use super::macros::{opt_setters, pushers};
use super::{GeographicExactness, GeographicVocabulary, ValueError};

/// A point on the globe, WGS 84 latitude and longitude in degrees (IATI
/// `location/point/pos`, "latitude longitude").
///
/// ```
/// use ssr_model::model::Point;
///
/// let monrovia = Point::new(6.3106, -10.8047)?;
/// assert_eq!(monrovia.latitude(), 6.3106);
/// assert_eq!("6.3106 -10.8047".parse::<Point>()?, monrovia);
/// assert!(Point::new(91.0, 0.0).is_err());
/// assert!(Point::new(f64::NAN, 0.0).is_err());
/// assert!("6.3".parse::<Point>().is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(try_from = "PointFields")]
pub struct Point {
    /// Degrees north, −90 to 90.
    latitude: f64,
    /// Degrees east, −180 to 180.
    longitude: f64,
}

/// A point's fields as read, before the range check.
#[derive(Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct PointFields {
    /// Degrees north, −90 to 90.
    #[cfg_attr(feature = "schemars", schemars(range(min = -90.0, max = 90.0)))]
    latitude: f64,
    /// Degrees east, −180 to 180.
    #[cfg_attr(feature = "schemars", schemars(range(min = -180.0, max = 180.0)))]
    longitude: f64,
}

const POINT_EXPECTED: &str = "a latitude from -90 to 90 and a longitude from -180 to 180";

impl Point {
    /// A point from its latitude and longitude in degrees.
    ///
    /// # Errors
    ///
    /// When a coordinate is not finite or out of its range.
    pub fn new(latitude: f64, longitude: f64) -> Result<Self, ValueError> {
        if (-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude) {
            Ok(Point {
                latitude,
                longitude,
            })
        } else {
            Err(ValueError::new(
                "point",
                POINT_EXPECTED,
                format!("{latitude} {longitude}"),
            ))
        }
    }

    /// Degrees north.
    pub fn latitude(self) -> f64 {
        self.latitude
    }

    /// Degrees east.
    pub fn longitude(self) -> f64 {
        self.longitude
    }
}

impl TryFrom<PointFields> for Point {
    type Error = ValueError;
    fn try_from(p: PointFields) -> Result<Self, Self::Error> {
        Point::new(p.latitude, p.longitude)
    }
}

impl std::str::FromStr for Point {
    type Err = ValueError;
    /// Reads IATI's `pos` text: latitude, then longitude, separated by
    /// white space.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let refuse = || ValueError::new("point", POINT_EXPECTED, format!("{s:?}"));
        let mut parts = s.split_whitespace().map(str::parse::<f64>);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(lat)), Some(Ok(lon)), None) => Point::new(lat, lon),
            _ => Err(refuse()),
        }
    }
}

/// An administrative area a location lies in (IATI
/// `location/administrative`): a code of a geographic vocabulary, at an
/// administrative level when stated (0 country, 1 first sub-national level,
/// …).
///
/// ```
/// use ssr_model::model::{AdministrativeArea, GeographicVocabulary};
///
/// let county = AdministrativeArea::new(GeographicVocabulary::new("G1")?, "2274890")?.with_level(1);
/// assert_eq!((county.vocabulary.as_str(), county.level, county.code.as_str()), ("G1", Some(1), "2274890"));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AdministrativeArea {
    /// The list `code` is on.
    pub vocabulary: GeographicVocabulary,
    /// The administrative level, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// The area's code as written.
    #[serde(deserialize_with = "super::iati_code::non_empty")]
    #[cfg_attr(feature = "schemars", schemars(length(min = 1)))]
    pub code: String,
}

impl AdministrativeArea {
    /// An area by vocabulary and code, level not stated.
    ///
    /// # Errors
    ///
    /// When the trimmed code is empty.
    pub fn new(vocabulary: GeographicVocabulary, code: &str) -> Result<Self, ValueError> {
        let code = code.trim();
        if code.is_empty() {
            return Err(ValueError::new(
                "administrative area",
                "an area code",
                "an empty text",
            ));
        }
        Ok(AdministrativeArea {
            vocabulary,
            level: None,
            code: code.to_owned(),
        })
    }
}

opt_setters!(AdministrativeArea {
    with_level => level: u8,
});

/// A sub-national location of an activity (IATI `location`): each part
/// when stated.
///
/// ```
/// use ssr_model::model::{GeographicExactness, Location, Point};
///
/// let gbarnga = Location::new()
///     .with_reference("LR-BONG-1")
///     .with_name("Gbarnga")
///     .with_point(Point::new(6.995, -9.472)?)
///     .with_exactness(GeographicExactness::new("1")?);
/// assert_eq!(gbarnga.name.as_deref(), Some("Gbarnga"));
/// assert!(gbarnga.administrative.is_empty());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Location {
    /// The publisher's own reference for it (`@ref`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Its name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The administrative areas it lies in, as stated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub administrative: Vec<AdministrativeArea>,
    /// Its point, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<Point>,
    /// Whether the point is exact (1) or approximate (2), when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exactness: Option<GeographicExactness>,
}

impl Location {
    /// A location with nothing known yet.
    pub fn new() -> Self {
        Location::default()
    }
}

opt_setters!(Location {
    with_reference => reference: String,
    with_name => name: String,
    with_point => point: Point,
    with_exactness => exactness: GeographicExactness,
});

pushers!(Location {
    with_administrative => administrative: AdministrativeArea,
});
