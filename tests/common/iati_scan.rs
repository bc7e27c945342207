//! An independent scan of IATI XML text for tests: plain string search, no
//! XML parser, so that counts compared with the importer's come from a
//! different method. Good enough for the well-formed real files in
//! ../shared/data/iati and the fixtures; not a general XML reader.

use std::path::{Path, PathBuf};

use super::shared;

/// The folder of real IATI files, or `None` (said once per test program,
/// see `shared.rs`) when a plain clone has no ../shared beside it.
pub fn shared_iati() -> Option<PathBuf> {
    shared::present().then(shared::iati_dir)
}

/// Every `*.xml` file under `dir`, recursively, sorted by path.
pub fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The text of each `<iati-activity>` element.
pub fn activity_chunks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("<iati-activity") {
        let start = from + i;
        let after = start + "<iati-activity".len();
        if text[after..].starts_with('s') {
            from = after; // <iati-activities
            continue;
        }
        let end =
            after + text[after..].find("</iati-activity>").unwrap() + "</iati-activity>".len();
        out.push(&text[start..end]);
        from = end;
    }
    out
}

/// The start tags `<name ...>` in `text` (not `<name-more`).
pub fn start_tags<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(&open) {
        let start = from + i;
        let next = text[start + open.len()..].chars().next();
        let end = start + text[start..].find('>').unwrap() + 1;
        if matches!(next, Some(' ' | '>' | '/' | '\n' | '\t')) {
            out.push(&text[start..end]);
        }
        from = end;
    }
    out
}

/// The whole elements `<name ...>...</name>` (or self-closed) in `text`;
/// `name` must not nest in itself.
pub fn elements<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut from = 0;
    for tag in start_tags(text, name) {
        let start = from + text[from..].find(tag).unwrap();
        let end = if tag.ends_with("/>") {
            start + tag.len()
        } else {
            start + text[start..].find(&close).unwrap() + close.len()
        };
        out.push(&text[start..end]);
        from = end;
    }
    out
}

/// Text with the XML entities the files use decoded.
pub fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').unwrap();
        let entity = &rest[i + 1..i + end];
        out.push(match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ if entity.starts_with("#x") => {
                char::from_u32(u32::from_str_radix(&entity[2..], 16).unwrap()).unwrap()
            }
            _ => char::from_u32(entity[1..].parse().unwrap()).unwrap(),
        });
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    out
}

pub fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    Some(&tag[i..i + tag[i..].find('"')?])
}

pub fn identifier(chunk: &str) -> &str {
    let i = chunk.find("<iati-identifier>").unwrap() + "<iati-identifier>".len();
    chunk[i..i + chunk[i..].find("</iati-identifier>").unwrap()].trim()
}

/// The activity with its transactions cut out, to see activity-level tags.
pub fn activity_level(chunk: &str) -> String {
    let mut out = chunk.to_owned();
    for tx in elements(chunk, "transaction") {
        out = out.replacen(tx, "", 1);
    }
    out
}

/// DAC 5-digit codes of the activity-level sectors.
pub fn dac_sectors(chunk: &str) -> Vec<String> {
    start_tags(&activity_level(chunk), "sector")
        .into_iter()
        .filter(|t| matches!(attr(t, "vocabulary"), None | Some("1")))
        .filter_map(|t| attr(t, "code").map(str::to_owned))
        .collect()
}

/// What the scan counts in one activity.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts {
    /// `iati-activity` elements.
    pub activities: usize,
    /// Activities with a DAC 152xx sector, at activity or transaction level.
    pub ssr: usize,
    /// Recipient countries and (OECD DAC) regions.
    pub recipients: usize,
    /// Transactions by IATI 2.03 TransactionType code.
    pub transactions: std::collections::BTreeMap<u8, usize>,
    /// `budget` elements.
    pub budgets: usize,
    /// `indicator` elements.
    pub indicators: usize,
    /// `period` elements of indicators.
    pub periods: usize,
}

impl Counts {
    /// Adds `other` to `self`.
    pub fn add(&mut self, other: &Counts) {
        self.activities += other.activities;
        self.ssr += other.ssr;
        self.recipients += other.recipients;
        for (k, n) in &other.transactions {
            *self.transactions.entry(*k).or_default() += n;
        }
        self.budgets += other.budgets;
        self.indicators += other.indicators;
        self.periods += other.periods;
    }
}

/// The IATI 2.03 code of a TransactionType as written: digits, or the 1.x
/// letters.
fn transaction_code(text: &str) -> u8 {
    if let Ok(n) = text.parse() {
        return n;
    }
    let letters = ["IF", "C", "D", "E", "IR", "LR", "R", "QP", "QS", "CG"];
    let i = letters.iter().position(|l| *l == text).unwrap();
    u8::try_from(i).unwrap() + 1
}

/// Whether a `sector` or `recipient-region` start tag uses the DAC/OECD
/// vocabulary (1, or none, or `DAC` as IATI 1.x wrote it).
fn dac_vocabulary(tag: &str) -> bool {
    matches!(attr(tag, "vocabulary"), None | Some("1" | "DAC"))
}

/// The counts of one `iati-activity` chunk.
pub fn scan(chunk: &str) -> Counts {
    let own = activity_level(chunk);
    let ssr = start_tags(chunk, "sector")
        .iter()
        .any(|t| dac_vocabulary(t) && attr(t, "code").is_some_and(|c| c.starts_with("152")));
    let mut recipients = start_tags(&own, "recipient-country").len()
        + start_tags(&own, "recipient-region")
            .iter()
            .filter(|t| dac_vocabulary(t))
            .count();
    let named_at_activity = !start_tags(&own, "recipient-country").is_empty()
        || !start_tags(&own, "recipient-region").is_empty();
    let mut transactions = std::collections::BTreeMap::new();
    let mut places: Vec<String> = Vec::new();
    for tx in elements(chunk, "transaction") {
        let kind = start_tags(tx, "transaction-type")[0];
        *transactions
            .entry(transaction_code(attr(kind, "code").unwrap()))
            .or_insert(0) += 1;
        let country = start_tags(tx, "recipient-country")
            .first()
            .map(|t| format!("country {}", attr(t, "code").unwrap()));
        let region = start_tags(tx, "recipient-region")
            .into_iter()
            .find(|t| dac_vocabulary(t))
            .map(|t| format!("region {}", attr(t, "code").unwrap()));
        if let Some(place) = country.or(region)
            && !places.contains(&place)
        {
            places.push(place);
        }
    }
    if !named_at_activity {
        recipients = places.len();
    }
    let indicators = elements(chunk, "indicator");
    Counts {
        activities: 1,
        ssr: usize::from(ssr),
        recipients,
        transactions,
        budgets: start_tags(chunk, "budget").len(),
        indicators: indicators.len(),
        periods: indicators
            .iter()
            .map(|i| start_tags(i, "period").len())
            .sum(),
    }
}
