#!/usr/bin/env python3
"""make_syndication.py N OUT_PREFIX [SEED] - a syndication corpus of about N
articles built from real base articles, with its gold labels.  Python 3,
standard library only; the same N and SEED give the same bytes.

Base texts are read at run time from ../shared/data (Reuters-21578 wire
stories, BBC news, Giveme5W1H pages, COUNTER's Urdu agency stories); none is
copied into the repository.  Each family is one base text published by an
agency and copied by other sites; a copy is taken from the agency text or,
one time in five, from an earlier copy (a chain), and is:
  - wrapped in its site's page chrome: lines the tool's rules know ("Share
    this article", "Subscribe to our newsletter", a copyright line, "Related:"
    or Urdu "مزید پڑھیں" with another article's title, between paragraphs),
    lines only that site prints on every page (section links, its app's
    promotion) and lines no rule knows that change on every page ("Updated 5
    hours ago", "Comments (12)", "Trending: <another title>");
  - sometimes trimmed to its first paragraphs, respelled (US/UK spellings,
    typos), given a paragraph of its own, or with sentences paraphrased
    (clauses swapped, words replaced);
  - dated half an hour to a day and a half after the text it copies.
COUNTER's newspaper versions of an agency story are added to that story as
they were printed: wholly or partially derived ones as copies of the agency
text, non-derived ones as independent reports of the same story.
Giveme5W1H's gold stories give stories with independent reports: the pages
of one event are dated within two days of each other, each with its own
copies.  A quarter of the families are unrelated singletons.

Base texts are reused when N needs more families than there are texts.  In
reuse round r > 0 every word is replaced by another word of the same script
and about the same frequency in the base texts (words ranked by frequency
are permuted within bands: two words at the top, 64 from rank 256 down; one
permutation a round; digits permuted too), so a round keeps the shape of real news (word lengths, Zipf's law,
repeated names within a story, shared vocabulary within a topic) while
sharing no 5-word shingle with another round: round r is another season of
news with the same structure.  The texts read as nonsense, but every stage
of the pipeline sees real word statistics.

Writes OUT_PREFIX.jsonl (articles in date order), and gold labels:
  OUT_PREFIX.families.tsv  id, story = the family's origin; for every
      article (copy detection: `wiretrace eval` scores the `family` of the
      results as a clustering, pair precision and recall);
  OUT_PREFIX.pairs.tsv  source, copy, relation: every copy with the text it
      was made from (`verbatim` when at least 80% of the copy's words are
      its source's, else `edited`; COUNTER's own labels for its versions);
  OUT_PREFIX.stories.tsv  id, story: only the articles whose story the data
      gives (Giveme5W1H's events, COUNTER's agency stories); the other
      families' stories are unknown (a month of Reuters grain reports may
      rightly be one story), so they are left out rather than guessed.
"""
import json
import os
import random
import re
import sys
import time

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")

KNOWN_CHROME = [
    "Share this article", "Subscribe to our newsletter", "Read more:",
    "Advertisement", "Sign up for our daily briefing", "Follow us on Twitter",
    "Related articles", "Click here to read more", "Photo: Reuters",
    "Share on Facebook Twitter Email", "Loading...", "Image copyright Getty Images",
]
URDU_CHROME = ["یہ بھی پڑھیں", "اشتہار", "جملہ حقوق محفوظ ہیں"]
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
# A paragraph of a copy's own: a slot every two or three words, so that two
# such paragraphs share no run of words long enough to seed an alignment.
FIRST = ["Anna", "Marek", "Sofia", "Jonas", "Leila", "Tomas", "Ines", "Pavel", "Greta", "Omar",
         "Clara", "Mikko", "Rosa", "Dario", "Hanna", "Yusuf", "Elena", "Bruno", "Katja", "Luis"]
LAST = ["Novak", "Silva", "Berg", "Costa", "Lindqvist", "Moreau", "Kowalski", "Rossi", "Huber",
        "Jensen", "Ortega", "Virtanen", "Dubois", "Horvat", "Keller", "Petrov", "Byrne", "Weber"]
