#!/bin/sh
# Real-data check: on the Reuters archive (19,043 articles), `run -j1` and
# `run -j2` write byte-identical results.
D=../shared/data/reuters21578/articles.jsonl
if [ ! -f "$D" ]; then echo "../shared/data/reuters21578 absent: skipped"; exit 77; fi
a=$("$WT" run -q -j1 "$D" | cksum)
b=$("$WT" run -q -j2 "$D" | cksum)
echo "-j1: $a; -j2: $b"
[ "$a" = "$b" ]
