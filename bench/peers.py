#!/usr/bin/env python3
"""peers.py CORPUS.jsonl PAIRS.tsv DATASKETCH_DIR [WIRETRACE] - wiretrace and
datasketch's MinHashLSH side by side, in one run, on the same articles, with
GNU `wc -w` as the floor.

datasketch (https://github.com/ekzhu/datasketch, brought with the fetch tool
and run from its own directory, never committed) gets the same sketch as
wiretrace's defaults: 5-word shingles, 128 permutations, 32 bands of 4 rows.
It is used the fast way its documentation gives for many sets: MinHash.generator
(one set of permutations for every MinHash), an insertion session for the
index, then a query for each article's candidates.  Its time counts reading
the JSON lines, lowercasing and splitting the words, the MinHashes, the
inserts and the queries.

wiretrace runs its whole pipeline (`run -j1 --pairs all --claims none`):
reading, cleaning, sketching, candidates, alignment, families, stories,
provenance, output; "same work" is its read + sketch + candidates stages
(from --stats).  Both on one core; the ratio is articles per second per core.

Candidate recall: the share of the gold (source, copy) pairs (COUNTER's
non-derived versions left out) that each one puts forward: datasketch, when
the copy's query returns the source; wiretrace, when a pair record (an
aligned candidate pair, --pairs all) joins the two ("found" also counts a
source link or the same family, as `wiretrace eval` does).

Run with Debian's python3 (/usr/bin/python3) for numpy.
"""
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

if len(sys.argv) < 4:
    sys.exit("usage: peers.py CORPUS.jsonl PAIRS.tsv DATASKETCH_DIR [WIRETRACE]")
corpus, pairs_tsv, ds_dir = sys.argv[1:4]
wt = sys.argv[4] if len(sys.argv) > 4 else "build/wiretrace"
sys.path.insert(0, ds_dir)
from datasketch import MinHash, MinHashLSH  # noqa: E402

gold = []
for line in open(pairs_tsv, encoding="utf-8").read().splitlines()[1:]:
    f = line.split("\t")
    if len(f) >= 3 and f[2] != "non_derived":
        gold.append((f[0], f[1]))
size_mb = os.path.getsize(corpus) / 1e6
subprocess.run(["cat", corpus], check=True, stdout=subprocess.DEVNULL)  # warm the page cache

# GNU wc -w: reading the words, the floor (the best of three)
t_wc = 1e9
for _ in range(3):
    t = time.perf_counter()
    subprocess.run(["wc", "-w", corpus], check=True, capture_output=True)
    t_wc = min(t_wc, time.perf_counter() - t)

# bench/floor.c: the least of the same work, plainly in C (ASCII words,
# JSON escapes not decoded), the best of three; absent when FLOOR is unset
t_floor = None
floor = os.environ.get("FLOOR")
if floor and os.access(floor, os.X_OK):
    t_floor = 1e9
    for _ in range(3):
        out = subprocess.run([floor, corpus], check=True, capture_output=True).stdout.decode()
        t_floor = min(t_floor, float(re.search(r"total ([0-9.]+) s", out).group(1)))

# wiretrace, one core, the whole pipeline; its peak memory from GNU time
rss_file = tempfile.NamedTemporaryFile(prefix="peers-rss-", delete=False).name
t = time.perf_counter()
res = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file, wt, "run", "-q", "-j1", "--stats",
                      "--pairs", "all", "--claims", "none", corpus], check=True, capture_output=True)
t_wt = time.perf_counter() - t
wt_rss = int(open(rss_file).read().split()[-1]) / 1024
os.unlink(rss_file)
st = dict((k, float(v)) for k, v in re.findall(r"(\w+) ([0-9.]+)", res.stderr.decode().split("seconds:")[1]))
t_same = st["read"] + st["sketch"] + st["candidates"]
fam, src, pairs = {}, {}, set()
for line in res.stdout.splitlines():
    r = json.loads(line)
    if r["type"] == "article":
        fam[r["id"]] = r["family"]
        src[r["id"]] = r["source"]
    elif r["type"] == "pair":
        pairs.add((r["a"], r["b"]))
        pairs.add((r["b"], r["a"]))
del res
n = len(fam)
wt_cand = sum(1 for s, c in gold if (s, c) in pairs)
wt_found = sum(1 for s, c in gold if (s, c) in pairs or src.get(c) == s
               or (s in fam and fam.get(s) == fam.get(c)))
del pairs, fam, src

# datasketch, one core: MinHash of 5-word shingles, LSH index, queries
word = re.compile(r"\w+", re.UNICODE)


def shingle_sets(ids):
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            w = word.findall((r.get("text") or "").lower())
            ids.append(r["id"])
            yield [" ".join(w[k:k + 5]).encode() for k in range(max(1, len(w) - 4))]


t = time.perf_counter()
ids = []
sigs = list(MinHash.generator(shingle_sets(ids), num_perm=128))
t_mh = time.perf_counter() - t
lsh = MinHashLSH(num_perm=128, params=(32, 4))
with lsh.insertion_session() as session:
    for i, m in zip(ids, sigs):
        session.insert(i, m, check_duplication=False)
t_ins = time.perf_counter() - t
cands = {}
for i, m in zip(ids, sigs):
    cands[i] = lsh.query(m)
t_ds = time.perf_counter() - t
ds_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
cand_set = {i: set(c) for i, c in cands.items()}
ds_found = sum(1 for s, c in gold if s in cand_set.get(c, ()))

rate_wt, rate_ds = n / t_wt, n / t_ds
g = max(len(gold), 1)
print("corpus: %s, %d articles, %.1f MB, %d gold copy pairs" % (os.path.basename(corpus), n, size_mb, len(gold)))
print("%-50s %8.2f s %9.0f art/s %7.1f MB/s" % ("GNU wc -w (reading the words)", t_wc, n / t_wc, size_mb / t_wc))
if t_floor is not None:
    print("%-50s %8.2f s %9.0f art/s %7.1f MB/s" %
          ("bench/floor.c (least same work, ASCII, plain C)", t_floor, n / t_floor, size_mb / t_floor))
print("%-50s %8.2f s %9.0f art/s %7.1f MB/s  peak %5.0f MB  candidate recall %.3f (found %.3f)" %
      ("wiretrace run -j1 (whole pipeline)", t_wt, rate_wt, size_mb / t_wt, wt_rss, wt_cand / g, wt_found / g))
print("%-50s %8.2f s %9.0f art/s %7.1f MB/s" %
      ("wiretrace read + sketch + candidates (same work)", t_same, n / t_same, size_mb / t_same))
print("%-50s %8.2f s %9.0f art/s %7.1f MB/s  peak %5.0f MB  candidate recall %.3f" %
      ("datasketch MinHash + MinHashLSH insert + query", t_ds, rate_ds, size_mb / t_ds, ds_rss, ds_found / g))
print("  datasketch: reading + MinHash %.2f s, inserts %.2f s, queries %.2f s" %
      (t_mh, t_ins - t_mh, t_ds - t_ins))
print("ratio per core, wiretrace / datasketch (articles/s): %.0f for wiretrace's whole pipeline, "
      "%.0f for the same work; wc -w / wiretrace -j1 time: %.3f (wiretrace takes %.1fx wc's time)" %
      (rate_wt / rate_ds, (n / t_same) / rate_ds, t_wc / t_wt, t_wt / t_wc))
print("floors against datasketch (time ratio): wc -w %.0f" % (t_ds / t_wc) +
      ("" if t_floor is None else ", bench/floor.c %.0f" % (t_ds / t_floor)))
