//! The crate's layers, read from its `use crate::…` lines: data flows one
//! way, so nothing lower imports anything higher, and siblings (`validate`,
//! `score`, `document`) do not import each other. Doc links are not
//! imports; test modules may reach anywhere.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A layer's rank: a module may import modules of a lower rank only (and
/// itself).
fn rank(module: &str) -> Option<u8> {
    Some(match module {
        "model" => 0,
        "diagnostics" | "samples" => 1,
        "validate" | "score" | "document" => 2,
        "tables" | "html" => 3,
        "interop" => 4,
        _ => return None,
    })
}

/// The module a root-level name (`crate::Programme`) is defined in.
fn root_home(name: &str) -> &'static str {
    match name {
        "Scorer" | "Scorecard" => "score",
        "Report" | "Finding" => "diagnostics",
        _ => "model",
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text of a file's `use crate::…;` statements outside test modules.
fn crate_uses(text: &str) -> Vec<String> {
    let code = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    let mut uses = Vec::new();
    let mut current: Option<String> = None;
    for line in code.lines() {
        let line = line.trim();
        if line.starts_with("//") {
            continue;
        }
        if let Some(statement) = current.as_mut() {
            statement.push_str(line);
        } else if let Some(at) = line.find("use crate::") {
            current = Some(line[at + "use crate::".len()..].to_owned());
        }
        if current.as_deref().is_some_and(|s| s.contains(';')) {
            uses.extend(current.take());
        }
    }
    uses
}

/// The top-level modules a `use crate::…` statement names.
fn modules_named(statement: &str) -> BTreeSet<String> {
    let body = statement.trim_end_matches(';').trim();
    let mut out = BTreeSet::new();
    let branches: Vec<&str> = match body.strip_prefix('{') {
        Some(inner) => split_top(inner.trim_end_matches('}')),
        None => vec![body],
    };
    for branch in branches {
        let first = branch.trim().split("::").next().unwrap_or_default().trim();
        let first = first.split(" as ").next().unwrap_or_default().trim();
        if first.is_empty() || first == "self" {
            continue;
        }
        if first.starts_with(char::is_uppercase) {
            out.insert(root_home(first).to_owned());
        } else {
            out.insert(first.to_owned());
        }
    }
    out
}

/// Splits a use group's inside at its top-level commas.
fn split_top(inner: &str) -> Vec<&str> {
    let (mut depth, mut start, mut parts) = (0usize, 0usize, Vec::new());
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
}

#[test]
fn imports_run_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        if relative.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let first = relative.components().next().expect("a path");
        let own = first.as_os_str().to_string_lossy();
        let own = own.trim_end_matches(".rs");
        let Some(own_rank) = rank(own) else { continue };
        let text = std::fs::read_to_string(file).expect("a readable source file");
        for statement in crate_uses(&text) {
            for module in modules_named(&statement) {
                if module == own {
                    continue;
                }
                if rank(&module).is_some_and(|r| r >= own_rank) {
                    wrong.push(format!(
                        "{}: `use crate::{statement}` ({own} → {module})",
                        relative.display()
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that run up or across the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_layering_check_sees_a_violation() {
    // The reader itself: a group, a root name and an alias.
    let uses = crate_uses(
        "use crate::{score::Scorer, Programme as P};\n#[cfg(test)]\nmod tests { use crate::tables::Table; }",
    );
    assert_eq!(uses.len(), 1);
    let named = modules_named(&uses[0]);
    assert_eq!(named.into_iter().collect::<Vec<_>>(), ["model", "score"]);
}
