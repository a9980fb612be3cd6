#!/usr/bin/env python3
"""Builds a synthetic news archive of N articles from the stories of corpora/,
with gold story ids, to measure how many-article mode grows (time, memory)
and how well it groups articles into stories (bench/archive_bench.py).

Each synthetic story copies one story of corpora/ (the articles that its gold
alignments link, so an unrelated article of a folder is a story of its own)
and varies what identifies it:
  - numbers: every digit is replaced through a story-specific permutation
    of 1-9 (0 kept), so a number changes but keeps its digits' places and
    stays one number across languages and local formats ("11,000", "1.1万",
    "1만1천" and "11 тыс." become "77,000", "7.7万", "7만7천", "77 тыс.");
  - names: every capitalised word inside a sentence (Latin or Cyrillic
    script) gets a story-specific prefix, the same syllables in either
    script (Melnyk -> Tormelnyk, Мельник -> Тормельник), so a story's names
    still meet across scripts by their consonant skeletons but differ from
    every other story copied from the same template;
  - a person: an invented name (Latin script, Cyrillic in uk/ru/bg articles)
    credited in one paragraph of every article of the story;
  - the date: the header date is a random day of 2020-2026, the articles of
    one story within two days of each other;
  - the wording: each body paragraph is kept with probability 0.85 (the
    headline always), so no two articles of a template read alike.
A tenth of the stories are decoys: one of their articles also credits the
invented person of another story (a shared key that must not merge them).
Stories copied from one template share their remaining names (those
starting a sentence) and words: the common keys of a topic, which must
weigh little.

Output: OUT/dNNN/NNNNNN.OUTLET.LANG.txt (1,000 per folder) and OUT/gold.tsv
(`file<TAB>story<TAB>template`). With --one-sentence each article is its
header and the first sentence of one of its paragraphs. With --one-story S
all N articles report one story (the largest of corpora/), each about S
sentences long: its paragraphs repeated, the numbers of each repetition
varied alike in every article.

  python3 bench/make_archive.py 10000 /tmp/archive10k [--seed 1]
"""
import argparse
import datetime
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.join(HERE, "..", "corpora")

# Share of body paragraphs kept in each article (wording varied per story).
KEEP_PARAGRAPH = 0.85
# Share of stories that credit another story's person too (decoys).
DECOY_SHARE = 0.1

SYLLABLES = ["ka", "lo", "mir", "ta", "ven", "do", "ri", "sel", "na", "bor",
             "zu", "gan", "le", "tor", "vi", "mas", "ed", "run", "pa", "sko"]
