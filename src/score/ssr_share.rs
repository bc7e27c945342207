//! The SSR share of money: which sectors count as security sector reform
//! ([`SsrSectors`]), and what part of a transaction they take
//! ([`ssr_share`]).

use serde::{Deserialize, Serialize};

use crate::model::SectorVocabulary;
use crate::{Programme, Sector, Transaction, ValueError};

/// Which sectors count as security sector reform: the DAC codes that start
/// with one of a list of prefixes.
///
/// The rule, by default: a sector is SSR when it is a DAC purpose code
/// (vocabulary 1) in group 152, *conflict, peace and security* (15210
/// security system management and reform, 15220 civilian peace-building,
/// 15230 peacekeeping, 15240 reintegration and SALW control, 15250 mine
/// action, 15261 child soldiers), or the DAC category 152 itself
/// (vocabulary 2). Sectors of other vocabularies never count: their codes
/// mean something else. A researcher who counts more (say justice, 1513)
/// gives the prefixes, as the importer's `--sector` filter takes them.
///
/// ```
/// use ssr_model::model::{Sector, SectorVocabulary};
/// use ssr_model::score::policy::SsrSectors;
///
/// let ssr = SsrSectors::default();
/// assert!(ssr.contains(&Sector::of(SectorVocabulary::Dac, "15210")));
/// assert!(ssr.contains(&Sector::of(SectorVocabulary::DacCategory, "152")));
/// assert!(!ssr.contains(&Sector::of(SectorVocabulary::Dac, "15130")));
/// assert!(!ssr.contains(&Sector::of(SectorVocabulary::Other("99".into()), "15210")));
/// let wider = SsrSectors::from_prefixes(["152", "1513"])?;
/// assert!(wider.contains(&Sector::of(SectorVocabulary::Dac, "15130")));
/// assert!(SsrSectors::from_prefixes(["15x"]).is_err());
/// # Ok::<(), ssr_model::model::ValueError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct SsrSectors {
    prefixes: Vec<String>,
}

impl Default for SsrSectors {
    fn default() -> Self {
        SsrSectors {
            prefixes: vec!["152".to_owned()],
        }
    }
}

impl SsrSectors {
    /// The codes starting with any of `prefixes`.
    ///
    /// # Errors
    ///
    /// When there is no prefix, or one is not one to five ASCII digits.
    pub fn from_prefixes<S: AsRef<str>>(
        prefixes: impl IntoIterator<Item = S>,
    ) -> Result<Self, ValueError> {
        let mut out = Vec::new();
        for p in prefixes {
            let p = p.as_ref().trim();
            if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ValueError::new(
                    "SSR sector prefix",
                    "one to five digits of a DAC code, such as \"152\"",
                    format!("{p:?}"),
                ));
            }
            out.push(p.to_owned());
        }
        if out.is_empty() {
            return Err(ValueError::new(
                "SSR sectors",
                "at least one DAC code prefix",
                "none",
            ));
        }
        Ok(SsrSectors { prefixes: out })
    }

    /// The prefixes, as given.
    ///
    /// ```
    /// use ssr_model::score::policy::SsrSectors;
    ///
    /// assert_eq!(SsrSectors::default().prefixes(), ["152"]);
    /// ```
    pub fn prefixes(&self) -> &[String] {
        &self.prefixes
    }

    /// Whether `sector` counts as SSR: a DAC code (vocabulary 1 or 2)
    /// starting with one of the prefixes.
    ///
    /// ```
    /// use ssr_model::model::{Sector, SectorVocabulary};
    /// use ssr_model::score::policy::SsrSectors;
    ///
    /// assert!(SsrSectors::default().contains(&Sector::of(SectorVocabulary::Dac, "15261")));
    /// ```
    pub fn contains(&self, sector: &Sector) -> bool {
        matches!(
            sector.vocabulary,
            SectorVocabulary::Dac | SectorVocabulary::DacCategory
        ) && self
            .prefixes
            .iter()
            .any(|p| sector.code.trim().starts_with(p.as_str()))
    }

    pub(crate) fn is_default(&self) -> bool {
        *self == SsrSectors::default()
    }
}

impl TryFrom<Vec<String>> for SsrSectors {
    type Error = ValueError;
    fn try_from(value: Vec<String>) -> Result<Self, Self::Error> {
        SsrSectors::from_prefixes(value)
    }
}

impl From<SsrSectors> for Vec<String> {
    fn from(s: SsrSectors) -> Vec<String> {
        s.prefixes
    }
}

