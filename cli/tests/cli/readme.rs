//! The README's command-line quick start, run as written: the shell block
//! after `<!-- snippet: cli-quick-start -->`, by bash, in a scratch folder
//! holding a copy of `examples/data`, with this build's `ssr` first on the
//! PATH. The expected figures are worked by hand from `examples/data`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root (the CLI package is `cli/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli/ sits in the repository")
        .to_path_buf()
}

/// The fenced block right after the marker `<!-- snippet: NAME -->`.
fn snippet(markdown: &str, name: &str) -> String {
    let marker = format!("<!-- snippet: {name} -->");
    let after = markdown
        .split_once(&marker)
        .unwrap_or_else(|| panic!("the marker {marker} is in the page"))
        .1;
    let mut lines = after.lines().skip_while(|l| l.trim().is_empty());
    let fence = lines.next().expect("a fenced block follows the marker");
    assert!(
        fence.starts_with("```"),
        "a fence follows {marker}: {fence}"
    );
    lines
        .take_while(|l| !l.starts_with("```"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A scratch folder of the snippet `name` with `examples/data` and a
/// `bin/ssr` of this build.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli_readme-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    copy_folder(&root().join("examples/data"), &dir.join("examples/data"));
    std::fs::create_dir_all(dir.join("bin")).unwrap();
    let ssr = Path::new(env!("CARGO_BIN_EXE_ssr"));
    #[cfg(unix)]
    std::os::unix::fs::symlink(ssr, dir.join("bin/ssr")).unwrap();
    #[cfg(not(unix))]
    std::fs::copy(ssr, dir.join("bin/ssr")).unwrap();
    dir
}

/// The flows row of `programme` (its IATI identifier), `year` and
/// transaction type, as a map from column to cell.
fn flow(csv: &str, programme: &str, year: &str, kind: &str) -> Vec<(String, String)> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    let rows: Vec<Vec<(String, String)>> = lines
        .map(|l| {
            header
                .iter()
                .zip(l.split(','))
                .map(|(h, c)| ((*h).to_owned(), c.to_owned()))
                .collect()
        })
        .filter(|row: &Vec<(String, String)>| {
            let get = |k: &str| row.iter().find(|(h, _)| h == k).map(|(_, c)| c.as_str());
            get("external_id") == Some(programme)
                && get("year") == Some(year)
                && get("transaction_type") == Some(kind)
        })
        .collect();
    assert_eq!(rows.len(), 1, "one {programme} {year} {kind} row in\n{csv}");
    rows.into_iter().next().unwrap()
}

fn cell<'a>(row: &'a [(String, String)], column: &str) -> &'a str {
    row.iter()
        .find(|(h, _)| h == column)
        .map(|(_, c)| c.as_str())
        .unwrap_or_else(|| panic!("a {column} column"))
}

#[test]
fn the_readme_cli_quick_start_runs_as_written() {
    let (dir, stdout) = run_snippet("README.md", "cli-quick-start");

    // Five activities, of which the Kenyan education one (DAC 11220) has no
    // 152xx sector: four programmes.
    let document = std::fs::read(dir.join("ssr.json")).unwrap();
    let portfolio = ssr_model::document::from_slice(&document).unwrap();
    assert_eq!(portfolio.programmes.len(), 4);

    let flows = std::fs::read_to_string(dir.join("flows.csv")).unwrap();
    // Liberia: 500,000 EUR disbursed on 2019-09-30; SSR sectors 15210 at
    // 60 % (15130 is not 152xx): 300,000 EUR SSR. The rate in force is that
    // of 2019-01-01, 0.89 EUR per USD: 500,000 / 0.89 = 561,797.7528 USD and
    // 300,000 / 0.89 = 337,078.6517 USD.
    let liberia = flow(&flows, "XM-EXAMPLE-A-1", "2019", "disbursement");
    assert_eq!(cell(&liberia, "amount"), "500000");
    assert_eq!(cell(&liberia, "ssr_amount"), "300000");
    assert_eq!(cell(&liberia, "currency"), "EUR");
    assert_eq!(cell(&liberia, "converted_amount"), "561797.7528");
    assert_eq!(cell(&liberia, "converted_ssr_amount"), "337078.6517");
    assert_eq!(cell(&liberia, "rate_date"), "2019-01-01");
    // Tunisia: 500,000 USD disbursed in 2021, half of it under 15210.
    let tunisia = flow(&flows, "XM-EXAMPLE-B-2", "2021", "disbursement");
    assert_eq!(cell(&tunisia, "ssr_amount"), "250000");
    assert_eq!(cell(&tunisia, "converted_ssr_amount"), "250000");
    // Mali: 350,000 USD in a EUR activity (a second currency), all 15240.
    let mali = flow(&flows, "XM-EXAMPLE-A-2", "2021", "disbursement");
    assert_eq!(cell(&mali, "currency"), "USD");
    assert_eq!(cell(&mali, "ssr_amount"), "350000");
    assert_eq!(cell(&mali, "converted_ssr_amount"), "350000");

    // The rank table and the report name every programme (by the start of
    // its title).
    for title in [
        "Police accountability",
        "Community security",
        "Defence reform",
        "Border management",
    ] {
        assert!(stdout.contains(title), "{title} in\n{stdout}");
    }
}