CYRILLIC = {"a": "а", "c": "ц", "f": "ф", "h": "х", "b": "б", "d": "д", "e": "е", "g": "г", "i": "і",
            "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п",
            "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "z": "з"}


def templates():
    """The stories of corpora/: lists of article paths linked by gold."""
    result = []
    for story in sorted(os.listdir(CORPORA)):
        folder = os.path.join(CORPORA, story)
        if not os.path.isdir(folder):
            continue
        articles = sorted(f for f in os.listdir(folder) if f.endswith(".txt"))
        parent = {a: a for a in articles}

        def find(x):
            while parent[x] != x:
                x = parent[x]
            return x

        with open(os.path.join(folder, "pairs.tsv"), encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                src, tgt, _, gold = line.rstrip("\n").split("\t")[:4]
                with open(os.path.join(folder, gold), encoding="utf-8") as g:
                    beads = [b for b in g if b.strip() and not b.startswith("#")]
                if beads:
                    parent[find(src)] = find(tgt)
        groups = {}
        for a in articles:
            groups.setdefault(find(a), []).append(os.path.join(folder, a))
        result.extend(sorted(groups.values()))
    return result


def invented_name(rng):
    def word():
        return "".join(rng.choice(SYLLABLES)
                       for _ in range(rng.randint(2, 3))).capitalize()
    return word() + " " + word()


def cyrillic(name):
    return "".join(CYRILLIC.get(c.lower(), c).upper() if c.isupper()
                   else CYRILLIC.get(c, c) for c in name)


# A capitalised word inside a sentence: after a letter, digit, comma or
# closing bracket and a space (not after a sentence end or a quote mark).
INNER_NAME = re.compile(r"(?<=[^\s.!?:\"«„“] )([A-ZА-ЯІЇЄҐЁ])(?=[a-zа-яіїєґё'-]+)")


def name_prefix(rng):
    c, v = "bdgklmnprstvz", "aeiou"
    return (rng.choice(c) + rng.choice(v) + rng.choice(c) + rng.choice(v) +
            rng.choice(c)).capitalize()


def count_sentences(paragraphs):
    return sum(len(re.findall(r"[.!?。！？](\s|$)", p)) or 1 for p in paragraphs)


def first_sentence(paragraph):
    m = re.search(r"(.+?[.!?。！？])(\s|$)", paragraph)
    return m.group(1) if m else paragraph


class Story:
    def __init__(self, rng, number, template):
        self.number = number
        self.template = template
        self.name = invented_name(rng)
        self.prefix = name_prefix(rng)
        self.numbers = {}
        self.date = datetime.date(2020, 1, 1) + datetime.timedelta(
            days=rng.randrange(7 * 365))
        self.decoy = None  # another story whose person is credited too

    def number_for(self, rng, key):
        """The digits of `key` ("TAG:DIGITS", TAG naming a repetition of
        --one-story, or "DIGITS") through the permutation of its TAG."""
        tag, _, digits = key.rpartition(":")
        if tag not in self.numbers:
            shuffled = list("123456789")
            rng.shuffle(shuffled)
            self.numbers[tag] = dict(zip("0123456789", ["0"] + shuffled))
        return "".join(self.numbers[tag][c] for c in digits)


def render(rng, story, path, one_sentence, sentences=0):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = lines[0]
    lang = re.search(r"lang: (\w+)", header).group(1)
    outlet = re.search(r"outlet: ([^|]+)", header).group(1).strip()
    date = story.date + datetime.timedelta(days=rng.randint(0, 2))
    header = re.sub(r"date: [0-9-]+", "date: " + date.isoformat(), header)
    body = [l for l in lines[1:] if l.strip()]
    kept = body[:1] + [p for p in body[1:] if rng.random() < KEEP_PARAGRAPH]
    repetition = 0
    while sentences and count_sentences(kept) < sentences:
        repetition += 1
        tag = "r%d:" % repetition  # this repetition's own numbers
        kept += [re.sub(r"\d+", lambda m: tag + m.group(0), p) for p in body[1:]
                 if rng.random() < KEEP_PARAGRAPH]
    cyr = lang in ("uk", "ru", "bg")
    prefix = cyrillic(story.prefix) if cyr else story.prefix

    def rename(m):
        return prefix + m.group(1).lower()

    kept = [INNER_NAME.sub(rename, p) for p in kept]
    names = [story.name]
    if story.decoy is not None and rng.random() < 0.5:
        names.append(story.decoy.name)
    for name in names:
        shown = cyrillic(name) if cyr else name
        k = rng.randrange(len(kept))
        kept[k] += " (" + shown + ")"
    text = [re.sub(r"(r\d+:)?\d+",
                   lambda m: story.number_for(rng, m.group(0)), p)
            for p in kept]
    if one_sentence:
        text = [first_sentence(rng.choice(text))]
    slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
    return header + "\n" + "\n\n".join(text) + "\n", slug, lang


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one-sentence", action="store_true")
    parser.add_argument("--one-story", type=int, default=0, metavar="S")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    stories_of = templates()
    os.makedirs(args.out, exist_ok=True)
    gold = []
    stories = []
    count = 0
    if args.one_story:
        t = max(range(len(stories_of)), key=lambda k: len(stories_of[k]))
        story = Story(rng, 0, t)
        stories.append(story)
        for count in range(args.articles):
            path = stories_of[t][count % len(stories_of[t])]
            text, slug, lang = render(rng, story, path, False, args.one_story)
            name = "%06d.%s.%s.txt" % (count, slug, lang)
            with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
                f.write(text)
            gold.append("%s\t0\t%d" % (name, t))
        count = args.articles
    while count < args.articles:
        t = rng.randrange(len(stories_of))
        members = stories_of[t]
        size = rng.randint(2, len(members)) if len(members) > 1 else 1
        story = Story(rng, len(stories), t)
        if stories and rng.random() < DECOY_SHARE:
            story.decoy = rng.choice(stories)
        stories.append(story)
        for path in rng.sample(members, size):
            if count == args.articles:
                break
            text, slug, lang = render(rng, story, path, args.one_sentence)
            folder = os.path.join(args.out, "d%03d" % (count // 1000))
            os.makedirs(folder, exist_ok=True)
            name = "%06d.%s.%s.txt" % (count, slug, lang)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
            gold.append("%s\t%d\t%d" % (os.path.join(os.path.basename(folder),
                                                     name), story.number, t))
            count += 1
    with open(os.path.join(args.out, "gold.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\tstory\ttemplate\n" + "\n".join(gold) + "\n")
    print("%d articles, %d stories, %d templates -> %s" %
          (count, len(stories), len(stories_of), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