/// The sectors that decide a transaction's SSR share: its own DAC sectors
/// when it has any, else the programme's; of those, vocabulary 1 when there
/// are any, else vocabulary 2.
fn deciding<'a>(programme: &'a Programme, transaction: &'a Transaction) -> Vec<&'a Sector> {
    let dac = |s: &&Sector| {
        matches!(
            s.vocabulary,
            SectorVocabulary::Dac | SectorVocabulary::DacCategory
        )
    };
    let own: Vec<&Sector> = transaction.sectors.iter().filter(dac).collect();
    let from = if own.is_empty() {
        programme.sectors.iter().filter(dac).collect()
    } else {
        own
    };
    let purpose: Vec<&Sector> = from
        .iter()
        .copied()
        .filter(|s| s.vocabulary.is_dac())
        .collect();
    if purpose.is_empty() { from } else { purpose }
}

/// The part of `transaction` (of `programme`) that is SSR, 0–1, or why it
/// is unknown.
///
/// The rule, after IATI's sector percentages:
///
/// - **Which sectors.** The transaction's own sectors of vocabulary 1 or 2
///   when it has any; else the programme's. Of those, vocabulary 1 (DAC
///   purpose codes) when there are any, else vocabulary 2 (DAC categories):
///   one vocabulary's percentages add up to the whole, two do not.
/// - **Share.** The percentages of the SSR sectors ([`SsrSectors`]) over
///   the sum of all the percentages of that vocabulary. So percentages not
///   summing to 100 are scaled to their sum, as recipient percentages over
///   100 are (validation reports `percentage_sum`).
/// - **Unknown, never guessed.** A single sector without a percentage
///   takes the whole (IATI allows leaving it out); a missing percentage
///   among several makes the share unknown; so do percentages summing to
///   0, and money with no sector of vocabulary 1 or 2. Unknown is not 0.
///
/// # Errors
///
/// The reason the share is unknown, as a sentence.
///
/// ```
/// use chrono::NaiveDate;
/// use ssr_model::{Country, Money, Programme};
/// use ssr_model::model::{Percentage, Sector, SectorCode, Transaction, TransactionType};
/// use ssr_model::score::policy::SsrSectors;
/// use ssr_model::score::programme::ssr_share;
///
/// let day = NaiveDate::from_ymd_opt(2021, 5, 1).ok_or("date")?;
/// let sector = |code, pct| Sector::new(SectorCode::new(code).unwrap()).with_percentage(Percentage::new(pct).unwrap());
/// // 15210 at 20 % and 12220 at 30 %: 20 / (20 + 30) = 40 % SSR.
/// let p = Programme::new("x", Country::new("UGA")?)
///     .with_sector(sector(15210, 20.0))
///     .with_sector(sector(12220, 30.0));
/// let t = Transaction::new(TransactionType::Disbursement, day, Money::parse("1000", "EUR")?, day);
/// assert_eq!(ssr_share(&p, &t, &SsrSectors::default()), Ok(0.4));
/// // A transaction's own sector decides for it: 12220 alone is 0 % SSR.
/// let own = t.clone().with_sector(SectorCode::new(12220)?);
/// assert_eq!(ssr_share(&p, &own, &SsrSectors::default()), Ok(0.0));
/// // A missing percentage among several: unknown, with the reason.
/// let q = Programme::new("y", Country::new("NER")?)
///     .with_sector(Sector::new(SectorCode::new(15210)?))
///     .with_sector(sector(12220, 50.0));
/// assert_eq!(
///     ssr_share(&q, &t, &SsrSectors::default()).unwrap_err(),
///     "sector 15210 has no percentage among 2 of vocabulary 1"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn ssr_share(
    programme: &Programme,
    transaction: &Transaction,
    rule: &SsrSectors,
) -> Result<f64, String> {
    let chosen = deciding(programme, transaction);
    let Some(first) = chosen.first() else {
        return Err("no sector of vocabulary 1 or 2".to_owned());
    };
    let vocabulary = &first.vocabulary;
    if let [only] = chosen.as_slice()
        && only.percentage.is_none()
    {
        return Ok(if rule.contains(only) { 1.0 } else { 0.0 });
    }
    let mut sum = 0.0;
    let mut part = 0.0;
    for s in &chosen {
        let Some(p) = s.percentage else {
            return Err(format!(
                "sector {} has no percentage among {} of vocabulary {vocabulary}",
                s.code,
                chosen.len()
            ));
        };
        sum += p.get();
        if rule.contains(s) {
            part += p.get();
        }
    }
    if sum <= 0.0 {
        return Err(format!(
            "sector percentages of vocabulary {vocabulary} sum to 0"
        ));
    }
    Ok(part / sum)
}
