//! The HTML report (`ssr_model::html`) read back as markup: balanced
//! elements, every chart an accessible image with a title and a text
//! alternative, nothing fetched from elsewhere, names from the data
//! escaped, one rank row per ranked programme with the scorecard's
//! interval, findings counted by code, and unknown shown as "unknown".

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ssr_model::diagnostics::ValidationPolicy;
use ssr_model::html::HtmlReport;
use ssr_model::model::{Role, StakeholderKind, Transaction, TransactionType};
use ssr_model::score::policy::ScoringPolicy;
use ssr_model::{Country, Money, Portfolio, Programme, Scorer, Stakeholder};

/// The default scorer with few Monte Carlo replications (the report shows
/// what the scorecard holds, however many).
fn scorer() -> Scorer {
    let mut policy = ScoringPolicy::default();
    policy.uncertainty.replications = 50;
    Scorer::new(policy).unwrap()
}

fn report(portfolio: &Portfolio) -> String {
    let scorer = scorer();
    let card = scorer.rank(portfolio);
    let findings = ssr_model::validate::validate(portfolio, &ValidationPolicy::default());
    HtmlReport::new(portfolio, &card)
        .with_findings(&findings)
        .with_scorer(&scorer)
        .to_html()
}

/// A start or end tag: its name, whether it closes, whether it closes
/// itself, and where it starts.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    at: usize,
}

/// The tags of `html`, in order (comments and the doctype skipped). A
/// reader of its own, so that the test does not trust the writer.
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    let mut offset = 0;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').expect("every tag is closed by >");
        let text = &after[..end];
        if !text.starts_with('!') {
            let closing = text.starts_with('/');
            let body = text.trim_start_matches('/');
            let name: String = body
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            assert!(!name.is_empty(), "a bare < in text at {}", offset + start);
            out.push(Tag {
                name,
                closing,
                self_closing: text.ends_with('/'),
                at: offset + start,
            });
        }
        let consumed = start + 1 + end + 1;
        rest = &rest[consumed..];
        offset += consumed;
    }
    out
}

const VOID: [&str; 2] = ["meta", "br"];

/// Every element closed in order: a stack of open tags.
fn assert_balanced(html: &str) {
    let mut stack: Vec<String> = Vec::new();
    for tag in tags(html) {
        if tag.self_closing || VOID.contains(&tag.name.as_str()) {
            continue;
        }
        if tag.closing {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{}> closes nothing", tag.name));
            assert_eq!(
                open, tag.name,
                "</{}> closes <{open}> at {}",
                tag.name, tag.at
            );
        } else {
            stack.push(tag.name);
        }
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
}

/// The text of each `<svg>…</svg>` element.
fn svgs(html: &str) -> Vec<&str> {
    html.match_indices("<svg")
        .map(|(i, _)| {
            let end = html[i..].find("</svg>").expect("closed") + i + "</svg>".len();
            &html[i..end]
        })
        .collect()
}

/// The text between `<tag …>` and `</tag>`, the first one in `html`.
fn inner<'a>(html: &'a str, tag: &str) -> Option<&'a str> {
    let open = html.find(&format!("<{tag}"))?;
    let start = open + html[open..].find('>')? + 1;
    let end = start + html[start..].find(&format!("</{tag}>"))?;
    Some(&html[start..end])
}

/// Text as the report must write it: `&`, `<`, `>`, `"`, `'` escaped.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
#[should_panic(expected = "closes")]
fn the_markup_reader_sees_a_misnested_element() {
    assert_balanced("<p><b>bold</p></b>");
}

#[test]
fn the_page_is_balanced_markup_with_no_script_and_nothing_fetched() {
    let html = report(&ssr_model::samples::portfolio());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_balanced(&html);
    let names: Vec<String> = tags(&html).into_iter().map(|t| t.name).collect();
    assert!(!names.iter().any(|n| n == "script"), "no JavaScript");
    assert!(
        !names
            .iter()
            .any(|n| n == "link" || n == "img" || n == "iframe")
    );
    // No address but the SVG namespace: nothing to fetch, no link out.
    let rest = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(!rest.contains("http://") && !rest.contains("https://"));
    assert!(!rest.contains("url(http") && !rest.contains("@import"));
    // A print stylesheet with a page per programme.
    assert!(html.contains("@media print"));
    assert!(html.contains("break-before: page"));
}