ROLE = ["a spokesperson", "an economist", "a councillor", "the director", "a union official",
        "a local trader", "a professor", "the mayor's adviser", "a resident", "a lawyer"]
ORG = ["the chamber of commerce", "the city council", "the regional bank", "the port authority",
       "the university", "the hospital trust", "the farmers' union", "the transport office"]
GROUP = ["families", "firms", "workers", "shops", "students", "farmers", "drivers", "patients",
         "exporters", "households"]
VERB = ["had been affected", "were waiting", "had complained", "could benefit", "were preparing",
        "had asked questions", "would be watching", "had already reacted"]
WHEN = ["since Monday", "this week", "last month", "in recent days", "so far", "overnight",
        "since the spring", "by Friday"]


def local(rnd, city, site):
    """@return two sentences of a site's own reporting."""
    out = []
    for _ in range(2):
        out.append("%s %s, %s at %s in %s, told the %s that %d %s %s %s." % (
            rnd.choice(FIRST), rnd.choice(LAST), rnd.choice(ROLE), rnd.choice(ORG), city,
            site.split(".")[0].replace("-", " ").title(), rnd.randint(2, 900), rnd.choice(GROUP),
            rnd.choice(VERB), rnd.choice(WHEN)))
    return " ".join(out)


CITIES = ["Leeds", "Porto", "Graz", "Tampere", "Lyon", "Bergen", "Cork", "Brno", "Ghent",
          "Split", "Turku", "Aarhus", "Bilbao", "Malmo", "Pisa", "Kaunas"]
TOKEN = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
NUMBER = re.compile(r"^[\d.,%$]*\d[\d.,%$]*$")
BAND = 64  # the widest band of words permuted among themselves


def paragraphs(text):
    parts = re.split(r"\n\s*\n|\n {3,}", text)
    return [" ".join(p.split()) for p in parts if p.strip()]


def script(word):
    for ch in word:
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
            return "arabic"
        if ch.isalpha():
            return "latin" if ch < "\u0250" else "other"
    return "other"


def load(rnd):
    """@return the base texts, shuffled: (key, title, paragraphs, story,
    versions), versions being COUNTER's newspaper texts [(paragraphs,
    relation)]."""
    bases = []

    def rows(name):
        path = os.path.join(DATA, name, "articles.jsonl")
        if os.path.exists(path):
            for line in open(path, encoding="utf-8"):
                yield json.loads(line)

    gold = {}
    gpath = os.path.join(DATA, "giveme5w1h", "stories.tsv")
    if os.path.exists(gpath):
        for line in open(gpath, encoding="utf-8").read().splitlines()[1:]:
            f = line.split("\t")
            gold[f[0]] = "g" + f[1]
    for name in ["reuters21578", "bbc", "giveme5w1h"]:
        for r in rows(name):
            ps = paragraphs(r.get("text") or "")
            if sum(len(p.split()) for p in ps) >= 60:
                bases.append((name + ":" + r["id"], r.get("title") or "", ps, gold.get(r["id"]), []))
    # COUNTER: agency stories (ids 0001...) and the newspapers' versions
    # (0001p...), related by its pairs.tsv.
    counter = {r["id"]: r for r in rows("counter")}
    versions = {}
    cpath = os.path.join(DATA, "counter", "pairs.tsv")
    if os.path.exists(cpath):
        for line in open(cpath, encoding="utf-8").read().splitlines()[1:]:
            s, c, rel = line.split("\t")[:3]
            if s in counter and c in counter:
                versions.setdefault(s, []).append((paragraphs(counter[c].get("text") or ""), rel))
    for cid, r in counter.items():
        if cid in versions:
            ps = paragraphs(r.get("text") or "")
            if sum(len(p.split()) for p in ps) >= 30:
                bases.append(("counter:" + cid, r.get("title") or "", ps, "c" + cid,
                              [v for v in versions[cid] if v[0]]))
    if not bases:
        sys.exit("make_syndication.py: ../shared/data is absent")
    # The sources repeat themselves (BBC's duplicates, Reuters' re-sends and
    # its templated notices): a base text sharing a fifth of its six-word
    # shingles with one kept already would make two "families" of one text.
    seen, kept = set(), []
    for b in bases:
        words = " ".join(b[2]).lower().split()
        sh = {hash(" ".join(words[k:k + 6])) for k in range(max(1, len(words) - 5))}
        if len(sh & seen) < 0.2 * len(sh):
            kept.append(b)
            seen |= sh
    rnd.shuffle(kept)
    return kept


