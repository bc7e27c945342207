//! A portfolio: the set of programmes a tool or an analysis works on.

use serde::{Deserialize, Serialize};

use super::Programme;
use super::macros::{opt_setters, pushers};

/// A collection of programmes, e.g. a donor's SSR portfolio or a research
/// sample across countries.
///
/// ```
/// use ssr_model::{Country, Portfolio, Programme};
///
/// let p = Portfolio::new()
///     .with_name("West Africa SSR")
///     .with_programme(Programme::new("Police reform", Country::new("LBR")?));
/// assert_eq!(p.programmes.len(), 1);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Portfolio {
    /// A name for the portfolio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The programmes.
    #[serde(default)]
    pub programmes: Vec<Programme>,
}

impl Portfolio {
    /// An empty portfolio.
    pub fn new() -> Self {
        Portfolio::default()
    }
}

/// A portfolio of the programmes, without a name.
///
/// ```
/// use ssr_model::{Country, Portfolio, Programme};
///
/// let names = ["Police reform", "Justice reform"];
/// let mut p: Portfolio = names.iter().map(|n| Programme::new(*n, Country::new("LBR").unwrap())).collect();
/// p.extend([Programme::new("Defence reform", Country::new("SLE")?)]);
/// assert_eq!(p.programmes.len(), 3);
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
impl FromIterator<Programme> for Portfolio {
    fn from_iter<I: IntoIterator<Item = Programme>>(iter: I) -> Self {
        Portfolio {
            name: None,
            programmes: iter.into_iter().collect(),
        }
    }
}

impl Extend<Programme> for Portfolio {
    fn extend<I: IntoIterator<Item = Programme>>(&mut self, iter: I) {
        self.programmes.extend(iter);
    }
}

opt_setters!(Portfolio {
    with_name => name: String,
});

pushers!(Portfolio {
    with_programme => programmes: Programme,
});
