#!/bin/sh
# extract.sh - the web page benchmark: on the 181 pages of
# ../shared/data/article-extraction (decompressed to bench/out/pages), GNU
# `wc -w` and `wiretrace extract` side by side, each the best of three runs,
# with MB/s and the ratio to wc; the same pages four times over as a gzipped
# WARC crawl (bench/make_warc.py), `zcat | wc -w` against `extract` and
# `run`, with peak memory; then the extraction quality as that benchmark
# scores it (bench/extraction_score.py).
set -e
cd "$(dirname "$0")/.."
WT=./build/wiretrace
[ -x "$WT" ] || make -s
SRC=../shared/data/article-extraction
if [ ! -f "$SRC/ground-truth.json" ]; then
	echo "bench: $SRC not found" >&2
	exit 1
fi
OUT=bench/out/pages
if [ ! -d "$OUT" ]; then
	mkdir -p "$OUT"
	for f in "$SRC"/html/*.html.gz; do
		b=$(basename "$f" .gz)
		gzip -dc "$f" >"$OUT/$b"
	done
fi
BYTES=$(cat "$OUT"/* | wc -c)
MB=$(echo "$BYTES / 1000000" | bc -l)
N=$(ls "$OUT" | wc -l)
cat "$OUT"/* >/dev/null

. bench/best.sh

T_WC=$(best sh -c "cat $OUT/* | wc -w")
T_EX1=$(best "$WT" extract -q -j1 "$OUT")
T_EX=$(best "$WT" extract -q "$OUT")
printf "input: %d pages, %.1f MB of HTML\n" "$N" "$MB"
printf "%-24s %7.3f s %8.1f MB/s\n" "wc -w" "$T_WC" "$(echo "$MB / $T_WC" | bc -l)"
printf "%-24s %7.3f s %8.1f MB/s %8.0f pages/s   ratio to wc %.3f\n" "wiretrace extract -j1" \
	"$T_EX1" "$(echo "$MB / $T_EX1" | bc -l)" "$(echo "$N / $T_EX1" | bc -l)" \
	"$(echo "$T_WC / $T_EX1" | bc -l)"
printf "%-24s %7.3f s %8.1f MB/s %8.0f pages/s   ratio to wc %.3f\n" "  on all cores" \
	"$T_EX" "$(echo "$MB / $T_EX" | bc -l)" "$(echo "$N / $T_EX" | bc -l)" \
	"$(echo "$T_WC / $T_EX" | bc -l)"
W=bench/out/pages-x4.warc.gz
[ -f "$W" ] || python3 bench/make_warc.py "$OUT" 4 >"$W"
WMB=$(echo "$(gzip -dc "$W" | wc -c) / 1000000" | bc -l)
T_ZWC=$(best sh -c "gzip -dc $W | wc -w")
T_WEX=$(best "$WT" extract -q "$W")
T_WRUN=$(best "$WT" run -q "$W")
RSS=$( { /usr/bin/time -f "%M" "$WT" extract -q "$W" >/dev/null; } 2>&1 | tail -1)
printf "input: %s, %d records, %.1f MB uncompressed\n" "$W" "$(echo "$N * 4" | bc)" "$WMB"
printf "%-24s %7.3f s %8.1f MB/s\n" "gzip -dc | wc -w" "$T_ZWC" "$(echo "$WMB / $T_ZWC" | bc -l)"
printf "%-24s %7.3f s %8.1f MB/s   ratio %.3f   peak RSS %d KB\n" "wiretrace extract" "$T_WEX" \
	"$(echo "$WMB / $T_WEX" | bc -l)" "$(echo "$T_ZWC / $T_WEX" | bc -l)" "$RSS"
printf "%-24s %7.3f s %8.1f MB/s   ratio %.3f\n" "wiretrace run" "$T_WRUN" \
	"$(echo "$WMB / $T_WRUN" | bc -l)" "$(echo "$T_ZWC / $T_WRUN" | bc -l)"
python3 bench/extraction_score.py --wiretrace "$WT" --worst 10 "$SRC"
