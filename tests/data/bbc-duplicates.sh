#!/bin/sh
# Real-data check: the BBC set holds 103 groups of exact duplicates (its
# README); wiretrace must find them all as 'duplicate' relations.
D=../shared/data/bbc/articles.jsonl
if [ ! -f "$D" ]; then echo "../shared/data/bbc absent: skipped"; exit 77; fi
groups=$("$WT" run -q --pairs none "$D" | grep '"relation":"duplicate"' |
	sed 's/.*"source":"\([^"]*\)".*/\1/' | sort -u | wc -l)
echo "exact duplicate groups found: $groups (expected 103)"
[ "$groups" -ge 103 ]
