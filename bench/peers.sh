#!/bin/sh
# peers.sh [N] - bench/peers.py on the generated syndication corpus of N
# articles (default 20000; built by bench/make_syndication.py in $SCALE_DIR
# like bench/scale.sh): GNU wc -w, wiretrace run -j1 and datasketch's
# MinHashLSH on the same articles in one run, and bench/floor.c (the least
# of that work written plainly in C) as a second floor.
#
# datasketch is not part of the project: set DATASKETCH to a copy of
# https://github.com/ekzhu/datasketch (default ../datasketch beside the
# repository); it runs from there with Debian's python3 and python3-numpy
# (and python3-scipy, which its LSH module imports).  Without them this
# prints why and stops, successfully.
cd "$(dirname "$0")/.." || exit 1
WT=${WT:-build/wiretrace}
[ -x "$WT" ] || make -s || exit 1
n=${1:-20000}
ds=${DATASKETCH:-../datasketch}
py=${PYTHON:-/usr/bin/python3}
[ -d ../shared/data ] || { echo "peers: ../shared/data absent: nothing to build the corpus from"; exit 0; }
[ -f "$ds/datasketch/lsh.py" ] || {
	echo "peers: no datasketch in $ds (set DATASKETCH=DIR to a copy of github.com/ekzhu/datasketch); skipped"
	exit 0
}
"$py" -c "import numpy, scipy" 2>/dev/null || {
	echo "peers: $py lacks numpy or scipy (apt-get install python3-numpy python3-scipy); skipped"
	exit 0
}
t=${SCALE_DIR:-${TMPDIR:-/tmp}/wiretrace-syn}
mkdir -p "$t" || exit 1
c=$t/syn$n
if [ ! -f "$c.jsonl" ] || [ bench/make_syndication.py -nt "$c.jsonl" ]; then
	python3 bench/make_syndication.py "$n" "$c" || exit 1
fi
FLOOR=${FLOOR:-build/bench_floor}
[ -x "$FLOOR" ] || make -s "$FLOOR" || exit 1
export FLOOR
exec "$py" bench/peers.py "$c.jsonl" "$c.pairs.tsv" "$ds" "$WT"
