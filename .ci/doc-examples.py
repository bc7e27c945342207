#!/usr/bin/env python3
"""Fails when a public type or free function of ssr-model has no runnable example.

Reads the rustdoc JSON of the library (see .ci/doc-examples, which builds it) and
checks every public struct, enum, union, trait, type alias and free function,
wherever it is reached from (most are re-exported from private modules, which
rustdoc's own `--show-coverage` and `missing_doc_code_examples` do not count).
An example is a fenced code block that rustdoc runs: no info string, or only
`rust`, `should_panic`, `editionNNNN` (not `ignore`, `no_run`, `compile_fail`,
`text`, ...). Enum variants, fields and methods are covered by their type.

Usage: doc-examples.py TARGET/doc/ssr_model.json
"""
import json
import re
import sys
from collections import defaultdict

KINDS = {"struct", "enum", "union", "trait", "type_alias", "function"}
RUNNABLE = re.compile(r"^(rust|should_panic|edition\d{4}|standalone_crate)?$")
FENCE = re.compile(r"^\s*(```+|~~~+)\s*(.*)$")


def runnable_example(doc):
    """True when the doc text has a code block that rustdoc compiles and runs."""
    if not doc:
        return False
    open_fence = None
    for line in doc.splitlines():
        m = FENCE.match(line)
        if not m:
            continue
        if open_fence is None:
            open_fence = m.group(1)
            tokens = [t for t in re.split(r"[,\s]+", m.group(2).strip()) if t]
            if all(RUNNABLE.match(t) for t in tokens):
                return True
        elif m.group(1).startswith(open_fence) and not m.group(2).strip():
            open_fence = None
    return False


def main(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    index, paths = doc["index"], doc["paths"]
    total = 0
    missing = defaultdict(list)
    for item_id, summary in paths.items():
        if summary["crate_id"] != 0 or summary["kind"] not in KINDS:
            continue
        item = index.get(item_id)
        if item is None:
            continue
        total += 1
        if not runnable_example(item.get("docs")):
            where = (item.get("span") or {}).get("filename", "?")
            missing[where].append("::".join(summary["path"]))
    count = sum(len(v) for v in missing.values())
    print(f"public types and free functions with a runnable example: {total - count} of {total}")
    for where in sorted(missing):
        for name in sorted(missing[where]):
            print(f"  missing: {name} ({where})")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
