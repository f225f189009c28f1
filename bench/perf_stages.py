#!/usr/bin/env python3
"""perf_stages.py [SCRIPT] - where a `wiretrace run` spends its time, by
stage: reads `perf script -F comm,tid,ip,sym` output of a run recorded with
call graphs, and charges each sample to the first stage function on its
stack, with the leaf functions that take most of each stage (samples under
a page fault counted together as "page faults (kernel)").

    perf record -F 49 --call-graph dwarf,16384 -o run.data build/wiretrace run -j1 ... >/dev/null
    perf script -i run.data -F comm,tid,ip,sym > run.script
    python3 bench/perf_stages.py run.script
"""
import collections
import sys

STAGES = {"cli_read_inputs": "read", "wt__chrome": "chrome", "sketch_worker": "sketch",
          "wt__sketch": "sketch", "wt__candidates": "candidates", "align_worker": "align",
          "wt__families": "families", "terms_parallel": "stories (terms)", "wt__stories": "stories",
          "wt__provenance": "provenance", "cli_write_records": "output"}

text = open(sys.argv[1] if len(sys.argv) > 1 else "/dev/stdin").read()
total = collections.Counter()
leaves = collections.defaultdict(collections.Counter)
n = 0
for sample in text.split("\n\n"):
    frames = [l.split(None, 1)[1] if len(l.split(None, 1)) > 1 else "" for l in sample.strip().split("\n")[1:]]
    if not frames:
        continue
    n += 1
    stage = next((STAGES[f.split()[0]] for f in frames if f and f.split()[0] in STAGES), "other")
    leaf = "page faults (kernel)" if any("exc_page_fault" in f for f in frames) else frames[0]
    total[stage] += 1
    leaves[stage][leaf] += 1
print("%d samples" % n)
for stage, c in total.most_common():
    print("%-16s %5.1f%%   %s" % (stage, 100.0 * c / n, ", ".join(
        "%s %.1f%%" % (k, 100.0 * v / n) for k, v in leaves[stage].most_common(4))))
