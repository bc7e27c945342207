//! The crate's layers, read from its `use crate::…` lines: data flows one
//! way, so nothing lower imports anything higher, and siblings (`validate`,
//! `score`, `document`) do not import each other; inside `score`, no two
//! submodules import each other. Doc links are not imports; test modules
//! may reach anywhere.

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

// Inside `score`: no two of its direct submodules (`src/score/NAME.rs` or
// `src/score/NAME/`) import each other, so each step of scoring can be read
// and changed with only the steps below it in mind. Counted are `use`
// statements and paths written in code (`crate::score::…`, `super::…`),
// with the names `score/mod.rs` and the crate root re-export resolved to
// the submodule that defines them.

/// Where the names re-exported by `score/mod.rs` and the crate root are
/// defined: `Normalisation` → `normalise`, `compare::Dimension` →
/// `vocabulary`, `crate::Scorer` → `score::scorer::Scorer`.
#[derive(Default)]
struct ScoreNames {
    /// A name `score/mod.rs` re-exports, keyed by the inline namespace it
    /// sits in ("" for `score` itself), and the submodule defining it.
    score: std::collections::HashMap<(String, String), String>,
    /// A name the crate root re-exports, and its absolute path.
    root: std::collections::HashMap<String, Vec<String>>,
}

/// A file's text without its test module and comments.
fn code_of(text: &str) -> String {
    let code = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    let mut out = String::new();
    for line in code.lines() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        out.push_str(line.split(" // ").next().unwrap_or_default());
        out.push('\n');
    }
    out
}

/// The bodies of a text's `use …;` statements (`pub` ones too).
fn use_bodies(code: &str) -> Vec<&str> {
    let mut bodies = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + "use ".len()..];
        let Some(end) = after.find(';') else { break };
        if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
            bodies.push(after[..end].trim());
        }
        rest = &after[end..];
    }
    bodies
}

/// The paths a `use` body names, groups expanded:
/// `a::{b, c::{d, e as f}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(prefix: &str, body: &str, out: &mut Vec<String>) {
    let body = body.trim();
    if body.is_empty() {
        return;
    }
    let join = |head: &str| match (prefix.is_empty(), head.is_empty()) {
        (true, _) => head.to_owned(),
        (false, true) => prefix.to_owned(),
        (false, false) => format!("{prefix}::{head}"),
    };
    match body.find('{') {
        Some(open) => {
            let head = join(body[..open].trim().trim_end_matches("::"));
            let inner = body[open + 1..].trim_end();
            let inner = inner.strip_suffix('}').unwrap_or(inner);
            for part in split_top(inner) {
                expand(&head, part, out);
            }
        }
        None => out.push(join(body.split(" as ").next().unwrap_or_default().trim())),
    }
}

