#!/usr/bin/env python3
"""make_corpus.py SRC COPIES - writes SRC (JSON Lines) COPIES times to
standard output with unique ids.  Copy 0 is the source as it is; in each
later copy every article gets one word changed in its first sentence and
its last sentence dropped, as syndicated copies are, so that the benchmark
exercises near-duplicate detection and alignment, not only exact hashing."""
import json
import sys

src, copies = sys.argv[1], int(sys.argv[2])
rows = [json.loads(l) for l in open(src, encoding="utf-8")]
out = sys.stdout
for r in range(copies):
    for d in rows:
        d = dict(d)
        d["id"] = "%s-c%d" % (d["id"], r)
        if r:
            t = d.get("text", "")
            words = t.split(" ")
            if len(words) > 12:
                words[r % 10 + 1] = "copy%d" % r
            t = " ".join(words)
            cut = t.rfind(".", 0, len(t) - 2)
            if cut > len(t) // 2:
                t = t[:cut + 1]
            d["text"] = t
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
