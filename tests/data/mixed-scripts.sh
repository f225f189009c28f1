#!/bin/sh
# Real-data check: the Urdu stories of COUNTER must come out the same
# whether it is analyzed alone or beside the English Reuters archive.
# Word rarity is measured among the texts of a word's script; measured over
# the whole corpus, Urdu function words and numbers looked rare beside 19,000
# English texts and 1,141 of the 1,200 Urdu articles fell into one story
# (B-cubed F1 of the mixed run against the alone run: 0.961 measured).
C=../shared/data/counter/articles.jsonl
R=../shared/data/reuters21578/articles.jsonl
if [ ! -f "$C" ] || [ ! -f "$R" ]; then
	echo "../shared/data/counter or reuters21578 absent: skipped"; exit 77
fi
T=${TMPDIR:-/tmp}/wt-mixed.$$
"$WT" run -q --pairs none --claims none "$C" >"$T.alone" || exit 1
"$WT" run -q --pairs none --claims none "$C" "$R" >"$T.mixed" || exit 1
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
print("Urdu stories beside Reuters against alone: B-cubed P %.3f R %.3f F1 %.3f; largest story %d articles (alone %d)"
      % (p, r, f, big, max(collections.Counter(alone[i] for i in ids).values())))
sys.exit(0 if f >= 0.9 and big <= 2 * max(len(s) for s in ga.values()) else 1)
PY
s=$?
rm -f "$T.alone" "$T.mixed"
exit $s
