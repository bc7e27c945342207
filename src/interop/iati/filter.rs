//! Which activities to import: by DAC sector, country and reporting
//! organisation, decided while streaming.

use crate::{Country, Recipient, Region, ValueError};

/// Selects activities while the file streams, so that a large file can be
/// narrowed to, say, SSR activities in one country without holding the rest.
///
/// An empty filter keeps every activity. Each criterion given must hold:
///
/// - **sector prefixes** (any of them): some DAC sector code of the activity
///   (vocabulary 1, 5-digit purpose codes, or 2, 3-digit category codes; at
///   activity level, or on transactions when the activity has none) starts
///   with the prefix, so `"152"` keeps conflict, peace and security and
///   `"15210"` security system management and reform only;
/// - **country**: one of the programme's recipients (see
///   [the mapping](super#mapping)) is this country;
/// - **region**: one of the programme's recipients is this region (a
///   region, not the countries in it);
/// - **reporting organisation**: the activity's `reporting-org/@ref` is this
///   identifier (compared exactly).
///
/// ```
/// use ssr_model::Country;
/// use ssr_model::interop::iati::Filter;
///
/// let filter = Filter::new()
///     .with_sector_prefix("152")?
///     .with_sector_prefix("1513")?
///     .with_country(Country::new("SOM")?)
///     .with_region("298".parse::<ssr_model::Region>()?)
///     .with_reporting_org("GB-GOV-1");
/// assert_eq!(filter.sector_prefixes(), ["152", "1513"]);
/// assert!(Filter::new().with_sector_prefix("15x").is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    sector_prefixes: Vec<String>,
    country: Option<Country>,
    region: Option<Region>,
    reporting_org: Option<String>,
}

impl Filter {
    /// A filter that keeps every activity.
    pub fn new() -> Self {
        Filter::default()
    }

    /// Returns `self` also keeping activities with a DAC sector code that
    /// starts with `prefix`.
    ///
    /// # Errors
    ///
    /// When `prefix` is not one to five ASCII digits.
    pub fn with_sector_prefix(mut self, prefix: &str) -> Result<Self, ValueError> {
        let prefix = prefix.trim();
        if prefix.is_empty() || prefix.len() > 5 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ValueError::new(
                "sector prefix",
                "one to five digits of a DAC purpose code, such as \"152\"",
                format!("{prefix:?}"),
            ));
        }
        self.sector_prefixes.push(prefix.to_owned());
        Ok(self)
    }

    /// Returns `self` keeping only programmes with `country` among their
    /// recipients.
    #[must_use]
    pub fn with_country(mut self, country: impl Into<Country>) -> Self {
        let country = country.into();
        self.country = Some(country);
        self
    }

    /// Returns `self` keeping only programmes with `region` among their
    /// recipients.
    #[must_use]
    pub fn with_region(mut self, region: impl Into<Region>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Returns `self` keeping only activities reported by the organisation
    /// with identifier `reference`.
    #[must_use]
    pub fn with_reporting_org(mut self, reference: impl Into<String>) -> Self {
        self.reporting_org = Some(reference.into().trim().to_owned());
        self
    }

    /// The sector prefixes, in the order given.
    pub fn sector_prefixes(&self) -> &[String] {
        &self.sector_prefixes
    }

    /// The country, if the filter has one.
    pub fn country(&self) -> Option<Country> {
        self.country
    }

    /// The region, if the filter has one.
    pub fn region(&self) -> Option<Region> {
        self.region
    }

    /// The reporting organisation, if the filter has one.
    pub fn reporting_org(&self) -> Option<&str> {
        self.reporting_org.as_deref()
    }

    /// Whether the filter keeps every activity.
    pub fn is_empty(&self) -> bool {
        self.sector_prefixes.is_empty()
            && self.country.is_none()
            && self.region.is_none()
            && self.reporting_org.is_none()
    }

    pub(super) fn keeps_reporting_org(&self, reference: Option<&str>) -> bool {
        match &self.reporting_org {
            Some(want) => reference == Some(want.as_str()),
            None => true,
        }
    }

    pub(super) fn keeps_sectors<'a>(&self, mut codes: impl Iterator<Item = &'a str>) -> bool {
        self.sector_prefixes.is_empty()
            || codes.any(|code| {
                self.sector_prefixes
                    .iter()
                    .any(|p| code.starts_with(p.as_str()))
            })
    }

    pub(super) fn keeps_recipients(&self, recipients: &[Recipient]) -> bool {
        let country = self
            .country
            .is_none_or(|want| recipients.iter().any(|r| r.place.country() == Some(want)));
        let region = self
            .region
            .is_none_or(|want| recipients.iter().any(|r| r.place.region() == Some(want)));
        country && region
    }
}
