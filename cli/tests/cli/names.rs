//! Names that agree: a table name means the same table in every command
//! (and is a `TableName`, the names Python and the Parquet files use);
//! programme names are never cut; counted nouns agree with their number;
//! unranked programmes are one counted line, the full list in JSON.

use ssr_model::tables::TableName;

use crate::findings::{nowhere, ssr, temp_file, text};

/// The values clap offers for `--table` of a command, from its refusal of
/// a value that is none of them.
fn table_values(args: &[&str]) -> Vec<String> {
    let out = ssr(args);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let list = stderr
        .split("[possible values: ")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_else(|| panic!("no possible values in {stderr}"));
    list.split(", ").map(str::to_owned).collect()
}

/// The header line of a CSV output.
fn header(out: &std::process::Output) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_table_name_is_the_same_table_in_score_import_and_export() {
    let sample = temp_file("names-sample.json", &text(&ssr(&["sample"]).stdout));
    let sample = sample.to_str().unwrap();
    let score = table_values(&["score", "-", "--format", "csv", "--table", "nonsense"]);
    assert_eq!(
        score,
        [
            "scores",
            "flows",
            "objective_scores",
            "coherence",
            "outliers"
        ]
    );
    for name in &score {
        let table: TableName = name.parse().unwrap();
        let from_score = header(&ssr(&["score", sample, "--format", "csv", "--table", name]));
        let from_export = header(&ssr(&["export", sample, "--table", table.as_str()]));
        assert_eq!(from_score, from_export, "{name}");
    }

    let iati = nowhere();
    let iati = iati.to_str().unwrap();
    let fallback = ["--fallback-country", "MLI"];
    let imported = ssr(&[&["import-iati", iati][..], &fallback].concat());
    let document = temp_file("names-imported.json", &text(&imported.stdout));
    let document = document.to_str().unwrap();
    let import = table_values(&[
        "import-iati",
        iati,
        "--format",
        "csv",
        "--table",
        "nonsense",
    ]);
    assert_eq!(
        import,
        [
            "programmes",
            "indicators",
            "indicator_periods",
            "findings",
            "breakdowns"
        ]
    );
    for name in &import {
        let table: TableName = name.parse().unwrap();
        let args = [
            &["import-iati", iati, "--format", "csv", "--table", name][..],
            &fallback,
        ]
        .concat();
        let from_import = header(&ssr(&args));
        let from_export = header(&ssr(&["export", document, "--table", table.as_str()]));
        assert_eq!(from_import, from_export, "{name}");
    }
    // The old name of the scores table is no longer a second name.
    let out = ssr(&["score", sample, "--format", "csv", "--table", "measures"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The sample with its first programme renamed to `name`, and five
/// imported programmes without results (never ranked) beside it.
fn sample_with(name: &str, file: &str) -> String {
    let mut sample: serde_json::Value = serde_json::from_slice(&ssr(&["sample"]).stdout).unwrap();
    *sample.pointer_mut("/programmes/0/name").unwrap() = name.into();
    let iati = nowhere();
    let imported = ssr(&[
        "import-iati",
        iati.to_str().unwrap(),
        "--fallback-country",
        "MLI",
    ]);
    let imported: serde_json::Value = serde_json::from_slice(&imported.stdout).unwrap();
    let imported = imported.get("programmes").unwrap().as_array().unwrap();
    let programmes = sample.get_mut("programmes").unwrap();
    programmes
        .as_array_mut()
        .unwrap()
        .extend(imported.iter().cloned());
    let path = temp_file(file, &sample.to_string());
    path.to_str().unwrap().to_owned()
}

const LONG: &str = "Strengthening the accountability of the police and the justice sector in five northern provinces";

#[test]
fn programme_names_are_printed_whole() {
    let file = sample_with(LONG, "names-whole.json");
    for command in ["score", "rank"] {
        let out = ssr(&[command, &file]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(stdout.contains(LONG), "{command}: {stdout}");
    }
}

#[test]
fn unranked_programmes_are_one_counted_line_and_listed_in_json() {
    let file = sample_with(LONG, "names-unranked.json");
    let out = ssr(&["rank", &file, "--replications", "50"]);
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("not ranked"))
        .collect();
    // The five imported programmes have no results; the sample's are all
    // ranked.
    assert_eq!(
        lines,
        [
            "not ranked: 5 programmes: 5 insufficient_results (too few indicator values for the results score) (each one: --format json or csv)"
        ],
        "{stdout}"
    );
    let json = ssr(&["rank", &file, "--replications", "50", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let unranked: Vec<&serde_json::Value> = json["comparison"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["not_ranked"] == "insufficient_results")
        .collect();
    assert_eq!(unranked.len(), 5);
    assert!(
        unranked
            .iter()
            .all(|r| r["name"].as_str().unwrap().starts_with("Police training"))
    );
}

#[test]
fn counted_nouns_agree_with_their_number() {
    let file = sample_with(LONG, "names-plurals.json");
    let mut all = String::new();
    for command in ["report", "score", "rank"] {
        all.push_str(&text(&ssr(&[command, &file]).stdout));
    }
    assert!(!all.contains("(s)"), "{all}");
    for noun in [
        "evaluations",
        "indicators",
        "risks",
        "components",
        "objectives",
        "programmes",
        "funders",
        "amounts",
        "funding sources",
    ] {
        let wrong = format!(" 1 {noun}");
        assert!(!all.contains(&wrong), "{wrong:?} in {all}");
    }
}

#[test]
fn help_texts_say_nothing_of_internal_memory_bounds() {
    for command in [
        "report",
        "validate",
        "import-iati",
        "score",
        "rank",
        "export",
    ] {
        let help = text(&ssr(&[command, "--help"]).stdout);
        assert!(!help.contains("Memory:"), "{command}: {help}");
        assert!(!help.contains("bytes ×"), "{command}: {help}");
    }
}
