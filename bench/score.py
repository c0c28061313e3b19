#!/usr/bin/env python3
"""Score a `datamap scan --format json` result against bench labels.

    bench/score.py --labels DIR/labels.json --result scan.json [--meta DIR/meta.json]
                   [--min-confidence low|medium|high] [--json OUT] [--markdown OUT]
                   [--fail-under F1]

Column level: for every labelled column and entity, a finding of that entity
on that column is a true positive when the label lists it, a false positive
otherwise; a listed entity without a finding is a miss. Precision, recall and
F1 per entity and overall (micro: summed over entities). Entities the engine
does not report yet simply count as misses. Tables are matched by name (a
file directly under the scanned folder is the table named after the file
without its extensions), columns by name.

Lists every false positive on a hard negative (a column labelled []) as
table.column and entity, the wrong entities on columns with personal data,
and every miss.

With --meta (written by bench/realworld.py: per table a language or
country, per column the items of issue 11 it exercises and, for mixed
columns, a data category expected as a whole), the same scores are also
given per language and per item (micro and macro F1 over the columns of that
group), and every column with an expected category says whether the scan
reported it.

Exit status: 0 when scored, 1 when --fail-under is given and the overall F1
is below it, 2 on bad input.
"""

import argparse
import json
import sys

CONF_RANK = {"low": 0, "medium": 1, "high": 2}


def die(msg):
    print("score: " + msg, file=sys.stderr)
    sys.exit(2)


