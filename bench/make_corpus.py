#!/usr/bin/env python3
"""make_corpus.py SRC COPIES MODE - writes SRC (JSON Lines) COPIES times to
standard output, each copy with ids of its own ("-c0", "-c1", ...).

MODE "repeat": the texts are repeated as they are, as a crawl holds the same
wire text fetched from many outlets (and as the issue's benchmark asks:
"reuters21578 repeated to 300 MB").
MODE "near": copy 0 is the source; in each later copy every article gets one
word changed in its first sentence and loses its last sentence, so that the
benchmark exercises near-duplicate candidates and alignment on every
article: a stress case, harder than any real crawl.
MODE "reword": copy 0 is the source; in copy r every other word is
respelled ("word" -> "wordr"), so that no 5-word shingle survives and
copies form no families, while half of each article's terms stay: the
stories stage sees as many units as articles (its growth benchmark)."""
import json
import sys

src, copies, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = [json.loads(l) for l in open(src, encoding="utf-8")]
out = sys.stdout
for r in range(copies):
    for d in rows:
        d = dict(d)
        d["id"] = "%s-c%d" % (d["id"], r)
        if r and mode == "near":
            t = d.get("text", "")
            words = t.split(" ")
            if len(words) > 12:
                words[r % 10 + 1] = "copy%d" % r
            t = " ".join(words)
            cut = t.rfind(".", 0, len(t) - 2)
            if cut > len(t) // 2:
                t = t[:cut + 1]
            d["text"] = t
        elif r and mode == "reword":
            for key in ("text", "title"):
                if d.get(key):
                    words = d[key].split(" ")
                    d[key] = " ".join(w + "r%d" % r if (i + r) % 2 == 0 and w else w
                                      for i, w in enumerate(words))
        out.write(json.dumps(d, ensure_ascii=False) + "\n")
