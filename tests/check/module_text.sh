#!/bin/sh
# The bundled module says what its source and the law say (the review
# module-2026-12 and docs/module.md, "The bundled module"): chapter 1 in the
# past tense with the campaign's own parts and its earlier initiatives told
# apart, the employer's full name in every language, the four duties named
# with their articles and their French terms, a final pool that covers every
# objective twice, « je » in every choice, no retired question id used again,
# and fictional speakers who are not the real project team.
. tests/lib.sh
B=assets/modules/tu-me-suis

python3 - "$B/module.yaml" assets/tools/voiceover >"$TMP/out" 2>&1 <<'PY'
import os, re, sys, yaml

m = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
langs = m["languages"]
ch = {c["id"]: c for c in m["chapters"]}
def text(c, l):
    return " ".join([c["title"][l]] + [p[l] for p in c["paragraphs"]] + [k[l] for k in c["key_points"]])
def check(name, ok, why=""):
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + why))

c1 = {l: text(ch["campagne"], l) for l in langs}
check("chapter 1: launched in October 2019, told in the past",
      "Lancée en octobre 2019" in c1["fr"] and "Launched in October 2019" in c1["en"]
      and "Im Oktober 2019 starteten" in c1["de"], c1["fr"][:80])
stale = [w for w in ("Depuis", "chaque mois", "Every month", "monatlich", "Chaque chapitre reprend")
         if any(w in c1[l] for l in langs)]
check("chapter 1: no claim about today, no « chaque chapitre reprend »", not stale, str(stale))
check("chapter 1: each video followed by an intranet article and a workshop",
      all(all(w in c1[l] for w in ws) for l, ws in
          (("fr", ("article", "intranet", "atelier")), ("en", ("article", "workshop")),
           ("de", ("Artikel", "Workshop")))))
check("chapter 1: the videos on Dailymotion and LinkedIn, for staff off the intranet",
      all("Dailymotion" in c1[l] and "LinkedIn" in c1[l] for l in langs))
check("chapter 1: Totem, reverse mentoring and « 1 jour » told as earlier initiatives",
      "plus anciennes" in c1["fr"] and "earlier initiatives" in c1["en"]
      and "frühere Angebote" in c1["de"]
      and all("Totem" in c1[l] and "1\u00a0jour" in c1[l] for l in langs))
more = " ".join(x[l] for x in m.get("more", []) for l in langs)
check("« Pour aller plus loin »: no video said to be on the intranet",
      "Toutes les vidéos" not in more and "All the videos" not in more)
check("« Pour aller plus loin »: every line is an offer for an author to confirm",
      all(x.get("offer") for x in m.get("more", [])))

check("the employer's full name in every language",
      "la Ville et l\u2019Eurométropole de Strasbourg" in c1["fr"]
      and "City and Eurometropolis of Strasbourg" in c1["en"]
      and "Stadt und die Eurometropole Straßburg" in c1["de"])
def all_text(l):
    out = [text(c, l) for c in m["chapters"]]
    for q in m["questions"]:
        out += [q["prompt"][l], q["explanation"][l]] + [c[l] for c in q["choices"]]
    return " ".join(out)
check("English never says « Eurométropole »", "Eurométropole" not in all_text("en"))

c4 = {l: text(ch["expression"], l) for l in langs}
law = all(a in c4[l] for l in langs for a in ("L121-2", "L121-6", "L121-7"))
terms = all(t in c4[l] for l in ("en", "de") for t in
            ("obligation de réserve", "neutralité", "discrétion professionnelle", "secret professionnel"))
check("chapter 4: neutralité, secret and discrétion with their CGFP articles", law, c4["en"][:120])
check("chapter 4: English and German give the French terms", terms, c4["de"][:120])
c3 = text(ch["comptes"], "fr")
check("chapter 3: the duties apply in every case; naming the employer engages the service",
      "dans tous les cas" in c3 and "engage davantage le service" in c3)
check("chapter 6: photos of people under the law (Code civil art. 9), not as a house ban",
      all("9" in text(ch["linkedin-x"], l) for l in langs)
      and "aucune photo d\u2019enfants" not in text(ch["linkedin-x"], "fr"))

pool = [q for q in m["questions"] if "chapter" not in q]
for o in m["objectives"]:
    n = sum(q["objective"] == o["id"] for q in pool)
    check(f"final pool: objective {o['id']} has {n} questions (2 or more)", n >= 2)
pro = [q for q in m["questions"] if q["objective"] == "pro-use"]
check("pro-use: every question is about LinkedIn or X",
      all(re.search(r"LinkedIn|\bX\b", q["prompt"]["en"]) for q in pro),
      str([q["id"] for q in pro if not re.search(r"LinkedIn|\bX\b", q["prompt"]["en"])]))
vous = [q["id"] for q in m["questions"] for c in q["choices"]
        if re.search(r"\b(vous|votre|vos)\b", c["fr"], re.I)]
check("choices say « je », never « vous »", not vous, str(vous))

# The statistics are kept by question id: an id the changelog retired never
# comes back on another question (its figures would merge with the old one's).
log = open(os.path.join(os.path.dirname(sys.argv[1]), "CHANGELOG.md"), encoding="utf-8").read()
retired = {i for part in re.findall(r"Retired:(.*?)\.(?:\s|$)", log, re.S)
           for i in re.findall(r"`([a-z0-9-]+)`", part)}
ids = [q["id"] for q in m["questions"]]
check(f"no retired question id is used again ({len(retired)} retired)",
      len(retired) >= 18 and not retired & set(ids), str(sorted(retired & set(ids))))
check("question ids are unique", len(ids) == len(set(ids)))

real = ("Léa", "Thomas", "Pierre", "Claude", "Anne")
named = sorted({f for f in os.listdir(sys.argv[2]) for r in real
                if re.search(r"(^|\n)" + r + r"\b", open(os.path.join(sys.argv[2], f), encoding="utf-8").read())})
check("fictional speakers are not named like the real project team", not named, str(named))
PY
cat "$TMP/out"
grep -q '^PASS' "$TMP/out" || fail "the module could be read" "$(head -c 400 "$TMP/out")"
