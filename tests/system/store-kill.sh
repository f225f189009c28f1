#!/bin/sh
# Killing `wiretrace add` with SIGKILL at random moments, many times: after
# each kill the store opens, passes PRAGMA integrity_check, holds every batch
# whose `add` had finished, and holds the killed batch whole or not at all,
# with the records of an analysis of exactly the stored articles.
exec python3 - "$WT" <<'PY'
import json, os, random, sqlite3, subprocess, sys, tempfile, time

wt = sys.argv[1]
seed = int(os.environ.get("KILL_SEED", time.time_ns() % 100000))
rnd = random.Random(seed)
tmp = tempfile.mkdtemp()
db = os.path.join(tmp, "store.db")
words = ["harbour", "council", "minister", "river", "flood", "bridge", "court", "ruling",
         "airline", "passengers", "fire", "police", "market", "shares", "school", "storm",
         "election", "vote", "mayor", "budget", "hospital", "strike", "train", "port"]

def article(b, i):
    # a base text per topic, reworded a little per article: families and stories form
    topic = (b * 7 + i) % 40
    r = random.Random(topic)
    base = [r.choice(words) for _ in range(300)]
    for k in range(0, 300, rnd.randint(6, 40)):
        base[k] = rnd.choice(words)
    return {"id": "b%d-%d" % (b, i), "site": "site%d.example" % (i % 9),
            "date": "2026-03-%02dT10:00:00Z" % (1 + (b + i) % 28),
            "title": "Topic %d report" % topic, "text": " ".join(base) + "."}

def check(done, killed_ids):
    con = sqlite3.connect(db)
    ok = con.execute("PRAGMA integrity_check").fetchone()[0]
    if not con.execute("SELECT count(*) FROM sqlite_master WHERE name='article'").fetchone()[0]:
        # killed before the first batch made the tables: nothing may be missing
        con.close()
        if ok != "ok" or done:
            sys.exit("seed %d: no tables, yet %d articles of finished batches" % (seed, len(done)))
        return set()
    ids = {r[0] for r in con.execute("SELECT id FROM article")}
    results = {r[0] for r in con.execute("SELECT id FROM r_article")}
    con.close()
    if ok != "ok":
        sys.exit("seed %d: integrity_check: %s" % (seed, ok))
    if not done <= ids:
        sys.exit("seed %d: %d articles of finished batches missing" % (seed, len(done - ids)))
    extra = ids - done
    if extra and extra != killed_ids:
        sys.exit("seed %d: the killed batch is stored in part (%d of %d)" %
                 (seed, len(extra), len(killed_ids)))
    if results != ids:
        sys.exit("seed %d: records of %d articles for %d stored" % (seed, len(results), len(ids)))
    r = subprocess.run([wt, "stories", "--db", db], capture_output=True)
    if r.returncode != 0:
        sys.exit("seed %d: the store does not open: %s" % (seed, r.stderr.decode()))
    return extra

done, kills, finished, partial = set(), 0, 0, 0
for b in range(40):
    batch = [article(b, i) for i in range(120)]
    path = os.path.join(tmp, "batch.jsonl")
    with open(path, "w") as f:
        for a in batch:
            f.write(json.dumps(a) + "\n")
    p = subprocess.Popen([wt, "add", "-q", "-j1", "--db", db, path],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rnd.uniform(0, 0.25))
    if p.poll() is None:
        p.kill()
        kills += 1
    rc = p.wait()
    ids = {a["id"] for a in batch}
    if rc == 0:
        done |= ids
        finished += 1
    else:
        if check(done, ids):
            done |= ids  # committed just before the kill
    check(done, ids)
print("seed %d: 40 batches, %d killed, %d finished; store intact each time, %d articles" %
      (seed, kills, finished, len(done)))
PY