def load_json(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        die("cannot read %s %s: %s" % (what, path, e.strerror))
    except ValueError as e:
        die("%s %s is not valid JSON: %s" % (what, path, e))


def predictions(result, min_conf):
    """{table: {column: {entity: finding}}} from the scan JSON; also the
    scan's errors."""
    if not isinstance(result, dict) or not isinstance(result.get("assets"), list):
        die("result has no \"assets\" list: not the output of `datamap scan --format json`")
    pred = {}
    for asset in result["assets"]:
        for table in asset.get("tables") or []:
            tcols = pred.setdefault(str(table.get("name")), {})
            for col in table.get("columns") or []:
                cents = tcols.setdefault(str(col.get("name")), {})
                for ent in col.get("entities") or []:
                    conf = ent.get("confidence")
                    if min_conf and CONF_RANK.get(conf, 2) < CONF_RANK[min_conf]:
                        continue
                    cents[str(ent.get("type"))] = ent
    return pred, result.get("errors") or []


def lookup(mapping, name):
    """Exact name, else the only case-insensitive match."""
    if name in mapping:
        return mapping[name]
    hits = [k for k in mapping if k.lower() == name.lower()]
    return mapping[hits[0]] if len(hits) == 1 else None


def ratio(tp, n):
    return tp / n if n else None


def f1(p, r):
    """F1; 0 when one side is 0 even if the other is undefined (nothing
    reported, or nothing expected)."""
    if p is None or r is None:
        return 0.0 if p == 0.0 or r == 0.0 else None
    if p + r == 0:
        return 0.0
    return 2 * p * r / (p + r)


def fmt(x):
    return "   n/a" if x is None else "%6.3f" % x


def describe(finding):
    parts = []
    if isinstance(finding.get("ratio"), (int, float)):
        parts.append("ratio %.2f" % finding["ratio"])
    if finding.get("confidence"):
        parts.append("confidence %s" % finding["confidence"])
    return " (" + ", ".join(parts) + ")" if parts else ""


def score(labels, pred):
    per = {}                       # entity -> [tp, fp, fn]
    fp_neg, fp_wrong, misses = [], [], []
    any_pii = [0, 0, 0]            # tp, fp, fn for "column holds personal data"
    missing_tables, missing_cols = [], []
    reported = set()
    for table, cols in labels.items():
        ptab = lookup(pred, table)
        if ptab is None:
            missing_tables.append(table)
            ptab = {}
        for col, expected in cols.items():
            pcol = lookup(ptab, col)
            if pcol is None:
                if ptab:
                    missing_cols.append("%s.%s" % (table, col))
                pcol = {}
            exp = set(expected)
            got = set(pcol)
            reported |= got
            for e in sorted(exp | got):
                c = per.setdefault(e, [0, 0, 0])
                if e in exp and e in got:
                    c[0] += 1
                elif e in got:
                    c[1] += 1
                    item = ("%s.%s" % (table, col), e, describe(pcol[e]))
                    (fp_neg if not exp else fp_wrong).append(item)
                else:
                    c[2] += 1
                    misses.append(("%s.%s" % (table, col), e, ""))
            if exp and got:
                any_pii[0] += 1
            elif got:
                any_pii[1] += 1
            elif exp:
                any_pii[2] += 1
    extra_tables = sorted(t for t in pred if lookup(labels, t) is None)
    expected_entities = sorted({e for cols in labels.values() for ex in cols.values() for e in ex})
    never = [e for e in expected_entities if e not in reported]
    tp = sum(c[0] for c in per.values())
    fp = sum(c[1] for c in per.values())
    fn = sum(c[2] for c in per.values())
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    rows = []
    for e in sorted(per):
        t, f_, n = per[e]
        ep, er = ratio(t, t + f_), ratio(t, t + n)
        rows.append({"entity": e, "tp": t, "fp": f_, "fn": n, "precision": ep, "recall": er, "f1": f1(ep, er),
                     "expected": e in expected_entities})
    f1s = [x["f1"] if x["f1"] is not None else 0.0 for x in rows if x["expected"]]
    ap, ar = ratio(any_pii[0], any_pii[0] + any_pii[1]), ratio(any_pii[0], any_pii[0] + any_pii[2])
    return {
        "entities": rows,
        "overall": {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1(p, r),
                    "macro_f1": sum(f1s) / len(f1s) if f1s else None},
        "any_pii": {"tp": any_pii[0], "fp": any_pii[1], "fn": any_pii[2], "precision": ap, "recall": ar,
                    "f1": f1(ap, ar)},
        "false_positives_on_hard_negatives": [{"column": c, "entity": e, "detail": d.strip(" ()")} for c, e, d in fp_neg],
        "wrong_entities_on_pii_columns": [{"column": c, "entity": e, "detail": d.strip(" ()")} for c, e, d in fp_wrong],
        "misses": [{"column": c, "entity": e} for c, e, _ in misses],
        "never_reported": never,
        "missing_tables": missing_tables,
        "missing_columns": missing_cols,
        "unlabelled_tables": extra_tables,
        "hard_negative_columns": sum(1 for cols in labels.values() for ex in cols.values() if not ex),
        "pii_columns": sum(1 for cols in labels.values() for ex in cols.values() if ex),
    }


def group_scores(labels, pred, meta):
    """Micro and macro F1 over the columns of each language and each item."""
    groups = {"language": {}, "item": {}}
    tables = meta.get("tables", {})
    for table, cols in labels.items():
        tm = tables.get(table, {})
        for col, expected in cols.items():
            groups["language"].setdefault(tm.get("lang", "?"), {}).setdefault(table, {})[col] = expected
            for it in tm.get("columns", {}).get(col, {}).get("items", []):
                groups["item"].setdefault(str(it), {}).setdefault(table, {})[col] = expected
    out = {}
    for kind, gs in groups.items():
        rows = []
        for g in sorted(gs, key=lambda k: (len(k), k)):
            sub = score(gs[g], pred)
            o = sub["overall"]
            rows.append({"group": g, "columns": sub["pii_columns"] + sub["hard_negative_columns"],
                         "hard_negatives": sub["hard_negative_columns"], "tp": o["tp"], "fp": o["fp"], "fn": o["fn"],
                         "precision": o["precision"], "recall": o["recall"], "f1": o["f1"], "macro_f1": o["macro_f1"],
                         "fp_on_hard_negatives": len(sub["false_positives_on_hard_negatives"])})
        out[kind] = rows
    return out


def members_note(c):
    if "members_expected" not in c:
        return ""
    miss = c["members_missing"]
    return "; types listed with their share %d/%d%s" % (c["members_reported"], c["members_expected"],
                                                        " (not: %s)" % ", ".join(miss) if miss else "")


def category_checks(meta, pred):
    """Columns whose category as a whole is expected (issue 11, item 6): a
    finding whose type is the category, or that names it in a "category"
    field, counts."""
    out = []
    for table, tm in sorted(meta.get("tables", {}).items()):
        for col, cm in sorted(tm.get("columns", {}).items()):
            cat = cm.get("category")
            if not cat:
                continue
            pcol = lookup(lookup(pred, table) or {}, col) or {}
            found = [f for t, f in pcol.items() if t == cat or (isinstance(f, dict) and f.get("category") == cat)]
            row = {"column": "%s.%s" % (table, col), "category": cat, "reported": bool(found)}
            if isinstance(cm.get("members"), dict):
                # the types of the mixed column, each with its own share: which the
                # category finding lists (its "members"), above the threshold or not
                got = {m.get("type") for f in found if isinstance(f, dict) for m in f.get("members") or []
                       if isinstance(m, dict)}
                exp = sorted(cm["members"])
                row["members_expected"] = len(exp)
                row["members_reported"] = sum(1 for e in exp if e in got)
                row["members_missing"] = [e for e in exp if e not in got]
            out.append(row)
    return out


def negative_for_fps(meta, pred):
    """Findings of an entity on a column that meta marks as a hard negative
    for it (a gender or address column reported as PERSON_NAME)."""
    out = []
    for table, tm in sorted(meta.get("tables", {}).items()):
        for col, cm in sorted(tm.get("columns", {}).items()):
            pcol = lookup(lookup(pred, table) or {}, col) or {}
            for e in cm.get("negative_for", []):
                if e in pcol:
                    out.append({"column": "%s.%s" % (table, col), "entity": e, "detail": describe(pcol[e]).strip(" ()")})
    return out


def text_report(s, errors, out):
    w = out.write
    w("%-36s %5s %5s %5s %9s %7s %7s\n" % ("entity", "tp", "fp", "fn", "precision", "recall", "f1"))
    for x in s["entities"]:
        mark = "" if x["expected"] else "  (not in any label)"
        w("%-36s %5d %5d %5d    %s  %s  %s%s\n" % (x["entity"], x["tp"], x["fp"], x["fn"], fmt(x["precision"]),
                                                fmt(x["recall"]), fmt(x["f1"]), mark))
    o = s["overall"]
    w("%-36s %5d %5d %5d    %s  %s  %s\n" % ("overall (micro)", o["tp"], o["fp"], o["fn"], fmt(o["precision"]),
                                           fmt(o["recall"]), fmt(o["f1"])))
    w("%-36s %s\n" % ("macro F1 over labelled entities", fmt(o["macro_f1"]).strip()))
    if "known_only" in s:
        k = s["known_only"]
        w("%-36s %5d %5d %5d    %s  %s  %s   macro %s\n" % ("types the engine knows (micro)", k["tp"], k["fp"], k["fn"],
                                                         fmt(k["precision"]), fmt(k["recall"]), fmt(k["f1"]),
                                                         fmt(k["macro_f1"]).strip()))
        w("  (labels of types it does not know left out: %s)\n" % (", ".join(k["unknown_types"]) or "none"))
    a = s["any_pii"]
    w("%-36s %5d %5d %5d    %s  %s  %s\n" % ("column has personal data (any)", a["tp"], a["fp"], a["fn"],
                                           fmt(a["precision"]), fmt(a["recall"]), fmt(a["f1"])))
    w("\n%d columns with personal data, %d hard negatives\n" % (s["pii_columns"], s["hard_negative_columns"]))

    def section(title, items):
        w("\n%s: %d\n" % (title, len(items)))
        for it in items:
            if isinstance(it, dict):
                w("  %s: %s%s\n" % (it["column"], it["entity"], (" (" + it["detail"] + ")") if it.get("detail") else ""))
            else:
                w("  %s\n" % it)

    items = s.get("item_names", {})
    for kind, rows in sorted(s.get("groups", {}).items(), reverse=True):
        w("\nby %s:\n%-40s %5s %5s %5s %5s  %s  %s  %s  %s  %s\n" % (
            kind, kind, "cols", "tp", "fp", "fn", "precision", "recall", "    F1", "macro F1", "FP on []"))
        for r in rows:
            label = r["group"] + (" " + items[r["group"]] if kind == "item" and r["group"] in items else "")
            w("%-40s %5d %5d %5d %5d     %s  %s  %s    %s  %8d\n" % (
                label[:40], r["columns"], r["tp"], r["fp"], r["fn"], fmt(r["precision"]), fmt(r["recall"]),
                fmt(r["f1"]), fmt(r["macro_f1"]), r["fp_on_hard_negatives"]))
    for c in s.get("category_checks", []):
        w("\ncategory as a whole (item 6): %s %s: %s%s\n" % (c["column"], c["category"],
                                                              "reported" if c["reported"] else "NOT reported",
                                                              members_note(c)))

    section("false positives on hard negatives", s["false_positives_on_hard_negatives"])
    if "false_positives_on_negative_for" in s:
        section("false positives on columns that are hard negatives for that entity (gender, address columns)",
                s["false_positives_on_negative_for"])
    section("wrong entities on columns with personal data", s["wrong_entities_on_pii_columns"])
    section("misses", s["misses"])
    if s["never_reported"]:
        w("\nlabelled entities the engine never reported: %s\n" % ", ".join(s["never_reported"]))
    if s["missing_tables"]:
        w("tables missing from the result (all their labels count as misses): %s\n" % ", ".join(s["missing_tables"]))
    if s["missing_columns"]:
        w("columns missing from the result: %s\n" % ", ".join(s["missing_columns"]))
    if s["unlabelled_tables"]:
        w("tables in the result without labels (ignored): %s\n" % ", ".join(s["unlabelled_tables"]))
    if errors:
        w("scan errors reported by datamap: %d\n" % len(errors))
        for e in errors[:10]:
            w("  %s: %s\n" % (e.get("target", "?"), e.get("message", "?")))


def markdown_report(s):
    lines = ["| entity | tp | fp | fn | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
    for x in s["entities"]:
        lines.append("| %s | %d | %d | %d | %s | %s | %s |" % (x["entity"], x["tp"], x["fp"], x["fn"],
                     fmt(x["precision"]).strip(), fmt(x["recall"]).strip(), fmt(x["f1"]).strip()))
    o = s["overall"]
    lines.append("| **overall (micro)** | %d | %d | %d | %s | %s | %s |" % (o["tp"], o["fp"], o["fn"],
                 fmt(o["precision"]).strip(), fmt(o["recall"]).strip(), fmt(o["f1"]).strip()))
    if "known_only" in s:
        k = s["known_only"]
        lines.append("| *types the engine knows (micro)* | %d | %d | %d | %s | %s | %s |" % (
            k["tp"], k["fp"], k["fn"], fmt(k["precision"]).strip(), fmt(k["recall"]).strip(), fmt(k["f1"]).strip()))
    lines.append("")
    lines.append("Macro F1: %s. False positives on hard negatives: %d%s" % (
        fmt(o["macro_f1"]).strip(), len(s["false_positives_on_hard_negatives"]),
        (" (" + ", ".join("%s %s" % (x["column"], x["entity"]) for x in s["false_positives_on_hard_negatives"]) + ")")
        if s["false_positives_on_hard_negatives"] else ""))
    items = s.get("item_names", {})
    for kind, rows in sorted(s.get("groups", {}).items(), reverse=True):
        lines += ["", "| %s | columns | tp | fp | fn | precision | recall | micro F1 | macro F1 | FP on [] |" % kind,
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in rows:
            label = r["group"] + (" " + items[r["group"]] if kind == "item" and r["group"] in items else "")
            lines.append("| %s | %d | %d | %d | %d | %s | %s | %s | %s | %d |" % (
                label, r["columns"], r["tp"], r["fp"], r["fn"], fmt(r["precision"]).strip(),
                fmt(r["recall"]).strip(), fmt(r["f1"]).strip(), fmt(r["macro_f1"]).strip(), r["fp_on_hard_negatives"]))
    if "false_positives_on_negative_for" in s:
        lines += ["", "Gender and address columns reported as a person's name: %d%s" % (
            len(s["false_positives_on_negative_for"]),
            (" (" + ", ".join("%s %s" % (x["column"], x["entity"]) for x in s["false_positives_on_negative_for"]) + ")")
            if s["false_positives_on_negative_for"] else "")]
    for c in s.get("category_checks", []):
        lines += ["", "Category as a whole (item 6): `%s` %s: %s%s" % (c["column"], c["category"],
                                                                     "reported" if c["reported"] else "not reported",
                                                                     members_note(c))]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description="Score a datamap scan result against bench labels.")
    ap.add_argument("--labels", required=True, help="labels.json written by bench/gen.py")
    ap.add_argument("--result", required=True, help="output of `datamap scan ... --format json`")
    ap.add_argument("--meta", help="meta.json written by bench/realworld.py: scores per language and per item")
    ap.add_argument("--known-entities", metavar="FILE",
                    help="entity types the engine knows (one per line, e.g. from `datamap entities`): also "
                         "score with the others left out of the labels")
    ap.add_argument("--min-confidence", choices=sorted(CONF_RANK, key=CONF_RANK.get),
                    help="ignore findings below this confidence")
    ap.add_argument("--json", metavar="OUT", help="also write the scores as JSON")
    ap.add_argument("--markdown", metavar="OUT", help="also write a Markdown table")
    ap.add_argument("--fail-under", type=float, metavar="F1", help="exit 1 when the overall F1 is below this")
    args = ap.parse_args()

    labels = load_json(args.labels, "labels")
    if not isinstance(labels, dict) or not all(isinstance(v, dict) for v in labels.values()):
        die("labels %s is not {table: {column: [entities]}}" % args.labels)
    result = load_json(args.result, "result")
    pred, errors = predictions(result, args.min_confidence)
    s = score(labels, pred)
    if args.meta:
        meta = load_json(args.meta, "meta")
        s["groups"] = group_scores(labels, pred, meta)
        s["category_checks"] = category_checks(meta, pred)
        s["item_names"] = meta.get("items", {})
        s["false_positives_on_negative_for"] = negative_for_fps(meta, pred)
    if args.known_entities:
        try:
            with open(args.known_entities, encoding="utf-8") as f:
                known = {ln.split()[0] for ln in f if ln.strip() and ln.split()[0] != "ENTITY"}
        except OSError as e:
            die("cannot read %s: %s" % (args.known_entities, e.strerror))
        kl = {t: {c: [e for e in ex if e in known] for c, ex in cols.items()} for t, cols in labels.items()}
        ks = score(kl, pred)
        s["known_only"] = dict(ks["overall"], unknown_types=sorted(
            {e for cols in labels.values() for ex in cols.values() for e in ex} - known))
    text_report(s, errors, sys.stdout)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(s, f, indent=1)
            f.write("\n")
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(markdown_report(s))
    if args.fail_under is not None and (s["overall"]["f1"] or 0.0) < args.fail_under:
        print("score: overall F1 %.3f is below %.3f" % (s["overall"]["f1"] or 0.0, args.fail_under), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
