#!/bin/sh
# Real-data check: article extraction on the 181 pages of the
# article-extraction benchmark, scored as that benchmark scores (4-token
# shingles; bench/extraction_score.py).  F1 must stay at 0.95 or more
# (0.973 measured: precision 0.964, recall 0.982; trafilatura 0.958).
D=../shared/data/article-extraction
if [ ! -f "$D/ground-truth.json" ]; then
	echo "../shared/data/article-extraction absent: skipped"; exit 77
fi
line=$(python3 bench/extraction_score.py --wiretrace "$WT" --worst 0 "$D") || exit 1
echo "$line"
f=$(echo "$line" | sed -n 's/.*F1 \([0-9.]*\).*/\1/p')
python3 -c "import sys; sys.exit(0 if $f >= 0.95 else 1)"
