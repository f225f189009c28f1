#!/bin/sh
# Real-data check: the Urdu stories of COUNTER must come out the same
# whether it is analyzed alone or beside 31,000 English texts (Reuters-21578,
# BBC, UCI headlines, Giveme5W1H).  A word's rarity is measured among the
# texts of the script it is most often in.  Measured over the whole corpus,
# Urdu function words and numbers looked rare and 1,141 of the 1,200 Urdu
# articles fell into one story (B-cubed F1 of the mixed run against the
# alone run 0.09); weighing each script's texts by the word's share there,
# the English words sharing their hash bits still made them look rarer
# (0.901); now 0.955.
D=../shared/data
C=$D/counter/articles.jsonl
set -- "$D/reuters21578/articles.jsonl" "$D/bbc/articles.jsonl" "$D/uci-headlines/articles.jsonl" \
	"$D/giveme5w1h/articles.jsonl"
for f in "$C" "$@"; do
	[ -f "$f" ] || { echo "$f absent: skipped"; exit 77; }
done
T=${TMPDIR:-/tmp}/wt-mixed.$$
"$WT" run -q --pairs none --claims none "$C" >"$T.alone" || exit 1
"$WT" run -q --pairs none --claims none "$C" "$@" >"$T.mixed" || exit 1
python3 - "$T.alone" "$T.mixed" "$C" <<'PY'
import collections, json, sys
def stories(path):
    m = {}
    for line in open(path):
        r = json.loads(line)
        if r.get("type") == "story":
            for a in r["articles"]:
                m[a] = r["id"]
    return m
alone, mixed = stories(sys.argv[1]), stories(sys.argv[2])
ids = [json.loads(l)["id"] for l in open(sys.argv[3])]
ga, gm = collections.defaultdict(set), collections.defaultdict(set)
for i in ids:
    ga[alone[i]].add(i)
    gm[mixed[i]].add(i)
p = sum(len(ga[alone[i]] & gm[mixed[i]]) / len(gm[mixed[i]]) for i in ids) / len(ids)
r = sum(len(ga[alone[i]] & gm[mixed[i]]) / len(ga[alone[i]]) for i in ids) / len(ids)
f = 2 * p * r / (p + r)
big = max(collections.Counter(mixed[i] for i in ids).values())
print("Urdu stories beside 31,000 English texts against alone: B-cubed P %.3f R %.3f F1 %.3f; largest story %d articles (alone %d)"
      % (p, r, f, big, max(collections.Counter(alone[i] for i in ids).values())))
sys.exit(0 if f >= 0.93 and big <= 2 * max(len(s) for s in ga.values()) else 1)
PY
s=$?
rm -f "$T.alone" "$T.mixed"
exit $s
