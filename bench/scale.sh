#!/bin/sh
# scale.sh [N...] - wiretrace on generated syndication corpora of N articles
# (default 100000 and 1000000; bench/make_syndication.py builds them from
# ../shared/data with gold labels): time, articles/s, MB/s and peak memory
# with -j1 and -j2, stage seconds, and
# copy-pair precision and recall against the gold families.
WT=${WT:-build/wiretrace}
[ -d ../shared/data ] || { echo "../shared/data absent: nothing to build the corpora from"; exit 0; }
t=${TMPDIR:-/tmp}/wiretrace-scale
mkdir -p "$t"
for n in ${@:-100000 1000000}; do
	[ -f "$t/syn$n.jsonl" ] || python3 bench/make_syndication.py "$n" "$t/syn$n" || exit 1
	mb=$(du -m "$t/syn$n.jsonl" | cut -f1)
	for j in 1 2; do
		/usr/bin/time -f "%e %M" -o "$t/time" "$WT" run -q -j$j --stats --pairs all --claims none \
			"$t/syn$n.jsonl" >"$t/out" 2>"$t/err"
		read s kb <"$t/time"
		python3 -c "import sys; n,s,mb,kb=map(float,sys.argv[1:5]); print('%7d articles, %5d MB: -j%s %7.1f s, %6.0f articles/s, %5.1f MB/s, peak %5.0f MB' % (n, mb, sys.argv[5], s, n/s, mb/s, kb/1024))" "$n" "$s" "$mb" "$kb" "$j"
		sed -n 's/.*seconds: /  stages (s): /p' "$t/err"
	done
	"$WT" eval --gold "$t/syn$n.families.tsv" "$t/out" 2>/dev/null |
		awk '/^  family/ {printf "  copy pairs (families): precision %s, recall %s, F1 %s\n", $2, $3, $4}'
done
