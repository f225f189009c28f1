#!/usr/bin/env python3
"""make_syndication.py N OUT_PREFIX [SEED] - a syndication corpus of about N
articles built from real base articles, with its gold labels.

Base texts are read at run time from ../shared/data (Reuters-21578 wire
stories, BBC news, Giveme5W1H pages, COUNTER's Urdu news); none is copied
into the repository. Each family is one base text published by an agency
and copied by other sites, each copy:
  - wrapped in its site's page chrome: lines the tool knows ("Share this
    article", "Subscribe to our newsletter", a copyright line) and lines
    only that site prints (its own app promotion, section links);
  - sometimes trimmed to its first paragraphs, respelled (US/UK spellings,
    typos), given a paragraph of its own, or with sentences paraphrased
    (clauses swapped, words replaced);
  - dated a few hours after its source.
Giveme5W1H's gold stories give stories with independent reports (other
pages of the same event, each with its own copies); other families are their
own story. A share of base texts stay unrelated singletons.

Base texts are reused when N needs more families than there are texts: in
reuse round r > 0 every other word (numbers too) is respelled with a round
mark, so that rounds share no two words in a row and each family's text is
its own (half of its words are then not real words: most of a 1M corpus is
reuse of this kind, a stress case rather than a picture of the news).

Writes OUT_PREFIX.jsonl (articles in date order), OUT_PREFIX.families.tsv
(id, story = the family's origin: pair precision and recall of copy
detection, as `wiretrace eval` scores family clusterings),
OUT_PREFIX.stories.tsv (id, story) and OUT_PREFIX.pairs.tsv (source, copy,
relation: every copy with its origin, `verbatim` when at least 80% of the
copy's words are its source's, else `edited`).
"""
import json
import os
import random
import re
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")

KNOWN_CHROME = [
    "Share this article", "Subscribe to our newsletter", "Read more:",
    "Advertisement", "Sign up for our daily briefing", "Follow us on Twitter",
    "Related articles", "Click here to read more", "Photo: Reuters",
]
SECTIONS = ["World", "Business", "Politics", "Sport", "Tech", "Science", "Health",
            "Opinion", "Local", "Markets", "Culture", "Travel"]
RESPELL = [("colour", "color"), ("favour", "favor"), ("centre", "center"),
           ("programme", "program"), ("organisation", "organization"),
           ("labour", "labor"), ("defence", "defense"), ("analyse", "analyze"),
           ("travelled", "traveled"), ("percent", "per cent"), ("metres", "meters")]
SYNONYMS = {"said": "stated", "says": "states", "rose": "climbed", "fell": "dropped",
            "big": "large", "buy": "purchase", "help": "assist", "show": "indicate",
            "start": "begin", "end": "finish", "rise": "increase", "cut": "reduce",
            "about": "around", "also": "additionally", "but": "however", "company": "firm",
            "government": "administration", "expected": "anticipated", "told": "informed"}
LOCAL = ["Officials in {c} said they were following the events closely.",
         "Residents of {c} contacted by the {s} described the news as unexpected.",
         "The {s} has asked the authorities in {c} for further comment.",
         "Analysts in {c} said the effects could be felt for months."]
CITIES = ["Leeds", "Porto", "Graz", "Tampere", "Lyon", "Bergen", "Cork", "Brno", "Ghent",
          "Split", "Turku", "Aarhus", "Bilbao", "Malmo", "Pisa", "Kaunas"]


def paragraphs(text):
    parts = re.split(r"\n\s*\n|\n {3,}", text)
    return [" ".join(p.split()) for p in parts if p.strip()]


def load(rnd):
    bases = []  # (key, title, paragraphs, story)
    def read(name, story_of=None):
        path = os.path.join(DATA, name, "articles.jsonl")
        if not os.path.exists(path):
            return
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            ps = paragraphs(r.get("text") or "")
            if sum(len(p.split()) for p in ps) < 60:
                continue
            st = story_of.get(r["id"]) if story_of else None
            bases.append((name + ":" + r["id"], r.get("title") or "", ps, st))
    gold = {}
    gpath = os.path.join(DATA, "giveme5w1h", "stories.tsv")
    if os.path.exists(gpath):
        for line in open(gpath, encoding="utf-8").read().splitlines()[1:]:
            f = line.split("\t")
            gold[f[0]] = "g" + f[1]
    read("reuters21578")
    read("bbc")
    read("giveme5w1h", gold)
    read("counter")
    if not bases:
        sys.exit("make_syndication.py: ../shared/data is absent")
    # The sources repeat themselves (BBC's duplicates, Reuters' re-sends and
    # its templated notices): a base text sharing a fifth of its six-word
    # shingles with one kept already would make two "families" of one text.
    seen, kept = set(), []
    for b in bases:
        words = " ".join(b[2]).lower().split()
        sh = {hash(" ".join(words[k:k + 6])) for k in range(max(1, len(words) - 5))}
        if len(words) >= 60 and len(sh & seen) < 0.2 * len(sh):
            kept.append(b)
            seen |= sh
    rnd.shuffle(kept)
    return kept


