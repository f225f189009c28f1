#!/bin/sh
# The store equals a batch run: articles added in three batches give the same
# records (`stories --all`) as `run` over the three batches at once; adding a
# batch again (same ids, or the same texts from the same sites under other
# ids) changes nothing, byte for byte; the file passes integrity_check.
# Then the same on Giveme5W1H (real pages) when ../shared/data is present.
set -e
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
check() { # check NAME FILE...: add each FILE as a batch, compare with run
	name=$1; shift
	rm -f "$t/db" "$t/db-wal" "$t/db-shm"
	for f in "$@"; do "$WT" add -q -j2 --db "$t/db" "$f"; done
	"$WT" stories --db "$t/db" --all >"$t/store.jsonl"
	"$WT" run -q -j1 "$@" >"$t/run.jsonl"
	cmp "$t/store.jsonl" "$t/run.jsonl" || { echo "$name: store differs from run"; diff "$t/store.jsonl" "$t/run.jsonl" | head; exit 1; }
	cp "$t/db" "$t/before"
	# again: by id, and the second batch under new ids (same text, same site)
	"$WT" add -q --db "$t/db" "$1"
	python3 - "$2" "$t/renamed.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        r = json.loads(line); r["id"] = "again/" + r["id"]; out.write(json.dumps(r) + "\n")
PY
	"$WT" add -q --db "$t/db" "$t/renamed.jsonl"
	"$WT" stories --db "$t/db" --all | cmp - "$t/store.jsonl" || { echo "$name: adding again changed the records"; exit 1; }
	python3 - "$t/db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ok = db.execute("PRAGMA integrity_check").fetchone()[0]
n, r = db.execute("SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM r_article)").fetchone()
b = db.execute("SELECT count(*) FROM batch").fetchone()[0]
assert ok == "ok", ok
assert n == r, (n, r)
print("%d articles, %d batches, integrity %s" % (n, b, ok))
PY
	echo "$name: $(wc -l <"$t/run.jsonl") records equal"
}
"$WT" extract -q samples/ >"$t/all.jsonl"
sed -n '1,13p' "$t/all.jsonl" >"$t/a.jsonl"
sed -n '14,26p' "$t/all.jsonl" >"$t/b.jsonl"
sed -n '27,$p' "$t/all.jsonl" >"$t/c.jsonl"
check samples "$t/a.jsonl" "$t/b.jsonl" "$t/c.jsonl"
# Analysis options are the store's: given once, kept by later adds; given
# again with nothing new, the stored articles are analyzed again with them.
rm -f "$t/db" "$t/db-wal" "$t/db-shm"
"$WT" add -q --db "$t/db" --story-min 0.6 --no-chrome --verbatim-min 0.95 "$t/a.jsonl"
"$WT" add -q --db "$t/db" "$t/b.jsonl"
"$WT" stories --db "$t/db" --all >"$t/store.jsonl"
"$WT" run -q --story-min 0.6 --no-chrome --verbatim-min 0.95 "$t/a.jsonl" "$t/b.jsonl" | cmp - "$t/store.jsonl" ||
	{ echo "options: store differs from run"; exit 1; }
"$WT" run -q "$t/a.jsonl" "$t/b.jsonl" | cmp -s - "$t/store.jsonl" &&
	{ echo "options: made no difference, the check proves nothing"; exit 1; }
"$WT" add -q --db "$t/db" --story-min 0.15 --verbatim-min 0.8 "$t/a.jsonl"
"$WT" stories --db "$t/db" --all | cmp - "$t/store.jsonl" >/dev/null &&
	{ echo "options: changed, but the records were not"; exit 1; }
"$WT" run -q --no-chrome "$t/a.jsonl" "$t/b.jsonl" >"$t/run.jsonl"
"$WT" stories --db "$t/db" --all | cmp - "$t/run.jsonl" ||
	{ echo "options: after a change, store differs from run"; exit 1; }
if "$WT" add -q --db "$t/db" --perm 64 --bands 16 "$t/c.jsonl" 2>/dev/null; then
	echo "options: the sketch options of a store with articles changed"; exit 1
fi
echo "samples: options kept by the store and changed by add"
G=../shared/data/giveme5w1h/articles.jsonl
if [ ! -f "$G" ]; then
	echo "samples equal; ../shared/data/giveme5w1h absent: real pages not checked"; exit 0
fi
# Real pages: a page crawled twice (same text, same site) is stored once, so
# the union is taken without such repeats.
python3 - "$G" "$t" <<'PY'
import json, sys
seen, rows = set(), []
for line in open(sys.argv[1]):
    r = json.loads(line)
    k = (r.get("text"), r.get("site") or r.get("source_domain"))
    if k not in seen:
        seen.add(k); rows.append(line)
for i, name in enumerate("pqr"):
    with open("%s/%s.jsonl" % (sys.argv[2], name), "w") as f:
        f.writelines(rows[i * len(rows) // 3:(i + 1) * len(rows) // 3])
PY
check giveme5w1h "$t/p.jsonl" "$t/q.jsonl" "$t/r.jsonl"