/// Runs the snippet `name` of the page `page` by bash in a fresh scratch
/// folder and returns the folder and what it printed; fails with the
/// script's output when it fails.
fn run_snippet(page: &str, name: &str) -> (PathBuf, String) {
    let markdown = std::fs::read_to_string(root().join(page)).unwrap();
    let script = snippet(&markdown, name);
    let dir = scratch(name);
    let path = format!(
        "{}:{}",
        dir.join("bin").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-euo", "pipefail", "-c", &script])
        .current_dir(&dir)
        .env("PATH", path)
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{page} {name} failed:\n{script}\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_command_line_page_runs_as_written() {
    let (dir, _) = run_snippet("docs/cli.md", "cli-commands");
    let scores = std::fs::read_to_string(dir.join("scores.csv")).unwrap();
    assert!(scores.starts_with("programme_id,"), "{scores}");
}

#[test]
fn the_iati_page_runs_as_written() {
    let (dir, _) = run_snippet("docs/iati.md", "iati-commands");
    // donor-a.xml: three activities, two with 152xx sectors (Liberia and
    // Mali); Liberia's two indicators have two periods each and Mali's one
    // has one: five indicator periods.
    let periods = std::fs::read_to_string(dir.join("indicator_periods.csv")).unwrap();
    assert_eq!(periods.lines().count(), 1 + 5, "{periods}");
}

#[test]
fn the_tables_page_runs_as_written() {
    let (dir, _) = run_snippet("docs/tables.md", "tables-commands");
    assert!(dir.join("tables/programmes.parquet").is_file());
    assert!(dir.join("csv-tables/programmes.csv").is_file());
    assert!(dir.join("money/flows.csv").is_file());
}

/// A number of the README's table: `0.12`, `-0.03`.
fn figure(cell: &str) -> f64 {
    cell.trim()
        .parse()
        .unwrap_or_else(|_| panic!("a number: {cell}"))
}

#[test]
fn the_readme_sensitivity_table_is_what_the_command_prints() {
    let (dir, _) = run_snippet("README.md", "sensitivity-table");
    let csv = std::fs::read_to_string(dir.join("sensitivity.csv")).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    // The mean-rank-shift rows: no programme, so no comma inside a name.
    let printed: Vec<Vec<&str>> = lines
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|r| r[col("output")] == "mean_rank_shift")
        .collect();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let after = readme
        .split_once("| factor | S_i (95 % interval) | S_Ti (95 % interval) |")
        .expect("the README has the sensitivity table")
        .1;
    let rows: Vec<&str> = after
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(rows.len(), printed.len(), "one README row per factor");
    for (row, got) in rows.iter().zip(&printed) {
        // | `factor` | S (low to high) | S_T (low to high) |
        let cells: Vec<&str> = row.trim_matches('|').split('|').collect();
        assert_eq!(cells[0].trim().trim_matches('`'), got[col("factor")]);
        for (cell, names) in cells[1..].iter().zip([
            ["s_first", "s_first_low", "s_first_high"],
            ["s_total", "s_total_low", "s_total_high"],
        ]) {
            let (value, interval) = cell.trim().split_once(" (").unwrap();
            let (low, high) = interval.trim_end_matches(')').split_once(" to ").unwrap();
            for (shown, name) in [value, low, high].into_iter().zip(names) {
                let exact: f64 = got[col(name)].parse().unwrap();
                // Shown to two decimals.
                assert!(
                    (figure(shown) - exact).abs() <= 0.005 + 1e-12,
                    "{name} of {}: README {shown}, ssr {exact}",
                    got[col("factor")]
                );
            }
        }
    }
}
