#!/bin/sh
# scale.sh [N...] - wiretrace on generated syndication corpora of N articles
# (default 100000 and 1000000; bench/make_syndication.py builds them from
# ../shared/data with gold labels, again whenever the generator changed):
# for -j1 and -j2, time, articles/s, MB/s, peak memory (GNU time's %M) and
# the stage seconds of `run --stats`; whether both wrote the same bytes; then
# against the gold: copy pairs (the families as a clustering: pair precision,
# recall), the gold (source, copy) pairs found and the direction given, and
# the stories the data knows (B-cubed; all of them, then Giveme5W1H's
# English events alone).  With two sizes or more, how time and memory grew
# from the first to the last.
#
#   sh bench/scale.sh [N...]          corpora in $SCALE_DIR (default
#                                     ${TMPDIR:-/tmp}/wiretrace-syn)
# One heavy job at a time: the runs are sequential.  A million articles need
# about 1.8 GB of disk for the corpus, 0.6 GB for a result, and 5 GB of memory.
cd "$(dirname "$0")/.." || exit 1
WT=${WT:-build/wiretrace}
[ -x "$WT" ] || make -s || exit 1
[ -d ../shared/data ] || { echo "scale: ../shared/data absent: nothing to build the corpora from"; exit 0; }
t=${SCALE_DIR:-${TMPDIR:-/tmp}/wiretrace-syn}
mkdir -p "$t" || exit 1
: >"$t/summary"
for n in ${@:-100000 1000000}; do
	c=$t/syn$n
	if [ ! -f "$c.jsonl" ] || [ bench/make_syndication.py -nt "$c.jsonl" ]; then
		/usr/bin/time -f "%e %M" -o "$t/time" python3 bench/make_syndication.py "$n" "$c" || exit 1
		read s kb <"$t/time"
		echo "generated $c.jsonl in $s s (peak $((kb / 1024)) MB)"
	fi
	arts=$(wc -l <"$c.jsonl")
	mb=$(( $(stat -c %s "$c.jsonl") / 1000000 ))
	cat "$c.jsonl" >/dev/null # warm the page cache
	for j in 1 2; do
		/usr/bin/time -f "%e %M" -o "$t/time" "$WT" run -q -j$j --stats --pairs all --claims none \
			"$c.jsonl" >"$t/out" 2>"$t/err" || { cat "$t/err"; exit 1; }
		read s kb <"$t/time"
		sum=$(md5sum <"$t/out" | cut -c1-12)
		python3 -c "import sys; n,s,mb,kb=map(float,sys.argv[1:5]); print('%7d articles, %5d MB: -j%s %7.1f s, %6.0f articles/s, %5.1f MB/s, peak %5.0f MB, %4.0f bytes an article, output md5 %s' % (n, mb, sys.argv[5], s, n/s, mb/s, kb/1024, kb*1024/n, sys.argv[6]))" \
			"$arts" "$s" "$mb" "$kb" "$j" "$sum"
		sed -n 's/.*seconds: /  stages (s): /p' "$t/err"
		echo "$n $j $s $kb" >>"$t/summary"
	done
	grep -v '	c[0-9]' "$c.stories.tsv" >"$c.stories-en.tsv"
	"$WT" eval --gold "$c.families.tsv" --gold "$c.pairs.tsv" --gold "$c.stories.tsv" \
		--gold "$c.stories-en.tsv" "$t/out" 2>/dev/null | awk '
		/^gold .*families.tsv/ {g = "fam"} /^gold .*pairs.tsv/ {g = "pairs"}
		/^gold .*stories.tsv/ {g = "st"} /^gold .*stories-en.tsv/ {g = "en"}
		g == "fam" && /^  family/ {printf "  copy pairs (gold families): precision %s, recall %s, F1 %s\n", $2, $3, $4}
		g == "pairs" && / of / && $1 == "verbatim" {v = $2} g == "pairs" && / of / && $1 == "edited" {e = $2}
		g == "pairs" && /^  gold source is/ {printf "  gold copy pairs found: verbatim %s, edited %s; direction: source first in %s, reversed in ", v, e, $5}
		g == "pairs" && /^  reversed/ {print $2}
		g == "st" && /^  story/ {printf "  known stories (Giveme5W1H and COUNTER): B-cubed P %s R %s F1 %s\n", $5, $6, $7}
		g == "en" && /^  story/ {printf "  known stories, Giveme5W1H alone:        B-cubed P %s R %s F1 %s\n", $5, $6, $7}'
done
if [ "$(cut -d' ' -f1 "$t/summary" | sort -u | wc -l)" -gt 1 ]; then
	awk 'NR == 1 {n0 = $1} {s[$1 " " $2] = $3; m[$1 " " $2] = $4; last = $1}
	END {for (j = 1; j <= 2; j++) printf "x%g articles (%d -> %d), -j%d: x%.1f time, x%.1f peak memory\n", last / n0, n0, last, j, s[last " " j] / s[n0 " " j], m[last " " j] / m[n0 " " j]}' "$t/summary"
fi
