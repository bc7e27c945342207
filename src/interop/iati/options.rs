//! How to import: which activities, in which language, and what to do with
//! activities that name no country.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::{Country, Pillar};

use super::{Activities, Filter, Import, ImportError};

/// Options of an IATI import. The default imports every activity as the
/// XML says it, and reads the first narrative of each text.
///
/// ```
/// use ssr_model::Country;
/// use ssr_model::interop::iati::{Filter, ImportOptions};
///
/// let options = ImportOptions::new()
///     .with_filter(Filter::new().with_sector_prefix("152")?)
///     .with_language("fr")
///     .with_fallback_country(Country::new("MLI")?);
/// assert_eq!(options.language(), Some("fr"));
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    filter: Filter,
    language: Option<String>,
    fallback_country: Option<Country>,
    fallback_pillar: Option<Pillar>,
}

impl ImportOptions {
    /// The default options.
    pub fn new() -> Self {
        ImportOptions::default()
    }

    /// Returns `self` importing only the activities `filter` keeps.
    #[must_use]
    pub fn with_filter(mut self, filter: impl Into<Filter>) -> Self {
        let filter = filter.into();
        self.filter = filter;
        self
    }

    /// Returns `self` reading narratives in `language` (an `xml:lang` tag
    /// such as `"fr"`, matched on its primary subtag, case-insensitively)
    /// where a text has one, else the first narrative.
    #[must_use]
    pub fn with_language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// Returns `self` giving activities that name no recipient at all (at
    /// activity or transaction level) this country, instead of importing
    /// them without a recipient; each such activity still gets an
    /// `iati_missing_country` finding, as a warning. An override: the data
    /// do not say so.
    #[must_use]
    pub fn with_fallback_country(mut self, country: impl Into<Country>) -> Self {
        let country = country.into();
        self.fallback_country = Some(country);
        self
    }

    /// Returns `self` putting the indicators of activities none of whose
    /// DAC sectors maps onto an SSR pillar in a component of `pillar`
    /// instead of [`Pillar::Unclassified`]; each such activity has an
    /// `iati_no_ssr_component` finding, as advice. An override: the pillar
    /// is the user's, not a finding about the activity.
    #[must_use]
    pub fn with_fallback_pillar(mut self, pillar: impl Into<Pillar>) -> Self {
        let pillar = pillar.into();
        self.fallback_pillar = Some(pillar);
        self
    }

    /// The filter.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The requested narrative language, if any.
    pub fn language(&self) -> Option<&str> {
        self.language.as_deref()
    }

    /// The fallback country, if any.
    pub fn fallback_country(&self) -> Option<Country> {
        self.fallback_country
    }

    /// The fallback pillar, if any.
    pub fn fallback_pillar(&self) -> Option<Pillar> {
        self.fallback_pillar
    }

    /// Streams the activities of an IATI file with these options. See
    /// [`Activities`].
    ///
    /// # Errors
    ///
    /// When the file does not start as an IATI 2.0x `iati-activities`
    /// document; see [`ImportError`].
    pub fn activities<R: BufRead>(&self, reader: R) -> Result<Activities<R>, ImportError> {
        Activities::new(reader, self.clone())
    }

    /// Imports a whole IATI file into a portfolio. See [`Import`]. Any
    /// reader will do (a [`File`](std::fs::File), a byte slice, standard
    /// input): it is buffered here.
    ///
    /// # Errors
    ///
    /// When the file cannot be read, is not well-formed, or is not an IATI
    /// 2.0x `iati-activities` document; see [`ImportError`].
    pub fn import<R: Read>(&self, reader: R) -> Result<Import, ImportError> {
        Import::from_activities(self.activities(BufReader::with_capacity(1 << 16, reader))?)
    }

    /// Imports the IATI file at `path`. See [`import`](Self::import).
    ///
    /// ```
    /// use ssr_model::interop::iati::{Filter, ImportOptions};
    ///
    /// // The fixture's one activity is police work (DAC 15132), not 152xx.
    /// let path = "tests/fixtures/iati/kosovo.xml";
    /// let all = ImportOptions::new().import_path(path)?;
    /// assert_eq!(all.portfolio.programmes.len(), 1);
    /// let ssr = ImportOptions::new().with_filter(Filter::new().with_sector_prefix("152")?);
    /// let import = ssr.import_path(path)?;
    /// assert_eq!((import.activities, import.filtered_out), (1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`import`](Self::import); [`ImportError::Io`] when the file
    /// cannot be opened.
    pub fn import_path(&self, path: impl AsRef<Path>) -> Result<Import, ImportError> {
        self.import(File::open(path)?)
    }
}
