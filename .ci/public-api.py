"""The public API of ssr-model as sorted text lines, from rustdoc's JSON.

Usage: public-api.py RUSTDOC_JSON [--check FILE | --write FILE]

Every public item at its public path, with function signatures, struct
fields, enum variants and trait implementations, so that any change to the
surface shows as a diff in review. `--check` fails when the listing differs
from FILE (regenerate with `--write`).
"""
import json
import sys

AUTO = {"Send", "Sync", "Unpin", "UnwindSafe", "RefUnwindSafe", "Freeze", "StructuralPartialEq"}


def main():
    doc = json.load(open(sys.argv[1]))
    idx = doc["index"]
    lines = set()

    def ty(t):
        if t is None:
            return "()"
        (k, v), = t.items()
        if k == "resolved_path":
            return v["path"] + args(v.get("args"))
        if k == "generic":
            return v
        if k == "primitive":
            return v
        if k == "borrowed_ref":
            lt = (v["lifetime"] + " ") if v.get("lifetime") else ""
            return "&" + lt + ("mut " if v["is_mutable"] else "") + ty(v["type"])
        if k == "raw_pointer":
            return ("*mut " if v["is_mutable"] else "*const ") + ty(v["type"])
        if k == "tuple":
            return "(" + ", ".join(ty(x) for x in v) + ")"
        if k == "slice":
            return "[" + ty(v) + "]"
        if k == "array":
            return "[" + ty(v["type"]) + "; " + str(v["len"]) + "]"
        if k == "impl_trait":
            return "impl " + " + ".join(bound(b) for b in v)
        if k == "dyn_trait":
            parts = [poly(p) for p in v["traits"]]
            if v.get("lifetime"):
                parts.append(v["lifetime"])
            return "dyn " + " + ".join(parts)
        if k == "qualified_path":
            tr = v.get("trait")
            self_t = ty(v["self_type"])
            if tr:
                return "<" + self_t + " as " + tr["path"] + args(tr.get("args")) + ">::" + v["name"]
            return self_t + "::" + v["name"]
        if k == "function_pointer":
            return "fn(" + ", ".join(ty(x[1]) for x in v["sig"]["inputs"]) + ")" + out(v["sig"]["output"])
        return k

    def poly(p):
        return p["trait"]["path"] + args(p["trait"].get("args"))

    def bound(b):
        (k, v), = b.items()
        if k == "trait_bound":
            m = {"none": "", "maybe": "?", "maybe_const": "~const "}.get(v.get("modifier", "none"), "")
            return m + v["trait"]["path"] + args(v["trait"].get("args"))
        if k == "outlives":
            return v
        return k

    def args(a):
        if not a:
            return ""
        (k, v), = a.items()
        if k == "angle_bracketed":
            parts = []
            for g in v["args"]:
                (gk, gv), = g.items()
                if gk == "type":
                    parts.append(ty(gv))
                elif gk == "lifetime":
                    parts.append(gv)
                elif gk == "const":
                    parts.append(str(gv.get("expr", gv)))
                else:
                    parts.append("_")
            for c in v.get("constraints", []):
                b = c["binding"]
                if "equality" in b:
                    (ek, ev), = b["equality"].items()
                    parts.append(c["name"] + " = " + (ty(ev) if ek == "type" else str(ev)))
                else:
                    parts.append(c["name"] + ": " + " + ".join(bound(x) for x in b["constraint"]))
            return "<" + ", ".join(parts) + ">" if parts else ""
        if k == "parenthesized":
            return "(" + ", ".join(ty(x) for x in v["inputs"]) + ")" + out(v.get("output"))
        return ""

    def out(o):
        return "" if o is None else " -> " + ty(o)

    def generics(g):
        ps = []
        for p in g["params"]:
            kind = p["kind"]
            if "type" in kind and kind["type"].get("is_synthetic"):
                continue
            if "lifetime" in kind:
                ps.append(p["name"])
            elif "type" in kind:
                bs = kind["type"]["bounds"]
                ps.append(p["name"] + (": " + " + ".join(bound(b) for b in bs) if bs else ""))
            elif "const" in kind:
                ps.append("const " + p["name"] + ": " + ty(kind["const"]["type"]))
        return "<" + ", ".join(ps) + ">" if ps else ""

    def fn_line(path, item):
        f = item["inner"]["function"]
        sig = f["sig"]
        ins = []
        for name, t in sig["inputs"]:
            if name == "self":
                s = ty(t)
                ins.append({"Self": "self", "&Self": "&self", "&mut Self": "&mut self"}.get(s, "self: " + s))
            else:
                ins.append(name + ": " + ty(t))
        h = f["header"]
        pre = ("const " if h["is_const"] else "") + ("unsafe " if h["is_unsafe"] else "")
        return "pub " + pre + "fn " + path + generics(f["generics"]) + "(" + ", ".join(ins) + ")" + out(sig["output"])

    def impls_of(path, ids):
        for i in ids:
            im = idx.get(str(i))
            if im is None:
                continue
            imp = im["inner"]["impl"]
            if imp.get("is_synthetic") or imp.get("blanket_impl"):
                continue
            tr = imp.get("trait")
            if tr is None:
                for mid in imp["items"]:
                    m = idx.get(str(mid))
                    if m is None or m.get("visibility") != "public":
                        continue
                    mk = next(iter(m["inner"]))
                    if mk == "function":
                        lines.add(fn_line(path + "::" + m["name"], m))
                    elif mk == "assoc_const":
                        lines.add("pub const " + path + "::" + m["name"] + ": " + ty(m["inner"]["assoc_const"]["type"]))
            else:
                if tr["path"] in AUTO:
                    continue
                neg = "!" if imp.get("is_negative") else ""
                lines.add("impl" + generics(imp["generics"]) + " " + neg + tr["path"] + args(tr.get("args")) + " for " + path)

    def item(path, it):
        k = next(iter(it["inner"]))
        v = it["inner"][k]
        if k == "struct":
            lines.add("pub struct " + path + generics(v["generics"]))
            kind = v["kind"]
            if "plain" in kind:
                for fid in kind["plain"]["fields"]:
                    fld = idx[str(fid)]
                    if fld.get("visibility") == "public":
                        lines.add("pub " + path + "::" + fld["name"] + ": " + ty(fld["inner"]["struct_field"]))
                if kind["plain"].get("has_stripped_fields") and it.get("attrs") is not None:
                    pass
            elif "tuple" in kind:
                fs = [ty(idx[str(f)]["inner"]["struct_field"]) if f is not None and idx[str(f)].get("visibility") == "public" else "_" for f in kind["tuple"]]
                lines.add("pub struct " + path + "(" + ", ".join(fs) + ")")
            impls_of(path, v["impls"])
        elif k == "enum":
            lines.add("pub enum " + path + generics(v["generics"]))
            for vid in v["variants"]:
                var = idx[str(vid)]
                vk = var["inner"]["variant"]["kind"]
                s = path + "::" + var["name"]
                if vk == "plain":
                    pass
                elif "tuple" in vk:
                    s += "(" + ", ".join(ty(idx[str(f)]["inner"]["struct_field"]) if f is not None else "_" for f in vk["tuple"]) + ")"
                elif "struct" in vk:
                    s += " { " + ", ".join(idx[str(f)]["name"] + ": " + ty(idx[str(f)]["inner"]["struct_field"]) for f in vk["struct"]["fields"]) + " }"
                lines.add(s)
            impls_of(path, v["impls"])
        elif k == "function":
            lines.add(fn_line(path, it))
        elif k == "constant":
            lines.add("pub const " + path + ": " + ty(v["type"]))
        elif k == "static":
            lines.add("pub static " + path + ": " + ty(v["type"]))
        elif k == "type_alias":
            lines.add("pub type " + path + " = " + ty(v["type"]))
        elif k == "trait":
            lines.add("pub trait " + path)
        else:
            lines.add("pub " + k + " " + path)

    def walk(mid, prefix, seen):
        lines.add("pub mod " + prefix)
        for i in idx[str(mid)]["inner"]["module"]["items"]:
            it = idx.get(str(i))
            if it is None or it.get("visibility") != "public":
                continue
            k = next(iter(it["inner"]))
            if k == "use":
                u = it["inner"]["use"]
                tgt = idx.get(str(u["id"])) if u["id"] is not None else None
                if tgt is None:
                    lines.add("pub use " + prefix + "::" + u["name"] + " = " + u["source"])
                    continue
                tk = next(iter(tgt["inner"]))
                if u["is_glob"]:
                    if tk == "module":
                        walk(u["id"], prefix, seen)
                    continue
                if tk == "module":
                    if u["id"] not in seen:
                        walk(u["id"], prefix + "::" + u["name"], seen | {u["id"]})
                else:
                    item(prefix + "::" + u["name"], tgt)
            elif k == "module":
                walk(i, prefix + "::" + it["name"], seen | {i})
            else:
                item(prefix + "::" + it["name"], it)

    walk(doc["root"], doc["index"][str(doc["root"])]["name"], {doc["root"]})
    text = "".join(l + "\n" for l in sorted(lines))
    if len(sys.argv) > 3 and sys.argv[2] == "--write":
        open(sys.argv[3], "w").write(text)
    elif len(sys.argv) > 3 and sys.argv[2] == "--check":
        committed = open(sys.argv[3]).read()
        if committed != text:
            import difflib
            sys.stdout.writelines(difflib.unified_diff(
                committed.splitlines(True), text.splitlines(True), sys.argv[3], "generated"))
            print("the public API changed: review the diff above, then run "
                  "`bash .ci/doc-examples --write-api` and commit " + sys.argv[3])
            sys.exit(1)
        print("public API unchanged: %d lines" % text.count("\n"))
    else:
        sys.stdout.write(text)


main()
