#!/usr/bin/env python3
"""Scores `wiretrace extract` on the article-extraction benchmark
(../shared/data/article-extraction: 181 news pages, bodies typed by hand),
the way that benchmark scores: tokens are the regex \\w+ (Unicode); each
text's 4-token shingles form a multiset; per page, true positives are the
shingles in both (by count), false positives the extra predicted, false
negatives the missed, so every page weighs the same.  Precision is averaged
over the pages where something was extracted, recall over the pages; F1 is
the harmonic mean of the two averages.

usage: extraction_score.py [--worst N] [--wiretrace PATH] [DATA_DIR]
prints precision, recall, F1 and the N worst pages by F1 with their URL.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"\w+")


def shingles(text, n=4):
    toks = WORD.findall(text or "")
    if len(toks) < n:
        return collections.Counter([tuple(toks)]) if toks else collections.Counter()
    return collections.Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_counts(pred, gold):
    p, g = shingles(pred), shingles(gold)
    tp = sum((p & g).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default="../shared/data/article-extraction")
    ap.add_argument("--wiretrace", default="./wiretrace")
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--json", action="store_true", help="one JSON object per page")
    args = ap.parse_args()
    gold = json.load(open(os.path.join(args.data, "ground-truth.json")))
    html = os.path.join(args.data, "html")
    out = subprocess.run([args.wiretrace, "extract", "-q", html], check=True,
                         capture_output=True, text=True).stdout
    pred = {}
    for line in out.splitlines():
        r = json.loads(line)
        pred[r["id"].split("/")[-1].split(".")[0]] = r.get("text") or ""
    rows = []
    for key, g in sorted(gold.items()):
        tp, fp, fn = page_counts(pred.get(key, ""), g["articleBody"])
        prec, rec = precision(tp, fp, fn), recall(tp, fp, fn)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((f1, prec, rec, key, g.get("url", ""), tp, fp, fn))
        if args.json:
            print(json.dumps({"page": key, "url": g.get("url"), "precision": prec,
                              "recall": rec, "f1": f1, "found": key in pred}))
    # Precision over the pages where something was predicted, recall over
    # those with a gold body, as the benchmark does.
    ps = [r[1] for r in rows if r[5] + r[6] > 0]
    rs = [r[2] for r in rows if r[5] + r[7] > 0]
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    missing = sum(1 for k in gold if k not in pred)
    print("pages %d (no article found: %d)  precision %.3f  recall %.3f  F1 %.3f"
          % (len(rows), missing, P, R, F))
    if args.worst:
        print("worst pages by F1:")
        for f1, prec, rec, key, url, *_ in sorted(rows)[:args.worst]:
            print("  F1 %.3f  P %.3f  R %.3f  %s  %s" % (f1, prec, rec, key[:12], url))


if __name__ == "__main__":
    sys.exit(main())