def vocabulary(bases):
    """@return {script: [words by falling frequency]} over the base texts,
    their titles and versions (lowercased cores of space-separated tokens,
    numbers left out)."""
    count = {}
    for _, title, ps, _, versions in bases:
        texts = [title] + ps + [p for v in versions for p in v[0]]
        for p in texts:
            for tok in p.split():
                core = TOKEN.match(tok).group(2).lower()
                if core and not NUMBER.match(core):
                    count[core] = count.get(core, 0) + 1
    by = {}
    for w in sorted(count, key=lambda w: (-count[w], w)):
        by.setdefault(script(w), []).append(w)
    return by


class Round:
    """The word map of one reuse round: the words of one script ranked by
    frequency are cut into bands, each permuted.  A band starting at rank k
    holds k/4 words (at least 2, at most BAND), so that a word's stand-in is
    about as frequent (within a quarter, by Zipf's law): "the" becomes "of"
    and not a content word that would then be in every article of the round
    with a weight (the stories stage has no stopword list, only IDF).
    Digits 1-9 are permuted."""

    def __init__(self, vocab, seed, r):
        rnd = random.Random(seed * 1000003 + r)
        self.map = {}
        for words in vocab.values():
            k = 0
            while k < len(words):
                band = words[k:k + max(2, min(BAND, k // 4))]
                perm = band[:]
                rnd.shuffle(perm)
                self.map.update(zip(band, perm))
                k += len(band)
        d = list("123456789")
        rnd.shuffle(d)
        self.digits = str.maketrans("123456789", "".join(d))
        self.cache = {}

    def token(self, tok):
        out = self.cache.get(tok)
        if out is not None:
            return out
        lead, core, tail = TOKEN.match(tok).groups()
        if NUMBER.match(core):
            new = core.translate(self.digits)
        else:
            new = self.map.get(core.lower(), core)
            if core.isupper() and len(core) > 1:
                new = new.upper()
            elif core[:1].isupper():
                new = new[:1].upper() + new[1:]
        out = lead + new + tail
        if len(self.cache) < 2000000:
            self.cache[tok] = out
        return out

    def text(self, p):
        return " ".join(self.token(t) for t in p.split(" ")) if p else p


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
        extra = local(rnd, city, site)
        ps.insert(rnd.randint(1, len(ps)), extra)
        own += len(extra.split())
    total = sum(len(p.split()) for p in ps)
    return ps, (total - own) / max(total, 1)


def dress(rnd, ps, site_chrome, urdu, other_title):
    """@return the text of a copy: its paragraphs in its site's chrome."""
    head, own_line, foot = site_chrome
    body = list(ps)
    if len(body) > 1 and rnd.random() < 0.3:  # a related link between paragraphs
        line = ("مزید پڑھیں: " if urdu else rnd.choice(["Related: ", "READ MORE: ", "See also: "]))
        body.insert(rnd.randint(1, len(body) - 1), line + other_title)
    top = [head]
    if rnd.random() < 0.4:  # no rule knows these; they change from page to page
        top.append(rnd.choice(["Updated %d hours ago", "Last updated %d min ago",
                               "%d min read"]) % rnd.randint(1, 59))
    bottom = [own_line]
    if rnd.random() < 0.3:
        bottom.append("Comments (%d)" % rnd.randint(0, 400))
    if rnd.random() < 0.2:
        bottom.append("Trending: " + other_title)
    return "\n\n".join(top + body + bottom + (URDU_CHROME[:1] + foot[1:] if urdu else foot))


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: make_syndication.py N OUT_PREFIX [SEED]")
    n, prefix = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    rnd = random.Random(seed)
    bases = load(rnd)
    vocab = vocabulary(bases)
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
    anchor = {}  # (story, round) -> the day its first report appears
    rounds = None
    i = 0
    while len(arts) < n:
        key, title, paras, story, versions = bases[i % len(bases)]
        r = i // len(bases)
        i += 1
        if r and (rounds is None or rounds[0] != r):
            rounds = (r, Round(vocab, seed, r))
        if r:
            m = rounds[1]
            title = m.text(title)
            paras = [m.text(p) for p in paras]
            versions = [([m.text(p) for p in v], rel) for v, rel in versions]
        urdu = key.startswith("counter:")
        fid = "f%d" % i
        agency = "agency-%d.example" % (i % 40)
        sid = (story + "r%d" % r) if story else None
        if sid:
            if sid not in anchor:
                anchor[sid] = t0 + rnd.randrange(300 * 86400)
            when = anchor[sid] + rnd.randrange(2 * 86400)
        else:
            when = t0 + rnd.randrange(300 * 86400)
        size = 1 if rnd.random() < 0.25 else min(1 + int(rnd.expovariate(1 / 4.0)), 40)
        origin = "%s/o" % fid
        arts.append((when, {"id": origin, "site": agency, "title": title,
                            "text": "\n\n".join(paras)}))
        fam_rows.append((origin, origin))
        if sid:
            story_rows.append((origin, sid))
        members = [(origin, paras, when)]
        for c in range(1, size):
            site = rnd.choice(sites)
            parent, pparas, pwhen = members[0] if rnd.random() < 0.8 else rnd.choice(members)
            ps, share = transform(rnd, pparas, site, rnd.choice(CITIES))
            other = bases[rnd.randrange(len(bases))][1] or "Latest news"
            if r:
                other = rounds[1].text(other)
            cid = "%s/c%d" % (fid, c)
            cwhen = pwhen + rnd.randrange(1800, 36 * 3600)
            arts.append((cwhen, {"id": cid, "site": site, "title": title,
                                 "text": dress(rnd, ps, chrome[site], urdu, other)}))
            members.append((cid, ps, cwhen))
            fam_rows.append((cid, origin))
            if sid:
                story_rows.append((cid, sid))
            pair_rows.append((parent, cid, "verbatim" if share >= 0.8 else "edited"))
        for k, (vps, rel) in enumerate(versions):  # COUNTER's newspaper versions
            site = rnd.choice(sites)
            vid = "%s/v%d" % (fid, k + 1)
            arts.append((when + rnd.randrange(1800, 36 * 3600),
                         {"id": vid, "site": site, "title": title,
                          "text": dress(rnd, vps, chrome[site], True, title)}))
            story_rows.append((vid, sid))
            if rel == "non_derived":
                fam_rows.append((vid, vid))
            else:
                fam_rows.append((vid, origin))
            pair_rows.append((origin, vid, rel))
    arts.sort(key=lambda a: (a[0], a[1]["id"]))
    with open(prefix + ".jsonl", "w", encoding="utf-8") as f:
        for when, a in arts:
            a["date"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when))
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    for name, rows, head in [("families", fam_rows, "id\tstory"), ("stories", story_rows, "id\tstory"),
                             ("pairs", pair_rows, "source\tcopy\trelation")]:
        with open("%s.%s.tsv" % (prefix, name), "w", encoding="utf-8") as f:
            f.write(head + "\n")
            for row in rows:
                f.write("\t".join(row) + "\n")
    print("%d articles, %d families, %d gold pairs, %d base texts (%d rounds), %d with a known story" %
          (len(arts), i, len(pair_rows), len(bases), (i - 1) // len(bases) + 1, len(story_rows)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
