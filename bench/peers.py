#!/usr/bin/env python3
"""peers.py CORPUS.jsonl PAIRS.tsv DATASKETCH_DIR [WIRETRACE] - wiretrace and
datasketch's MinHashLSH side by side, in one run, on the same articles, with
GNU `wc -w` as the floor.

datasketch (https://github.com/ekzhu/datasketch, brought with the fetch tool
and run from its own directory, never committed) gets the same sketch as
wiretrace's defaults: 5-word shingles, 128 permutations, 32 bands of 4 rows;
it builds each article's MinHash, inserts it into the LSH index and queries
the index for each article's candidates. wiretrace runs its whole pipeline
(`run -j1 --pairs all --claims none`): cleaning, sketching, candidates,
alignment, families, stories, provenance. Both on one core; the ratio is
articles per second per core. Candidate recall: the share of gold (source,
copy) pairs that each one puts forward (datasketch: the copy's query returns
the source; wiretrace: a pair record of the two, or the same family).

Run with Debian's python3 (/usr/bin/python3) for numpy.
"""
import json
import os
import re
import subprocess
import sys
import time

corpus, pairs_tsv, ds_dir = sys.argv[1:4]
wt = sys.argv[4] if len(sys.argv) > 4 else "build/wiretrace"
sys.path.insert(0, ds_dir)
from datasketch import MinHash, MinHashLSH  # noqa: E402

gold = [l.rstrip("\n").split("\t")[:2] for l in open(pairs_tsv, encoding="utf-8").read().splitlines()[1:]]
size_mb = os.path.getsize(corpus) / 1e6

# GNU wc -w: reading the words, the floor
t = time.perf_counter()
subprocess.run(["wc", "-w", corpus], check=True, capture_output=True)
t_wc = time.perf_counter() - t

# wiretrace, one core, the whole pipeline
t = time.perf_counter()
res = subprocess.run([wt, "run", "-q", "-j1", "--stats", "--pairs", "all", "--claims", "none", corpus],
                     check=True, capture_output=True)
t_wt = time.perf_counter() - t
out = res.stdout
# the same work as datasketch's: reading the articles, sketching (words,
# shingles, MinHash, winnowing) and finding the candidate pairs
st = dict((k, float(v)) for k, v in re.findall(r"(\w+) ([0-9.]+)", res.stderr.decode().split("seconds:")[1]))
t_same = st["read"] + st["sketch"] + st["candidates"]
fam, pairs = {}, set()
for line in out.splitlines():
    r = json.loads(line)
    if r["type"] == "article":
        fam[r["id"]] = r["family"]
    elif r["type"] == "pair":
        pairs.add((r["a"], r["b"]))
        pairs.add((r["b"], r["a"]))
n = len(fam)
wt_found = sum(1 for s, c in gold if (s, c) in pairs or (s in fam and fam.get(s) == fam.get(c)))

# datasketch, one core: MinHash of 5-word shingles, LSH index, queries
word = re.compile(r"\w+", re.UNICODE)
t = time.perf_counter()
lsh = MinHashLSH(num_perm=128, params=(32, 4))
ids, sigs = [], []
with open(corpus, encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        w = word.findall((r.get("text") or "").lower())
        sh = {" ".join(w[k:k + 5]).encode() for k in range(max(1, len(w) - 4))}
        m = MinHash(num_perm=128)
        m.update_batch(list(sh))
        lsh.insert(r["id"], m)
        ids.append(r["id"])
        sigs.append(m)
cands = {}
for i, m in zip(ids, sigs):
    cands[i] = set(lsh.query(m))
t_ds = time.perf_counter() - t
ds_found = sum(1 for s, c in gold if s in cands.get(c, ()))

rate_wt, rate_ds = n / t_wt, n / t_ds
print("corpus: %s, %d articles, %.1f MB, %d gold copy pairs" % (os.path.basename(corpus), n, size_mb, len(gold)))
print("%-44s %8.2f s %10.0f articles/s %8.1f MB/s" % ("GNU wc -w (reading the words)", t_wc, n / t_wc, size_mb / t_wc))
print("%-44s %8.2f s %10.0f articles/s %8.1f MB/s  candidate recall %.3f" %
      ("wiretrace run -j1 (whole pipeline)", t_wt, rate_wt, size_mb / t_wt, wt_found / max(len(gold), 1)))
print("%-44s %8.2f s %10.0f articles/s %8.1f MB/s  candidate recall %.3f" %
      ("datasketch MinHash + MinHashLSH insert/query", t_ds, rate_ds, size_mb / t_ds, ds_found / max(len(gold), 1)))
print("%-44s %8.2f s %10.0f articles/s %8.1f MB/s" %
      ("wiretrace read + sketch + candidates (same work)", t_same, n / t_same, size_mb / t_same))
print("ratio per core, wiretrace / datasketch: %.0f for the same work (read, sketch, candidates), "
      "%.0f for wiretrace's whole pipeline; wiretrace's whole pipeline / wc -w: %.3f" %
      ((n / t_same) / rate_ds, rate_wt / rate_ds, t_wc / t_wt))