/// The absolute segments (below `crate`) of a path written in `module`;
/// `None` for a path that does not start at `crate`, `self` or `super`.
fn absolute(path: &str, module: &[String]) -> Option<Vec<String>> {
    let segments: Vec<String> = path
        .split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let (first, rest) = segments.split_first()?;
    let mut base = module.to_vec();
    match first.as_str() {
        "crate" => return Some(rest.to_vec()),
        "self" => {}
        "super" => {
            base.pop();
            let ups = rest.iter().take_while(|s| *s == "super").count();
            for _ in 0..ups {
                base.pop();
            }
            base.extend(rest[ups..].iter().cloned());
            return Some(base);
        }
        _ => return None,
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// Reads the re-exports of `score/mod.rs` and the crate root.
fn score_names(score_mod: &str, lib: &str) -> ScoreNames {
    let mut names = ScoreNames::default();
    let code = code_of(score_mod);
    // The inline namespaces (`pub mod compare { … }`) and the rest.
    let mut outside = String::new();
    let mut inline: Vec<(String, String)> = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in code.lines() {
        if let Some((_, body)) = current.as_mut() {
            if line == "}" {
                inline.extend(current.take());
            } else {
                body.push_str(line);
                body.push('\n');
            }
        } else if let Some(name) = line
            .strip_prefix("pub mod ")
            .and_then(|l| l.strip_suffix(" {"))
        {
            current = Some((name.to_owned(), String::new()));
        } else {
            outside.push_str(line);
            outside.push('\n');
        }
    }
    let mut read = |namespace: &str, text: &str| {
        let module: Vec<String> = ["score", namespace]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| (*s).to_owned())
            .collect();
        for body in use_bodies(text) {
            let mut paths = Vec::new();
            expand("", body, &mut paths);
            for path in paths {
                let starts_at_crate = ["crate", "self", "super"]
                    .iter()
                    .any(|p| path.split("::").next() == Some(p));
                let path = if starts_at_crate {
                    path
                } else {
                    format!("self::{path}")
                };
                if let Some(a) = absolute(&path, &module)
                    && a.len() >= 3
                    && a[0] == "score"
                {
                    let leaf = a[a.len() - 1].clone();
                    names
                        .score
                        .insert((namespace.to_owned(), leaf), a[1].clone());
                }
            }
        }
    };
    read("", &outside);
    for (namespace, body) in &inline {
        read(namespace, body);
    }
    for body in use_bodies(&code_of(lib)) {
        let mut paths = Vec::new();
        expand("", body, &mut paths);
        for path in paths {
            let segments: Vec<String> = path.split("::").map(str::to_owned).collect();
            if let Some(leaf) = segments.last() {
                names.root.insert(leaf.clone(), segments.clone());
            }
        }
    }
    names
}

/// The submodule of `score` an absolute path lands in.
fn score_submodule(path: &[String], names: &ScoreNames) -> Option<String> {
    let resolved;
    let path = match path {
        [name] => {
            resolved = names.root.get(name)?.clone();
            &resolved[..]
        }
        _ => path,
    };
    let [score, first, rest @ ..] = path else {
        return None;
    };
    if score != "score" {
        return None;
    }
    if let Some(leaf) = rest.first()
        && let Some(home) = names.score.get(&(first.clone(), leaf.clone()))
    {
        return Some(home.clone());
    }
    Some(
        names
            .score
            .get(&(String::new(), first.clone()))
            .unwrap_or(first)
            .clone(),
    )
}

/// The other submodules of `score` a file of `module` (e.g.
/// `["score", "rank", "columns"]`) imports, each with the path that does.
fn score_imports(
    module: &[String],
    text: &str,
    names: &ScoreNames,
) -> std::collections::BTreeMap<String, String> {
    let code = code_of(text);
    let mut paths = Vec::new();
    for body in use_bodies(&code) {
        expand("", body, &mut paths);
    }
    // Paths written in code: `crate::score::x::f(…)`, `super::X`.
    for (at, _) in code.match_indices("::") {
        let start = code[..at]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map_or(0, |i| i + 1);
        let end = code[at..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map_or(code.len(), |i| at + i);
        paths.push(code[start..end].to_owned());
    }
    let own = module.get(1);
    let mut out = std::collections::BTreeMap::new();
    for path in paths {
        let Some(a) = absolute(&path, module) else {
            continue;
        };
        if let Some(target) = score_submodule(&a, names)
            && Some(&target) != own
            && !target.is_empty()
        {
            out.entry(target).or_insert(path);
        }
    }
    out
}

/// The pairs of submodules that import each other, each with what does.
fn mutual_pairs(
    edges: &std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
) -> Vec<String> {
    let mut pairs = Vec::new();
    for (a, targets) in edges {
        for (b, why) in targets {
            if a < b
                && let Some(back) = edges.get(b).and_then(|t| t.get(a))
            {
                pairs.push(format!("{a} ↔ {b}: {a} names `{why}`, {b} names `{back}`"));
            }
        }
    }
    pairs
}

#[test]
fn no_two_submodules_of_score_import_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let read = |p: &Path| std::fs::read_to_string(p).expect("a readable source file");
    let names = score_names(&read(&src.join("score/mod.rs")), &read(&src.join("lib.rs")));
    let mut files = Vec::new();
    rust_files(&src.join("score"), &mut files);
    let mut edges = std::collections::BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        if relative.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let mut module: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        let [_, own, ..] = &module[..] else { continue };
        let found = score_imports(&module, &read(file), &names);
        let entry: &mut std::collections::BTreeMap<String, String> =
            edges.entry(own.clone()).or_default();
        for (target, path) in found {
            entry
                .entry(target)
                .or_insert_with(|| format!("{path}` in `{}", relative.display()));
        }
    }
    assert!(
        names
            .score
            .contains_key(&(String::new(), "Normalisation".to_owned())),
        "the re-exports of score/mod.rs were read"
    );
    assert!(edges.len() > 20, "the submodules of score were read");
    let pairs = mutual_pairs(&edges);
    assert!(
        pairs.is_empty(),
        "submodules of score that import each other:\n{}",
        pairs.join("\n")
    );
}

#[test]
fn the_score_check_sees_a_mutual_pair() {
    // A score/mod.rs with a re-export at `score` and one in a namespace.
    let names = score_names(
        "mod a;\nmod b;\nmod c;\npub use a::Alpha;\npub mod ns {\n    pub use super::b::{Beta, Gamma as G};\n}\n",
        "pub use score::c::Top;\n",
    );
    let module = |m: &str| -> Vec<String> { m.split('/').map(str::to_owned).collect() };
    let mut edges = std::collections::BTreeMap::new();
    // `a` imports `b` through the namespace, in a multi-line group.
    let a = score_imports(
        &module("score/a"),
        "use super::{\n    ns::Beta,\n};\n",
        &names,
    );
    // `b/inner.rs` names `a` in code; its comments and tests do not count.
    let b = score_imports(
        &module("score/b/inner"),
        "fn f() { crate::score::Alpha::new() }\n// use super::super::c::X;\n#[cfg(test)]\nmod tests { use crate::Top; }\n",
        &names,
    );
    // `c` imports `a`, and `a` does not import `c`: no pair.
    let c = score_imports(&module("score/c"), "use crate::score::a::Alpha;\n", &names);
    assert_eq!(a.keys().collect::<Vec<_>>(), ["b"]);
    assert_eq!(b.keys().collect::<Vec<_>>(), ["a"]);
    assert_eq!(c.keys().collect::<Vec<_>>(), ["a"]);
    edges.insert("a".to_owned(), a);
    edges.insert("b".to_owned(), b);
    edges.insert("c".to_owned(), c);
    let pairs = mutual_pairs(&edges);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert!(pairs[0].starts_with("a ↔ b"), "{pairs:?}");
    // A root re-export resolves to its defining submodule.
    let top = score_imports(&module("score/a"), "use crate::Top;\n", &names);
    assert_eq!(top.keys().collect::<Vec<_>>(), ["c"]);
}