def round_mark(words, r):
    """Respells every other word (numbers too) so that reuse rounds share no
    two words in a row: no shingle, and no seed for an alignment."""
    if r == 0:
        return words
    out = []
    for i, w in enumerate(words):
        if (i + r) % 2 == 0 and w:
            core = w.rstrip(".,;:!?\"')")
            w = core + "q%d" % r + w[len(core):]
        out.append(w)
    return out


def transform(rnd, paras, site, city):
    """A copy's paragraphs and the share of its words taken from the source."""
    ps = list(paras)
    own = 0
    if len(ps) > 2 and rnd.random() < 0.3:  # trimmed
        ps = ps[:rnd.randint(1, len(ps) - 1)]
    if rnd.random() < 0.25:  # respelled
        out = []
        for p in ps:
            for a, b in RESPELL:
                p = p.replace(a, b)
            w = p.split(" ")
            for _ in range(max(1, len(w) // 60)):
                k = rnd.randrange(len(w))
                if len(w[k]) > 4:
                    w[k] = w[k][:2] + w[k][3] + w[k][2] + w[k][4:]  # a typo
            out.append(" ".join(w))
        ps = out
    if rnd.random() < 0.1:  # some sentences paraphrased
        out = []
        for p in ps:
            if rnd.random() < 0.4:
                w = [SYNONYMS.get(x, x) for x in p.split(" ")]
                h = len(w) // 2
                p = " ".join(w[h:] + w[:h]) if len(w) > 12 else " ".join(w)
                own += len(w) // 2
            out.append(p)
        ps = out
    if rnd.random() < 0.2:  # a paragraph of its own
        extra = " ".join(rnd.choice(LOCAL).format(c=city, s=site) for _ in range(2))
        ps.insert(rnd.randint(1, len(ps)), extra)
        own += len(extra.split())
    total = sum(len(p.split()) for p in ps)
    return ps, (total - own) / max(total, 1)


def main():
    n, prefix = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    bases = load(rnd)
    sites = ["%s-%s.example" % (rnd.choice(["daily", "post", "times", "herald", "news", "wire"]), i)
             for i in range(2000)]
    chrome = {}
    for s in sites:
        own_line = "%s app: %s alerts on your phone" % (s.split(".")[0].title(), rnd.choice(SECTIONS))
        head = " | ".join(rnd.sample(SECTIONS, 4))
        foot = rnd.sample(KNOWN_CHROME, 2) + ["(c) 2026 %s. All rights reserved." % s]
        chrome[s] = (head, own_line, foot)
    arts, fam_rows, story_rows, pair_rows = [], [], [], []
    t0 = 1767225600  # 2026-01-01
    i = 0
    while len(arts) < n:
        key, title, paras, story = bases[i % len(bases)]
        r = i // len(bases)
        i += 1
        if r:
            paras = [" ".join(round_mark(p.split(" "), r)) for p in paras]
        fid = "f%d" % i
        agency = "agency-%d.example" % (i % 40)
        when = t0 + rnd.randrange(300 * 86400)
        size = 1 if rnd.random() < 0.25 else min(1 + int(rnd.expovariate(1 / 4.0)), 40)
        origin = "%s/o" % fid
        arts.append((when, {"id": origin, "site": agency, "title": title,
                            "text": "\n\n".join(paras)}))
        fam_rows.append((origin, origin))
        story_rows.append((origin, (story + "r%d" % r) if story else origin))
        for c in range(1, size):
            site = rnd.choice(sites)
            head, own_line, foot = chrome[site]
            ps, share = transform(rnd, paras, site, rnd.choice(CITIES))
            text = "\n\n".join([head] + ps + [own_line] + foot)
            cid = "%s/c%d" % (fid, c)
            arts.append((when + rnd.randrange(1800, 36 * 3600),
                         {"id": cid, "site": site, "title": title, "text": text}))
            fam_rows.append((cid, origin))
            story_rows.append((cid, (story + "r%d" % r) if story else origin))
            pair_rows.append((origin, cid, "verbatim" if share >= 0.8 else "edited"))
    arts.sort(key=lambda a: (a[0], a[1]["id"]))
    import time as _t
    with open(prefix + ".jsonl", "w", encoding="utf-8") as f:
        for when, a in arts:
            a["date"] = _t.strftime("%Y-%m-%dT%H:%M:%SZ", _t.gmtime(when))
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    for name, rows, head in [("families", fam_rows, "id\tstory"), ("stories", story_rows, "id\tstory"),
                             ("pairs", pair_rows, "source\tcopy\trelation")]:
        with open("%s.%s.tsv" % (prefix, name), "w", encoding="utf-8") as f:
            f.write(head + "\n")
            for row in rows:
                f.write("\t".join(row) + "\n")
    print("%d articles, %d families, %d copy pairs, %d base texts (%d reuse rounds)" %
          (len(arts), i, len(pair_rows), len(bases), (i - 1) // len(bases) + 1), file=sys.stderr)


if __name__ == "__main__":
    main()
