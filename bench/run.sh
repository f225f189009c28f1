#!/bin/sh
# run.sh - the throughput benchmark: on the same input, in one go, GNU
# `wc -w` (the cost of just reading the words), `wiretrace run -j1` as a
# user runs it (every stage and the claim records), then without claims,
# then without stories or claims (read, clean, sketch, candidates, align,
# families: issue 2's pipeline), and the sketch stage alone
# (from --stats), each the best of three runs.  Prints MB/s and the ratios
# to wc, and peak RSS per article.
#
#   sh bench/run.sh [INPUT.jsonl] [COPIES]
#
# Without INPUT it builds two inputs from ../shared/data/reuters21578, each
# COPIES times its size (default 16, about 300 MB) with unique ids, and
# measures both: "repeat" (the texts as they are: the issue's benchmark) and
# "near" (every copy edited, so every article needs candidates and an
# alignment: a stress case).  See bench/make_corpus.py.
set -e
cd "$(dirname "$0")/.."
WT=./build/wiretrace
[ -x "$WT" ] || make -s
IN=$1
COPIES=${2:-16}
if [ -z "$IN" ]; then
	SRC=../shared/data/reuters21578/articles.jsonl
	if [ ! -f "$SRC" ]; then
		echo "bench: $SRC not found; pass an input file" >&2
		exit 1
	fi
	mkdir -p bench/out
	for mode in repeat near; do
		f=bench/out/reuters-$mode-x$COPIES.jsonl
		[ -f "$f" ] || python3 bench/make_corpus.py "$SRC" "$COPIES" $mode >"$f"
	done
	sh "$0" bench/out/reuters-repeat-x$COPIES.jsonl
	echo
	sh "$0" bench/out/reuters-near-x$COPIES.jsonl
	exit
fi
BYTES=$(stat -c %s "$IN")
MB=$(echo "$BYTES / 1000000" | bc -l)
ARTS=$(wc -l <"$IN")
cat "$IN" >/dev/null # warm the page cache

. bench/best.sh

T_WC=$(best wc -w "$IN")
T_RUN=$(best "$WT" run -j1 -q "$IN")
T_NOCL=$(best "$WT" run -j1 -q --claims none "$IN")
T_NOST=$(best "$WT" run -j1 -q --no-stories --claims none "$IN")
T_ALL=$(best "$WT" run -q "$IN")
STATS=$("$WT" run -j1 -q --stats "$IN" 2>&1 >/dev/null | tail -1)
T_SKETCH=$(echo "$STATS" | sed -n 's/.*sketch \([0-9.]*\),.*/\1/p')
RSS=$( { /usr/bin/time -f "%M" "$WT" run -j1 -q "$IN" >/dev/null; } 2>&1 | tail -1)

printf "input: %s, %.1f MB, %d articles\n" "$IN" "$MB" "$ARTS"
printf "%-28s %8.3f s %9.1f MB/s\n" "wc -w" "$T_WC" "$(echo "$MB / $T_WC" | bc -l)"
printf "%-28s %8.3f s %9.1f MB/s   ratio to wc %.2f\n" "wiretrace run -j1" "$T_RUN" \
	"$(echo "$MB / $T_RUN" | bc -l)" "$(echo "$T_WC / $T_RUN" | bc -l)"
printf "%-28s %8.3f s %9.1f MB/s   ratio to wc %.2f\n" "  without claims" "$T_NOCL" \
	"$(echo "$MB / $T_NOCL" | bc -l)" "$(echo "$T_WC / $T_NOCL" | bc -l)"
printf "%-28s %8.3f s %9.1f MB/s   ratio to wc %.2f\n" "  without stories, claims" "$T_NOST" \
	"$(echo "$MB / $T_NOST" | bc -l)" "$(echo "$T_WC / $T_NOST" | bc -l)"
printf "%-28s %8.3f s %9.1f MB/s   ratio to wc %.2f\n" "  sketch stage alone" "$T_SKETCH" \
	"$(echo "$MB / $T_SKETCH" | bc -l)" "$(echo "$T_WC / $T_SKETCH" | bc -l)"
printf "%-28s %8.3f s %9.1f MB/s   ratio to wc %.2f\n" "wiretrace run (all cores)" "$T_ALL" \
	"$(echo "$MB / $T_ALL" | bc -l)" "$(echo "$T_WC / $T_ALL" | bc -l)"
printf "peak RSS (run -j1): %d KB, %.0f bytes per article (input text %.0f bytes per article)\n" \
	"$RSS" "$(echo "$RSS * 1024 / $ARTS" | bc -l)" "$(echo "$BYTES / $ARTS" | bc -l)"
echo "stats: $STATS"
if [ -x ./build/bench_stages ]; then
	echo "each sketching step on every article of this input (build/bench_stages):"
	./build/bench_stages "$IN" | sed 's/^/  /'
fi
