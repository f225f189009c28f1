#!/bin/sh
# The HTTP API of `wiretrace serve` on a store of the samples: listing with
# paging, filters and search; a story; an article with its passages; POSTs
# (one, an array, the same again, eight at once) that join stories, after
# which the store still equals a batch run over its articles; and clear 4xx
# answers for bad requests.  Then `report --html` from the store and from
# run's results.
t=$(mktemp -d)
"$WT" extract -q samples/ >"$t/samples.jsonl"
"$WT" add -q --db "$t/db" "$t/samples.jsonl" || exit 1
. tests/system/serve.inc
start_serve "$t/db" -j2 || exit 1
trap 'kill $pid 2>/dev/null; rm -rf "$t"' EXIT
python3 - "http://127.0.0.1:$port" "$t" "$WT" <<'PY' || exit 1
import json, sqlite3, subprocess, sys, threading, urllib.error, urllib.request
from urllib.parse import quote
base, tmp, wt = sys.argv[1:4]
fails = []
# what a batch run over the samples gives: the store must serve the same
batch = subprocess.run([wt, "run", "-q", tmp + "/samples.jsonl"], capture_output=True).stdout.decode()
n_stories = batch.count('"type":"story"')
n_samples = batch.count('"type":"article"')
def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails.append(what)
def call(method, path, body=None, raw=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.headers.get("Content-Type"), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read()
def get(path):
    s, ct, b = call("GET", path)
    return s, json.loads(b) if ct and ct.startswith("application/json") else b

s, d = get("/api/stories")
check(s == 200 and n_stories > 10 and d["total"] == n_stories and len(d["stories"]) == n_stories,
      "GET /api/stories: %d stories, as run gives" % n_stories)
s, p1 = get("/api/stories?limit=5&offset=0")
s, p2 = get("/api/stories?limit=5&offset=5")
ids1 = {x["id"] for x in p1["stories"]}; ids2 = {x["id"] for x in p2["stories"]}
check(len(ids1) == 5 and len(ids2) == 5 and not ids1 & ids2, "paging: two pages of 5, no overlap")
lasts = [x["last"] or "" for x in d["stories"]]
check(lasts == sorted(lasts, reverse=True), "newest first")
s, f = get("/api/stories?site=iberia-post.example")
check([x["id"] for x in f["stories"]] == ["harbour-fire/wire.txt"], "filter by site")
s, f = get("/api/stories?q=" + quote("lisbon harbour"))
check(f["total"] == 1, "search in titles, case-blind")
s, f = get("/api/stories?from=2026-04-01&to=2026-04-30")
check(f["total"] > 0 and all((x["last"] or "") >= "2026-04-01" for x in f["stories"]), "filter by dates")
s, st = get("/api/stories/" + quote("harbour-fire/wire.txt", safe=""))
check(s == 200 and len(st["articles"]) == 7 and len(st["edges"]) == 6, "GET a story: 7 articles, 6 edges")
s, a = get("/api/articles/" + quote("harbour-fire/metro-brief.txt", safe=""))
ok = s == 200 and a["source"]["id"] == "harbour-fire/wire.txt" and a["passages"]
if ok:
    p = a["passages"][0]
    w1 = set(a["text"].encode()[p["article"][0]:p["article"][1]].decode().split())
    w2 = set(a["source"]["text"].encode()[p["source"][0]:p["source"][1]].decode().split())
    ok = len(w1 & w2) >= 0.8 * len(w1) > 50
check(ok, "GET an article: its passages point at the same words in it and its source")

# POST one article: a rewrite-free copy of the wire's first paragraphs
wire = a["source"]["text"]
s, ct, b = call("POST", "/api/articles", {"id": "post-1", "site": "harbour-post.example",
    "date": "2026-03-14T16:00:00Z", "title": "Lisbon port fire", "text": wire[:900]})
r = json.loads(b)
check(s == 200 and r["articles"][0]["story"] == "harbour-fire/wire.txt" and
      r["articles"][0]["source"] is not None, "POST one copy: it joins the Lisbon story with a source")
s, ct, b = call("POST", "/api/articles", [
    {"id": "post-2", "site": "x.example", "date": "2026-05-02", "text": "A brand new story about a library in Tartu reopening after ten years of repairs."},
    {"id": "post-3", "site": "y.example", "date": "2026-05-02", "text": "Tartu's old library reopened its doors after ten years of repairs, the city said."}])
r = json.loads(b)
check(s == 200 and len(r["articles"]) == 2, "POST an array of two")
n_before = get("/api/stories")[1]["total"]
s, ct, b = call("POST", "/api/articles", {"id": "post-1", "text": "other text"})
check(s == 200 and get("/api/stories")[1]["total"] == n_before, "POST a stored id again: nothing changes")

# eight at once: added in groups, every one answered
res = [None] * 8
def post(k):
    res[k] = call("POST", "/api/articles", {"id": "burst-%d" % k, "site": "burst%d.example" % k,
        "date": "2026-03-14T17:%02d:00Z" % k, "text": wire[:600 + 40 * k]})
ths = [threading.Thread(target=post, args=(k,)) for k in range(8)]
[t.start() for t in ths]; [t.join() for t in ths]
check(all(r and r[0] == 200 and json.loads(r[2])["articles"][0]["story"] == "harbour-fire/wire.txt"
          for r in res), "eight concurrent POSTs: each answered, each in the Lisbon story")

# the store still equals a batch run over its articles in the order stored
db = sqlite3.connect(tmp + "/db")
with open(tmp + "/union.jsonl", "w") as out:
    for row in db.execute("SELECT id, url, site, date, title, text FROM article ORDER BY seq"):
        out.write(json.dumps(dict(zip(["id", "url", "site", "date", "title", "text"], row))) + "\n")
n = db.execute("SELECT count(*) FROM article").fetchone()[0]
db.close()
run = subprocess.run([wt, "run", "-q", tmp + "/union.jsonl"], capture_output=True).stdout
stored = subprocess.run([wt, "stories", "--db", tmp + "/db", "--all"], capture_output=True).stdout
check(n == n_samples + 3 + 8 and run == stored, "after the POSTs the store equals run over its %d articles" % n)

# bad requests
for what, method, path, raw, code in [
        ("bad JSON", "POST", "/api/articles", b"{\"id\":", 400),
        ("no text", "POST", "/api/articles", b"[{\"id\":\"x\"}]", 400),
        ("not an article", "POST", "/api/articles", b"[1,2]", 400),
        ("empty array", "POST", "/api/articles", b"[]", 400),
        ("too large", "POST", "/api/articles", b"x" * (9 << 20), 413),
        ("wrong method", "DELETE", "/api/stories", None, 405),
        ("unknown story", "GET", "/api/stories/nope", None, 404),
        ("unknown article", "GET", "/api/articles/nope", None, 404),
        ("bad limit", "GET", "/api/stories?limit=x", None, 400)]:
    s, ct, b = call(method, path, raw=raw)
    ok = s == code and ct == "application/json" and "error" in json.loads(b)
    check(ok, "%s: %d with a JSON message (%s)" % (what, code, s))
# mangled bodies: every answer a 200 or a 400 with a message, the server alive
import random
rnd = random.Random(11)
seed_body = json.dumps([{"id": "m-%d", "site": "m.example", "date": "2026-05-03", "text": "Ferry towed to port after its engine failed near Crete, coast guard said."}]).encode()
codes = {}
for k in range(150):
    b = bytearray(seed_body.replace(b"%d", str(k).encode()))
    for _ in range(rnd.randint(1, 6)):
        op = rnd.random()
        at = rnd.randrange(len(b))
        if op < 0.4:
            b[at] = rnd.randrange(256)
        elif op < 0.7:
            del b[at:at + rnd.randint(1, 8)]
        else:
            b[at:at] = bytes(rnd.choice([b"\\u0000", b"\xff\xfe", b"{", b"]", b"\"", b"\\ud800", b"\n"]))
    s_, ct, body = call("POST", "/api/articles", raw=bytes(b))
    codes[s_] = codes.get(s_, 0) + 1
    if s_ not in (200, 400) or (s_ == 400 and "error" not in json.loads(body)):
        check(False, "mangled body %d answered %s" % (k, s_))
        break
s_, ct, body = call("GET", "/api/stories")
check(s_ == 200 and set(codes) <= {200, 400}, "150 mangled POST bodies: %s, server alive" % codes)
print("%d failed" % len(fails))
sys.exit(1 if fails else 0)
PY
kill -TERM $pid; wait $pid || { echo "serve did not stop cleanly"; exit 1; }
# the same pages as files, from the store and from run's results
"$WT" report -q --html "$t/site" --db "$t/db" || exit 1
n=$(ls "$t/site"/story-*.html | wc -l)
grep -q 'mark class="copied"' "$t/site"/story-*.html || { echo "report: no copied passage marked"; exit 1; }
"$WT" run -q samples/ >"$t/results.jsonl"
"$WT" report -q --html "$t/site2" "$t/results.jsonl" || exit 1
n2=$(ls "$t/site2"/story-*.html | wc -l)
want=$(grep -c '"type":"story"' "$t/results.jsonl")
[ "$want" -gt 1 ] && [ "$n2" = "$want" ] || { echo "report from results: $n2 story pages, expected $want"; exit 1; }
echo "serve API checks passed; report: $n story pages from the store, $n2 from results"