#[test]
fn every_chart_is_an_image_with_a_title_and_a_text_alternative() {
    let html = report(&ssr_model::samples::portfolio());
    let charts = svgs(&html);
    // Ranks and findings, and per programme at least dimensions, levels
    // and the risk and stakeholder grids.
    assert!(charts.len() >= 2 + 4 * 7, "{} charts", charts.len());
    let mut ids = std::collections::HashSet::new();
    for svg in charts {
        let open = &svg[..svg.find('>').unwrap()];
        assert!(open.contains(r#"role="img""#), "{open}");
        let title = inner(svg, "title").expect("a <title>");
        let desc = inner(svg, "desc").expect("a <desc>");
        assert!(!title.trim().is_empty() && !desc.trim().is_empty());
        // The title and description come first, and label the image.
        let first_child = &svg[open.len() + 1..];
        assert!(first_child.starts_with("<title id="), "{first_child:.80}");
        let labelled = open.split("aria-labelledby=\"").nth(1).unwrap();
        let labelled = &labelled[..labelled.find('"').unwrap()];
        for id in labelled.split(' ') {
            assert!(
                svg.contains(&format!("id=\"{id}\"")),
                "{id} is in the chart"
            );
            assert!(ids.insert(id.to_owned()), "{id} is unique on the page");
        }
        // The text alternative gives numbers, not just a caption.
        assert!(desc.chars().any(|c| c.is_ascii_digit()), "{desc}");
    }
}

#[test]
fn names_from_the_data_are_escaped() {
    let mut portfolio = ssr_model::samples::portfolio();
    let evil = r#"<script>alert("x")</script> & 'Co'"#;
    portfolio.programmes[0].name = evil.to_owned();
    portfolio.programmes[1].stakeholders[0].name = "<b>bold</b>".to_owned();
    let html = report(&portfolio);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>"));
    assert!(html.contains(&escaped(evil)));
    assert!(html.contains("&lt;b&gt;bold&lt;/b&gt;"));
    assert_balanced(&html);
}

#[test]
fn one_rank_row_per_ranked_programme_with_the_scorecards_interval() {
    let portfolio = ssr_model::samples::portfolio();
    let html = report(&portfolio);
    let card = scorer().rank(&portfolio);
    let uncertainty = card.uncertainty.as_ref().unwrap();
    let rows: Vec<&str> = html
        .split(r#"<tr class="rank-row""#)
        .skip(1)
        .map(|r| &r[..r.find("</tr>").unwrap()])
        .collect();
    let ranked: Vec<_> = card
        .comparison
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .collect();
    assert_eq!(rows.len(), ranked.len());
    assert_eq!(rows.len(), uncertainty.programmes.len());
    let cell = |row: &str, class: &str| -> f64 {
        let at = row.find(&format!("class=\"num {class}\">")).unwrap();
        let text = &row[at..];
        let text = &text[text.find('>').unwrap() + 1..text.find("</td>").unwrap()];
        text.parse().unwrap()
    };
    let mut last_rank = 0;
    for row in rows {
        let id = row.split("data-programme=\"").nth(1).unwrap();
        let id = &id[..id.find('"').unwrap()];
        let stats = uncertainty
            .programmes
            .iter()
            .find(|s| s.programme.to_string() == id)
            .expect("a ranked programme");
        // Printed to one decimal at most: within 0.05 of the scorecard.
        assert!((cell(row, "p05") - stats.p05).abs() <= 0.05, "{row}");
        assert!((cell(row, "p95") - stats.p95).abs() <= 0.05, "{row}");
        assert!((cell(row, "median") - stats.median).abs() <= 0.05, "{row}");
        assert!(row.contains(&escaped(&stats.name)));
        let rank: u32 = {
            let r = &row[row.find("class=\"rank\">").unwrap() + 13..];
            r[..r.find('<').unwrap()].parse().unwrap()
        };
        assert_eq!(rank, stats.nominal);
        assert!(rank > last_rank, "rows in rank order");
        last_rank = rank;
    }
}

#[test]
fn findings_are_counted_by_code_and_severity() {
    let portfolio = ssr_model::samples::portfolio();
    let findings = ssr_model::validate::validate(&portfolio, &ValidationPolicy::default());
    let html = report(&portfolio);
    let mut expected: BTreeMap<(String, String), usize> = BTreeMap::new();
    for f in findings.iter() {
        *expected
            .entry((f.code.to_string(), f.severity.to_string()))
            .or_default() += 1;
    }
    let rows: Vec<&str> = html.split(r#"<tr class="finding-row">"#).skip(1).collect();
    assert_eq!(rows.len(), expected.len());
    for ((code, severity), n) in expected {
        let row = rows
            .iter()
            .find(|r| {
                r.contains(&format!("<code>{code}</code>")) && r.contains(&format!(">{severity}<"))
            })
            .unwrap_or_else(|| panic!("a row for {code} ({severity})"));
        assert!(
            row.contains(&format!("<td class=\"num\">{n}</td>")),
            "{row}"
        );
    }
}

#[test]
fn unknown_values_are_shown_as_unknown_never_as_zero() {
    let day = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap();
    // Money in 2021 with no expenditure reported, a stakeholder nobody
    // assessed, no indicator, no evaluation, no risk register.
    let bare = Programme::new("Bare programme", Country::new("MLI").unwrap())
        .with_transaction(Transaction::new(
            TransactionType::Disbursement,
            day,
            Money::parse("1000", "EUR").unwrap(),
            day,
        ))
        .with_stakeholder(
            Stakeholder::new("Ministry of Security", StakeholderKind::NationalGovernment)
                .with_role(Role::Implementing),
        );
    let mut portfolio = ssr_model::samples::portfolio();
    portfolio.programmes.push(bare);
    let html = report(&portfolio);
    let section = &html[html.find(r#"id="programme-8""#).unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert_balanced(section);
    // The stat cards: no evaluation, no results score.
    assert!(
        section
            .contains(r#"<span class="k">Evaluation</span><span class="v unknown">unknown</span>"#)
    );
    assert!(
        section.contains(
            r#"<span class="k">Results score</span><span class="v unknown">unknown</span>"#
        )
    );
    // The dimensions' text alternative says unknown, not 0.
    let dims = svgs(section)[0];
    let desc = inner(dims, "desc").unwrap();
    assert!(desc.contains("Evaluation: unknown"), "{desc}");
    assert!(!desc.contains("Evaluation: 0"), "{desc}");
    // Money by year: 1,000 disbursed, nothing committed or spent stated.
    let money = svgs(section)
        .into_iter()
        .find(|s| inner(s, "title").is_some_and(|t| t.starts_with("Money by year")))
        .expect("a money chart");
    let desc = inner(money, "desc").unwrap();
    assert!(
        desc.contains("2021: committed unknown, disbursed 1,000, spent unknown"),
        "{desc}"
    );
    // The stakeholder is listed with unknown influence and interest.
    assert!(section.contains("Ministry of Security"));
    assert!(section.contains(r#"<td class="num"><span class="unknown">unknown</span></td>"#));
    // Not ranked, with the reason in words.
    assert!(section.contains("not ranked: too few indicator values"));
}
